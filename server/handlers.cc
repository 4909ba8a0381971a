#include "server/handlers.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "corpus/reader.h"
#include "indexer/ingest.h"
#include "ranking/response_json.h"
#include "server/errors.h"
#include "server/web_assets.h"

namespace server {
namespace {

using corpus::Error;
using corpus::ErrorCode;
using nlohmann::json;

HttpResponse json_response(const json& body, int status = 200) {
  HttpResponse response;
  response.status = status;
  response.body = ranking::json_text(body);
  return response;
}

Error bad(std::string field, std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message), "", 0, std::move(field)};
}

// The one value of a parameter; an error if it is given more than once.
corpus::Result<std::optional<std::string>> single(const HttpRequest& request, std::string_view name) {
  std::optional<std::string> value;
  for (const auto& [key, v] : request.params) {
    if (key != name) continue;
    if (value) return bad(std::string(name), "given more than once");
    value = v;
  }
  return value;
}

// All values of a repeatable parameter; each may also be a comma-separated list.
std::vector<std::string> all_values(const HttpRequest& request, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : request.params) {
    if (key != name) continue;
    std::size_t pos = 0;
    while (pos <= value.size()) {
      std::size_t comma = value.find(',', pos);
      if (comma == std::string::npos) comma = value.size();
      std::string item = value.substr(pos, comma - pos);
      if (!item.empty()) out.push_back(item);
      pos = comma + 1;
    }
  }
  return out;
}

corpus::Result<std::optional<long long>> integer(const HttpRequest& request, std::string_view name,
                                                 long long min, long long max) {
  auto value = single(request, name);
  if (!value) return value.error();
  if (!*value) return std::optional<long long>();
  const std::string& text = **value;
  bool digits = !text.empty() && text.size() <= 9 &&
                std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (!digits) return bad(std::string(name), "expected a whole number, got \"" + text + "\"");
  long long number = std::stoll(text);
  if (number < min || number > max)
    return bad(std::string(name), "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return std::optional<long long>(number);
}

// An optional true/false parameter; `fallback` when absent.
corpus::Result<bool> boolean(const HttpRequest& request, std::string_view name, bool fallback) {
  auto value = single(request, name);
  if (!value) return value.error();
  if (!*value) return fallback;
  if (**value == "true") return true;
  if (**value == "false") return false;
  return bad(std::string(name), "expected true or false, got \"" + **value + "\"");
}

corpus::Result<ranking::Searcher*> searcher(Service& service) { return service.searcher(); }

}  // namespace

// The filter parameters shared by search and similar-to-a-record.
corpus::Result<ranking::Filters> parse_filters(const HttpRequest& request) {
  ranking::Filters filters;
  for (const auto& field : ranking::filter_fields()) {
    if (field.name == "lang") continue;  // the query's language, not a filter
    auto values = all_values(request, field.name);
    if (!values.empty()) filters.values[std::string(field.name)] = std::move(values);
  }
  auto year_from = integer(request, "year_from", 1800, 2100);
  if (!year_from) return year_from.error();
  auto year_to = integer(request, "year_to", 1800, 2100);
  if (!year_to) return year_to.error();
  if (*year_from) filters.year_from = static_cast<int>(**year_from);
  if (*year_to) filters.year_to = static_cast<int>(**year_to);
  return filters;
}

corpus::Result<ranking::SearchRequest> parse_search_request(const HttpRequest& request) {
  ranking::SearchRequest out;
  auto q = single(request, "q");
  if (!q) return q.error();
  out.query = q->value_or("");
  auto lang = single(request, "lang");
  if (!lang) return lang.error();
  out.language = lang->value_or("");
  auto translate = boolean(request, "translate", true);
  if (!translate) return translate.error();
  out.translate = *translate;
  auto prefer = boolean(request, "prefer_lang", false);
  if (!prefer) return prefer.error();
  out.prefer_language = *prefer;
  auto ui_lang = single(request, "ui_lang");
  if (!ui_lang) return ui_lang.error();
  out.ui_language = ui_lang->value_or("");
  auto filters = parse_filters(request);
  if (!filters) return filters.error();
  out.filters = std::move(filters).value();
  out.facets = all_values(request, "facets");
  auto page = integer(request, "page", 1, 1000);
  if (!page) return page.error();
  out.page = static_cast<std::size_t>(page->value_or(1));
  auto per_page = integer(request, "per_page", 1, static_cast<long long>(ranking::kMaxPerPage));
  if (!per_page) return per_page.error();
  out.per_page = static_cast<std::size_t>(per_page->value_or(10));
  auto sort = single(request, "sort");
  if (!sort) return sort.error();
  std::string order = sort->value_or("relevance");
  if (order == "relevance") out.sort = ranking::SortOrder::relevance;
  else if (order == "newest") out.sort = ranking::SortOrder::newest;
  else if (order == "oldest") out.sort = ranking::SortOrder::oldest;
  else return bad("sort", "expected relevance, newest or oldest, got \"" + order + "\"");
  return out;
}

