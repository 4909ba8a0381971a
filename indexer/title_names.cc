#include "indexer/title_names.h"

#include <algorithm>

#include "indexer/text_normalizer.h"

namespace indexer {
namespace {

// The folded words of a piece of the title, joined by one space; empty when it has none or more
// than kMaxNameWords.
std::string name_of(std::string_view part) {
  std::vector<std::string> words = words_of(fold(part));
  if (words.empty() || words.size() > kMaxNameWords) return {};
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

bool is_acronym(std::string_view word) {
  std::size_t capitals = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (!(c >= '0' && c <= '9')) return false;
  }
  return capitals >= 3;
}

}  // namespace

std::vector<std::string> title_names(std::string_view title) {
  std::vector<std::string> out;
  auto add = [&](std::string name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  };
  std::size_t head_end = std::min(title.find(": "), title.find(" ("));
  add(name_of(title.substr(0, head_end)));
  for (std::size_t open = title.find('('); open != std::string_view::npos; open = title.find('(', open + 1)) {
    std::size_t close = title.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view group = title.substr(open + 1, close - open - 1);
    if (group.find(',') == std::string_view::npos) add(name_of(group));
  }
  for_each_word(title, [&](std::size_t begin, std::size_t end) {
    std::string_view word = title.substr(begin, end - begin);
    if (is_acronym(word)) add(fold(word));
  });
  return out;
}

}  // namespace indexer
