#pragma once
// ShardSet: the databases behind a Searcher (ranking/index_source.h): every shard that answers,
// combined into one Xapian::Database (Xapian merges the statistics, so ranking is that of one
// index), and the local database with the spelling dictionary. Remote shards are reached through
// xapian-tcpsrv; several local shards through xapian-progsrv (Xapian's matcher is not safe for
// our queries over several local databases, see shard_set.cc); a single index directly. A remote shard that fails (Xapian's
// NetworkError, or a time-out) is left out and tried again after IndexSource::retry; a failed
// remote connection cannot be reused, so it is opened anew. Docids of db() are only meaningful
// until the next refresh() or failed(): the set of shards, and with it Xapian's interleaving of
// their docids, may change. Owns its databases; NOT thread-safe (one per Searcher).
// Included only by ranking's .cc files.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus/result.h"
#include "ranking/index_source.h"

namespace ranking {

class ShardSet {
 public:
  // Opens every shard and checks that they are the whole of one layout. A shard that does not
  // answer is an Error under ShardFailure::fail, else missing until it does.
  static corpus::Result<ShardSet> open(const IndexSource& source);

  const Xapian::Database& db() const { return db_; }
  const Xapian::Database& spelling() const { return spelling_; }
  bool sharded() const { return shards_.size() > 1; }
  // Whether Xapian's remote backend reaches any shard (every shard, when there are several).
  bool remote() const { return shards_.size() > 1 || shards_.front().remote.has_value(); }
  const IndexSource& source() const { return source_; }

  // Reopens every shard at its latest revision and reconnects missing shards whose retry time
  // has come. Returns true when db() changed: another revision, or another set of shards.
  bool refresh();

  // After a NetworkError while reading db(): leaves out the shard the error names (or, when it
  // names none, every remote shard that does not answer) and reconnects the others, whose
  // connections may be mid-exchange. Returns the Error to answer with when reading must stop
  // (ShardFailure::fail, or no shard answers); nullopt when reading db() again may succeed.
  std::optional<corpus::Error> failed(const Xapian::Error& error);

  // The shards left out, as given; empty when every shard answered.
  std::vector<std::string> missing() const;

  // An Error naming the missing shards (for ShardFailure::fail, or when none is left).
  corpus::Error unavailable() const;

  // The local index folders among the shards, and the sum of their revisions (remote shards
  // do not tell theirs).
  std::vector<std::string> local_folders() const;
  std::uint64_t revision() const;

 private:
  struct Shard {
    std::string spec;
    std::optional<RemoteShard> remote;
    std::string local_path;  // a local shard among several: its absolute path, for xapian-progsrv
    std::optional<Xapian::Database> db;  // nullopt while missing
    std::chrono::steady_clock::time_point retry_at{};
    std::string last_error;
  };
  explicit ShardSet(IndexSource source) : source_(std::move(source)) {}
  // Opens `shard`; the reason on failure.
  std::optional<std::string> connect(Shard& shard);
  // Checks the shards' kShardKey marks: one layout, each shard once, all of it given.
  std::optional<corpus::Error> check_layout();
  void combine();

  IndexSource source_;
  std::vector<Shard> shards_;
  Xapian::Database db_;
  Xapian::Database spelling_;
  bool own_spelling_ = false;  // spelling_ is a separate index, not db_
};

}  // namespace ranking
