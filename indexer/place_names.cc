#include "indexer/place_names.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace indexer {

std::string_view bundled_iso_3166_2_json();  // place_data.cc, generated

std::string country_of_place(std::string_view code) { return std::string(code.substr(0, code.find('-'))); }

PlaceNames::PlaceNames() {
  auto parsed = nlohmann::json::parse(bundled_iso_3166_2_json());
  for (const auto& place : parsed.at("3166-2")) {
    std::string code = place.at("code").get<std::string>();
    std::string name = place.at("name").get<std::string>();
    // Second-level subdivisions (Burkina Faso's 45 provinces beside its 13 regions) are kept:
    // a collection names either.
    names_.add(name, code);
    code_names_.emplace_back(std::move(code), std::move(name));
  }
  std::sort(code_names_.begin(), code_names_.end());
}

const PlaceNames& PlaceNames::bundled() {
  static const PlaceNames names;
  return names;
}

std::vector<std::string> PlaceNames::find_in(std::string_view text, const std::vector<std::string>& countries,
                                             bool capitalised) const {
  std::vector<std::string> out;
  if (countries.empty()) return out;
  for (const auto& match : matches(text, capitalised)) {
    for (const auto& code : *match.keys) {
      bool in_country = std::find(countries.begin(), countries.end(), country_of_place(code)) != countries.end();
      if (in_country && std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
  }
  return out;
}

std::string PlaceNames::code_of(std::string_view name_or_code) const {
  std::string upper(name_or_code);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!name_of(upper).empty()) return upper;
  auto found = matches(name_or_code, /*capitalised=*/false);
  if (found.size() == 1 && found.front().keys->size() == 1 && found.front().begin == 0) return found.front().keys->front();
  return "";
}

std::string PlaceNames::name_of(std::string_view code) const {
  auto it = std::lower_bound(code_names_.begin(), code_names_.end(), code,
                             [](const auto& entry, std::string_view c) { return entry.first < c; });
  return it != code_names_.end() && it->first == code ? it->second : "";
}

}  // namespace indexer
