#include "server/metrics.h"

#include <cstdio>

namespace server {

void Metrics::record(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
  Histogram& histogram = latency_[std::string(route)];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++histogram.buckets[i];
  ++histogram.count;
  histogram.sum += seconds;
}

std::string Metrics::render(std::uint64_t documents, std::uint64_t revision) const {
  std::lock_guard lock(mutex_);
  std::string out;
  char line[256];
  out += "# HELP precedent_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE precedent_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    std::snprintf(line, sizeof line, "precedent_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                  key.first.c_str(), key.second, static_cast<unsigned long long>(count));
    out += line;
  }
  out += "# HELP precedent_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE precedent_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      std::snprintf(line, sizeof line, "precedent_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
                    route.c_str(), kBuckets[i], static_cast<unsigned long long>(histogram.buckets[i]));
      out += line;
    }
    std::snprintf(line, sizeof line,
                  "precedent_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n"
                  "precedent_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                  "precedent_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
                  route.c_str(), static_cast<unsigned long long>(histogram.count), route.c_str(), histogram.sum,
                  route.c_str(), static_cast<unsigned long long>(histogram.count));
    out += line;
  }
  out += "# HELP precedent_index_documents Records in the index.\n# TYPE precedent_index_documents gauge\n";
  out += "precedent_index_documents " + std::to_string(documents) + "\n";
  out += "# HELP precedent_index_revision Revision of the index the server reads.\n# TYPE precedent_index_revision gauge\n";
  out += "precedent_index_revision " + std::to_string(revision) + "\n";
  return out;
}

}  // namespace server
