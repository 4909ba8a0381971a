#pragma once
// Service: what the handlers share. The configuration, one ranking::Searcher per thread (Xapian
// databases are not shared between threads), the write queue, metrics and the API key check.
// Thread-safe: searcher() returns the calling thread's own Searcher.

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>
#include <string_view>
#include <thread>

#include "corpus/result.h"
#include "ranking/searcher.h"
#include "server/api_keys.h"
#include "server/config.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/write_queue.h"

namespace server {

enum class AuthResult { allowed, missing_or_wrong_key, writes_disabled, writes_to_shards };

class Service {
 public:
  // Creates the index if it does not exist, so a new server can take writes straight away.
  static corpus::Result<std::unique_ptr<Service>> open(ServerConfig config);
  ~Service();

  const ServerConfig& config() const { return config_; }
  Metrics& metrics() { return metrics_; }
  WriteQueue& writes() { return *writes_; }

  // This thread's Searcher over the index (or its shards); opened on first use.
  corpus::Result<ranking::Searcher*> searcher();

  // What the Searchers read: config().shards, else the folder config().db.
  ranking::IndexSource index_source() const;

  // Checks an Authorization header against the keys (given in the configuration, and in the
  // keys file, read again when it changes) for a route that needs `role`; compares SHA-256
  // hashes, in constant time per key.
  AuthResult authorize(std::string_view authorization, KeyRole role = KeyRole::write);

  // The keys in force now (the keys file read again if it changed), for the start-up line.
  struct KeyCount {
    std::size_t write = 0;
    std::size_t read = 0;
    std::string file_error;  // why the keys file gives no keys (unreadable, bad line), if it does not
  };
  KeyCount key_count();

  // The per-address limits of ServerConfig's write_rate and search_rate.
  RateLimiter& write_limit() { return write_limit_; }
  RateLimiter& search_limit() { return search_limit_; }

 private:
  explicit Service(ServerConfig config);

  ServerConfig config_;
  Metrics metrics_;
  std::unique_ptr<WriteQueue> writes_;
  // Reads the keys file again when its identity (device, inode, size, modification and change
  // times, to the nanosecond) differs from the last read: `precedent keys` renames a new file
  // over it, so each rewrite has a new inode even within one tick of the file system's clock.
  // A missing file holds no keys; one that cannot be read or parsed holds none either (a revoked
  // key must not survive a bad edit), and keys_file_error_ says why.
  void reload_keys_if_changed();

  std::mutex keys_mutex_;
  std::vector<StoredKey> keys_;  // the configuration's, then the file's
  std::size_t config_keys_ = 0;  // how many of keys_ come from the configuration
  std::string keys_file_identity_ = "never read";
  std::string keys_file_error_;
  RateLimiter write_limit_;
  RateLimiter search_limit_;
  std::uint64_t generation_;  // tells this Service's per-thread Searchers from another's
  std::jthread translator_loading_;  // loads the query translator's dictionaries as the server starts
};

// Equal-length-independent, data-independent comparison (no early exit).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace server
