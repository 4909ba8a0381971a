// `precedent serve`: the HTTP API on the index, until SIGINT or SIGTERM.

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "server/http_server.h"
#include "server/service.h"
#include "tools/precedent/commands.h"

namespace tools {

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
  std::fprintf(stderr, "precedent: serving %s on http://%s:%u with %u threads (writes %s, CORS %s); Ctrl-C stops\n",
               what.c_str(), config.host.c_str(), static_cast<unsigned>(*port), threads,
               !config.shards.empty() ? "off: shards given one by one" : config.api_keys.empty() ? "off: no API keys" : "on with API keys",
               config.cors_origins.empty() ? "off" : "on");
  http.run(/*handle_signals=*/true);
  std::fprintf(stderr, "precedent: stopped\n");
  return kExitOk;
}

}  // namespace tools
