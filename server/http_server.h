#pragma once
// HttpServer: the Boost.Beast listener and sessions (kept out of this header). A session only
// reads requests and writes responses, with the limits of ServerConfig (header and body size,
// target length, idle and read time-outs, open connections); dispatch() does everything else.
// HTTP/1.1 with keep-alive; one io_context run by ServerConfig::threads threads. stop() (or
// SIGINT/SIGTERM when handle_signals) stops accepting, lets in-flight requests finish within
// the grace period, then returns from run(). Thread-safe: stop() may be called from any thread.

#include <functional>
#include <memory>
#include <string_view>

#include "corpus/result.h"
#include "server/service.h"

namespace server {

// Receives one line per event: a JSON access-log line per request, or an error.
using LogSink = std::function<void(std::string_view line)>;

class HttpServer {
 public:
  HttpServer(Service& service, LogSink log);
  ~HttpServer();

  // Binds and listens on the configured host and port; returns the port (useful with port 0).
  corpus::Result<unsigned short> listen();

  // Serves until stop() or, with handle_signals, SIGINT/SIGTERM.
  void run(bool handle_signals);

  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace server
