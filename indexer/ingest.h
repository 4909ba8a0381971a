#pragma once
// Ingestion: files and folders in, an up-to-date index out. Reads every record file, skips files
// whose content hash is the one already indexed, replaces records by id, removes records whose
// file changed to drop them or whose file is gone from a folder that was walked, and commits in
// batches so an interrupted run leaves every committed record in place. Analysis runs on several
// threads; one thread writes. A bad record or file is reported and skipped; only a failure of the
// index itself ends the run early. Xapian stays in the .cc files.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/result.h"
#include "indexer/relevance_config.h"

namespace indexer {

// Where a record came from, kept with it so re-indexing can tell what changed.
struct SourceInfo {
  std::string path;  // absolute path of the file; empty for records that arrive over the API
  std::string hash;  // content hash of the file; empty to force a re-read next time
};

struct IngestOptions {
  std::size_t batch_size = 5000;       // records written between commits
  unsigned threads = 0;                // analysis threads; 0 means one per core
  const std::atomic<bool>* cancel = nullptr;  // when set to true, stop after what is in flight
  RelevanceConfig relevance;                  // the field weights records are indexed with
  // When set, only the records it accepts are indexed, as if the files held no others: the
  // records of one shard (indexer/sharded_ingest.h).
  std::function<bool(std::string_view id)> keep;
  // Store every record's title, summary and lessons machine-translated into the other languages
  // (indexer/record_translation.h), for readers of another language. Kept with the index, so API
  // writes and later runs do the same; nullopt keeps what the index holds, a change re-reads every
  // file. It costs 15 to 50 ms a record, ten times the rest of indexing (docs/benchmarks.md), so it is
  // off unless asked for.
  std::optional<bool> translate_summaries;
};

struct IngestProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::size_t records_done = 0;
};

// A record found to be a near-duplicate of one already indexed (indexer/near_duplicates.h).
struct DuplicateFound {
  std::string file;          // where the record was read
  std::string id;            // the record
  std::string duplicate_of;  // the first record of its group, which results show in its place
  double similarity = 0;     // estimated share of the text's word sequences that are the same
};

struct IngestSummary {
  std::size_t files = 0;            // record files found
  std::size_t files_unchanged = 0;  // skipped because their content hash was already indexed
  std::size_t indexed = 0;          // records added or replaced
  std::size_t unchanged = 0;        // records in unchanged files
  std::size_t failed = 0;           // records (or whole files) that could not be indexed
  std::size_t removed = 0;          // records deleted because their file dropped them or is gone
  std::uint64_t bytes = 0;          // bytes of the files read
  std::size_t documents = 0;        // records in the index afterwards
  bool cancelled = false;
  bool summaries_translated = false;   // the records written carry translations
  std::size_t translations_failed = 0;  // records written without them, because translation failed
  std::string translation_problem;      // directions not installed, or the first failure
  std::vector<corpus::Error> errors;  // one per failed file or record, in file order
  std::vector<DuplicateFound> duplicates;  // records added or replaced that are near-duplicates
};

using ProgressCallback = std::function<void(const IngestProgress&)>;

// Opens (creating if needed) the index at `db` and ingests `paths`. Returns an Error only when the
// index cannot be opened or written; bad input is counted and listed in the summary.
corpus::Result<IngestSummary> ingest(const std::filesystem::path& db,
                                     const std::vector<std::filesystem::path>& paths,
                                     const IngestOptions& options, const ProgressCallback& progress);

// Content hash of a file's bytes, as stored in the index (hex XXH3-64).
std::string content_hash(std::string_view bytes);

}  // namespace indexer
