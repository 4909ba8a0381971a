#include "server/api_keys.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace server {
namespace {

using corpus::Error;
using corpus::ErrorCode;

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xf];
  }
  return out;
}

}  // namespace

std::string key_hash(std::string_view key) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(key.data(), key.size(), digest, &size, EVP_sha256(), nullptr);
  return hex(digest, size);
}

std::string new_key() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("the system's random generator failed");
  return hex(bytes, sizeof bytes);
}

corpus::Result<std::vector<StoredKey>> read_keys_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Error{ErrorCode::io, "cannot read the API keys file", file.string(), 0, "api_keys_file"};
  std::vector<StoredKey> keys;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    auto bad = [&](const std::string& message) { return Error{ErrorCode::invalid_argument, message, file.string(), number, "api_keys_file"}; };
    auto begin = line.find_first_not_of(" \t\r"), end = line.find_last_not_of(" \t\r");
    if (begin == std::string::npos || line[begin] == '#') continue;
    std::istringstream fields(line.substr(begin, end - begin + 1));
    std::string first, role, name, created;
    fields >> first >> role >> name >> created;
    StoredKey key;
    if (first.starts_with("sha256:")) {
      key.hash = first.substr(7);
      if (key.hash.size() != 64 || key.hash.find_first_not_of("0123456789abcdef") != std::string::npos)
        return bad("not a SHA-256 in hex after sha256:");
      if (role != "read" && role != "write") return bad("the role must be read or write");
      key.role = role == "read" ? KeyRole::read : KeyRole::write;
      key.name = name;
      key.created = created;
    } else {
      if (!role.empty()) return bad("a key in clear stands alone on its line");
      if (first.size() < 16) return bad("API keys must be at least 16 characters");
      key.hash = key_hash(first);
      key.name = "line-" + std::to_string(number);
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

corpus::Status write_keys_file(const std::filesystem::path& file, const std::vector<StoredKey>& keys) {
  std::filesystem::path temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!out) return Error{ErrorCode::io, "cannot write the API keys file", temporary.string(), 0, ""};
    out << "# Precedent API keys: sha256:HASH ROLE NAME CREATED (precedent keys add|list|revoke)\n";
    for (const auto& key : keys) {
      out << "sha256:" << key.hash << ' ' << (key.role == KeyRole::read ? "read" : "write") << ' ' << key.name << ' '
          << key.created << '\n';
    }
    if (!out.flush()) return Error{ErrorCode::io, "cannot write the API keys file", temporary.string(), 0, ""};
  }
  // A new file is its owner's alone; a rewritten one keeps the owner, group and mode it had, so
  // `precedent keys` run as root keeps a packaged file readable by the service's group.
  struct stat previous {};
  if (::stat(file.c_str(), &previous) == 0) {
    if (::chown(temporary.c_str(), previous.st_uid, previous.st_gid) != 0 && ::geteuid() == 0)
      return Error{ErrorCode::io, "cannot give the new keys file its old owner", temporary.string(), 0, ""};
    ::chmod(temporary.c_str(), previous.st_mode & 07777);
  } else {
    ::chmod(temporary.c_str(), 0600);
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) return Error{ErrorCode::io, "cannot replace the API keys file: " + ec.message(), file.string(), 0, ""};
  return corpus::Ok{};
}

}  // namespace server
