#pragma once
// Real processes for the end-to-end tests: a program started with its arguments, environment and
// working folder, its output in a log file; a free loopback port for it; a client once it listens.

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/server/http_client.h"
#include "tests/test_support.h"

namespace test_support {

// Starts `program` with `args`, stdout and stderr appended to `log`, `env` (NAME=value) added to
// the environment, in `cwd` when given; returns the child's pid.
inline pid_t start_process(const std::string& program, const std::vector<std::string>& args, const std::filesystem::path& log,
                           const std::vector<std::string>& env = {}, const std::filesystem::path& cwd = {}) {
  pid_t pid = fork();
  if (pid == 0) {
    FILE* out = std::freopen(log.c_str(), "a", stdout);
    FILE* err = std::freopen(log.c_str(), "a", stderr);
    (void)out;
    (void)err;
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
    for (const auto& setting : env) putenv(const_cast<char*>(setting.c_str()));
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

inline int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline void kill_hard(pid_t pid) {
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

// Asks the process to stop as the service manager does (SIGTERM) and waits for it.
inline int stop_process(pid_t pid) {
  kill(pid, SIGTERM);
  return wait_exit(pid);
}

inline unsigned short free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  close(fd);
  return ntohs(address.sin_port);
}

// A client connected to a server that is starting on `port`, once it accepts (within `wait`);
// null if it never does.
inline std::unique_ptr<HttpClient> connect_when_listening(unsigned short port,
                                                          std::chrono::milliseconds wait = std::chrono::seconds(10)) {
  auto deadline = std::chrono::steady_clock::now() + wait;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      return std::make_unique<HttpClient>(port);
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return nullptr;
}

struct CommandOutput {
  int exit_code = -1;
  std::string out;  // standard output (add 2>&1 to the command for its errors too)
};

// Runs a shell command to its end.
inline CommandOutput run_command(const std::string& command) {
  CommandOutput result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace test_support
