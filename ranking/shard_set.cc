#include "ranking/shard_set.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "indexer/index_access.h"
#include "indexer/schema.h"
#include "indexer/shard_layout.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;
namespace schema = indexer::schema;

constexpr std::string_view kTcp = "tcp://";

// How Xapian names a remote database in its errors' context ("remote:tcp(127.0.0.1:7001)").
std::string xapian_context(const RemoteShard& remote) {
  return "remote:tcp(" + remote.host + ":" + std::to_string(remote.port) + ")";
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

}  // namespace

IndexSource IndexSource::of_folder(const std::filesystem::path& dir) {
  IndexSource source;
  if (!indexer::is_sharded(dir)) {
    source.shards = {dir.string()};
    return source;
  }
  auto layout = indexer::read_layout(dir);
  if (!layout) {
    source.shards = {dir.string()};  // opening it reports what is wrong
    return source;
  }
  for (unsigned shard = 0; shard < layout->shards; ++shard) source.shards.push_back(layout->shard_path(shard).string());
  source.spelling = layout->spelling_path();
  // Local shards either open or the index is broken: there is nothing to wait for, and a long
  // match on a large shard is no failure.
  source.on_failure = ShardFailure::fail;
  source.timeout = std::chrono::seconds(60);
  return source;
}

corpus::Result<std::optional<RemoteShard>> parse_shard(const std::string& shard, const std::string& flag) {
  if (shard.empty()) return Error{ErrorCode::invalid_argument, "an empty shard", "", 0, flag};
  if (!shard.starts_with(kTcp)) {
    if (shard.find("://") != std::string::npos)
      return Error{ErrorCode::invalid_argument, "\"" + shard + "\": a shard is a folder or tcp://HOST:PORT", "", 0, flag};
    return std::optional<RemoteShard>();
  }
  std::string rest = shard.substr(kTcp.size());
  std::size_t colon = rest.rfind(':');
  unsigned port = 0;
  if (colon == std::string::npos || colon == 0 ||
      std::from_chars(rest.data() + colon + 1, rest.data() + rest.size(), port).ptr != rest.data() + rest.size() ||
      port < 1 || port > 65535) {
    return Error{ErrorCode::invalid_argument, "\"" + shard + "\" is not tcp://HOST:PORT with a port from 1 to 65535", "", 0, flag};
  }
  std::string host = rest.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return std::optional<RemoteShard>(RemoteShard{host, static_cast<unsigned short>(port)});
}

corpus::Result<ShardSet> ShardSet::open(const IndexSource& source) {
  if (source.shards.empty()) return Error{ErrorCode::invalid_argument, "no index or shard given", "", 0, "--shard"};
  ShardSet set(source);
  std::set<std::string> seen;
  for (const auto& spec : source.shards) {
    if (!seen.insert(spec).second) return Error{ErrorCode::invalid_argument, "\"" + spec + "\" is given twice", "", 0, "--shard"};
    auto remote = parse_shard(spec);
    if (!remote) return remote.error();
    set.shards_.push_back(Shard{spec, *remote, "", std::nullopt, {}, ""});
  }
  for (auto& shard : set.shards_) {
    if (!shard.remote) {
      // A local folder that cannot be opened is a mistake to report, not a shard to wait for.
      auto db = indexer::open_readable(shard.spec);
      if (!db) {
        corpus::Error error = db.error();
        if (set.shards_.size() > 1) error.message = "shard " + shard.spec + ": " + error.message;
        return error;
      }
      shard.db = *db;
      if (set.shards_.size() == 1) continue;
      // Xapian 1.4.22's matcher reads freed memory on some of our queries ("mercury") when it
      // merges several local databases (valgrind: a postlist deleted while pruning is read
      // again); it matches one database at a time without fault, as the remote backend does.
      // So several local shards are reached through xapian-progsrv, Xapian's remote server
      // on a pipe, as remote shards are through xapian-tcpsrv.
      std::error_code ec;
      shard.local_path = std::filesystem::absolute(shard.spec, ec).string();
      if (shard.local_path.find_first_of(" \t\n") != std::string::npos) {
        return Error{ErrorCode::invalid_argument, "\"" + shard.spec + "\": a local shard's path may not hold spaces "
                     "(Xapian passes it to xapian-progsrv split at spaces)", "", 0, "--shard"};
      }
    }
    auto reason = set.connect(shard);
    if (reason && !shard.remote) {
      return Error{ErrorCode::index, "shard " + shard.spec + ": " + *reason + " (xapian-progsrv, from xapian-tools, "
                   "serves local shards)", "", 0, "--shard"};
    }
    if (!reason) continue;
    if (source.on_failure == ShardFailure::fail)
      return Error{ErrorCode::unavailable, "shard " + shard.spec + ": " + *reason, "", 0, "--shard"};
  }
  if (auto error = set.check_layout()) return *error;
  try {
    if (!source.spelling.empty()) {
      auto spelling = indexer::open_readable(source.spelling);
      if (!spelling) {
        corpus::Error error = spelling.error();
        error.field = "--spelling";
        return error;
      }
      set.spelling_ = *spelling;
      set.own_spelling_ = true;
    }
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "cannot open the spelling index: " + e.get_msg(), source.spelling.string(), 0, "--spelling"};
  }
  set.combine();
  return set;
}

