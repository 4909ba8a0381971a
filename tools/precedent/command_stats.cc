// `precedent stats`: what the index holds, by language, type, country, outcome and theme.

#include <algorithm>
#include <cstdio>

#include "ranking/response_json.h"
#include "ranking/searcher.h"
#include "tools/precedent/commands.h"
#include "tools/precedent/terminal.h"

namespace tools {

int run_stats(const StatsCommand& command) {
  auto searcher = ranking::Searcher::open(command.db);
  if (!searcher) {
    std::fprintf(stderr, "precedent stats: %s\n", searcher.error().to_string().c_str());
    return kExitIndexError;
  }
  auto stats = searcher->stats();
  if (!stats) {
    std::fprintf(stderr, "precedent stats: %s\n", stats.error().to_string().c_str());
    return kExitIndexError;
  }
  if (command.json) {
    std::printf("%s\n", ranking::json_text(ranking::to_json(*stats), 2).c_str());
    return kExitOk;
  }
  bool styled = is_terminal(stdout);
  std::printf("%s records, revision %llu, %s on disk (%s)\n", bold(std::to_string(stats->documents), styled).c_str(),
              static_cast<unsigned long long>(stats->revision),
              human_bytes(static_cast<double>(stats->size_bytes)).c_str(), command.db.string().c_str());
  for (const auto& [field, counts] : stats->counts) {
    if (counts.empty()) continue;
    std::vector<std::pair<std::string, std::uint64_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::string line;
    for (const auto& [value, count] : sorted) line += (line.empty() ? "" : ", ") + value + " " + std::to_string(count);
    std::printf("%s %s\n", dim(field + ":", styled).c_str(), line.c_str());
  }
  return kExitOk;
}

}  // namespace tools
