#include "indexer/country_names.h"

#include <algorithm>
#include <utility>

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "indexer/text_normalizer.h"

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
bool too_short(const std::vector<std::string>& words) { return words.size() == 1 && words.front().size() <= 3; }

}  // namespace

bool starts_with_capital(std::string_view word) {
  if (word.empty()) return false;
  UChar32 first = icu::UnicodeString::fromUTF8(word.substr(0, 4)).char32At(0);
  return u_isupper(first);
}

CountryNames::CountryNames() {
  auto add = [&](const std::string& name, const std::string& code, bool checked) {
    std::vector<std::string> words = words_of(fold(name));
    if (words.empty() || (!checked && too_short(words))) return;
    longest_ = std::max(longest_, words.size());
    codes_.emplace(std::move(words), code);
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
  std::vector<std::string> words;
  std::vector<bool> starts_upper;
  for_each_word(text, [&](std::size_t begin, std::size_t end) {
    std::string_view written = text.substr(begin, end - begin);
    words.push_back(fold(written));
    starts_upper.push_back(starts_with_capital(written));
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t matched = 0;
    for (std::size_t length = std::min(longest_, words.size() - i); length > 0 && matched == 0; --length) {
      if (capitalised && !starts_upper[i]) break;
      std::vector<std::string> candidate(words.begin() + static_cast<std::ptrdiff_t>(i),
                                         words.begin() + static_cast<std::ptrdiff_t>(i + length));
      if (auto it = codes_.find(candidate); it != codes_.end()) {
        if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
        matched = length;
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return out;
}

}  // namespace indexer