corpus::Result<ranking::SuggestRequest> parse_suggest_request(const HttpRequest& request) {
  ranking::SuggestRequest out;
  auto q = single(request, "q");
  if (!q) return q.error();
  if (!*q) return bad("q", "required");
  out.query = **q;
  auto limit = integer(request, "limit", 1, static_cast<long long>(ranking::kMaxSuggestions));
  if (!limit) return limit.error();
  out.limit = static_cast<std::size_t>(limit->value_or(8));
  return out;
}

corpus::Result<ranking::SimilarRequest> parse_similar_body(const std::string& body) {
  auto parsed_or_error = corpus::parse_json(body, "body");
  if (!parsed_or_error) return parsed_or_error.error();
  const json& parsed = *parsed_or_error;
  if (!parsed.is_object()) return Error{ErrorCode::parse_error, "must be a JSON object, got " + std::string(parsed.type_name()), "", 0, "body"};
  ranking::SimilarRequest out;
  auto strings = [&](const std::string& key, const json& value) -> corpus::Result<std::vector<std::string>> {
    std::vector<std::string> list;
    if (value.is_string()) {
      list.push_back(value.get<std::string>());
    } else if (value.is_array()) {
      for (const auto& item : value) {
        if (!item.is_string()) return bad(key, "expected a string or a list of strings");
        list.push_back(item.get<std::string>());
      }
    } else {
      return bad(key, "expected a string or a list of strings");
    }
    return list;
  };
  for (const auto& [key, value] : parsed.items()) {
    bool is_filter = key != "lang" && ranking::find_filter_field(key) != nullptr;
    if (key == "text") {
      if (!value.is_string()) return bad(key, "expected a string");
      out.text = value.get<std::string>();
    } else if (key == "k") {
      if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > static_cast<long long>(ranking::kMaxSimilar))
        return bad(key, "must be a whole number between 1 and " + std::to_string(ranking::kMaxSimilar));
      out.k = value.get<std::size_t>();
    } else if (key == "lang" || key == "ui_lang") {
      if (!value.is_string()) return bad(key, "expected a string");
      (key == "lang" ? out.language : out.ui_language) = value.get<std::string>();
    } else if (key == "type") {
      if (!value.is_string()) return bad(key, "expected a string (the proposal's type)");
      out.type = value.get<std::string>();
    } else if (key == "themes" || key == "countries" || key == "commodities") {
      auto list = strings(key, value);
      if (!list) return list.error();
      (key == "themes" ? out.themes : key == "countries" ? out.countries : out.commodities) = std::move(list).value();
    } else if (key == "year_from" || key == "year_to") {
      if (!value.is_number_integer() || value.get<long long>() < 1800 || value.get<long long>() > 2100)
        return bad(key, "expected a year between 1800 and 2100");
      (key == "year_from" ? out.filters.year_from : out.filters.year_to) = value.get<int>();
    } else if (is_filter) {
      auto list = strings(key, value);
      if (!list) return list.error();
      out.filters.values[key] = std::move(list).value();
    } else {
      return Error{ErrorCode::invalid_argument, "unknown field \"" + key + "\"", "", 0, key};
    }
  }
  if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) return bad("text", "required: the proposal's text");
  return out;
}

HttpResponse handle_search(const HttpRequest& request, const RouteMatch&, Service& service) {
  auto parsed = parse_search_request(request);
  if (!parsed) return error_response(parsed.error());
  auto reader = searcher(service);
  if (!reader) return error_response(reader.error());
  auto response = (*reader)->search(*parsed);
  if (!response) return error_response(response.error());
  return json_response(ranking::to_json(*response));
}

HttpResponse handle_suggest(const HttpRequest& request, const RouteMatch&, Service& service) {
  auto parsed = parse_suggest_request(request);
  if (!parsed) return error_response(parsed.error());
  auto reader = searcher(service);
  if (!reader) return error_response(reader.error());
  auto response = (*reader)->suggest(*parsed);
  if (!response) return error_response(response.error());
  return json_response(ranking::to_json(*response));
}

HttpResponse handle_get_document(const HttpRequest&, const RouteMatch& match, Service& service) {
  auto reader = searcher(service);
  if (!reader) return error_response(reader.error());
  auto record = (*reader)->document(match.captures.at(0));
  if (!record) return error_response(record.error());
  json body = ranking::to_json(*record);
  // The file it was read from, by name only: the folders are the server's own business.
  body.erase("source");
  if (!record->source.empty()) body["source_file"] = std::filesystem::path(record->source).filename().string();
  return json_response(body);
}

