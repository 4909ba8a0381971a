#include "tools/bench/peer_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

extern char** environ;

namespace tools::bench {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

int exit_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// posix_spawn (vfork-like in glibc) rather than fork: the child never holds a copy of our
// memory, so its ru_maxrss is the program's own.
corpus::Result<pid_t> spawn(const std::vector<std::string>& argv, const fs::path& log) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return Error{ErrorCode::io, "cannot start " + argv[0] + ": " + std::strerror(error), "", 0, ""};
  return pid;
}

}  // namespace

corpus::Result<ProcessExit> run_process(const std::vector<std::string>& argv, const fs::path& log) {
  auto started = std::chrono::steady_clock::now();
  auto pid = spawn(argv, log);
  if (!pid) return pid.error();
  int status = 0;
  rusage usage{};
  while (wait4(*pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) return Error{ErrorCode::internal, "wait4: " + std::string(std::strerror(errno)), "", 0, ""};
  }
  ProcessExit out;
  out.status = exit_status(status);
  out.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

corpus::Result<pid_t> spawn_process(const std::vector<std::string>& argv, const fs::path& log) {
  return spawn(argv, log);
}

bool child_running(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == 0;
}

void stop_child(pid_t pid, double seconds) {
  if (pid <= 0 || !child_running(pid)) return;
  kill(pid, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!child_running(pid)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

std::optional<double> process_peak_rss_mb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) / 1024.0;  // kB
  }
  return std::nullopt;
}

std::string log_tail(const fs::path& log, std::size_t max_bytes) {
  std::ifstream in(log, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > max_bytes) text = "..." + text.substr(text.size() - max_bytes);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace tools::bench
