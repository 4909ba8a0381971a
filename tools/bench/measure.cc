#include "tools/bench/measure.h"

#include <sys/resource.h>

#include <fstream>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace tools::bench {

double self_peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

bool reset_self_peak_rss() {
#ifdef __GLIBC__
  // Freed memory stays resident in malloc's arenas; without handing it back, earlier work's
  // leftovers would set a floor under the next figure.
  malloc_trim(0);
#endif
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.close();
  return static_cast<bool>(clear_refs);
}

}  // namespace tools::bench
