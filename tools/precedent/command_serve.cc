// `precedent serve`: the HTTP API on the index, until SIGINT or SIGTERM.

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "server/http_server.h"
#include "server/service.h"
#include "tools/precedent/commands.h"

namespace tools {
namespace {

// Whether writes are on, with how many keys, and where keys are added: the server reads the keys
// file again when it changes, so "off" is until the first `precedent keys add`.
std::string describe_keys(const server::ServerConfig& config, const server::Service::KeyCount& keys) {
  if (!config.shards.empty()) return "writes off: shards given one by one";
  std::string file = config.api_keys_file.string();
  std::string counts = std::to_string(keys.write) + (keys.write == 1 ? " write key" : " write keys");
  if (keys.read > 0) counts += ", " + std::to_string(keys.read) + (keys.read == 1 ? " read key" : " read keys");
  if (keys.write == 0) {
    std::string why = keys.file_error.empty() ? "" : "; " + keys.file_error;
    return "writes off until a write key is in " + file + " (precedent keys add NAME --file " + file + ")" +
           (keys.read > 0 ? ", " + counts : "") + why;
  }
  return "writes on: " + counts + "; keys file " + file + ", read again when it changes";
}

}  // namespace

int run_serve(const ServeCommand& command) {
  // Defaults < config file < environment < command line.
  server::ServerConfig config;
  if (!command.config_file.empty()) {
    auto applied = server::apply_config_file(command.config_file, config);
    if (!applied) {
      std::fprintf(stderr, "precedent serve: %s\n", applied.error().to_string().c_str());
      return kExitUsage;
    }
  }
  if (auto applied = server::apply_environment(config); !applied) {
    std::fprintf(stderr, "precedent serve: %s\n", applied.error().to_string().c_str());
    return kExitUsage;
  }
  if (command.db) config.db = *command.db;
  if (command.host) config.host = *command.host;
  if (command.port) config.port = *command.port;
  if (command.threads) config.threads = *command.threads;
  if (command.api_keys_file) config.api_keys_file = *command.api_keys_file;
  if (!command.cors_origins.empty()) config.cors_origins = command.cors_origins;
  if (!command.shards.empty()) config.shards = command.shards;
  if (command.spelling) config.spelling = *command.spelling;
  if (command.shard_timeout_ms) config.shard_timeout = std::chrono::milliseconds(*command.shard_timeout_ms);
  if (command.on_shard_failure) config.on_shard_failure = *command.on_shard_failure;
  if (command.quiet) config.access_log = false;
  if (auto valid = server::validate(config); !valid) {
    std::fprintf(stderr, "precedent serve: %s\n", valid.error().to_string().c_str());
    return kExitUsage;
  }

  auto service = server::Service::open(config);
  if (!service) {
    std::fprintf(stderr, "precedent serve: %s\n", service.error().to_string().c_str());
    return kExitIndexError;
  }
  std::mutex log_mutex;
  server::HttpServer http(**service, [&](std::string_view line) {
    std::lock_guard lock(log_mutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  });
  auto port = http.listen();
  if (!port) {
    std::fprintf(stderr, "precedent serve: %s\n", port.error().to_string().c_str());
    return kExitUsage;
  }
  unsigned threads = config.threads ? config.threads : server::default_threads();
  std::string what = config.db.string();
  if (!config.shards.empty()) {
    what = std::to_string(config.shards.size()) + " shards";
    for (const auto& shard : config.shards) what += " " + shard;
    if (config.spelling.empty()) {
      std::fprintf(stderr, "precedent serve: no --spelling index: \"did you mean\" uses the local shards' words only\n");
    }
  }
  std::fprintf(stderr, "precedent: serving %s on http://%s:%u with %u threads (%s, CORS %s); Ctrl-C stops\n",
               what.c_str(), config.host.c_str(), static_cast<unsigned>(*port), threads,
               describe_keys(config, (*service)->key_count()).c_str(), config.cors_origins.empty() ? "off" : "on");
  http.run(/*handle_signals=*/true);
  std::fprintf(stderr, "precedent: stopped\n");
  return kExitOk;
}

}  // namespace tools
