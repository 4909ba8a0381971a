// What a query names, recognised over the bundled collection: places within countries,
// organisations and donors by their acronyms and names, and the filters that take them.

#include <gtest/gtest.h>

#include <algorithm>

#include "indexer/text_normalizer.h"
#include "tests/ranking/collection_fixture.h"

namespace ranking {
namespace {

class QueryLiftsTest : public CollectionTest {
 protected:
  static bool recognised(const SearchResponse& response, const Recognised& item) {
    return std::find(response.recognised.begin(), response.recognised.end(), item) != response.recognised.end();
  }
};

TEST_F(QueryLiftsTest, APlaceTheQueryNamesLiftsTheRecordsAboutIt) {
  // Madre de Dios, in the summaries of three Peruvian records, named in Spanish and in English.
  for (const std::string query : {"mercurio en Madre de Dios", "mercury madre de dios"}) {
    auto response = search_filtered(query, {});
    ASSERT_TRUE(response) << response.error().to_string();
    ASSERT_GE(response->hits.size(), 2u);
    EXPECT_EQ(response->hits[0].id, "la17-green-mining-madre-de-dios") << query;
    auto it = std::find_if(response->recognised.begin(), response->recognised.end(),
                           [](const Recognised& r) { return r.field == "place"; });
    ASSERT_NE(it, response->recognised.end()) << query;
    EXPECT_EQ(it->value, "PE-MDD");
    EXPECT_EQ(indexer::fold(it->text), "madre de dios");
  }
  // A place of another country than the one named is not asked for.
  auto elsewhere = search_filtered("Ghana Puno", {});
  ASSERT_TRUE(elsewhere);
  EXPECT_TRUE(std::none_of(elsewhere->recognised.begin(), elsewhere->recognised.end(),
                           [](const Recognised& r) { return r.field == "place"; }));
}

TEST_F(QueryLiftsTest, APlaceFilterTakesTheCodeOrTheName) {
  for (const std::string value : {"PE-MDD", "pe-mdd", "Madre de Dios"}) {
    auto response = search_filtered("", {.values = {{"place", {value}}}});
    ASSERT_TRUE(response) << value << ": " << response.error().to_string();
    EXPECT_GE(response->hits.size(), 2u) << value;
    for (const auto& hit : response->hits) EXPECT_EQ(hit.countries, std::vector<std::string>{"PE"}) << hit.id;
  }
  auto unknown = search_filtered("", {.values = {{"place", {"Atlantis"}}}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "place");
  EXPECT_NE(unknown.error().message.find("ISO 3166-2"), std::string::npos) << unknown.error().message;
}

TEST_F(QueryLiftsTest, AnOrganisationIsKnownByItsAcronymAndItsName) {
  Recognised agc{"organisation", "Artisanal Gold Council (AGC)", "AGC"};
  auto by_acronym = search_filtered("AGC mercury", {});
  ASSERT_TRUE(by_acronym) << by_acronym.error().to_string();
  EXPECT_TRUE(recognised(*by_acronym, agc));
  auto by_name = search_filtered("artisanal gold council training", {});
  ASSERT_TRUE(by_name);
  EXPECT_TRUE(recognised(*by_name, {"organisation", "Artisanal Gold Council (AGC)", "artisanal gold council"}));
  // Its records rank first, and the answer's value is what the organisation filter takes.
  auto filtered = search_filtered("mercury", {.values = {{"organisation", {agc.value}}}});
  ASSERT_TRUE(filtered);
  ASSERT_FALSE(filtered->hits.empty());
  for (std::size_t i = 0; i < std::min<std::size_t>(3, filtered->hits.size()); ++i)
    EXPECT_TRUE(std::any_of(by_acronym->hits.begin(), by_acronym->hits.begin() + 5,
                            [&](const Hit& hit) { return hit.id == filtered->hits[i].id; }))
        << filtered->hits[i].id;
}

TEST_F(QueryLiftsTest, ARecordsOwnNameWinsOverAnOrganisationOfTheSameName) {
  // planetGOLD is the title of the global programme and an organisation of two other records.
  auto response = search_filtered("planetGOLD", {});
  ASSERT_TRUE(response);
  ASSERT_FALSE(response->hits.empty());
  EXPECT_EQ(response->hits[0].id, "gl16-planetgold");
  EXPECT_TRUE(std::none_of(response->recognised.begin(), response->recognised.end(),
                           [](const Recognised& r) { return r.field == "organisation"; }));
}

}  // namespace
}  // namespace ranking
