#pragma once
// IndexSource: what a Searcher reads. One index folder; or the shards of a sharded collection
// (docs/scaling.md), each a local index folder or a `tcp://HOST:PORT` served by Xapian's
// `xapian-tcpsrv`, searched as one database so that statistics and ranking are those of one
// index; with a local index holding the spelling dictionary (the remote backend has none).
// A plain value type; no Xapian here.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace ranking {

// What to do when a shard does not answer.
enum class ShardFailure {
  partial,  // answer from the shards that do, saying which are missing
  fail,     // answer with an error (the server's 503) naming the shard
};

struct IndexSource {
  std::vector<std::string> shards;  // index folders or tcp://HOST:PORT, as given (errors quote them)
  std::filesystem::path spelling;   // local index with the spelling dictionary; empty: the shards'
  std::chrono::milliseconds timeout{5000};  // a remote shard's connection and each exchange with it
  std::chrono::milliseconds retry{5000};    // a shard that failed is tried again after this
  ShardFailure on_failure = ShardFailure::partial;

  // A folder: a sharded layout's shards and spelling index (indexer/shard_layout.h), else the
  // single index it holds.
  static IndexSource of_folder(const std::filesystem::path& dir);
};

// A remote shard's address.
struct RemoteShard {
  std::string host;
  unsigned short port = 0;
};

// The address in a `tcp://HOST:PORT` shard; nullopt for a folder; an Error naming `flag` when
// it starts like an address but is not a valid one.
corpus::Result<std::optional<RemoteShard>> parse_shard(const std::string& shard, const std::string& flag = "--shard");

}  // namespace ranking
