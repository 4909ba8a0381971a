#include "server/errors.h"

#include <array>

#include <nlohmann/json.hpp>

#include "ranking/response_json.h"

namespace server {
namespace {

// Each code's name and HTTP status. A switch, not a table in the enum's order: a row cannot be
// misplaced, and a code left out comes back empty, which kErrors' static_assert refuses.
constexpr ErrorInfo info_of(ApiError error) {
  switch (error) {
    case ApiError::bad_parameter: return {"bad_parameter", 400};
    case ApiError::unknown_parameter: return {"unknown_parameter", 400};
    case ApiError::invalid_query: return {"invalid_query", 400};
    case ApiError::invalid_body: return {"invalid_body", 400};
    case ApiError::validation_failed: return {"validation_failed", 400};
    case ApiError::unauthorized: return {"unauthorized", 401};
    case ApiError::forbidden: return {"forbidden", 403};
    case ApiError::not_found: return {"not_found", 404};
    case ApiError::method_not_allowed: return {"method_not_allowed", 405};
    case ApiError::payload_too_large: return {"payload_too_large", 413};
    case ApiError::uri_too_long: return {"uri_too_long", 414};
    case ApiError::unsupported_media_type: return {"unsupported_media_type", 415};
    case ApiError::header_too_large: return {"header_too_large", 431};
    case ApiError::rate_limited: return {"rate_limited", 429};
    case ApiError::overloaded: return {"overloaded", 503};
    case ApiError::index_unavailable: return {"index_unavailable", 503};
    case ApiError::shard_unavailable: return {"shard_unavailable", 503};
    case ApiError::internal: return {"internal", 500};
  }
  return {"", 0};
}

constexpr std::size_t kErrorCount = static_cast<std::size_t>(ApiError::internal) + 1;  // internal is last
constexpr std::array<ErrorInfo, kErrorCount> kErrors = [] {
  std::array<ErrorInfo, kErrorCount> out{};
  for (std::size_t i = 0; i < kErrorCount; ++i) out[i] = info_of(static_cast<ApiError>(i));
  return out;
}();
static_assert([] {
  for (std::size_t i = 0; i < kErrorCount; ++i) {
    if (kErrors[i].code.empty() || kErrors[i].status < 400) return false;
    for (std::size_t j = 0; j < i; ++j)
      if (kErrors[j].code == kErrors[i].code) return false;
  }
  return true;
}(), "every ApiError has a name of its own and an error status (server/errors.cc, info_of)");

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
