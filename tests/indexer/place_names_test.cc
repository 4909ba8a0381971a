#include "indexer/place_names.h"

#include <gtest/gtest.h>

namespace indexer {
namespace {

TEST(PlaceNamesTest, FindsThePlacesATextNamesWithinItsCountries) {
  const auto& places = PlaceNames::bundled();
  std::string text = "Mineros de Madre de Dios y de PUNO; el centro de acopio de Puno.";
  EXPECT_EQ(places.find_in(text, {"PE"}, /*capitalised=*/true), (std::vector<std::string>{"PE-MDD", "PE-PUN"}));
  // Not within the record's countries: nothing.
  EXPECT_TRUE(places.find_in(text, {"BO"}, /*capitalised=*/true).empty());
  // Prose capitalises a place: "central" is a word, "Central" a region of Ghana.
  EXPECT_TRUE(places.find_in("a central processing plant", {"GH"}, /*capitalised=*/true).empty());
  EXPECT_EQ(places.find_in("Galamsey in the Central and Ashanti regions", {"GH"}, true),
            (std::vector<std::string>{"GH-CP", "GH-AH"}));
}

TEST(PlaceNamesTest, MatchesGiveTheWordsAsWritten) {
  std::string text = "retorts in madre de dios";
  auto matches = PlaceNames::bundled().matches(text, /*capitalised=*/false);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "madre de dios");
  EXPECT_EQ(*matches[0].keys, std::vector<std::string>{"PE-MDD"});
}

TEST(PlaceNamesTest, ACodeOrAnUnambiguousNameGivesTheCode) {
  const auto& places = PlaceNames::bundled();
  EXPECT_EQ(places.code_of("pe-mdd"), "PE-MDD");
  EXPECT_EQ(places.code_of("Madre de Dios"), "PE-MDD");
  EXPECT_EQ(places.code_of("Nord-Kivu"), "CD-NK");
  // Amazonas is a state of Brazil and a department of Colombia and of Peru.
  EXPECT_EQ(places.code_of("Amazonas"), "");
  EXPECT_EQ(places.code_of("Atlantis"), "");
  EXPECT_EQ(places.name_of("CD-SK"), "Sud-Kivu");
  EXPECT_EQ(country_of_place("CD-SK"), "CD");
}

}  // namespace
}  // namespace indexer
