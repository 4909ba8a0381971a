#include "indexer/name_matcher.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "indexer/text_normalizer.h"

namespace indexer {

bool starts_with_capital(std::string_view word) {
  if (word.empty()) return false;
  UChar32 first = icu::UnicodeString::fromUTF8(word.substr(0, 4)).char32At(0);
  return u_isupper(first);
}

std::vector<std::string> NameMatcher::words_of_name(std::string_view name) { return words_of(fold(name)); }

void NameMatcher::add(std::string_view name, const std::string& key) {
  std::vector<std::string> words = words_of_name(name);
  if (words.empty()) return;
  auto& names = by_first_word_[words.front()];
  std::vector<std::string> rest(words.begin() + 1, words.end());
  auto same = std::find_if(names.begin(), names.end(), [&](const Name& n) { return n.rest == rest; });
  if (same != names.end()) {
    if (std::find(same->keys.begin(), same->keys.end(), key) == same->keys.end()) same->keys.push_back(key);
    return;
  }
  auto longer = [](const Name& a, const Name& b) { return a.rest.size() > b.rest.size(); };
  Name added{std::move(rest), {key}};
  names.insert(std::upper_bound(names.begin(), names.end(), added, longer), std::move(added));
}

std::vector<NameMatcher::Match> NameMatcher::find(std::string_view text, bool capitalised) const {
  struct Word {
    std::string folded;
    std::size_t begin, end;
    bool capital;
  };
  std::vector<Word> words;
  for_each_word(text, [&](std::size_t begin, std::size_t end) {
    std::string_view written = text.substr(begin, end - begin);
    words.push_back({fold(written), begin, end, starts_with_capital(written)});
  });
  std::vector<Match> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t matched = 0;
    auto it = (capitalised && !words[i].capital) ? by_first_word_.end() : by_first_word_.find(words[i].folded);
    if (it != by_first_word_.end()) {
      for (const Name& name : it->second) {
        if (i + 1 + name.rest.size() > words.size()) continue;
        bool equal = true;
        for (std::size_t k = 0; k < name.rest.size() && equal; ++k) equal = words[i + 1 + k].folded == name.rest[k];
        if (!equal) continue;
        matched = 1 + name.rest.size();
        out.push_back({&name.keys, words[i].begin, words[i + matched - 1].end});
        break;
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return out;
}

}  // namespace indexer
