#pragma once
// WriteQueue: the server's one writer. Handlers submit a batch and wait for its outcome; a single
// thread applies batches in order with indexer::apply_writes, which opens the index, commits and
// closes it, so `precedent index` in another process can write between batches. Batches that
// queue up while a commit runs are applied together in one commit (group commit): a commit costs
// the same for one record as for many, so concurrent writers do not wait behind each other's
// commits. Thread-safe.

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "indexer/index_writer.h"

namespace server {

// indexer::apply_writes on an index folder, or indexer::apply_sharded_writes on the folder of a
// sharded layout (each record to its shard).
corpus::Result<indexer::WriteOutcome> apply_any_writes(const std::filesystem::path& db, const indexer::WriteBatch& batch,
                                                       std::chrono::milliseconds lock_wait);

class WriteQueue {
 public:
  WriteQueue(std::filesystem::path db, std::chrono::milliseconds lock_wait);
  ~WriteQueue();  // finishes queued batches, then stops the thread

  // Blocks until the batch is committed (or failed).
  corpus::Result<indexer::WriteOutcome> write(indexer::WriteBatch batch);

 private:
  struct Job {
    indexer::WriteBatch batch;
    std::promise<corpus::Result<indexer::WriteOutcome>> done;
  };
  void run();
  // Applies the jobs' batches in one commit and gives each job its part of the outcome.
  void apply_together(std::vector<Job>& jobs);

  std::filesystem::path db_;
  std::chrono::milliseconds lock_wait_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace server
