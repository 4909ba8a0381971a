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

namespace {

// The response for `error` whose JSON error object is `body` (code and message set here).
HttpResponse respond(ApiError error, std::string_view message, nlohmann::json body) {
  const ErrorInfo& info = error_info(error);
  body["code"] = info.code;
  body["message"] = message;
  HttpResponse response;
  response.status = info.status;
  response.body = ranking::json_text(nlohmann::json{{"error", body}});
  if (error == ApiError::overloaded || error == ApiError::index_unavailable || error == ApiError::shard_unavailable)
    response.headers.emplace_back("Retry-After", "1");
  if (error == ApiError::unauthorized) response.headers.emplace_back("WWW-Authenticate", "Bearer");
  return response;
}

HttpResponse detailed(ApiError api, std::string_view message, const corpus::Error& detail) {
  nlohmann::json body = nlohmann::json::object();
  add_error_details(detail, body);
  return respond(api, message, std::move(body));
}

}  // namespace

HttpResponse error_response(ApiError error, std::string_view message, std::string_view field) {
  nlohmann::json body = nlohmann::json::object();
  if (!field.empty()) body["field"] = field;
  return respond(error, message, std::move(body));
}

void add_error_details(const corpus::Error& error, nlohmann::json& object) {
  auto position = [](const corpus::Error& e, nlohmann::json& out) {
    if (!e.field.empty()) out["field"] = e.field;
    if (e.line > 0) out["line"] = e.line;
    if (e.column > 0) out["column"] = e.column;
  };
  position(error, object);
  if (error.others.empty()) return;
  std::vector<const corpus::Error*> problems{&error};
  for (const auto& other : error.others) problems.push_back(&other);
  nlohmann::json all = nlohmann::json::array();
  for (const corpus::Error* problem : problems) {
    nlohmann::json item = {{"message", problem->message}};
    position(*problem, item);
    all.push_back(std::move(item));
  }
  object["errors"] = std::move(all);
}

HttpResponse error_response(ApiError api, const corpus::Error& error) { return detailed(api, error.to_string(), error); }

HttpResponse error_response(const corpus::Error& error) {
  using corpus::ErrorCode;
  switch (error.code) {
    case ErrorCode::invalid_argument:
      return error_response(ApiError::bad_parameter, error.message, error.field);
    case ErrorCode::parse_error:
      return detailed(ApiError::invalid_query, error.message, error);
    case ErrorCode::validation:
      return detailed(ApiError::validation_failed, error.message, error);
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
