#include "server/config.h"

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <fstream>

#include <toml++/toml.h>

#include "ranking/index_source.h"
#include "server/api_keys.h"

namespace server {
namespace {

using corpus::Error;
using corpus::ErrorCode;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(pos, comma - pos);
    auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    pos = comma + 1;
  }
  return out;
}

std::optional<long long> parse_integer(const std::string& text) {
  try {
    std::size_t used = 0;
    long long value = std::stoll(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

corpus::Status apply_config_file(const std::filesystem::path& file, ServerConfig& config) {
  toml::table table;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return Error{ErrorCode::parse_error, std::string(e.description()), file.string(),
                 static_cast<int>(e.source().begin.line), ""};
  }
  for (const auto& entry : table) {
    // Not a structured binding: clang 14 (the fuzz build) does not let a lambda capture one.
    const toml::node& node = entry.second;
    std::string name(entry.first.str());
    int line = static_cast<int>(node.source().begin.line);
    auto wrong = [&](const char* expected) {
      return Error{ErrorCode::invalid_argument, std::string("expected ") + expected, file.string(), line, name};
    };
    auto integer = [&](auto& out) -> std::optional<Error> {
      auto value = node.value<long long>();
      if (!value || *value < 0) return wrong("a non-negative integer");
      out = static_cast<std::remove_reference_t<decltype(out)>>(*value);
      return std::nullopt;
    };
    auto seconds = [&](std::chrono::seconds& out) -> std::optional<Error> {
      auto value = node.value<long long>();
      if (!value || *value < 0) return wrong("a number of seconds");
      out = std::chrono::seconds(*value);
      return std::nullopt;
    };
    auto milliseconds = [&](std::chrono::milliseconds& out) -> std::optional<Error> {
      auto value = node.value<long long>();
      if (!value || *value < 0) return wrong("a number of milliseconds");
      out = std::chrono::milliseconds(*value);
      return std::nullopt;
    };
    auto strings = [&](std::vector<std::string>& out) -> std::optional<Error> {
      const auto* array = node.as_array();
      if (!array) return wrong("a list of strings");
      out.clear();
      for (const auto& item : *array) {
        auto value = item.value<std::string>();
        if (!value) return wrong("a list of strings");
        out.push_back(*value);
      }
      return std::nullopt;
    };
    std::optional<Error> error;
    if (name == "db" || name == "host" || name == "api_keys_file" || name == "spelling" || name == "on_shard_failure") {
      auto value = node.value<std::string>();
      if (!value) return wrong("a string");
      if (name == "db") config.db = *value;
      else if (name == "host") config.host = *value;
      else if (name == "spelling") config.spelling = *value;
      else if (name == "on_shard_failure") config.on_shard_failure = *value;
      else config.api_keys_file = *value;
    } else if (name == "shards") {
      error = strings(config.shards);
    } else if (name == "shard_timeout") {
      error = milliseconds(config.shard_timeout);
    } else if (name == "shard_retry") {
      error = seconds(config.shard_retry);
    } else if (name == "port") {
      error = integer(config.port);
    } else if (name == "threads") {
      error = integer(config.threads);
    } else if (name == "max_body_bytes") {
      error = integer(config.max_body_bytes);
    } else if (name == "max_header_bytes") {
      error = integer(config.max_header_bytes);
    } else if (name == "max_target_bytes") {
      error = integer(config.max_target_bytes);
    } else if (name == "max_connections") {
      error = integer(config.max_connections);
    } else if (name == "max_records_per_post") {
      error = integer(config.max_records_per_post);
    } else if (name == "idle_timeout") {
      error = seconds(config.idle_timeout);
    } else if (name == "read_timeout") {
      error = seconds(config.read_timeout);
    } else if (name == "shutdown_grace") {
      error = seconds(config.shutdown_grace);
    } else if (name == "write_lock_wait") {
      error = milliseconds(config.write_lock_wait);
    } else if (name == "api_keys") {
      error = strings(config.api_keys);
    } else if (name == "cors_origins") {
      error = strings(config.cors_origins);
    } else if (name == "write_rate" || name == "write_burst" || name == "search_rate" || name == "search_burst") {
      auto value = node.value<double>();
      if (!value || *value < 0) return wrong("a non-negative number");
      (name == "write_rate" ? config.write_rate : name == "write_burst" ? config.write_burst
       : name == "search_rate" ? config.search_rate : config.search_burst) = *value;
    } else if (name == "private_search") {
      auto value = node.value<bool>();
      if (!value) return wrong("true or false");
      config.private_search = *value;
    } else if (name == "access_log") {
      auto value = node.value<bool>();
      if (!value) return wrong("true or false");
      config.access_log = *value;
    } else {
      return Error{ErrorCode::invalid_argument, "unknown setting", file.string(), line, name};
    }
    if (error) return *error;
  }
  return corpus::Ok{};
}

unsigned default_threads() { return 4 * std::max(1u, std::thread::hardware_concurrency()); }

corpus::Status apply_environment(ServerConfig& config) {
  auto env = [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
  if (auto v = env("PRECEDENT_DB")) config.db = *v;
  if (auto v = env("PRECEDENT_HOST")) config.host = *v;
  if (auto v = env("PRECEDENT_PORT")) {
    auto port = parse_integer(*v);
    if (!port || *port < 0 || *port > 65535)
      return Error{ErrorCode::invalid_argument, "not a port number: " + *v, "", 0, "PRECEDENT_PORT"};
    config.port = static_cast<unsigned short>(*port);
  }
  if (auto v = env("PRECEDENT_THREADS")) {
    auto threads = parse_integer(*v);
    if (!threads || *threads < 0 || *threads > 256)
      return Error{ErrorCode::invalid_argument, "not a thread count: " + *v, "", 0, "PRECEDENT_THREADS"};
    config.threads = static_cast<unsigned>(*threads);
  }
  if (auto v = env("PRECEDENT_API_KEYS")) config.api_keys = split_list(*v);
  if (auto v = env("PRECEDENT_API_KEYS_FILE")) config.api_keys_file = *v;
  if (auto v = env("PRECEDENT_CORS_ORIGINS")) config.cors_origins = split_list(*v);
  return corpus::Ok{};
}

corpus::Status validate(ServerConfig& config) {
  if (config.threads > 256) return Error{ErrorCode::invalid_argument, "at most 256", "", 0, "threads"};
  if (config.max_connections == 0) return Error{ErrorCode::invalid_argument, "must be at least 1", "", 0, "max_connections"};
  // The keys file is watched even before it exists, so the first `precedent keys add` while the
  // server runs turns writes on. Absolute, so it is the same file whatever the working folder.
  std::error_code ec;
  if (config.api_keys_file.empty()) config.api_keys_file = kDefaultKeysFile;
  config.api_keys_file = std::filesystem::absolute(config.api_keys_file, ec);
  std::size_t file_keys = 0;
  if (std::filesystem::exists(config.api_keys_file, ec)) {
    auto keys = read_keys_file(config.api_keys_file);
    if (!keys) return keys.error();
    file_keys = keys->size();
  }
  if (config.private_search && config.api_keys.empty() && file_keys == 0)
    return Error{ErrorCode::invalid_argument, "a private server needs API keys (precedent keys add NAME --read-only)", "", 0, "private_search"};
  for (const auto& key : config.api_keys) {
    if (key.size() < 16) return Error{ErrorCode::invalid_argument, "API keys must be at least 16 characters", "", 0, "api_keys"};
  }
  if (config.on_shard_failure != "partial" && config.on_shard_failure != "unavailable")
    return Error{ErrorCode::invalid_argument, "expected \"partial\" or \"unavailable\", got \"" + config.on_shard_failure + "\"", "", 0, "on_shard_failure"};
  if (config.shard_timeout < std::chrono::milliseconds(10) || config.shard_timeout > std::chrono::minutes(10))
    return Error{ErrorCode::invalid_argument, "between 10 ms and 10 minutes", "", 0, "shard_timeout"};
  if (!config.spelling.empty() && config.shards.empty())
    return Error{ErrorCode::invalid_argument, "a spelling index goes with shards (--shard)", "", 0, "spelling"};
  for (const auto& shard : config.shards) {
    auto parsed = ranking::parse_shard(shard, "shards");
    if (!parsed) return parsed.error();
  }
  return corpus::Ok{};
}

}  // namespace server
