#pragma once
// Metrics: request counts by route and status and a latency histogram by route, rendered as
// Prometheus text. Thread-safe (one mutex; the critical sections are a few map updates).

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace server {

class Metrics {
 public:
  void record(std::string_view route, int status, double seconds);

  // Prometheus text exposition format; index figures are passed in by the caller.
  std::string render(std::uint64_t documents, std::uint64_t revision) const;

  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace server
