#include "indexer/shard_layout.h"

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xxhash.h>

namespace indexer {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

std::string random_id() {
  std::random_device device;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%08x%08x", device(), device());
  return hex;
}

}  // namespace

std::string ShardLayout::shard_key(unsigned shard) const {
  return std::to_string(shard) + " " + std::to_string(shards) + " " + id;
}

unsigned shard_of(std::string_view record_id, unsigned shards) {
  // XXH3's output is specified and frozen since xxHash 0.8.0: the same on every platform.
  return static_cast<unsigned>(XXH3_64bits(record_id.data(), record_id.size()) % shards);
}

bool is_sharded(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kLayoutFile, ec);
}

corpus::Result<ShardLayout> read_layout(const fs::path& dir) {
  fs::path file = dir / kLayoutFile;
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{ErrorCode::not_found, "no sharded index here (no shards.json)", file.string(), 0, ""};
  std::stringstream text;
  text << in.rdbuf();
  auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object() || !json["shards"].is_number_unsigned() || !json["id"].is_string() ||
      json.value("hash", "") != "xxh3-64") {
    return Error{ErrorCode::index, "unreadable layout: expected {\"shards\": N, \"hash\": \"xxh3-64\", \"id\": ...}",
                 file.string(), 0, ""};
  }
  ShardLayout layout{dir, json["shards"].get<unsigned>(), json["id"].get<std::string>()};
  if (layout.shards < 1 || layout.shards > kMaxShards)
    return Error{ErrorCode::index, "the layout's shard count is out of range", file.string(), 0, "shards"};
  return layout;
}

corpus::Result<ShardLayout> open_layout(const fs::path& dir, unsigned shards) {
  if (shards > kMaxShards)
    return Error{ErrorCode::invalid_argument, "at most " + std::to_string(kMaxShards) + " shards", "", 0, "--shards"};
  if (is_sharded(dir)) {
    auto layout = read_layout(dir);
    if (!layout) return layout.error();
    if (shards != 0 && shards != layout->shards) {
      return Error{ErrorCode::invalid_argument,
                   "the index at " + dir.string() + " has " + std::to_string(layout->shards) + " shards; --shards " +
                       std::to_string(shards) + " would send records to other shards than before (index into a new "
                       "folder to change the count)",
                   "", 0, "--shards"};
    }
    return layout;
  }
  if (shards == 0) return Error{ErrorCode::invalid_argument, "no sharded index here", dir.string(), 0, "--shards"};
  std::error_code ec;
  bool empty = !fs::exists(dir, ec) || fs::is_empty(dir, ec);
  if (!empty) {
    return Error{ErrorCode::invalid_argument,
                 "the folder " + dir.string() + " already holds something that is not a sharded index (a single "
                 "index?); give --db a new folder for the shards",
                 "", 0, "--shards"};
  }
  fs::create_directories(dir, ec);
  if (ec) return Error{ErrorCode::io, "cannot create the index folder: " + ec.message(), dir.string(), 0, ""};
  ShardLayout layout{dir, shards, random_id()};
  nlohmann::json json = {{"shards", shards}, {"hash", "xxh3-64"}, {"id", layout.id}};
  fs::path temporary = dir / (std::string(kLayoutFile) + ".new");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << json.dump(2) << "\n";
    if (!out) return Error{ErrorCode::io, "cannot write the layout", temporary.string(), 0, ""};
  }
  fs::rename(temporary, dir / kLayoutFile, ec);
  if (ec) return Error{ErrorCode::io, "cannot write the layout: " + ec.message(), dir.string(), 0, ""};
  return layout;
}

ShardIdentity parse_shard_key(std::string_view value) {
  ShardIdentity out;
  std::istringstream in{std::string(value)};
  if (!(in >> out.shard >> out.shards >> out.layout_id) || out.shard >= out.shards) return ShardIdentity{};
  return out;
}

}  // namespace indexer
