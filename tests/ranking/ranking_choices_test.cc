// The ranking choices of indexer/relevance_config.h, each on a few hand-written records where it
// decides the order: thesaurus and translation weights, every query word counting, proximity and
// the words as written.

#include <gtest/gtest.h>

#include <filesystem>

#include "indexer/ingest.h"
#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace ranking {
namespace {

TEST(ThesaurusRankingTest, ATranslationRanksBelowTheQuerysOwnWords) {
  test_support::TempDir dir;
  test_support::write_file(dir.path() / "in/r.jsonl",
                           "{\"id\": \"en\", \"title\": \"Cyanide in the valley\", \"language\": \"en\", "
                           "\"body\": \"Plants leached the tailings with cyanide.\"}\n"
                           "{\"id\": \"es\", \"title\": \"Cianuro en el valle\", \"language\": \"es\", "
                           "\"body\": \"Las plantas lixiviaron los relaves con cianuro.\"}\n"
                           "{\"id\": \"other\", \"title\": \"Tin traceability\", \"language\": \"en\", "
                           "\"body\": \"Bags of tin ore were tagged at the mine.\"}\n");
  ASSERT_TRUE(indexer::ingest(dir.path() / "db", {dir.path() / "in"}, {}, {}).has_value());
  auto searcher = Searcher::open(dir.path() / "db");
  ASSERT_TRUE(searcher.has_value());
  SearchRequest request;
  request.query = "cyanide";
  request.translate = false;  // the thesaurus alone
  auto response = searcher->search(request);
  ASSERT_TRUE(response.has_value());
  ASSERT_EQ(response->hits.size(), 2u);
  EXPECT_EQ(response->hits[0].id, "en");
  EXPECT_EQ(response->hits[1].id, "es");
  EXPECT_LT(response->hits[1].score, response->hits[0].score);
  // Translated, the query finds the Spanish record as it finds the English one.
  request.translate = true;
  request.language = "en";
  response = searcher->search(request);
  ASSERT_TRUE(response.has_value());
  ASSERT_EQ(response->hits.size(), 2u);
  EXPECT_GE(response->hits[1].score, 0.9 * response->hits[0].score) << response->hits[1].id;
  request.language = "";
  request.query = "cianuro";
  response = searcher->search(request);
  ASSERT_TRUE(response.has_value());
  ASSERT_EQ(response->hits.size(), 2u);
  EXPECT_EQ(response->hits[0].id, "es");
}


TEST(QueryWeightingTest, EveryWordOfTheQueryCountsWhateverTheLanguage) {
  // A record with both words outranks one that repeats one of them: the words' weights add up
  // (a query in a given language was once scored by its single best word).
  test_support::TempDir dir;
  test_support::write_file(dir.path() / "in/r.jsonl",
                           "{\"id\": \"both\", \"title\": \"zebus yaks\", \"language\": \"en\"}\n"
                           "{\"id\": \"one\", \"title\": \"zebus zebus zebus zebus\", \"language\": \"en\"}\n"
                           "{\"id\": \"llama\", \"title\": \"yaks llama\", \"language\": \"en\"}\n"
                           "{\"id\": \"alpaca\", \"title\": \"alpaca\", \"language\": \"en\"}\n"
                           "{\"id\": \"camel\", \"title\": \"camel\", \"language\": \"en\"}\n");
  ASSERT_TRUE(indexer::ingest(dir.path() / "db", {dir.path() / "in"}, {}, {}).has_value());
  auto searcher = Searcher::open(dir.path() / "db");
  ASSERT_TRUE(searcher.has_value());
  for (const std::string language : {"en", ""}) {
    SearchRequest request;
    request.query = "zebus yaks";  // plural: the stemmed and unstemmed analyses differ
    request.language = language;
    auto response = searcher->search(request);
    ASSERT_TRUE(response.has_value());
    ASSERT_GE(response->hits.size(), 2u) << language;
    EXPECT_EQ(response->hits[0].id, "both") << language;
  }
}

// Searches an index of two matching records with one ranking boost at its default weight and
// then off (every other boost off), and checks that the boost alone decides their order:
// `expected` first, above the other, when it is on; a tie when it is off.
void expect_boost_decides(const std::filesystem::path& db, double indexer::RelevanceConfig::*boost,
                          const std::vector<SearchRequest>& requests, const std::string& expected) {
  for (double weight : {indexer::RelevanceConfig{}.*boost, 0.0}) {
    indexer::RelevanceConfig relevance;
    relevance.proximity_weight = 0.0;
    relevance.exact_word_weight = 0.0;
    relevance.*boost = weight;
    auto searcher = Searcher::open(db, relevance);
    ASSERT_TRUE(searcher.has_value());
    for (const auto& request : requests) {
      SCOPED_TRACE(request.query + " [" + request.language + "] weight " + std::to_string(weight));
      auto response = searcher->search(request);
      ASSERT_TRUE(response.has_value());
      ASSERT_EQ(response->hits.size(), 2u);
      if (weight > 0) {
        EXPECT_EQ(response->hits[0].id, expected);
        EXPECT_GT(response->hits[0].score, response->hits[1].score);
      } else {
        EXPECT_DOUBLE_EQ(response->hits[0].score, response->hits[1].score);
      }
    }
  }
}

SearchRequest request_for(const std::string& query, const std::string& language = "") {
  SearchRequest request;
  request.query = query;
  request.language = language;
  return request;
}

TEST(ProximityTest, ARecordWhereTheQuerysWordsMeetRanksAboveOneThatHoldsThemApart) {
  // Both records hold the same words as often, in texts of the same length: only where the words
  // stand differs.
  const std::string filler = "miners sold their gold to traders in the town every week during the dry season ";
  test_support::TempDir dir;
  test_support::write_file(dir.path() / "in/r.jsonl",
                           "{\"id\": \"apart\", \"title\": \"Field notes\", \"language\": \"en\", "
                           "\"body\": \"A retort was bought. " + filler + filler + "Mercury was weighed.\"}\n"
                           "{\"id\": \"near\", \"title\": \"Field notes\", \"language\": \"en\", "
                           "\"body\": \"A retort was bought. Mercury was weighed. " + filler + filler + "\"}\n"
                           "{\"id\": \"other\", \"title\": \"Tin traceability\", \"language\": \"en\", "
                           "\"body\": \"Bags of tin ore were tagged at the mine.\"}\n");
  ASSERT_TRUE(indexer::ingest(dir.path() / "db", {dir.path() / "in"}, {}, {}).has_value());
  expect_boost_decides(dir.path() / "db", &indexer::RelevanceConfig::proximity_weight,
                       {request_for("retort mercury"), request_for("mercury in a retort")}, "near");
}

TEST(ExactWordTest, ARecordUsingTheQuerysOwnWordRanksAboveOneSharingOnlyItsStem) {
  // "mining" and "mines" share the stem "mine"; the two records differ in nothing else.
  test_support::TempDir dir;
  test_support::write_file(dir.path() / "in/r.jsonl",
                           "{\"id\": \"mines\", \"title\": \"Field notes\", \"language\": \"en\", "
                           "\"body\": \"Gold mines near the river were visited.\"}\n"
                           "{\"id\": \"mining\", \"title\": \"Field notes\", \"language\": \"en\", "
                           "\"body\": \"Gold mining near the river was visited.\"}\n");
  ASSERT_TRUE(indexer::ingest(dir.path() / "db", {dir.path() / "in"}, {}, {}).has_value());
  expect_boost_decides(dir.path() / "db", &indexer::RelevanceConfig::exact_word_weight,
                       {request_for("mining river", "en"), request_for("mining river")}, "mining");
}

}  // namespace
}  // namespace ranking
