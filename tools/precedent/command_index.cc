// `precedent index PATH...`: ingest files and folders, with progress on a terminal and a summary.

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "indexer/ingest.h"
#include "indexer/sharded_ingest.h"
#include "ranking/response_json.h"
#include "tools/precedent/commands.h"
#include "tools/precedent/terminal.h"

namespace tools {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_interrupt(int) {
  // First Ctrl-C: finish what is in flight and commit. A second one: the default action.
  g_cancel.store(true);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

std::string progress_text(const indexer::IngestProgress& p, double elapsed) {
  double rate = elapsed > 0 ? p.bytes_done / elapsed : 0;
  double remaining = rate > 0 ? (p.bytes_total - p.bytes_done) / rate : 0;
  char line[200];
  std::snprintf(line, sizeof line, "indexing: %zu/%zu files, %zu records, %s/s, %.0f records/s, ETA %s",
                p.files_done, p.files_total, p.records_done, human_bytes(rate).c_str(),
                elapsed > 0 ? p.records_done / elapsed : 0.0, human_duration(remaining).c_str());
  return line;
}

}  // namespace

int run_index(const IndexCommand& command) {
  bool show_progress = !command.quiet && is_terminal(stderr);
  ProgressLine line;
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };

  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  indexer::IngestOptions options;
  options.threads = command.threads;
  options.batch_size = command.batch_size;
  options.cancel = &g_cancel;
  options.translate_summaries = command.translate_summaries;
  indexer::ProgressCallback progress;
  if (show_progress) progress = [&](const indexer::IngestProgress& p) { line.show(progress_text(p, elapsed())); };

  corpus::Result<indexer::IngestSummary> result = corpus::Error{};
  std::optional<indexer::ShardLayout> layout;
  if (command.shards > 0 || indexer::is_sharded(command.db)) {
    auto opened = indexer::open_layout(command.db, command.shards);
    if (!opened) {
      line.finish();
      std::fprintf(stderr, "precedent index: %s\n", opened.error().to_string().c_str());
      return opened.error().code == corpus::ErrorCode::invalid_argument ? kExitUsage : kExitIndexError;
    }
    layout = *opened;
    result = indexer::ingest_sharded(*layout, command.paths, options, progress);
  } else {
    result = indexer::ingest(command.db, command.paths, options, progress);
  }
  line.finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (!result) {
    std::fprintf(stderr, "precedent index: %s\n", result.error().to_string().c_str());
    return kExitIndexError;
  }
  const auto& summary = *result;
  bool styled = is_terminal(stderr);
  for (const auto& error : summary.errors) {
    std::fprintf(stderr, "%s %s\n", bold("error:", styled).c_str(), error.to_string().c_str());
  }
  if (!command.quiet && !command.json) {
    for (const auto& duplicate : summary.duplicates) {
      std::fprintf(stderr, "%s %s: record \"%s\" is a near-duplicate of \"%s\" (%.0f%% of its text the same); results show them once\n",
                   bold("duplicate:", styled).c_str(), duplicate.file.c_str(), duplicate.id.c_str(),
                   duplicate.duplicate_of.c_str(), 100 * duplicate.similarity);
    }
  }
  double seconds = elapsed();
  if (command.json) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& error : summary.errors) {
      errors.push_back({{"file", error.file}, {"line", error.line}, {"field", error.field}, {"message", error.message}});
    }
    nlohmann::json duplicates = nlohmann::json::array();
    for (const auto& duplicate : summary.duplicates) {
      duplicates.push_back({{"file", duplicate.file}, {"id", duplicate.id}, {"duplicate_of", duplicate.duplicate_of},
                            {"similarity", duplicate.similarity}});
    }
    nlohmann::json out = {{"files", summary.files}, {"files_unchanged", summary.files_unchanged},
                          {"indexed", summary.indexed}, {"unchanged", summary.unchanged},
                          {"failed", summary.failed}, {"removed", summary.removed},
                          {"bytes", summary.bytes}, {"seconds", seconds},
                          {"documents", summary.documents}, {"cancelled", summary.cancelled},
                          {"shards", layout ? layout->shards : 1},
                          {"summaries_translated", summary.summaries_translated},
                          {"translations_failed", summary.translations_failed},
                          {"errors", errors}, {"duplicates", duplicates}};
    std::printf("%s\n", ranking::json_text(out, 2).c_str());
  } else if (!command.quiet) {
    std::printf("indexed %zu, unchanged %zu, failed %zu, removed %zu, near-duplicates %zu  (%zu files, %s in %.2f s, %.0f records/s)\n",
                summary.indexed, summary.unchanged, summary.failed, summary.removed, summary.duplicates.size(), summary.files,
                human_bytes(static_cast<double>(summary.bytes)).c_str(), seconds,
                seconds > 0 ? summary.indexed / seconds : 0.0);
    if (layout) {
      std::printf("the index at %s holds %zu records in %u shards\n", command.db.string().c_str(), summary.documents,
                  layout->shards);
    } else {
      std::printf("the index at %s holds %zu records\n", command.db.string().c_str(), summary.documents);
    }
    if (summary.summaries_translated && summary.indexed > 0)
      std::printf("titles, summaries and lessons stored machine-translated into the other languages\n");
    if (summary.cancelled) std::printf("interrupted: what was indexed before the interruption is committed\n");
  }
  if (summary.summaries_translated && !summary.translation_problem.empty()) {
    std::string what = summary.translations_failed > 0
                           ? std::to_string(summary.translations_failed) + " records were stored without translations"
                           : "some or all translations could not be made";
    std::fprintf(stderr, "%s %s: %s\n", bold("warning:", styled).c_str(), what.c_str(), summary.translation_problem.c_str());
  }
  if (summary.cancelled) return 130;
  return summary.failed > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace tools
