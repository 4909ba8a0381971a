#pragma once
// ShardLayout: a collection split into N shard indexes (docs/scaling.md). On disk, a folder with
// `shards.json` (the count and a random layout id), `shard-0` ... `shard-<N-1>`, each a complete
// Precedent index of the records routed to it, and `spelling`, a small index holding the whole
// collection's spelling dictionary: Xapian's remote backend has no spelling, so a server that
// reaches the shards over the network keeps that index local. A record lives in shard
// XXH3-64(id) mod N, a hash fixed across platforms and library versions, and the count is fixed
// when the layout is made, so a later run routes each record to the same shard. Each shard also
// records which shard it is ("k N layout-id" under kShardKey), so a server can check that the
// shards it was given are the whole of one layout. A plain value type; no Xapian here.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "corpus/result.h"

namespace indexer {

inline constexpr std::string_view kLayoutFile = "shards.json";
inline constexpr std::string_view kShardKey = "precedent.shard";
inline constexpr unsigned kMaxShards = 256;

struct ShardLayout {
  std::filesystem::path dir;
  unsigned shards = 0;
  std::string id;  // random hex, the same in shards.json and every shard's kShardKey

  std::filesystem::path shard_path(unsigned shard) const { return dir / ("shard-" + std::to_string(shard)); }
  std::filesystem::path spelling_path() const { return dir / "spelling"; }
  // The kShardKey value of shard `shard`.
  std::string shard_key(unsigned shard) const;
};

// The shard of N a record id belongs to.
unsigned shard_of(std::string_view record_id, unsigned shards);

// Whether `dir` holds a sharded layout (a shards.json).
bool is_sharded(const std::filesystem::path& dir);

// Reads the layout of `dir`.
corpus::Result<ShardLayout> read_layout(const std::filesystem::path& dir);

// The layout of `dir` for an index run asked for `shards` (0: whatever `dir` holds). Creates a
// layout of `shards` in a new or empty folder; refuses, naming --shards, a count other than the
// layout's, and a folder that holds a single index.
corpus::Result<ShardLayout> open_layout(const std::filesystem::path& dir, unsigned shards);

// Which shard of which layout a shard index says it is (parsed kShardKey); nullopt-like empty
// layout_id when the value is not one.
struct ShardIdentity {
  unsigned shard = 0;
  unsigned shards = 0;
  std::string layout_id;
};
ShardIdentity parse_shard_key(std::string_view value);

}  // namespace indexer