std::optional<std::string> ShardSet::connect(Shard& shard) {
  shard.db.reset();
  try {
    if (shard.remote || !shard.local_path.empty()) {
      auto timeout = static_cast<unsigned>(source_.timeout.count());
      Xapian::Database db = shard.remote ? Xapian::Remote::open(shard.remote->host, shard.remote->port, timeout, timeout)
                                         : Xapian::Remote::open("xapian-progsrv", shard.local_path, timeout);
      std::string version = db.get_metadata(std::string(schema::kVersionKey));
      if (version != schema::kVersion) {
        shard.last_error = "it serves an index of schema " + (version.empty() ? std::string("unknown") : version) +
                           ", this server reads " + std::string(schema::kVersion);
        shard.retry_at = std::chrono::steady_clock::now() + source_.retry;
        return shard.last_error;
      }
      shard.db = db;
    } else {
      auto db = indexer::open_readable(shard.spec);
      if (!db) {
        shard.last_error = db.error().message;
        shard.retry_at = std::chrono::steady_clock::now() + source_.retry;
        return shard.last_error;
      }
      shard.db = *db;
    }
  } catch (const Xapian::Error& e) {
    shard.last_error = e.get_description();
    shard.retry_at = std::chrono::steady_clock::now() + source_.retry;
    return shard.last_error;
  }
  shard.last_error.clear();
  return std::nullopt;
}

std::optional<corpus::Error> ShardSet::check_layout() {
  if (shards_.size() < 2) return std::nullopt;
  std::string layout_id, first_spec;
  unsigned count = 0;
  std::vector<const Shard*> by_number;
  for (const auto& shard : shards_) {
    if (!shard.db) continue;
    auto identity = indexer::parse_shard_key(shard.db->get_metadata(std::string(indexer::kShardKey)));
    if (identity.layout_id.empty()) {
      return Error{ErrorCode::invalid_argument, "\"" + shard.spec + "\" is not a shard of a sharded index (made by "
                   "`precedent index --shards N`)", "", 0, "--shard"};
    }
    if (layout_id.empty()) {
      layout_id = identity.layout_id;
      first_spec = shard.spec;
      count = identity.shards;
      by_number.assign(count, nullptr);
    } else if (identity.layout_id != layout_id) {
      return Error{ErrorCode::invalid_argument, "\"" + shard.spec + "\" is a shard of another index than \"" + first_spec + "\"",
                   "", 0, "--shard"};
    }
    if (by_number[identity.shard] != nullptr) {
      return Error{ErrorCode::invalid_argument, "\"" + shard.spec + "\" and \"" + by_number[identity.shard]->spec +
                   "\" are both shard " + std::to_string(identity.shard), "", 0, "--shard"};
    }
    by_number[identity.shard] = &shard;
  }
  if (count != 0 && count != shards_.size()) {
    return Error{ErrorCode::invalid_argument, "the index has " + std::to_string(count) + " shards and " +
                 std::to_string(shards_.size()) + " were given; give each once", "", 0, "--shard"};
  }
  return std::nullopt;
}

void ShardSet::combine() {
  db_ = Xapian::Database();
  for (const auto& shard : shards_)
    if (shard.db) db_.add_database(*shard.db);
  if (!own_spelling_) spelling_ = db_;
}

bool ShardSet::refresh() {
  bool changed = false;
  auto now = std::chrono::steady_clock::now();
  for (auto& shard : shards_) {
    if (shard.db || now < shard.retry_at || connect(shard)) continue;
    // A shard that came back must still be a shard of the same index.
    if (auto error = check_layout()) {
      shard.db.reset();
      shard.last_error = error->message;
      shard.retry_at = now + source_.retry;
      continue;
    }
    changed = true;
  }
  if (changed) combine();
  else changed = db_.reopen();
  if (own_spelling_) spelling_.reopen();
  return changed;
}

std::optional<corpus::Error> ShardSet::failed(const Xapian::Error& error) {
  std::string context = error.get_context();
  // A shard that timed out is left out at once. One whose connection closed may only have
  // dropped an idle connection (xapian-tcpsrv's --idle-timeout): it is connected again, with the
  // others, whose connections may be mid-exchange; those that do not answer are out.
  bool timed_out = std::string_view(error.get_type()) == "NetworkTimeoutError";
  for (auto& shard : shards_) {
    if (timed_out && shard.remote && shard.db && context == xapian_context(*shard.remote)) {
      shard.db.reset();
      shard.last_error = error.get_description();
      shard.retry_at = std::chrono::steady_clock::now() + source_.retry;
    }
  }
  for (auto& shard : shards_)
    if ((shard.remote || !shard.local_path.empty()) && shard.db) connect(shard);
  combine();
  bool none_left = std::none_of(shards_.begin(), shards_.end(), [](const Shard& s) { return s.db.has_value(); });
  if (none_left || (source_.on_failure == ShardFailure::fail && !missing().empty())) return unavailable();
  return std::nullopt;
}

std::vector<std::string> ShardSet::missing() const {
  std::vector<std::string> out;
  for (const auto& shard : shards_)
    if (!shard.db) out.push_back(shard.spec);
  return out;
}

corpus::Error ShardSet::unavailable() const {
  std::vector<std::string> names = missing();
  std::string message = names.empty() ? "a shard of the index did not answer"
                        : names.size() == 1 ? "shard " + names.front() + " does not answer"
                                            : "shards " + join(names) + " do not answer";
  return Error{ErrorCode::unavailable, message + "; try again", "", 0, names.empty() ? "" : "shard"};
}

std::vector<std::string> ShardSet::local_folders() const {
  std::vector<std::string> out;
  for (const auto& shard : shards_)
    if (!shard.remote) out.push_back(shard.spec);
  return out;
}

std::uint64_t ShardSet::revision() const {
  std::uint64_t total = 0;
  for (const auto& shard : shards_) {
    if (shard.remote || !shard.db) continue;
    try {
      // A shard reached through xapian-progsrv does not tell its revision: its folder does.
      total += shard.local_path.empty() ? shard.db->get_revision() : Xapian::Database(shard.local_path).get_revision();
    } catch (const Xapian::Error&) {
    }
  }
  return total;
}

}  // namespace ranking
