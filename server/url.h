#pragma once
// Splitting and decoding request targets: "/v1/search?q=min%C3%A9ria&country=PE" into a decoded
// path and parameters. Pure functions, thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace server {

// Percent-decodes; `plus_is_space` for query strings. nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

struct ParsedTarget {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;
};

// nullopt when the path or a parameter has a malformed escape.
std::optional<ParsedTarget> parse_target(std::string_view target);

}  // namespace server
