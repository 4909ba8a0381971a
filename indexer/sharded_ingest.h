#pragma once
// Writing a sharded index (indexer/shard_layout.h): ingestion and the API's write batches, each
// record routed to its shard, and the layout's spelling index kept to the whole collection's
// dictionary. Each shard is written by the same code as a single index (indexer/ingest.h,
// indexer/index_writer.h), so each shard is a complete index of its records that
// `xapian-tcpsrv` can serve as it is. Xapian stays in the .cc file.

#include <chrono>
#include <filesystem>
#include <vector>

#include "corpus/result.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/shard_layout.h"

namespace indexer {

// Ingests `paths` into every shard of `layout` at once, one writer per shard, each keeping the
// records routed to it (the files are read once per shard; analysis, the costly part, happens
// once per record), then brings the spelling index up to the shards' dictionaries. The summary
// is the whole collection's: errors of bad records are reported once. Progress covers all the
// shards.
corpus::Result<IngestSummary> ingest_sharded(const ShardLayout& layout, const std::vector<std::filesystem::path>& paths,
                                             const IngestOptions& options, const ProgressCallback& progress);

// apply_writes() for a sharded index: each record put or removed in its shard, and the words
// put records add to a shard's dictionary added to the spelling index too. `documents` is the
// whole collection's count; `revision` the sum of the shards'.
corpus::Result<WriteOutcome> apply_sharded_writes(const ShardLayout& layout, const WriteBatch& batch,
                                                  std::chrono::milliseconds lock_wait);

}  // namespace indexer