HttpResponse handle_post_documents(const HttpRequest& request, const RouteMatch&, Service& service) {
  std::string type = request.content_type.substr(0, request.content_type.find(';'));
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  type.erase(type.find_last_not_of(" ") + 1);
  corpus::Format format;
  if (type == "application/json") {
    format = corpus::Format::json;
  } else if (type == "application/x-ndjson" || type == "application/jsonl" || type == "application/x-jsonlines") {
    format = corpus::Format::json_lines;
  } else if (type == "text/html") {
    format = corpus::Format::html;
  } else if (type == "application/pdf") {
    format = corpus::Format::pdf;
  } else if (type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") {
    format = corpus::Format::docx;
  } else if (type == "application/xml" || type == "text/xml") {
    format = corpus::Format::iati;
  } else if (type == "application/octet-stream") {
    format = corpus::Format::unsupported;  // the content tells
  } else {
    return error_response(ApiError::unsupported_media_type,
                          "send application/json (a record or an array), application/x-ndjson (JSON Lines), "
                          "application/xml (IATI activities), or, with ?id=, text/html (a web page), "
                          "application/pdf, a Word document (.docx) or application/octet-stream");
  }
  format = corpus::sniff_format(request.body, format);
  // A page, a PDF or a Word document is one record, stored under the id the request gives.
  std::string name = "body";  // what errors call the upload
  if (format == corpus::Format::html || format == corpus::Format::pdf || format == corpus::Format::docx) {
    auto id = single(request, "id");
    if (!id) return error_response(id.error());
    if (!*id) return error_response(bad("id", "a web page, PDF or Word document needs the record id it is stored under: ?id=..."));
    // The id is taken from the name as a file's is; the extension keeps an id with a dot whole.
    name = **id + (format == corpus::Format::html ? ".html" : format == corpus::Format::pdf ? ".pdf" : ".docx");
  }
  corpus::ReadResult read = corpus::read_records(name, request.body, format);
  if (read.file_error) return error_response(ApiError::invalid_body, *read.file_error);
  if (read.records.empty()) return error_response(ApiError::invalid_body, "the body holds no records");
  if (read.records.size() > service.config().max_records_per_post) {
    return error_response(ApiError::payload_too_large,
                          "at most " + std::to_string(service.config().max_records_per_post) + " records per request");
  }
  indexer::WriteBatch batch;
  json results = json::array();
  std::size_t failed = 0;
  for (std::size_t i = 0; i < read.records.size(); ++i) {
    const auto& record = read.records[i];
    if (record) {
      results.push_back({{"record", i + 1}, {"id", record->id}, {"status", "indexed"}});
      batch.put.push_back(*record);
    } else {
      ++failed;
      const corpus::Error& problem = record.error();
      json error = {{"code", "validation_failed"}, {"message", problem.message}};
      add_error_details(problem, error);
      results.push_back({{"record", i + 1}, {"status", "failed"}, {"error", error}});
    }
  }
  json body = {{"indexed", batch.put.size()}, {"failed", failed}, {"results", results}};
  if (batch.put.empty()) {
    body["error"] = {{"code", "validation_failed"}, {"message", "no record passed validation"}};
    return json_response(body, 400);
  }
  auto outcome = service.writes().write(std::move(batch));
  if (!outcome) return error_response(outcome.error());
  // A near-duplicate of a record already indexed is kept and linked; results show its group once.
  std::size_t put = 0;
  for (auto& result : body["results"]) {
    if (result["status"] != "indexed" || put >= outcome->duplicate_of.size()) continue;
    const std::string& duplicate_of = outcome->duplicate_of[put++];
    if (!duplicate_of.empty()) result["duplicate_of"] = duplicate_of;
  }
  body["documents"] = outcome->documents;
  body["revision"] = outcome->revision;
  return json_response(body);
}

HttpResponse handle_delete_document(const HttpRequest&, const RouteMatch& match, Service& service) {
  indexer::WriteBatch batch;
  batch.remove.push_back(match.captures.at(0));
  auto outcome = service.writes().write(std::move(batch));
  if (!outcome) return error_response(outcome.error());
  if (!outcome->removed.at(0)) {
    return error_response(ApiError::not_found, "no record with id \"" + match.captures[0] + "\"", "id");
  }
  return json_response({{"id", match.captures[0]}, {"deleted", true}, {"documents", outcome->documents},
                        {"revision", outcome->revision}});
}

HttpResponse handle_similar_to_document(const HttpRequest& request, const RouteMatch& match, Service& service) {
  ranking::SimilarRequest similar;
  similar.id = match.captures.at(0);
  auto k = integer(request, "k", 1, static_cast<long long>(ranking::kMaxSimilar));
  if (!k) return error_response(k.error());
  similar.k = static_cast<std::size_t>(k->value_or(5));
  auto ui_lang = single(request, "ui_lang");
  if (!ui_lang) return error_response(ui_lang.error());
  similar.ui_language = ui_lang->value_or("");
  auto filters = parse_filters(request);
  if (!filters) return error_response(filters.error());
  similar.filters = std::move(filters).value();
  auto reader = searcher(service);
  if (!reader) return error_response(reader.error());
  auto response = (*reader)->similar(similar);
  if (!response) return error_response(response.error());
  return json_response(ranking::to_json(*response));
}

