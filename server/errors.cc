#include "server/errors.h"

#include <array>

#include <nlohmann/json.hpp>

#include "ranking/response_json.h"

namespace server {
namespace {

constexpr std::array<ErrorInfo, 18> kErrors = {{
    {"bad_parameter", 400},
    {"unknown_parameter", 400},
    {"invalid_query", 400},
    {"invalid_body", 400},
    {"validation_failed", 400},
    {"unauthorized", 401},
    {"forbidden", 403},
    {"not_found", 404},
    {"method_not_allowed", 405},
    {"payload_too_large", 413},
    {"uri_too_long", 414},
    {"unsupported_media_type", 415},
    {"header_too_large", 431},
    {"rate_limited", 429},
    {"overloaded", 503},
    {"index_unavailable", 503},
    {"shard_unavailable", 503},
    {"internal", 500},
}};

}  // namespace

const ErrorInfo& error_info(ApiError error) { return kErrors.at(static_cast<std::size_t>(error)); }

HttpResponse error_response(ApiError error, std::string_view message, std::string_view field) {
  const ErrorInfo& info = error_info(error);
  nlohmann::json body = {{"code", info.code}, {"message", message}};
  if (!field.empty()) body["field"] = field;
  HttpResponse response;
  response.status = info.status;
  response.body = ranking::json_text(nlohmann::json{{"error", body}});
  if (error == ApiError::overloaded || error == ApiError::index_unavailable || error == ApiError::shard_unavailable)
    response.headers.emplace_back("Retry-After", "1");
  if (error == ApiError::unauthorized) response.headers.emplace_back("WWW-Authenticate", "Bearer");
  return response;
}

HttpResponse error_response(const corpus::Error& error) {
  using corpus::ErrorCode;
  switch (error.code) {
    case ErrorCode::invalid_argument:
      return error_response(ApiError::bad_parameter, error.message, error.field);
    case ErrorCode::parse_error:
      return error_response(ApiError::invalid_query, error.message, error.field);
    case ErrorCode::validation:
      return error_response(ApiError::validation_failed, error.message, error.field);
    case ErrorCode::not_found:
      return error_response(ApiError::not_found, error.message, error.field);
    case ErrorCode::busy:
      return error_response(ApiError::overloaded, "the index is being written by another process; try again");
    case ErrorCode::unavailable:
      // The message names the shard as the operator configured it (docs/scaling.md).
      return error_response(ApiError::shard_unavailable, error.message, error.field);
    case ErrorCode::index:
    case ErrorCode::io: {
      // Internal paths stay in the server's log, not in the answer.
      HttpResponse response = error_response(ApiError::index_unavailable, "the index is not available right now");
      response.log_detail = error.to_string();
      return response;
    }
    case ErrorCode::internal:
      break;
  }
  HttpResponse response = error_response(ApiError::internal, "internal error");
  response.log_detail = error.to_string();
  return response;
}

}  // namespace server
