#pragma once
// The route table and dispatch: every route on one line (method, path pattern, handler, the
// query parameters it takes, whether it writes). dispatch() is the whole request -> response
// function the HTTP session calls: routing, 404/405, CORS, unknown parameters, API keys, and the
// one catch-all for exceptions. No sockets here, so it is tested directly.

#include <string>
#include <string_view>
#include <vector>

#include "server/http_types.h"
#include "server/service.h"

namespace server {

struct RouteMatch {
  std::string_view name;              // the route's name, for metrics and logs
  std::vector<std::string> captures;  // values of {placeholders}, in order
};

using Handler = HttpResponse (*)(const HttpRequest&, const RouteMatch&, Service&);

struct Route {
  std::string_view method;
  std::string_view pattern;  // "/v1/documents/{id}"
  std::string_view name;
  Handler handler;
  std::vector<std::string_view> params;  // accepted query parameters, others rejected; {"*"}: any
  bool writes;                           // needs an API key
};

const std::vector<Route>& routes();

// Whether the request goes to a route that writes. The session answers those on threads of
// their own: a write waits for its commit to reach the disk, and must not hold an I/O thread
// that searches need meanwhile.
bool writes(const HttpRequest& request);

// Answers a request. `route_name` receives the matched route's name ("unmatched" if none). HEAD
// is answered on every GET route as GET is; the session leaves the body out.
HttpResponse dispatch(const HttpRequest& request, Service& service, std::string_view& route_name);

}  // namespace server
