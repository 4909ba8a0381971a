#pragma once
// The places within a country that a text names: the first-level subdivisions of ISO 3166-2
// (regions, provinces, departments, states: "Madre de Dios", "Puno", "Nord-Kivu", "Ashanti"),
// by the names Debian's iso-codes gives them, compiled in. A name several countries use
// ("Amazonas", "Central") stands for each; callers that know the countries keep theirs.
// Immutable once built: thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/name_matcher.h"

namespace indexer {

class PlaceNames {
 public:
  static const PlaceNames& bundled();

  // Where `text` names places: each match's keys are ISO 3166-2 codes, upper case ("PE-MDD").
  std::vector<NameMatcher::Match> matches(std::string_view text, bool capitalised) const {
    return names_.find(text, capitalised);
  }

  // The codes of the places `text` names in the given countries (ISO 3166-1 alpha-2, upper
  // case), in order of first mention, each once.
  std::vector<std::string> find_in(std::string_view text, const std::vector<std::string>& countries,
                                   bool capitalised) const;

  // The code of the place `name_or_code` names ("Madre de Dios", "pe-mdd" -> "PE-MDD"), when it
  // names exactly one; else empty.
  std::string code_of(std::string_view name_or_code) const;

  // The place's name as iso-codes writes it; empty for an unknown code.
  std::string name_of(std::string_view code) const;

 private:
  PlaceNames();
  NameMatcher names_;
  std::vector<std::pair<std::string, std::string>> code_names_;  // sorted by code
};

// The country a place code belongs to ("PE-MDD" -> "PE").
std::string country_of_place(std::string_view code);

}  // namespace indexer
