#include "server/http_server.h"

// Boost 1.74's Beast needs <utility> before its headers under GCC 12.
#include <utility>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "ranking/response_json.h"
#include "server/beast_request.h"
#include "server/errors.h"
#include "server/router.h"

namespace server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string iso_time_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[40];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(millis));
  return out;
}

// Threads that run writes (see writes() in router.h). Each waits on the one WriteQueue, so more
// threads only let more writes join the next group commit.
constexpr unsigned kWriteThreads = 16;

struct Shared {
  Service& service;
  LogSink log;
  net::thread_pool& writers;
  std::atomic<std::size_t> connections{0};
  std::atomic<bool> draining{false};
  // Called when the last connection closes while draining, to end run() before the grace time.
  std::function<void()> drained;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }
  ~Session() {
    if (--shared_.connections == 0 && shared_.draining.load() && shared_.drained) shared_.drained();
  }

  // A connection over the limit still has its request read, so the client gets the 503 rather
  // than a reset.
  void start(bool over_limit) {
    over_limit_ = over_limit;
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // Called on shutdown: an idle connection (waiting for a request) is closed now; a busy one
  // closes after its response.
  void close_if_idle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->stream_.socket().close();
    });
  }

  // For after the io_context has stopped, when no handler of this session can run any more.
  void close_now() { close(); }

 private:
  void read_header() {
    if (shared_.draining.load()) return close();
    const ServerConfig& config = shared_.service.config();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
    parser_->body_limit(config.max_body_bytes);
    idle_ = true;
    stream_.expires_after(config.idle_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    idle_ = false;
    if (ec) return on_read_error(ec);
    stream_.expires_after(shared_.service.config().read_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read_error(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return send_error(error_response(ApiError::header_too_large, "request headers are too large"), "header_too_large");
    }
    if (ec == http::error::body_limit) {
      return send_error(error_response(ApiError::payload_too_large, "request body is too large"), "payload_too_large");
    }
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::bad_descriptor) {
      return close();
    }
    if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
      return send_error(error_response(ApiError::invalid_body, "malformed HTTP request"), "bad_request");
    }
    close();
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    auto started = std::chrono::steady_clock::now();
    auto& message = parser_->get();
    HttpRequest request;
    request.remote = remote_;
    if (over_limit_) {
      request.method = std::string(message.method_string());
      return respond(request, error_response(ApiError::overloaded, "too many open connections; try again"),
                     "overloaded", started);
    }
    if (auto refused = read_request(message, shared_.service.config().max_target_bytes, request)) {
      return respond(request, std::move(*refused), "unmatched", started);
    }
    if (!writes(request)) {
      std::string_view route_name;
      HttpResponse response = dispatch(request, shared_.service, route_name);
      return respond(request, std::move(response), route_name, started);
    }
    // A write waits for its commit: on the writers' pool, then back on this session's strand.
    net::post(shared_.writers, [self = shared_from_this(), request = std::move(request), started]() mutable {
      std::string_view route_name;
      HttpResponse response = dispatch(request, self->shared_.service, route_name);
      net::post(self->stream_.get_executor(), [self, request = std::move(request), response = std::move(response),
                                               route_name, started]() mutable {
        self->respond(request, std::move(response), route_name, started);
      });
    });
  }

  // Counts, logs and sends the answer to the request parser_ holds.
  void respond(const HttpRequest& request, HttpResponse response, std::string_view route_name,
               std::chrono::steady_clock::time_point started) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    shared_.service.metrics().record(route_name, response.status, seconds);
    // One line per request; a failure inside is logged once, here, with its detail.
    if ((shared_.service.config().access_log || !response.log_detail.empty()) && shared_.log) {
      nlohmann::json line = {{"time", iso_time_now()}, {"remote", remote_}, {"method", request.method},
                             {"path", request.path}, {"route", route_name}, {"status", response.status},
                             {"bytes", response.body.size()}, {"ms", seconds * 1000}};
      if (!response.log_detail.empty()) line["error"] = response.log_detail;
      shared_.log(ranking::json_text(line));
    }
    auto& message = parser_->get();
    bool keep_alive = message.keep_alive() && !shared_.draining.load() && !over_limit_;
    write(std::move(response), keep_alive, message.version(), request.method == "HEAD");
  }

  void send_error(HttpResponse response, std::string_view route) {
    shared_.service.metrics().record(route, response.status, 0);
    write(std::move(response), false, 11);
  }

  // `head_only`: the answer to HEAD, GET's headers (Content-Length included) with no body.
  void write(HttpResponse response, bool keep_alive, unsigned version, bool head_only = false) {
    auto message = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(response.status), version);
    message->set(http::field::server, "precedent");
    if (!response.content_type.empty()) message->set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) message->set(name, value);
    message->keep_alive(keep_alive);
    message->body() = std::move(response.body);
    message->prepare_payload();
    if (head_only) message->body().clear();
    stream_.expires_after(shared_.service.config().read_timeout);
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
                        if (ec || !keep_alive) return self->close();
                        self->read_header();
                      });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Shared& shared_;
  std::string remote_;
  bool idle_ = false;
  bool over_limit_ = false;
};

}  // namespace

