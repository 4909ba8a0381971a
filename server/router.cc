#include "server/router.h"

#include <algorithm>
#include <set>

#include "server/errors.h"
#include "server/handlers.h"

namespace server {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

bool match(const Route& route, std::string_view path, std::vector<std::string>& captures) {
  auto pattern = split_path(route.pattern);
  auto parts = split_path(path);
  if (route.pattern == "/") return path == "/";
  if (pattern.size() != parts.size()) return false;
  captures.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i].starts_with("{")) {
      if (parts[i].empty()) return false;
      captures.emplace_back(parts[i]);
    } else if (pattern[i] != parts[i]) {
      return false;
    }
  }
  return true;
}

bool origin_allowed(const ServerConfig& config, const std::string& origin) {
  if (origin.empty()) return false;
  return std::any_of(config.cors_origins.begin(), config.cors_origins.end(),
                     [&](const std::string& allowed) { return allowed == "*" || allowed == origin; });
}

void add_common_headers(const HttpRequest& request, const ServerConfig& config, HttpResponse& response) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (origin_allowed(config, request.origin)) {
    response.headers.emplace_back("Access-Control-Allow-Origin", request.origin);
    response.headers.emplace_back("Vary", "Origin");
  }
}

// Seconds the client must wait before this route answers it again; 0 when it may go on. Writes
// count against write_rate, the search routes against search_rate; the page, health and
// metrics are never limited.
unsigned rate_limit(const Route& route, const HttpRequest& request, Service& service) {
  if (route.writes) return service.write_limit().take(request.remote);
  static const std::set<std::string_view> searches = {"search", "suggest", "similar_to_document", "similar_to_text",
                                                      "get_document"};
  if (searches.contains(route.name)) return service.search_limit().take(request.remote);
  return 0;
}

}  // namespace

const std::vector<Route>& routes() {
  static const std::vector<Route> table = {
      {"GET", "/v1/search", "search", handle_search,
       {"q", "lang", "translate", "prefer_lang", "ui_lang", "country", "place", "region", "theme", "type", "outcome", "commodity", "language", "failure_reason",
        "organisation", "donor", "kind", "year_from", "year_to", "facets", "page", "per_page", "sort"}, false},
      {"GET", "/v1/suggest", "suggest", handle_suggest, {"q", "limit"}, false},
      {"GET", "/v1/documents/{id}", "get_document", handle_get_document, {}, false},
      {"GET", "/v1/documents/{id}/similar", "similar_to_document", handle_similar_to_document,
       {"k", "ui_lang", "country", "place", "region", "theme", "type", "outcome", "commodity", "language", "failure_reason",
        "organisation", "donor", "year_from", "year_to"}, false},
      {"POST", "/v1/similar", "similar_to_text", handle_similar_to_text, {}, false},
      {"POST", "/v1/documents", "post_documents", handle_post_documents, {"id"}, true},
      {"DELETE", "/v1/documents/{id}", "delete_document", handle_delete_document, {}, true},
      {"GET", "/v1/stats", "stats", handle_stats, {}, false},
      {"GET", "/v1/openapi.json", "openapi", handle_openapi, {}, false},
      {"GET", "/healthz", "healthz", handle_healthz, {}, false},
      {"GET", "/metrics", "metrics", handle_metrics, {}, false},
      // The web page keeps its state in its own query string, which is the page's, not ours.
      {"GET", "/", "page", handle_web_asset, {"*"}, false},
      {"GET", "/records/{id}", "page", handle_web_asset, {"*"}, false},
      {"GET", "/app.css", "asset", handle_web_asset, {}, false},
      {"GET", "/app.js", "asset", handle_web_asset, {}, false},
      {"GET", "/shared.js", "asset", handle_web_asset, {}, false},
      {"GET", "/widget.js", "asset", handle_web_asset, {}, false},
      {"GET", "/page_text.js", "asset", handle_web_asset, {}, false},
      {"GET", "/record.js", "asset", handle_web_asset, {}, false},
      {"GET", "/proposal.js", "asset", handle_web_asset, {}, false},
      {"GET", "/landscape.js", "asset", handle_web_asset, {}, false},
      {"GET", "/world.json", "asset", handle_web_asset, {}, false},
  };
  return table;
}

