#include "server/write_queue.h"

namespace server {

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
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job.done.set_value(indexer::apply_writes(db_, job.batch, lock_wait_));
  }
}

}  // namespace server
