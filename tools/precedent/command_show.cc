// `precedent show ID`: one stored record, readable or as JSON.

#include <cstdio>

#include "ranking/response_json.h"
#include "ranking/searcher.h"
#include "tools/precedent/commands.h"
#include "tools/precedent/terminal.h"

namespace tools {
namespace {

void print_list(const char* label, const std::vector<std::string>& values, bool styled) {
  if (values.empty()) return;
  std::string joined;
  for (const auto& value : values) joined += (joined.empty() ? "" : ", ") + value;
  std::printf("%s %s\n", dim(label, styled).c_str(), joined.c_str());
}

}  // namespace

int run_show(const ShowCommand& command) {
  auto searcher = ranking::Searcher::open(command.db);
  if (!searcher) {
    std::fprintf(stderr, "precedent show: %s\n", searcher.error().to_string().c_str());
    return kExitIndexError;
  }
  auto record = searcher->document(command.id);
  if (!record) {
    std::fprintf(stderr, "precedent show: %s\n", record.error().message.c_str());
    return exit_code_for(record.error());
  }
  if (command.json) {
    std::printf("%s\n", ranking::json_text(ranking::to_json(*record), 2).c_str());
    return kExitOk;
  }
  bool styled = is_terminal(stdout);
  const auto& doc = record->document;
  std::printf("%s\n", bold(doc.title, styled).c_str());
  std::printf("%s %s\n", dim("id:", styled).c_str(), doc.id.c_str());
  auto field = [&](const char* label, const std::string& value) {
    if (!value.empty()) std::printf("%s %s\n", dim(label, styled).c_str(), value.c_str());
  };
  field("type:", doc.type);
  field("language:", record->language + (record->language_detected ? " (detected)" : ""));
  print_list("countries:", doc.countries, styled);
  print_list("regions:", doc.regions, styled);
  print_list("themes:", doc.themes, styled);
  print_list("commodities:", doc.commodities, styled);
  if (doc.start_year || doc.end_year) {
    field("years:", (doc.start_year ? std::to_string(*doc.start_year) : "?") + "–" +
                        (doc.end_year ? std::to_string(*doc.end_year) : ""));
  }
  field("outcome:", doc.outcome);
  print_list("failure reasons:", doc.failure_reasons, styled);
  print_list("organisations:", doc.organisations, styled);
  print_list("donors:", doc.donors, styled);
  field("source:", doc.source_url);
  field("IATI activity:", doc.iati_identifier);
  field("publisher:", doc.publisher);
  field("part of:", doc.part_of);
  field("translation of:", doc.translation_of);
  field("file:", record->source);
  if (!doc.summary.empty()) std::printf("\n%s\n", doc.summary.c_str());
  if (!doc.lessons.empty()) {
    std::printf("\n%s\n", bold("Lessons", styled).c_str());
    for (const auto& lesson : doc.lessons) std::printf("- [%s] %s\n", lesson.kind.c_str(), lesson.text.c_str());
  }
  if (!doc.body.empty()) std::printf("\n%s\n", doc.body.c_str());
  return kExitOk;
}

}  // namespace tools
