#pragma once
// A real `precedent serve` in-process: the bundled collection indexed into a temporary folder, a
// Service over it and an HttpServer on an ephemeral loopback port, run on its own thread.

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <utility>

#include "indexer/ingest.h"
#include "server/http_server.h"
#include "server/service.h"
#include "tests/server/http_client.h"
#include "tests/test_support.h"

namespace test_support {

inline constexpr const char* kTestApiKey = "test-key-0123456789abcdef";

class RunningServer {
 public:
  // `with_test_key`: the server takes kTestApiKey for writes when the config names no key.
  explicit RunningServer(server::ServerConfig config = {}, bool index_collection = true, bool with_test_key = true) {
    config.db = dir_ / "db";
    config.host = "127.0.0.1";
    config.port = 0;
    config.threads = 2;
    config.access_log = false;
    if (config.api_keys.empty() && with_test_key) config.api_keys = {kTestApiKey};
    if (index_collection) {
      auto summary = indexer::ingest(config.db, {collection_dir()}, {}, {});
      if (!summary) std::abort();
    }
    auto service = server::Service::open(config);
    if (!service) std::abort();
    service_ = std::move(service).value();
    http_ = std::make_unique<server::HttpServer>(*service_, nullptr);
    auto port = http_->listen();
    if (!port) std::abort();
    port_ = *port;
    thread_ = std::thread([this] { http_->run(false); });
  }
  ~RunningServer() { stop(); }

  void stop() {
    if (!thread_.joinable()) return;
    http_->stop();
    thread_.join();
  }

  unsigned short port() const { return port_; }
  std::filesystem::path db() const { return dir_ / "db"; }
  const TempDir& dir() const { return dir_; }
  server::Service& service() { return *service_; }

 private:
  TempDir dir_;
  std::unique_ptr<server::Service> service_;
  std::unique_ptr<server::HttpServer> http_;
  unsigned short port_ = 0;
  std::thread thread_;
};

// A test suite over one RunningServer, which the suite's SetUpTestSuite starts into server_.
class RunningServerTest : public testing::Test {
 protected:
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static inline RunningServer* server_ = nullptr;
  HttpClient client() { return HttpClient(server_->port()); }
  std::pair<std::string, std::string> auth() { return {"Authorization", std::string("Bearer ") + kTestApiKey}; }
};

}  // namespace test_support
