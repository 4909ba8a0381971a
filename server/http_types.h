#pragma once
// The server's plain request and response: what the Beast session hands to the router and gets
// back, so routes and handlers are tested without sockets. Value types.

#include <string>
#include <utility>
#include <vector>

namespace server {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: path and query string
  std::string path;    // percent-decoded path, no query string
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters, in order
  std::string authorization;
  std::string origin;
  std::string content_type;
  std::string if_none_match;  // the ETag a browser already holds
  std::string body;
  std::string remote;  // peer address, for logs
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string log_detail;  // what went wrong inside, for the server's log only (never sent)
};

}  // namespace server
