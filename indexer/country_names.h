#pragma once
// The countries a text names, in any of the four languages: ICU's name of every country in
// English, Spanish, French and Portuguese ("Pérou", "Costa do Marfim", "Estados Unidos"), plus the
// common forms ICU does not give (DRC, RDC, Ivory Coast). Names are held folded and split into
// words as text is (indexer/name_matcher.h), so "PÉROU" and "perou" match. Immutable once built:
// thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/name_matcher.h"

namespace indexer {

class CountryNames {
 public:
  // Built once from ICU's data.
  static const CountryNames& bundled();

  // ISO 3166-1 alpha-2 codes (upper case) of the countries `text` names, longest names first, in
  // order of first mention, each once. `capitalised`: only names whose first word the text
  // capitalises, as prose does ("irán", will go, is not "Irán"); a search box's text need not be.
  std::vector<std::string> find(std::string_view text, bool capitalised) const;

  // Where `text` names them: each match's one key is the country's code.
  std::vector<NameMatcher::Match> matches(std::string_view text, bool capitalised) const {
    return names_.find(text, capitalised);
  }

 private:
  CountryNames();
  NameMatcher names_;
};

}  // namespace indexer
