// `precedent search QUERY`: a readable list of hits, or with --json the /v1/search object.

#include <cstdio>

#include "ranking/response_json.h"
#include "ranking/searcher.h"
#include "tools/precedent/commands.h"
#include "tools/precedent/terminal.h"

namespace tools {
namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string years(const ranking::Hit& hit) {
  if (!hit.start_year && !hit.end_year) return "";
  std::string from = hit.start_year ? std::to_string(*hit.start_year) : "?";
  if (!hit.end_year || hit.end_year == hit.start_year) return from;
  return from + "–" + std::to_string(*hit.end_year);
}

}  // namespace

int run_search(const SearchCommand& command) {
  ranking::SearchRequest request;
  request.query = command.query;
  request.language = command.language;
  request.page = command.page;
  request.per_page = command.per_page;
  request.translate = command.translate;
  request.prefer_language = command.prefer_language;
  request.ui_language = command.ui_language;
  request.sort = command.sort == "newest"   ? ranking::SortOrder::newest
                 : command.sort == "oldest" ? ranking::SortOrder::oldest
                                            : ranking::SortOrder::relevance;
  auto searcher = ranking::Searcher::open(command.db);
  if (!searcher) {
    std::fprintf(stderr, "precedent search: %s\n", searcher.error().to_string().c_str());
    return kExitIndexError;
  }
  auto response = searcher->search(request);
  if (!response) {
    if (command.json) std::printf("%s\n", ranking::json_text(ranking::to_json(response.error()), 2).c_str());
    const auto& e = response.error();
    std::fprintf(stderr, "precedent search: %s%s\n", e.field.empty() ? "" : ("--" + e.field + ": ").c_str(),
                 e.message.c_str());
    return exit_code_for(e);
  }
  if (command.json) {
    std::printf("%s\n", ranking::json_text(ranking::to_json(*response), 2).c_str());
    return kExitOk;
  }
  bool styled = is_terminal(stdout);
  std::size_t first = (response->page - 1) * response->per_page;
  std::printf("%s\n", dim(std::to_string(response->total) + (response->lessons ? (response->total == 1 ? " record with matching lessons for \"" : " records with matching lessons for \"") : (response->total == 1 ? " result for \"" : " results for \"")) + response->query +
                              "\" (analysed as " + join(response->languages, ", ") + ") in " +
                              std::to_string(static_cast<int>(response->took_ms * 10) / 10.0).substr(0, 5) + " ms",
                          styled).c_str());
  if (response->did_you_mean) std::printf("Did you mean: %s\n", bold(*response->did_you_mean, styled).c_str());
  for (const auto& [language, text] : response->translations) {
    std::printf("%s\n", dim("also searched in " + language + ": " + text, styled).c_str());
  }
  if (!response->translation_unavailable.empty()) {
    std::printf("%s\n", dim("not translated: " + response->translation_unavailable, styled).c_str());
  }
  for (const auto& expansion : response->expansions) {
    std::printf("%s\n", dim("also searched for \"" + expansion.matched + "\" as: " + join(expansion.terms, ", "), styled).c_str());
  }
  for (std::size_t i = 0; i < response->hits.size(); ++i) {
    const auto& hit = response->hits[i];
    std::vector<std::string> facts = {hit.id};
    for (const auto& part : {hit.language, hit.type, join(hit.countries, " "), years(hit), hit.outcome}) {
      if (!part.empty()) facts.push_back(part);
    }
    const auto& translation = hit.machine_translation;
    std::printf("\n%3zu. %s\n", first + i + 1, bold(truncate_text(translation ? translation->title : hit.title, 100), styled).c_str());
    std::printf("     %s  %s\n", dim(join(facts, " · "), styled).c_str(),
                dim(std::to_string(static_cast<int>(hit.score * 100)) + "%", styled).c_str());
    if (translation) {
      std::printf("     %s\n", dim("machine-translated from " + hit.language + "; original title: " + truncate_text(hit.title, 80), styled).c_str());
      if (!translation->summary.empty()) std::printf("     %s\n", truncate_text(translation->summary, 300).c_str());
    }
    // A search of lessons shows the lesson found; a search of records, its snippet.
    if (!response->lessons && !hit.snippet.empty()) std::printf("     %s\n", render_snippet(hit.snippet, styled).c_str());
    if (!hit.iati_identifier.empty()) {
      std::string published = "IATI activity " + hit.iati_identifier + (hit.publisher.empty() ? "" : ", published by " + hit.publisher);
      std::printf("     %s\n", dim(published, styled).c_str());
    }
    if (!hit.parts.empty()) std::printf("     %s\n", dim("also reported as: " + join(hit.parts, ", "), styled).c_str());
    for (const auto& lesson : hit.lessons) {
      std::printf("     %s %s\n", bold(lesson.kind + ":", styled).c_str(), render_snippet(lesson.text, styled).c_str());
    }
    if (!hit.translations.empty()) {
      std::vector<std::string> links;
      for (const auto& link : hit.translations) links.push_back(link.id + " (" + link.language + ")");
      std::printf("     %s\n", dim("also in other languages: " + join(links, ", "), styled).c_str());
    }
    if (hit.more_lessons > 0) {
      std::printf("     %s\n", dim("and " + std::to_string(hit.more_lessons) + " more matching lesson(s)", styled).c_str());
    }
  }
  if (response->total > first + response->hits.size()) {
    std::printf("\n%s\n", dim("more: --page " + std::to_string(response->page + 1), styled).c_str());
  }
  return kExitOk;
}

}  // namespace tools
