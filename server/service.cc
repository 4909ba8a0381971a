#include "server/service.h"

#include <sys/stat.h>

#include <algorithm>
#include <unordered_map>

#include "indexer/apertium_pairs.h"
#include "indexer/index_writer.h"
#include "indexer/query_translator.h"

namespace server {
namespace {
std::atomic<std::uint64_t> g_generation{0};
}  // namespace

Service::Service(ServerConfig config)
    : config_(std::move(config)),
      writes_(std::make_unique<WriteQueue>(config_.db, config_.write_lock_wait)),
      write_limit_(config_.write_rate, config_.write_burst),
      search_limit_(config_.search_rate, config_.search_burst),
      generation_(++g_generation) {
  for (const auto& key : config_.api_keys) keys_.push_back(StoredKey{key_hash(key), KeyRole::write, "configured", ""});
  config_keys_ = keys_.size();
  reload_keys_if_changed();
  // The first searches would otherwise wait for the dictionaries their translations need.
  translator_loading_ = std::jthread(
      [] { indexer::QueryTranslator::shared(indexer::apertium::configured_data_dir())->preload(); });
}

void Service::reload_keys_if_changed() {
  if (config_.api_keys_file.empty()) return;
  struct stat status {};
  std::string identity = "missing";
  if (::stat(config_.api_keys_file.c_str(), &status) == 0) {
    identity = std::to_string(status.st_dev) + ":" + std::to_string(status.st_ino) + ":" + std::to_string(status.st_size) +
               ":" + std::to_string(status.st_mtim.tv_sec) + "." + std::to_string(status.st_mtim.tv_nsec) + ":" +
               std::to_string(status.st_ctim.tv_sec) + "." + std::to_string(status.st_ctim.tv_nsec);
  }
  if (identity == keys_file_identity_) return;
  keys_file_identity_ = identity;
  keys_.resize(config_keys_);
  keys_file_error_.clear();
  if (identity == "missing") return;
  auto keys = read_keys_file(config_.api_keys_file);
  if (!keys) {
    keys_file_error_ = keys.error().to_string();
    return;
  }
  keys_.insert(keys_.end(), keys->begin(), keys->end());
}

Service::KeyCount Service::key_count() {
  std::lock_guard lock(keys_mutex_);
  reload_keys_if_changed();
  KeyCount count;
  for (const auto& key : keys_) ++(key.role == KeyRole::write ? count.write : count.read);
  count.file_error = keys_file_error_;
  return count;
}

Service::~Service() = default;

corpus::Result<std::unique_ptr<Service>> Service::open(ServerConfig config) {
  if (!config.shards.empty()) {
    // Shards given one by one take no writes. A wrong shard list stops the start; a shard that
    // does not answer yet does not (the answers say so, or are 503, until it does).
    auto service = std::unique_ptr<Service>(new Service(std::move(config)));
    auto searcher = service->searcher();
    if (!searcher && searcher.error().code != corpus::ErrorCode::unavailable) return searcher.error();
    return service;
  }
  // An empty batch opens (creating if needed) and commits: the index exists afterwards.
  auto created = apply_any_writes(config.db, {}, config.write_lock_wait);
  if (!created) return created.error();
  return std::unique_ptr<Service>(new Service(std::move(config)));
}

ranking::IndexSource Service::index_source() const {
  if (config_.shards.empty()) return ranking::IndexSource::of_folder(config_.db);
  ranking::IndexSource source;
  source.shards = config_.shards;
  source.spelling = config_.spelling;
  source.timeout = config_.shard_timeout;
  source.retry = config_.shard_retry;
  source.on_failure = config_.on_shard_failure == "unavailable" ? ranking::ShardFailure::fail : ranking::ShardFailure::partial;
  return source;
}

corpus::Result<ranking::Searcher*> Service::searcher() {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<ranking::Searcher>> searchers;
  auto it = searchers.find(generation_);
  if (it == searchers.end()) {
    auto opened = ranking::Searcher::open(index_source());
    if (!opened) return opened.error();
    it = searchers.emplace(generation_, std::make_unique<ranking::Searcher>(std::move(opened).value())).first;
  }
  return it->second.get();
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  std::size_t length = std::max(a.size(), b.size());
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < length; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    difference |= static_cast<unsigned char>(x ^ y);
  }
  return difference == 0;
}

AuthResult Service::authorize(std::string_view authorization, KeyRole role) {
  std::lock_guard lock(keys_mutex_);
  reload_keys_if_changed();
  bool any_writer = std::any_of(keys_.begin(), keys_.end(), [](const StoredKey& k) { return k.role == KeyRole::write; });
  if (role == KeyRole::write && !any_writer) return AuthResult::writes_disabled;
  if (role == KeyRole::write && !config_.shards.empty()) return AuthResult::writes_to_shards;
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size() || authorization.substr(0, kScheme.size()) != kScheme)
    return AuthResult::missing_or_wrong_key;
  std::string presented = key_hash(authorization.substr(kScheme.size()));
  bool match = false;
  for (const auto& key : keys_) {
    bool allowed = key.role == KeyRole::write || role == KeyRole::read;
    match |= constant_time_equal(presented, key.hash) && allowed;  // no early exit
  }
  return match ? AuthResult::allowed : AuthResult::missing_or_wrong_key;
}

}  // namespace server
