#pragma once
// Real Xapian servers for the sharding and replication tests: `xapian-tcpsrv` (the remote
// backend) and `xapian-replicate-server`, from Debian's xapian-tools, on loopback ports that are
// free when the server starts. Each runs in a process group of its own, since both fork a child
// per connection: stopping a server stops its children too, as a machine going down would.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace test_support {

// A loopback port nobody listens on now (the kernel's pick for port 0). Another process may take
// it before our server does; ServerProcess::start then fails to bind and tries another.
inline unsigned short free_loopback_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    std::abort();
  }
  close(fd);
  return ntohs(address.sin_port);
}

inline bool accepts_connections(unsigned short port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// One server process listening on 127.0.0.1:port(); `make_args(port)` gives its command line.
class ServerProcess {
 public:
  explicit ServerProcess(std::function<std::vector<std::string>(unsigned short)> make_args)
      : make_args_(std::move(make_args)) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = free_loopback_port();
      start();
    }
  }
  ~ServerProcess() { stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts (again) on the same port; leaves pid() 0 if it does not listen within 5 s.
  void start() {
    std::vector<std::string> args = make_args_(port_);
    pid_ = fork();
    if (pid_ == 0) {
      setpgid(0, 0);
      prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test that crashes leaves no server behind
      std::freopen("/dev/null", "w", stdout);
      std::freopen("/dev/null", "w", stderr);  // a connection that closes at once (our probe) is reported
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execvp(argv[0], argv.data());
      _exit(127);
    }
    setpgid(pid_, pid_);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      if (accepts_connections(port_)) return;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) break;  // it exited: the port was taken
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
  }
  // Kills the server and every connection it serves.
  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }
  // Freezes the server and its connections (they neither answer nor close), and thaws them.
  void pause() { kill(-pid_, SIGSTOP); }
  void resume() { kill(-pid_, SIGCONT); }

  pid_t pid() const { return pid_; }
  unsigned short port() const { return port_; }

 private:
  std::function<std::vector<std::string>(unsigned short)> make_args_;
  unsigned short port_ = 0;
  pid_t pid_ = 0;
};

}  // namespace test_support