HttpResponse handle_similar_to_text(const HttpRequest& request, const RouteMatch&, Service& service) {
  std::string type = request.content_type.substr(0, request.content_type.find(';'));
  if (type != "application/json") return error_response(ApiError::unsupported_media_type, "send application/json");
  auto parsed = parse_similar_body(request.body);
  if (!parsed) {
    if (parsed.error().code == ErrorCode::parse_error) return error_response(ApiError::invalid_body, parsed.error());
    static const std::set<std::string, std::less<>> known = {"text", "k", "lang", "ui_lang", "type", "themes", "countries",
                                                             "commodities", "year_from", "year_to"};
    bool filter = ranking::find_filter_field(parsed.error().field) != nullptr;
    if (!known.contains(parsed.error().field) && !filter)
      return error_response(ApiError::unknown_parameter, parsed.error().message, parsed.error().field);
    return error_response(parsed.error());
  }
  auto reader = searcher(service);
  if (!reader) return error_response(reader.error());
  auto response = (*reader)->similar(*parsed);
  if (!response) return error_response(response.error());
  return json_response(ranking::to_json(*response));
}

HttpResponse handle_stats(const HttpRequest&, const RouteMatch&, Service& service) {
  auto reader = searcher(service);
  if (!reader) return error_response(reader.error());
  auto stats = (*reader)->stats();
  if (!stats) return error_response(stats.error());
  return json_response(ranking::to_json(*stats));
}

HttpResponse handle_openapi(const HttpRequest&, const RouteMatch&, Service&) {
  HttpResponse response;
  response.body = std::string(openapi_document());
  return response;
}

HttpResponse handle_healthz(const HttpRequest&, const RouteMatch&, Service& service) {
  auto reader = searcher(service);
  if (!reader) return error_response(ApiError::index_unavailable, "the index cannot be opened");
  auto stats = (*reader)->stats(/*with_counts=*/false);
  if (!stats) {
    if (stats.error().code == ErrorCode::unavailable) return error_response(stats.error());
    return error_response(ApiError::index_unavailable, "the index cannot be read");
  }
  json body = {{"status", stats->missing_shards.empty() ? "ok" : "degraded"}, {"documents", stats->documents},
               {"revision", stats->revision}, {"translation", ranking::translation_json(*stats)}};
  if (!stats->missing_shards.empty()) body["missing_shards"] = stats->missing_shards;
  return json_response(body);
}

HttpResponse handle_metrics(const HttpRequest&, const RouteMatch&, Service& service) {
  std::uint64_t documents = 0, revision = 0;
  if (auto reader = searcher(service)) {
    if (auto stats = (*reader)->stats(/*with_counts=*/false)) {
      documents = stats->documents;
      revision = stats->revision;
    }
  }
  HttpResponse response;
  response.content_type = "text/plain; version=0.0.4";
  response.body = service.metrics().render(documents, revision);
  return response;
}

HttpResponse handle_web_asset(const HttpRequest& request, const RouteMatch&, Service&) {
  // ETags are computed once: the assets are compiled in and never change while serving.
  static const std::map<std::string_view, std::string> etags = [] {
    std::map<std::string_view, std::string> out;
    for (const auto& asset : web_assets()) out[asset.path] = "\"" + indexer::content_hash(asset.content) + "\"";
    return out;
  }();
  const auto& assets = web_assets();
  // The page's own routes (a record's page, /records/{id}) are the page, which reads its path.
  std::string_view path = request.path.starts_with("/records/") ? "/" : std::string_view(request.path);
  auto asset = std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return a.path == path; });
  if (asset == assets.end()) return error_response(ApiError::not_found, "no such route: " + request.path);
  HttpResponse response;
  const std::string& etag = etags.at(asset->path);
  response.headers.emplace_back("ETag", etag);
  // Browsers keep the files and ask each time whether they changed (a 304 costs no body).
  response.headers.emplace_back("Cache-Control", "no-cache");
  if (asset->path == "/") {
    response.headers.emplace_back("Content-Security-Policy",
                                  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    response.headers.emplace_back("Referrer-Policy", "same-origin");
  }
  if (asset->path == "/widget.js") {
    // Portals load the widget from their own pages.
    response.headers.emplace_back("Cross-Origin-Resource-Policy", "cross-origin");
  }
  if (request.if_none_match == etag) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = std::string(asset->content_type);
  response.body = std::string(asset->content);
  return response;
}

}  // namespace server
