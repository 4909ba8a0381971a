// `precedent similar ID | --text FILE|-`: the nearest past initiatives and the duplication risk.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ranking/response_json.h"
#include "ranking/searcher.h"
#include "tools/precedent/commands.h"
#include "tools/precedent/terminal.h"

namespace tools {

int run_similar(const SimilarCommand& command) {
  ranking::SimilarRequest request;
  request.id = command.id;
  request.language = command.language;
  request.k = command.k;
  request.ui_language = command.ui_language;
  request.countries = command.countries;
  request.themes = command.themes;
  request.commodities = command.commodities;
  request.type = command.type;
  if (!command.text_file.empty()) {
    std::stringstream text;
    if (command.text_file == "-") {
      text << std::cin.rdbuf();
    } else {
      std::ifstream in(command.text_file);
      if (!in) {
        std::fprintf(stderr, "precedent similar: %s: cannot read\n", command.text_file.c_str());
        return kExitInputErrors;
      }
      text << in.rdbuf();
    }
    request.text = text.str();
  }
  auto searcher = ranking::Searcher::open(command.db);
  if (!searcher) {
    std::fprintf(stderr, "precedent similar: %s\n", searcher.error().to_string().c_str());
    return kExitIndexError;
  }
  auto response = searcher->similar(request);
  if (!response) {
    const auto& e = response.error();
    std::fprintf(stderr, "precedent similar: %s%s\n", e.field.empty() ? "" : (e.field + ": ").c_str(), e.message.c_str());
    return exit_code_for(e);
  }
  if (command.json) {
    std::printf("%s\n", ranking::json_text(ranking::to_json(*response), 2).c_str());
    return kExitOk;
  }
  bool styled = is_terminal(stdout);
  if (const auto& profile = response->profile) {
    std::string line;
    auto add = [&](const char* field, const std::vector<std::string>& values) {
      if (values.empty()) return;
      std::string joined;
      for (const auto& v : values) joined += (joined.empty() ? "" : ", ") + v;
      bool inferred = std::find(profile->inferred.begin(), profile->inferred.end(), field) != profile->inferred.end();
      line += (line.empty() ? "" : "; ") + std::string(field) + ": " + joined + (inferred ? " (from the text)" : "");
    };
    add("countries", profile->countries);
    add("themes", profile->themes);
    add("commodities", profile->commodities);
    if (!profile->type.empty()) line += (line.empty() ? "" : "; ") + std::string("type: ") + profile->type;
    if (!line.empty()) std::printf("%s\n\n", dim("Proposal: " + line, styled).c_str());
  }
  for (std::size_t i = 0; i < response->similar.size(); ++i) {
    const auto& hit = response->similar[i];
    const auto& translation = hit.machine_translation;
    std::printf("%s%2zu. %s\n", i ? "\n" : "", i + 1,
                bold(truncate_text(translation ? translation->title : hit.title, 100), styled).c_str());
    std::string facts = hit.id;
    for (const auto& part : {hit.language, hit.type, hit.outcome}) if (!part.empty()) facts += " · " + part;
    std::printf("    %s  %s\n", dim(facts, styled).c_str(), dim(std::to_string(static_cast<int>(hit.score * 100)) + "%", styled).c_str());
    if (translation)
      std::printf("    %s\n", dim("machine-translated from " + hit.language + "; original title: " + truncate_text(hit.title, 80), styled).c_str());
    std::string why;
    auto add = [&](const char* label, const std::vector<std::string>& values) {
      if (values.empty()) return;
      std::string joined;
      for (const auto& v : values) joined += (joined.empty() ? "" : ", ") + v;
      why += (why.empty() ? "" : "; ") + std::string(label) + joined;
    };
    add("themes: ", hit.why.themes);
    add("countries: ", hit.why.countries);
    add("commodities: ", hit.why.commodities);
    add("words: ", hit.why.terms);
    if (!why.empty()) std::printf("    why: %s\n", why.c_str());
    for (const auto& reason : hit.failure_reasons) std::printf("    failure reason: %s\n", reason.c_str());
    for (std::size_t l = 0; l < hit.lessons.size(); ++l) {
      bool translated = translation && l < translation->lessons.size() && !translation->lessons[l].empty();
      std::printf("    [%s] %s\n", hit.lessons[l].kind.c_str(),
                  truncate_text(translated ? translation->lessons[l] : hit.lessons[l].text, 160).c_str());
    }
  }
  std::string level = response->risk.level;
  std::replace(level.begin(), level.end(), '_', ' ');
  std::printf("\n%s %s\n", bold("Risk: " + level + ".", styled).c_str(), response->risk.summary.c_str());
  return kExitOk;
}

}  // namespace tools
