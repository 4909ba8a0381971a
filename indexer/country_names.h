#pragma once
// The countries a text names, in any of the four languages: ICU's name of every country in
// English, Spanish, French and Portuguese ("Pérou", "Costa do Marfim", "Estados Unidos"), plus the
// common forms ICU does not give (DRC, RDC, Ivory Coast). Names are held folded and split into
// words as text is (indexer::fold, words_of), so "PÉROU" and "perou" match. Immutable once built:
// thread-safe.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace indexer {

class CountryNames {
 public:
  // Built once from ICU's data.
  static const CountryNames& bundled();

  // ISO 3166-1 alpha-2 codes (upper case) of the countries `text` names, longest names first, in
  // order of first mention, each once. `capitalised`: only names whose first word the text
  // capitalises, as prose does ("irán", will go, is not "Irán"); a search box's text need not be.
  std::vector<std::string> find(std::string_view text, bool capitalised) const;

 private:
  CountryNames();
  std::map<std::vector<std::string>, std::string> codes_;  // a name's folded words -> its code
  std::size_t longest_ = 0;                                // words in the longest name
};

// Whether a word as written starts with a capital letter (any script).
bool starts_with_capital(std::string_view word);

}  // namespace indexer
