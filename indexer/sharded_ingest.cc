#include "indexer/sharded_ingest.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <xapian.h>

#include "indexer/index_access.h"
#include "indexer/record_writes.h"

namespace indexer {
namespace {

using corpus::Error;
using corpus::ErrorCode;

// Opens the layout's spelling index for writing, creating it with the schema's version mark.
corpus::Result<Xapian::WritableDatabase> open_spelling(const ShardLayout& layout) { return open_writable(layout.spelling_path()); }

// Marks a shard with which shard of which layout it is, creating it if needed.
corpus::Status mark_shard(const ShardLayout& layout, unsigned shard) {
  auto db = open_writable(layout.shard_path(shard));
  if (!db) return db.error();
  try {
    std::string key(kShardKey);
    if (db->get_metadata(key) != layout.shard_key(shard)) {
      db->set_metadata(key, layout.shard_key(shard));
      db->commit();
    }
    db->close();
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "cannot mark the shard: " + e.get_msg(), layout.shard_path(shard).string(), 0, ""};
  }
  return corpus::Ok{};
}

// Makes the spelling index's dictionary the sum of the shards' (each word's frequency). Returns
// the number of words changed.
corpus::Result<std::size_t> sync_spelling(const ShardLayout& layout) {
  std::map<std::string, Xapian::termcount> wanted;
  try {
    for (unsigned shard = 0; shard < layout.shards; ++shard) {
      auto db = open_readable(layout.shard_path(shard));
      if (!db) return db.error();
      for (auto it = db->spellings_begin(); it != db->spellings_end(); ++it) wanted[*it] += it.get_termfreq();
    }
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading a shard's spelling dictionary failed: " + e.get_msg(), layout.dir.string(), 0, ""};
  }
  auto spelling = open_spelling(layout);
  if (!spelling) return spelling.error();
  try {
    Xapian::WritableDatabase& db = *spelling;
    std::size_t changed = 0;
    // Both lists are sorted: one merge pass finds the words to add, raise, lower or drop.
    std::map<std::string, Xapian::termcount> current;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) current.emplace(*it, it.get_termfreq());
    for (const auto& [word, count] : wanted) {
      auto it = current.find(word);
      Xapian::termcount have = it == current.end() ? 0 : it->second;
      if (have < count) db.add_spelling(word, count - have);
      if (have > count) db.remove_spelling(word, have - count);
      if (have != count) ++changed;
    }
    for (const auto& [word, count] : current) {
      if (wanted.contains(word)) continue;
      db.remove_spelling(word, count);
      ++changed;
    }
    db.commit();
    db.close();
    return changed;
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "writing the spelling index failed: " + e.get_msg(), layout.spelling_path().string(), 0, ""};
  }
}

}  // namespace

