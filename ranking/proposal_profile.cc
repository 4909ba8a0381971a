#include "ranking/proposal_profile.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "indexer/country_names.h"
#include "indexer/schema.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"
#include "ranking/similar_types.h"

namespace ranking {
namespace {

namespace schema = indexer::schema;

constexpr std::size_t kInferredThemes = 3;
// A word held by more records than this is no place name of one country.
constexpr Xapian::doccount kMaxPlaceRecords = 5;

}  // namespace

std::vector<std::string> countries_of_places(const std::string& text, const Xapian::Database& db) {
  std::vector<std::string> out;
  std::set<std::string> looked_up;
  std::vector<std::string> names;
  indexer::for_each_word(text, [&](std::size_t begin, std::size_t end) {
    // A capital after a sentence's end, or at the text's start, says nothing.
    std::size_t before = text.find_last_not_of(" \t\r\n\"'(«“", begin == 0 ? 0 : begin - 1);
    bool sentence_start = begin == 0 || before == std::string::npos || std::string_view(".!?:;").find(text[before]) != std::string_view::npos;
    std::string_view written(text.data() + begin, end - begin);
    if (!sentence_start && written.size() >= 4 && indexer::starts_with_capital(written)) names.emplace_back(written);
  });
  for (const auto& written : names) {
    std::string word = indexer::fold(written);
    if (!looked_up.insert(word).second) continue;
    Xapian::doccount records = db.get_termfreq(word);
    if (records == 0 || records > kMaxPlaceRecords) continue;
    std::set<std::string> common;
    bool first = true;
    for (auto it = db.postlist_begin(word); it != db.postlist_end(word); ++it) {
      auto listed = schema::split_values(db.get_document(*it).get_value(schema::kCountriesSlot));
      std::set<std::string> countries(listed.begin(), listed.end());
      if (countries.empty()) continue;
      if (first) common = std::move(countries);
      else {
        std::set<std::string> both;
        std::set_intersection(common.begin(), common.end(), countries.begin(), countries.end(), std::inserter(both, both.end()));
        common = std::move(both);
      }
      first = false;
    }
    if (common.size() == 1 && std::find(out.begin(), out.end(), *common.begin()) == out.end()) out.push_back(*common.begin());
  }
  return out;
}

ProposalProfile infer_profile(const std::string& text) {
  ProposalProfile out;
  std::vector<std::string> words = indexer::words_of(indexer::fold(text));
  out.countries = indexer::CountryNames::bundled().find(text, /*capitalised=*/true);
  // Themes by how often the text names their concepts: those named at least twice (the first
  // one alone when none is), at most three; every commodity named.
  const auto& thesaurus = indexer::Thesaurus::bundled();
  std::map<std::string, std::size_t> theme_mentions;
  for (const auto& match : thesaurus.find(words)) {
    const auto& named = thesaurus.concept_at(match.concept_index);
    if (!named.theme.empty()) ++theme_mentions[named.theme];
  }
  out.commodities = thesaurus.commodities_named(words);
  std::vector<std::pair<std::size_t, std::string>> by_count;
  for (const auto& [theme, count] : theme_mentions) by_count.emplace_back(count, theme);
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [count, theme] : by_count)
    if (out.themes.size() < kInferredThemes && (count >= 2 || out.themes.empty())) out.themes.push_back(theme);
  return out;
}

}  // namespace ranking
