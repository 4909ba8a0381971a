#pragma once
// ServerConfig: everything `precedent serve` can be told, with defaults that work with no
// configuration. Sources, later ones winning: defaults < config file (TOML) < environment
// (PRECEDENT_*) < command line. Validated once by validate(). A plain value type.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace server {

// The keys file `precedent keys` writes and `precedent serve` reads when none is named.
inline constexpr const char* kDefaultKeysFile = "precedent-keys";

struct ServerConfig {
  std::filesystem::path db = "precedent-index";  // index folder
  std::string host = "127.0.0.1";                // address to listen on
  unsigned short port = 8080;                    // 0 picks a free port
  unsigned threads = 0;                          // I/O and search threads; 0 = default_threads()
  std::vector<std::string> api_keys;             // bearer keys allowed to write; none = writes off
  std::filesystem::path api_keys_file;           // server/api_keys.h; default ./precedent-keys; read again when it changes
  bool private_search = false;                   // reads need a read or write key too
  std::vector<std::string> cors_origins;         // origins allowed by CORS; "*" for any; empty = off
  std::size_t max_body_bytes = 16u << 20;        // POST bodies
  std::size_t max_header_bytes = 16u << 10;      // all request headers together
  std::size_t max_target_bytes = 8u << 10;       // path and query string
  std::size_t max_connections = 1024;            // open connections; more get 503
  std::size_t max_records_per_post = 10000;      // records in one POST /v1/documents
  std::chrono::seconds idle_timeout{30};         // keep-alive connection with no request
  std::chrono::seconds read_timeout{10};         // reading one request once it started
  std::chrono::milliseconds write_lock_wait{5000};  // a write waits this long for another writer
  std::chrono::seconds shutdown_grace{5};        // in-flight requests get this long on SIGTERM
  bool access_log = true;                        // one JSON line per request on stdout
  // Requests per second and burst per client address (429 with Retry-After past them); 0 = off.
  double write_rate = 50;     // writes: POST and DELETE of documents
  double write_burst = 100;
  double search_rate = 0;     // reads: searches, suggestions, similar; off unless configured
  double search_burst = 50;
  // A sharded index (docs/scaling.md) searched as one, instead of `db`: shard folders and
  // tcp://HOST:PORT addresses of `xapian-tcpsrv`. Such a server takes no writes. Serving the
  // folder of a sharded layout as `db` needs none of this: its shards are found there.
  std::vector<std::string> shards;
  std::filesystem::path spelling;                   // with shards: local index with the spelling dictionary
  std::chrono::milliseconds shard_timeout{5000};    // a remote shard's connection and each exchange
  std::chrono::seconds shard_retry{5};              // a shard that failed is tried again after this
  std::string on_shard_failure = "partial";         // "partial": answer without it; "unavailable": 503

  bool operator==(const ServerConfig&) const = default;
};

// Threads when none are configured: four per core. A write holds its thread until the commit is
// on disk, so with one thread per core a few writes stall every search (tools/load/run: 15
// time-outs in 30 s at 2 threads, none at 8).
unsigned default_threads();

// Applies a TOML config file (keys named as the fields above, durations in seconds or, for
// write_lock_wait and shard_timeout, milliseconds). Errors name the file, line and key.
corpus::Status apply_config_file(const std::filesystem::path& file, ServerConfig& config);

// Applies PRECEDENT_DB, PRECEDENT_HOST, PRECEDENT_PORT, PRECEDENT_THREADS, PRECEDENT_API_KEYS
// (comma-separated), PRECEDENT_API_KEYS_FILE, PRECEDENT_CORS_ORIGINS (comma-separated).
corpus::Status apply_environment(ServerConfig& config);

// Checks ranges, makes api_keys_file absolute (./precedent-keys when none is named) and checks
// the keys it holds, if it exists yet.
corpus::Status validate(ServerConfig& config);

}  // namespace server
