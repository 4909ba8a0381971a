#pragma once
// A small synchronous HTTP/1.1 client on Beast for the end-to-end tests: one connection, several
// requests on it (keep-alive).

#include <sys/socket.h>
#include <sys/time.h>

#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace test_support {

struct ClientResponse {
  int status = 0;
  std::string body;
  boost::beast::http::response<boost::beast::http::string_body> raw;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string header(std::string_view name) const { return std::string(raw[boost::beast::string_view(name.data(), name.size())]); }
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : stream_(io_) {
    stream_.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  }

  ClientResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                         std::vector<std::pair<std::string, std::string>> headers = {}) {
    namespace http = boost::beast::http;
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) req.set(name, value);
    req.body() = body;
    req.prepare_payload();
    http::write(stream_, req);
    ClientResponse out;
    boost::beast::flat_buffer buffer;
    http::read(stream_, buffer, out.raw);
    out.status = static_cast<int>(out.raw.result_int());
    out.body = out.raw.body();
    return out;
  }

  // HEAD: the answer has GET's headers and no body, which the parser must be told to expect.
  ClientResponse head(const std::string& target) {
    namespace http = boost::beast::http;
    http::request<http::string_body> req(http::verb::head, target, 11);
    req.set(http::field::host, "127.0.0.1");
    http::write(stream_, req);
    http::response_parser<http::string_body> parser;
    parser.skip(true);
    boost::beast::flat_buffer buffer;
    http::read(stream_, buffer, parser);
    ClientResponse out;
    out.raw = parser.release();
    out.status = static_cast<int>(out.raw.result_int());
    out.body = out.raw.body();
    return out;
  }

  ClientResponse get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return request("GET", target, "", std::move(headers));
  }

  // Whether the server closed the connection (a read returns end of stream).
  bool closed_by_server() {
    boost::beast::error_code ec;
    timeval timeout{5, 0};  // a test fails rather than hangs if the server keeps the socket open
    setsockopt(stream_.socket().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char byte;
    stream_.socket().read_some(boost::asio::buffer(&byte, 1), ec);
    return ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset;
  }

  boost::beast::tcp_stream& stream() { return stream_; }

 private:
  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
};

}  // namespace test_support