corpus::Result<IngestSummary> ingest_sharded(const ShardLayout& layout, const std::vector<std::filesystem::path>& paths,
                                             const IngestOptions& options, const ProgressCallback& progress) {
  for (unsigned shard = 0; shard < layout.shards; ++shard)
    if (auto marked = mark_shard(layout, shard); !marked) return marked.error();
  // Each shard has its own writer, and Xapian's writer is what bounds ingestion: the shards are
  // written at the same time, so every core writes. The analysis threads are shared out.
  unsigned cores = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<IngestProgress> shard_states(layout.shards);
  std::mutex progress_mutex;
  std::vector<std::optional<corpus::Result<IngestSummary>>> results(layout.shards);
  std::vector<std::thread> writers;
  for (unsigned shard = 0; shard < layout.shards; ++shard) {
    writers.emplace_back([&, shard] {
      IngestOptions shard_options = options;
      shard_options.threads = std::max(1u, cores / layout.shards);
      shard_options.keep = [shard, n = layout.shards](std::string_view id) { return shard_of(id, n) == shard; };
      ProgressCallback shard_progress;
      if (progress) {
        // One bar for all the shards: every shard reads every file.
        shard_progress = [&, shard](const IngestProgress& p) {
          std::lock_guard lock(progress_mutex);
          shard_states[shard] = p;
          IngestProgress all;
          for (const auto& state : shard_states) {
            all.files_total += state.files_total;
            all.files_done += state.files_done;
            all.bytes_total += state.bytes_total;
            all.bytes_done += state.bytes_done;
            all.records_done += state.records_done;
          }
          progress(all);
        };
      }
      results[shard] = ingest(layout.shard_path(shard), paths, shard_options, shard_progress);
    });
  }
  for (auto& writer : writers) writer.join();

  IngestSummary total;
  for (unsigned shard = 0; shard < layout.shards; ++shard) {
    auto& summary = *results[shard];
    if (!summary) {
      corpus::Error error = summary.error();
      error.message = "shard " + std::to_string(shard) + ": " + error.message;
      return error;
    }
    // Every shard reads every file: files, bytes and bad records are the first shard's.
    if (shard == 0) {
      total.files = summary->files;
      total.files_unchanged = summary->files_unchanged;
      total.failed = summary->failed;
      total.errors = std::move(summary->errors);
      total.bytes = summary->bytes;
    }
    total.files_unchanged = std::min(total.files_unchanged, summary->files_unchanged);
    total.indexed += summary->indexed;
    total.unchanged += summary->unchanged;
    total.removed += summary->removed;
    total.documents += summary->documents;
    total.cancelled = total.cancelled || summary->cancelled;
    total.summaries_translated = summary->summaries_translated;
    total.translations_failed += summary->translations_failed;
    if (total.translation_problem.empty()) total.translation_problem = summary->translation_problem;
    total.duplicates.insert(total.duplicates.end(), summary->duplicates.begin(), summary->duplicates.end());
  }
  auto synced = sync_spelling(layout);
  if (!synced) return synced.error();
  return total;
}

corpus::Result<WriteOutcome> apply_sharded_writes(const ShardLayout& layout, const WriteBatch& batch,
                                                  std::chrono::milliseconds lock_wait) {
  std::vector<WriteBatch> parts(layout.shards);
  // Where each put and remove of the batch went, to give the outcome back in the batch's order.
  std::vector<std::pair<unsigned, std::size_t>> put_at, remove_at;
  for (const auto& document : batch.put) {
    unsigned shard = shard_of(document.id, layout.shards);
    put_at.emplace_back(shard, parts[shard].put.size());
    parts[shard].put.push_back(document);
  }
  for (const auto& id : batch.remove) {
    unsigned shard = shard_of(id, layout.shards);
    remove_at.emplace_back(shard, parts[shard].remove.size());
    parts[shard].remove.push_back(id);
  }
  std::vector<WriteOutcome> outcomes(layout.shards);
  WriteOutcome total;
  std::map<std::string, unsigned> words;
  for (unsigned shard = 0; shard < layout.shards; ++shard) {
    // An empty batch still opens the shard: its count and revision belong to the total.
    auto outcome = apply_writes(layout.shard_path(shard), parts[shard], lock_wait);
    if (!outcome) {
      corpus::Error error = outcome.error();
      error.message = "shard " + std::to_string(shard) + ": " + error.message;
      return error;
    }
    total.documents += outcome->documents;
    total.revision += outcome->revision;
    for (const auto& [word, count] : outcome->spelling) words[word] += count;
    outcomes[shard] = std::move(outcome).value();
  }
  for (const auto& [shard, i] : put_at) total.duplicate_of.push_back(outcomes[shard].duplicate_of.at(i));
  for (const auto& [shard, i] : remove_at) total.removed.push_back(outcomes[shard].removed.at(i));
  if (!words.empty()) {
    auto spelling = open_spelling(layout);
    if (!spelling) return spelling.error();
    try {
      for (const auto& [word, count] : words) spelling->add_spelling(word, count);
      spelling->commit();
      spelling->close();
    } catch (const Xapian::Error& e) {
      return Error{ErrorCode::index, "writing the spelling index failed: " + e.get_msg(), layout.spelling_path().string(), 0, ""};
    }
  }
  total.spelling = std::move(words);
  return total;
}

}  // namespace indexer
