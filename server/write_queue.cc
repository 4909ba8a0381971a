#include "server/write_queue.h"

#include "indexer/sharded_ingest.h"

namespace server {
namespace {

// Records one group commit takes at most (a single larger batch still goes through alone).
constexpr std::size_t kMaxRecordsPerCommit = 20000;

}  // namespace

corpus::Result<indexer::WriteOutcome> apply_any_writes(const std::filesystem::path& db, const indexer::WriteBatch& batch,
                                                       std::chrono::milliseconds lock_wait) {
  if (!indexer::is_sharded(db)) return indexer::apply_writes(db, batch, lock_wait);
  auto layout = indexer::read_layout(db);
  if (!layout) return layout.error();
  return indexer::apply_sharded_writes(*layout, batch, lock_wait);
}

WriteQueue::WriteQueue(std::filesystem::path db, std::chrono::milliseconds lock_wait)
    : db_(std::move(db)), lock_wait_(lock_wait), thread_([this] { run(); }) {}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  thread_.join();
}

corpus::Result<indexer::WriteOutcome> WriteQueue::write(indexer::WriteBatch batch) {
  std::future<corpus::Result<indexer::WriteOutcome>> outcome;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return corpus::Error{corpus::ErrorCode::index, "the server is shutting down", "", 0, ""};
    jobs_.push_back(Job{std::move(batch), {}});
    outcome = jobs_.back().done.get_future();
  }
  ready_.notify_one();
  return outcome.get();
}

void WriteQueue::run() {
  while (true) {
    std::vector<Job> jobs;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      // Everything queued so far, bounded so one commit stays a reasonable size. apply_writes
      // puts before it removes, so a batch that removes ends the group: a later put of the
      // same id must not come before that removal.
      std::size_t records = 0;
      while (!jobs_.empty()) {
        const auto& next = jobs_.front().batch;
        std::size_t size = next.put.size() + next.remove.size();
        if (!jobs.empty() && records + size > kMaxRecordsPerCommit) break;
        records += size;
        bool removes = !next.remove.empty();
        jobs.push_back(std::move(jobs_.front()));
        jobs_.pop_front();
        if (removes) break;
      }
    }
    apply_together(jobs);
  }
}

void WriteQueue::apply_together(std::vector<Job>& jobs) {
  if (jobs.size() == 1) {
    jobs[0].done.set_value(apply_any_writes(db_, jobs[0].batch, lock_wait_));
    return;
  }
  // In queue order, so a later write of an id wins, as it would one commit at a time.
  indexer::WriteBatch all;
  for (const auto& job : jobs) {
    all.put.insert(all.put.end(), job.batch.put.begin(), job.batch.put.end());
    all.remove.insert(all.remove.end(), job.batch.remove.begin(), job.batch.remove.end());
  }
  auto outcome = apply_any_writes(db_, all, lock_wait_);
  std::size_t put = 0, removed = 0;
  for (auto& job : jobs) {
    if (!outcome) {
      job.done.set_value(outcome.error());
      continue;
    }
    indexer::WriteOutcome part;
    part.documents = outcome->documents;
    part.revision = outcome->revision;
    part.duplicate_of.assign(outcome->duplicate_of.begin() + static_cast<std::ptrdiff_t>(put),
                             outcome->duplicate_of.begin() + static_cast<std::ptrdiff_t>(put + job.batch.put.size()));
    part.removed.assign(outcome->removed.begin() + static_cast<std::ptrdiff_t>(removed),
                        outcome->removed.begin() + static_cast<std::ptrdiff_t>(removed + job.batch.remove.size()));
    put += job.batch.put.size();
    removed += job.batch.remove.size();
    job.done.set_value(std::move(part));
  }
}

}  // namespace server
