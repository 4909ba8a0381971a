#pragma once
// What the benchmarks read off the machine besides time: this process's peak resident memory,
// for work done in process (index_bench's ingest, peer_bench's SQLite). Sizes on disk come from
// corpus::folder_bytes.

namespace tools::bench {

// getrusage's ru_maxrss, in MiB.
double self_peak_rss_mb();

// Resets that mark to the current resident size (Linux 4.0+ /proc/self/clear_refs), after handing
// freed memory back to the system, so the next reading is the peak of what follows. Returns false
// where the reset is not possible; the figure then stays the whole process's peak.
bool reset_self_peak_rss();

}  // namespace tools::bench
