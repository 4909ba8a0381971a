#pragma once
// The one error table: every API error code with its HTTP status, and the JSON error body of
// DESIGN.md ({"error": {"code", "message", "field"}}). Handlers return these; nothing else
// builds an error response.

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "corpus/result.h"
#include "server/http_types.h"

namespace server {

enum class ApiError {
  bad_parameter,         // 400: a parameter's value is wrong
  unknown_parameter,     // 400: a parameter the route does not take
  invalid_query,         // 400: q could not be parsed
  invalid_body,          // 400: the body is not valid JSON / JSON Lines, or not UTF-8
  validation_failed,     // 400: no record of the body passed validation
  unauthorized,          // 401: no or wrong API key
  forbidden,             // 403: writes are disabled (no keys configured)
  not_found,             // 404: unknown route or record
  method_not_allowed,    // 405
  payload_too_large,     // 413
  uri_too_long,          // 414
  unsupported_media_type,// 415
  header_too_large,      // 431
  rate_limited,          // 429: this address sent more requests than its rate allows
  overloaded,            // 503: too many connections or a write could not take the lock
  index_unavailable,     // 503: the index cannot be read
  shard_unavailable,     // 503: a shard of a sharded index does not answer (on_shard_failure = "unavailable")
  internal,              // 500; stays last (server/errors.cc counts the codes by it)
};

struct ErrorInfo {
  std::string_view code;
  int status;
};

const ErrorInfo& error_info(ApiError error);

HttpResponse error_response(ApiError error, std::string_view message, std::string_view field = "");

// The API error for a library Error (corpus::ErrorCode), with its message and details.
HttpResponse error_response(const corpus::Error& error);

// `api` with a library Error's whole text (file, line and column included) as the message, and its
// details: for a body that is not valid JSON, or whose records all fail.
HttpResponse error_response(ApiError api, const corpus::Error& error);

// What an Error adds to a JSON error object beside code and message: "field", "line" and
// "column" when known, and, for an input with several problems (a record's bad fields),
// "errors": each of them as {"field", "message", "line"}, the first included.
void add_error_details(const corpus::Error& error, nlohmann::json& object);

}  // namespace server
