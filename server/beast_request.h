#pragma once
// A request Beast has parsed, as the server's HttpRequest. This header brings Beast in: only the
// HTTP session (http_server.cc) and the HTTP fuzz target include it.

// Boost 1.74's Beast needs <utility> before its headers under GCC 12.
#include <utility>

#include <cstddef>
#include <optional>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "server/http_types.h"

namespace server {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Fills `out` (method, target, decoded path and parameters, the headers the router reads, and the
// body, moved out of `message`), or answers why the request cannot be served: a target longer
// than `max_target_bytes` (414) or with a malformed percent-escape (400).
std::optional<HttpResponse> read_request(BeastRequest& message, std::size_t max_target_bytes, HttpRequest& out);

}  // namespace server