bool writes(const HttpRequest& request) {
  std::vector<std::string> captures;
  for (const auto& route : routes())
    if (route.method == request.method && match(route, request.path, captures)) return route.writes;
  return false;
}

HttpResponse dispatch(const HttpRequest& request, Service& service, std::string_view& route_name) {
  route_name = "unmatched";
  const ServerConfig& config = service.config();
  std::vector<std::string> captures;
  const Route* found = nullptr;
  std::string allowed_methods;
  // HEAD is GET without the body (the session sends the headers alone, Content-Length as GET's).
  std::string_view method = request.method == "HEAD" ? "GET" : std::string_view(request.method);
  for (const auto& route : routes()) {
    if (!match(route, request.path, captures)) continue;
    allowed_methods += (allowed_methods.empty() ? "" : ", ") + std::string(route.method);
    if (route.method == "GET") allowed_methods += ", HEAD";
    if (route.method == method) {
      found = &route;
      break;
    }
  }
  HttpResponse response;
  if (found == nullptr && !allowed_methods.empty() && request.method == "OPTIONS") {
    // CORS preflight: answered for allowed origins only; others get no CORS headers and the
    // browser refuses the real request.
    response.status = 204;
    response.content_type.clear();
    if (origin_allowed(config, request.origin)) {
      response.headers.emplace_back("Access-Control-Allow-Methods", allowed_methods + ", OPTIONS");
      response.headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type");
      response.headers.emplace_back("Access-Control-Max-Age", "600");
    }
    route_name = "preflight";
  } else if (found == nullptr && !allowed_methods.empty()) {
    response = error_response(ApiError::method_not_allowed,
                              request.method + " is not allowed here; use " + allowed_methods);
    response.headers.emplace_back("Allow", allowed_methods);
  } else if (found == nullptr) {
    response = error_response(ApiError::not_found, "no such route: " + request.path);
  } else {
    route_name = found->name;
    bool any_params = found->params.size() == 1 && found->params.front() == "*";
    auto unknown = any_params ? request.params.end() : std::find_if(request.params.begin(), request.params.end(), [&](const auto& param) {
      return std::find(found->params.begin(), found->params.end(), param.first) == found->params.end();
    });
    if (unknown != request.params.end()) {
      response = error_response(ApiError::unknown_parameter, "unknown parameter \"" + unknown->first + "\"", unknown->first);
    } else if (unsigned wait = rate_limit(*found, request, service)) {
      response = error_response(ApiError::rate_limited, "too many requests from this address; try again in " +
                                                             std::to_string(wait) + " s");
      response.headers.emplace_back("Retry-After", std::to_string(wait));
    } else if (AuthResult auth = found->writes ? service.authorize(request.authorization) : AuthResult::allowed;
               auth != AuthResult::allowed) {
      response = auth == AuthResult::writes_disabled
                     ? error_response(ApiError::forbidden, "writes are disabled: the server has no write key (precedent keys add NAME)")
                 : auth == AuthResult::writes_to_shards
                     ? error_response(ApiError::forbidden, "this server searches shards given one by one and takes no "
                                      "writes; write to the shard layout's folder (precedent index, or a server on it)")
                     : error_response(ApiError::unauthorized, "this route needs an API key: Authorization: Bearer KEY");
      if (auto keys = service.key_count(); !keys.file_error.empty()) response.log_detail = "API keys file: " + keys.file_error;
    } else if (!found->writes && config.private_search && found->pattern.starts_with("/v1/") &&
               service.authorize(request.authorization, KeyRole::read) != AuthResult::allowed) {
      response = error_response(ApiError::unauthorized, "this server is private: send a read or write key, Authorization: Bearer KEY");
    } else {
      try {
        response = found->handler(request, RouteMatch{found->name, std::move(captures)}, service);
      } catch (const std::exception& e) {
        response = error_response(ApiError::internal, "internal error");
        response.log_detail = e.what();
      }
    }
  }
  add_common_headers(request, config, response);
  return response;
}

}  // namespace server
