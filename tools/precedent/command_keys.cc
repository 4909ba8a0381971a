// precedent keys: list, add and revoke the API keys in a keys file (server/api_keys.h).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "server/api_keys.h"
#include "server/config.h"
#include "tools/precedent/commands.h"

namespace tools {
namespace {

std::string today() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  return date;
}

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

int run_keys(const KeysCommand& command) {
  std::filesystem::path file = command.file;
  if (file.empty()) {
    const char* from_env = std::getenv("PRECEDENT_API_KEYS_FILE");
    file = from_env && *from_env ? from_env : server::kDefaultKeysFile;
  }
  std::vector<server::StoredKey> keys;
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    auto read = server::read_keys_file(file);
    if (!read) {
      std::fprintf(stderr, "precedent keys: %s\n", read.error().to_string().c_str());
      return kExitInputErrors;
    }
    keys = std::move(read).value();
  }
  if (command.action == "list") {
    if (keys.empty()) std::printf("no keys in %s: writes are off (precedent keys add NAME)\n", file.string().c_str());
    for (const auto& key : keys) {
      std::printf("%-24s %-5s %-10s sha256:%s...\n", key.name.c_str(), key.role == server::KeyRole::read ? "read" : "write",
                  key.created.c_str(), key.hash.substr(0, 12).c_str());
    }
    return kExitOk;
  }
  if (!valid_name(command.name)) {
    std::fprintf(stderr, "precedent keys %s: give the key a NAME of letters, digits, '.', '_' or '-'\n", command.action.c_str());
    return kExitUsage;
  }
  auto named = std::find_if(keys.begin(), keys.end(), [&](const server::StoredKey& k) { return k.name == command.name; });
  if (command.action == "add") {
    if (named != keys.end()) {
      std::fprintf(stderr, "precedent keys add: %s already has a key named %s\n", file.string().c_str(), command.name.c_str());
      return kExitInputErrors;
    }
    std::string key = server::new_key();
    keys.push_back({server::key_hash(key), command.read_only ? server::KeyRole::read : server::KeyRole::write, command.name, today()});
    if (auto written = server::write_keys_file(file, keys); !written) {
      std::fprintf(stderr, "precedent keys: %s\n", written.error().to_string().c_str());
      return kExitIndexError;
    }
    std::fprintf(stderr, "added %s key \"%s\" to %s; it is shown this once, keep it:\n",
                 command.read_only ? "a read-only" : "a write", command.name.c_str(), file.string().c_str());
    std::printf("%s\n", key.c_str());
    return kExitOk;
  }
  // revoke
  if (named == keys.end()) {
    std::fprintf(stderr, "precedent keys revoke: no key named %s in %s\n", command.name.c_str(), file.string().c_str());
    return kExitNotFound;
  }
  keys.erase(named);
  if (auto written = server::write_keys_file(file, keys); !written) {
    std::fprintf(stderr, "precedent keys: %s\n", written.error().to_string().c_str());
    return kExitIndexError;
  }
  std::printf("revoked \"%s\"; a running server refuses it from its next request\n", command.name.c_str());
  return kExitOk;
}

}  // namespace tools
