#pragma once
// Per-client-address rate limits: a token bucket per address, refilled at `per_second` up to
// `burst`. The router asks before a write (and, when configured, before a search); a refusal
// says how long to wait, which becomes 429 with Retry-After. Addresses idle long enough to have
// a full bucket are forgotten, so memory stays bounded by the addresses of the last minute.
// Thread-safe.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `per_second` <= 0 turns the limit off.
  RateLimiter(double per_second, double burst);

  // Takes one token for `address` at `now`. Returns 0 when allowed, else the seconds to wait
  // (at least 1) until a token is there.
  unsigned take(std::string_view address, Clock::time_point now = Clock::now());

  bool enabled() const { return per_second_ > 0; }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void forget_idle(Clock::time_point now);

  double per_second_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_{};
};

}  // namespace server
