#include "indexer/schema.h"

#include <cstdio>

#include <xxhash.h>

namespace indexer::schema {

std::string source_term(std::string_view path) {
  // Xapian refuses terms over 245 bytes; keep well under it.
  constexpr std::size_t kMaxPathInTerm = 200;
  if (path.size() <= kMaxPathInTerm) return term(kSource, path);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(path.data(), path.size())));
  return term(kSource, std::string("#") + hex);
}

std::vector<std::string> split_values(std::string_view joined) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < joined.size()) {
    std::size_t end = joined.find(kValueSeparator, begin);
    if (end == std::string_view::npos) end = joined.size();
    if (end > begin) out.emplace_back(joined.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

}  // namespace indexer::schema
