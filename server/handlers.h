#pragma once
// The handlers: plain functions from a request to a response, each parsing its parameters into
// the Searcher's request structs, calling it, and encoding the result (ranking/response_json.h).
// Listed in the route table (router.cc).

#include "corpus/result.h"
#include "ranking/similar_types.h"
#include "ranking/search_types.h"
#include "server/router.h"

namespace server {

HttpResponse handle_search(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_suggest(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_get_document(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_post_documents(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_delete_document(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_similar_to_document(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_similar_to_text(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_stats(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_openapi(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_healthz(const HttpRequest&, const RouteMatch&, Service&);
HttpResponse handle_metrics(const HttpRequest&, const RouteMatch&, Service&);
// The web page ("/") and its assets, and the widget, from server/web_assets.h.
HttpResponse handle_web_asset(const HttpRequest&, const RouteMatch&, Service&);

// Parameter parsing, apart from the handlers so it is tested on its own.
corpus::Result<ranking::SearchRequest> parse_search_request(const HttpRequest& request);
corpus::Result<ranking::SuggestRequest> parse_suggest_request(const HttpRequest& request);
// POST /v1/similar's JSON body: text, k, lang, the proposal's themes / countries / commodities /
// type, and the search filters by their parameter names (a string or a list each).
corpus::Result<ranking::SimilarRequest> parse_similar_body(const std::string& body);

// The OpenAPI 3 description served at /v1/openapi.json.
std::string_view openapi_document();

}  // namespace server
