#include "server/beast_request.h"

#include <string>

#include "server/errors.h"
#include "server/url.h"

namespace server {

namespace http = boost::beast::http;

std::optional<HttpResponse> read_request(BeastRequest& message, std::size_t max_target_bytes, HttpRequest& out) {
  out.method = std::string(message.method_string());
  out.target = std::string(message.target());
  if (out.target.size() > max_target_bytes) return error_response(ApiError::uri_too_long, "the URL is too long");
  auto target = parse_target(out.target);
  if (!target) return error_response(ApiError::bad_parameter, "malformed percent-encoding in the URL");
  out.path = std::move(target->path);
  out.params = std::move(target->params);
  out.authorization = std::string(message[http::field::authorization]);
  out.origin = std::string(message[http::field::origin]);
  out.content_type = std::string(message[http::field::content_type]);
  out.if_none_match = std::string(message[http::field::if_none_match]);
  out.body = std::move(message.body());
  return std::nullopt;
}

}  // namespace server
