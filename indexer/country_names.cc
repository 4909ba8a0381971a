#include "indexer/country_names.h"

#include <algorithm>
#include <utility>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace indexer {
namespace {

constexpr const char* kLanguages[] = {"en", "es", "fr", "pt"};

// Forms in common use that ICU's one name per language leaves out.
constexpr std::pair<const char*, const char*> kOtherNames[] = {
    {"Democratic Republic of the Congo", "CD"}, {"DR Congo", "CD"}, {"DRC", "CD"}, {"RDC", "CD"},
    {"RD Congo", "CD"}, {"République démocratique du Congo", "CD"}, {"República Democrática do Congo", "CD"},
    {"Republic of the Congo", "CG"}, {"République du Congo", "CG"}, {"Ivory Coast", "CI"}, {"Costa de Marfil", "CI"},
};

// A one-word name of three letters or fewer is an acronym or a common word more often than a
// country; the forms added by hand (DRC, RDC) are not checked.
bool too_short(const std::string& name) {
  auto words = NameMatcher::words_of_name(name);
  return words.size() == 1 && words.front().size() <= 3;
}

}  // namespace

CountryNames::CountryNames() {
  auto add = [&](const std::string& name, const std::string& code, bool checked) {
    if (!checked && too_short(name)) return;
    names_.add(name, code);
  };
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    for (const char* language : kLanguages) {
      icu::UnicodeString name;
      icu::Locale("", *code).getDisplayCountry(icu::Locale(language), name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (utf8 != *code) add(utf8, *code, false);  // ICU gives the code back when it has no name
    }
  }
  for (const auto& [name, code] : kOtherNames) add(name, code, true);
}

const CountryNames& CountryNames::bundled() {
  static const CountryNames names;
  return names;
}

std::vector<std::string> CountryNames::find(std::string_view text, bool capitalised) const {
  std::vector<std::string> out;
  for (const auto& match : matches(text, capitalised)) {
    const std::string& code = match.keys->front();
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

}  // namespace indexer
