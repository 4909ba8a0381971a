#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace server {

RateLimiter::RateLimiter(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(1.0, burst)) {}

unsigned RateLimiter::take(std::string_view address, Clock::time_point now) {
  if (!enabled()) return 0;
  std::lock_guard lock(mutex_);
  forget_idle(now);
  auto [it, added] = buckets_.try_emplace(std::string(address), Bucket{burst_, now});
  Bucket& bucket = it->second;
  double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(burst_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
  bucket.updated = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return 0;
  }
  return static_cast<unsigned>(std::max(1.0, std::ceil((1.0 - bucket.tokens) / per_second_)));
}

void RateLimiter::forget_idle(Clock::time_point now) {
  // A bucket refills completely in burst / per_second seconds; after that it holds nothing.
  auto full_after = std::chrono::duration<double>(burst_ / per_second_);
  if (now - last_sweep_ < std::chrono::seconds(10)) return;
  last_sweep_ = now;
  std::erase_if(buckets_, [&](const auto& entry) { return now - entry.second.updated > full_after; });
}

}  // namespace server
