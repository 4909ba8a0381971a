#pragma once
// Finds the names of a fixed list in text: countries (indexer/country_names.h), places
// (indexer/place_names.h). A name matches a run of words equal to its words once both are folded
// (indexer::fold), so "PÉROU", "Pérou" and "perou" match alike; where names overlap, the longest
// wins. Immutable once built: thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace indexer {

class NameMatcher {
 public:
  // A name found in a text: the keys it stands for (a country code; the codes of every place of
  // that name) and its bytes in the text.
  struct Match {
    const std::vector<std::string>* keys;
    std::size_t begin = 0, end = 0;
  };

  // Adds `name` for `key`; a name given for several keys stands for each. Names with no word are
  // ignored.
  void add(std::string_view name, const std::string& key);

  // The names `text` gives, in order, none overlapping. `capitalised`: only names whose first
  // word the text capitalises, as prose does; a search box's text need not be.
  std::vector<Match> find(std::string_view text, bool capitalised) const;

  // The words of a name, folded, as they are matched.
  static std::vector<std::string> words_of_name(std::string_view name);

 private:
  struct Name {
    std::vector<std::string> rest;  // the words after the first
    std::vector<std::string> keys;
  };
  // By first word; each list longest name first.
  std::unordered_map<std::string, std::vector<Name>> by_first_word_;
};

// Whether a word as written starts with a capital letter (any script).
bool starts_with_capital(std::string_view word);

}  // namespace indexer
