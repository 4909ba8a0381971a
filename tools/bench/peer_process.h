#pragma once
// Child processes and memory figures for peer_bench: run a program to completion and learn its
// peak resident memory, start a server in the background and stop it by its process id, read a
// process's high-water mark from /proc. Linux only. Plain functions; no state.

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace tools::bench {

struct ProcessExit {
  int status = 0;           // exit code, or 128 + signal
  double peak_rss_mb = 0;   // ru_maxrss of the child (MiB)
  double seconds = 0;
};

// Runs argv[0] (searched in PATH) with stdout and stderr appended to `log`, waits for it.
// Fails only when it cannot be started; a non-zero exit is in the result.
corpus::Result<ProcessExit> run_process(const std::vector<std::string>& argv, const std::filesystem::path& log);

// Starts argv in the background with output appended to `log`; returns its pid.
corpus::Result<pid_t> spawn_process(const std::vector<std::string>& argv, const std::filesystem::path& log);

// True while `pid` (our child) has not exited; reaps it if it has.
bool child_running(pid_t pid);

// Sends SIGTERM to our child `pid` and waits up to `seconds`, then SIGKILL.
void stop_child(pid_t pid, double seconds);

// VmHWM (peak resident set) of any process from /proc/PID/status, in MiB.
std::optional<double> process_peak_rss_mb(pid_t pid);

// The last `max_bytes` of a log file, for an error message.
std::string log_tail(const std::filesystem::path& log, std::size_t max_bytes = 800);

}  // namespace tools::bench