struct HttpServer::Impl {
  explicit Impl(Service& service, LogSink log)
      : writers(kWriteThreads),
        shared{service, std::move(log), writers, {0}, {false}, {}},
        control(net::make_strand(ioc)),
        acceptor(control),
        signals(control, SIGINT, SIGTERM),
        grace(control) {
    shared.drained = [this] { net::post(control, [this] { grace.cancel(); }); };
  }

  void accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (ec != net::error::operation_aborted && shared.log) {
          shared.log(ranking::json_text({{"time", iso_time_now()}, {"error", "accept failed: " + ec.message()}}));
        }
        if (!acceptor.is_open()) return;
      } else {
        start_session(std::move(socket));
        // Every connection already waiting is taken now: one accept per turn of the busy queue
        // left the last of a burst of 100 new connections waiting over 2 s for its first answer.
        while (acceptor.is_open()) {
          tcp::socket next(net::make_strand(ioc));
          acceptor.accept(next, ec);  // the acceptor is non-blocking: would_block when none waits
          if (ec) break;
          start_session(std::move(next));
        }
      }
      if (acceptor.is_open()) accept();
    });
  }

  void start_session(tcp::socket socket) {
    bool over = ++shared.connections > shared.service.config().max_connections;
    auto session = std::make_shared<Session>(std::move(socket), shared);
    {
      std::lock_guard lock(sessions_mutex);
      // Forget sessions that have ended, then remember this one.
      for (auto it = sessions.begin(); it != sessions.end();) it = it->expired() ? sessions.erase(it) : std::next(it);
      sessions.insert(session);
    }
    session->start(over);
  }

  void begin_shutdown() {
    net::post(control, [this] {
      if (shared.draining.exchange(true)) return;
      beast::error_code ec;
      acceptor.close(ec);
      signals.cancel(ec);
      {
        std::lock_guard lock(sessions_mutex);
        for (const auto& weak : sessions)
          if (auto session = weak.lock()) session->close_if_idle();
      }
      if (shared.connections.load() == 0) return;
      grace.expires_after(shared.service.config().shutdown_grace);
      grace.async_wait([this](beast::error_code ec) {
        if (!ec) ioc.stop();
      });
    });
  }

  net::thread_pool writers;  // before shared, which refers to it
  Shared shared;
  net::io_context ioc;
  // The acceptor, the signals, the grace timer and shutdown run on this strand: they are not
  // thread-safe, and accept handlers, shutdown and the last session's end may otherwise race.
  net::strand<net::io_context::executor_type> control;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer grace;
  std::mutex sessions_mutex;
  std::set<std::weak_ptr<Session>, std::owner_less<std::weak_ptr<Session>>> sessions;
};

HttpServer::HttpServer(Service& service, LogSink log) : impl_(std::make_unique<Impl>(service, std::move(log))) {}
HttpServer::~HttpServer() = default;

corpus::Result<unsigned short> HttpServer::listen() {
  const ServerConfig& config = impl_->shared.service.config();
  beast::error_code ec;
  auto address = net::ip::make_address(config.host, ec);
  if (ec) return corpus::Error{corpus::ErrorCode::invalid_argument, "not an IP address: " + config.host, "", 0, "host"};
  tcp::endpoint endpoint(address, config.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) acceptor.non_blocking(true, ec);
  if (ec) {
    return corpus::Error{corpus::ErrorCode::io,
                         "cannot listen on " + config.host + ":" + std::to_string(config.port) + ": " + ec.message(),
                         "", 0, "port"};
  }
  return acceptor.local_endpoint().port();
}

void HttpServer::run(bool handle_signals) {
  if (handle_signals) {
    impl_->signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->begin_shutdown();
    });
  } else {
    impl_->signals.cancel();
  }
  impl_->accept();
  unsigned threads = impl_->shared.service.config().threads;
  if (threads == 0) threads = default_threads();
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& thread : pool) thread.join();
  // A write still running finishes its commit; its answer can no longer be sent.
  impl_->writers.join();
  // Connections still open after the grace period are closed, not left hanging until the
  // io_context is destroyed.
  std::lock_guard lock(impl_->sessions_mutex);
  for (const auto& weak : impl_->sessions)
    if (auto session = weak.lock()) session->close_now();
}

void HttpServer::stop() { impl_->begin_shutdown(); }

}  // namespace server
