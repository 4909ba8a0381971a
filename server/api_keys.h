#pragma once
// API keys as the server stores them: never the key itself, only its SHA-256, with a name, a role
// and the date it was made. `precedent keys` adds (printing the new key once), lists and revokes
// them in a keys file; the server reads that file and reads it again when it changes, so a
// revoked key stops working without a restart.
//
// File format, one key per line: `sha256:HEX ROLE NAME CREATED` (ROLE is `write` or `read`).
// A line holding a bare key (16 characters or more) is a write key given in clear, as older keys
// files were; `#` starts a comment.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/result.h"

namespace server {

enum class KeyRole { read, write };  // write keys may also read

struct StoredKey {
  std::string hash;  // hex SHA-256 of the key
  KeyRole role = KeyRole::write;
  std::string name;
  std::string created;  // YYYY-MM-DD
};

// Hex SHA-256 of a key.
std::string key_hash(std::string_view key);

// A new random key: 32 bytes from the system's generator, as 64 hex characters.
std::string new_key();

// The keys of a keys file; errors name the file and line.
corpus::Result<std::vector<StoredKey>> read_keys_file(const std::filesystem::path& file);

// Writes the keys file whole (a temporary file renamed over it): a new file readable by its owner
// only, a rewritten one with the owner, group and mode it had.
corpus::Status write_keys_file(const std::filesystem::path& file, const std::vector<StoredKey>& keys);

}  // namespace server
