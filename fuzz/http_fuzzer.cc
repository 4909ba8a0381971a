// libFuzzer target for the HTTP request path: raw bytes parsed by Beast with the server's header
// and body limits, turned into a request as the session does (read_request), then routed and
// answered by dispatch() with the real Service over the bundled collection: routing, parameter
// parsing, API keys, CORS, every handler, and writes through the write queue (the key is "k", so
// the seeds' "Authorization: Bearer k" lets the fuzzer reach them).
// A 500 (an exception a handler did not expect) or a JSON answer that is not JSON is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <nlohmann/json.hpp>

#include "fuzz/fuzz_index.h"
#include "server/beast_request.h"
#include "server/router.h"
#include "server/service.h"

namespace {

server::Service& service() {
  static std::unique_ptr<server::Service> instance = [] {
    server::ServerConfig config;
    config.db = fuzz::collection_index();
    config.api_keys = {"k"};
    config.cors_origins = {"https://portal.example"};
    config.write_rate = 0;  // one client sends everything here
    config.access_log = false;
    auto opened = server::Service::open(config);
    if (!opened) {
      std::fprintf(stderr, "http_fuzzer: %s\n", opened.error().to_string().c_str());
      std::abort();
    }
    return std::move(*opened);
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  service();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace http = boost::beast::http;
  const auto& config = service().config();
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
  parser.body_limit(config.max_body_bytes);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;  // the session answers 400/413/431 or closes

  server::HttpRequest request;
  server::HttpResponse response;
  std::string_view route = "unmatched";
  if (auto refused = server::read_request(parser.get(), config.max_target_bytes, request)) {
    response = std::move(*refused);
  } else {
    response = server::dispatch(request, service(), route);
  }
  if (response.status == 500) {
    std::fprintf(stderr, "http_fuzzer: 500 on %s %s: %s\n", request.method.c_str(), request.target.c_str(),
                 response.log_detail.c_str());
    std::abort();
  }
  if (response.status < 100 || response.status > 599) std::abort();
  if (response.content_type.starts_with("application/json") && !response.body.empty() &&
      !nlohmann::json::accept(response.body)) {
    std::fprintf(stderr, "http_fuzzer: invalid JSON from %s %s\n", request.method.c_str(), request.target.c_str());
    std::abort();
  }
  return 0;
}
