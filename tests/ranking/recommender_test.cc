// Similar initiatives on the bundled collection, and the duplication-risk rule on fixtures.

#include "ranking/recommender.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "indexer/ingest.h"
#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace ranking {
namespace {

class RecommenderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir();
    ASSERT_TRUE(indexer::ingest(dir_->path() / "db", {test_support::collection_dir()}, {}, {}).has_value());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { searcher_.emplace(Searcher::open(dir_->path() / "db").value()); }

  std::vector<std::string> ids(const SimilarRequest& request) {
    auto response = searcher_->similar(request);
    EXPECT_TRUE(response.has_value()) << response.error().to_string();
    std::vector<std::string> out;
    if (response.has_value())
      for (const auto& hit : response->similar) out.push_back(hit.id);
    return out;
  }
  static bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static inline test_support::TempDir* dir_ = nullptr;
  std::optional<Searcher> searcher_;
};

// Golden neighbours, each with the reason a person would give.
TEST_F(RecommenderTest, SimilarToARecordFindsItsRealPrecedents) {
  SimilarRequest request;
  request.k = 5;
  // Mutoshi (artisanal cobalt, DRC): the other DRC artisanal-cobalt initiatives.
  request.id = "af22-mutoshi-cobalt-pilot";
  auto cobalt = ids(request);
  EXPECT_TRUE(contains(cobalt, "af24-fair-cobalt-alliance"));
  EXPECT_TRUE(contains(cobalt, "af25-cobalt-for-development"));
  // Proyecto GAMA (Peru, environment in artisanal mining): the Andean projects of the same era.
  request.id = "la01-proyecto-gama";
  auto gama = ids(request);
  EXPECT_TRUE(contains(gama, "la02-medmin-bolivia"));
  EXPECT_TRUE(contains(gama, "la03-prodeminca-ecuador"));
  // Orpaillage Responsable (Burkina Faso, mercury-free processing): the other Burkina projects.
  request.id = "af34-orpaillage-responsable-burkina-faso";
  auto burkina = ids(request);
  EXPECT_TRUE(contains(burkina, "af31-planetgold-burkina-faso"));
  for (const auto& list : {cobalt, gama, burkina}) EXPECT_EQ(list.size(), 5u);
}

TEST_F(RecommenderTest, TheSeedIsNeverReturnedAndWhyIsGiven) {
  SimilarRequest request;
  request.id = "gl05-global-mercury-project";
  request.k = 20;
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->seed_id, "gl05-global-mercury-project");
  ASSERT_EQ(response->similar.size(), 20u);
  for (const auto& hit : response->similar) {
    EXPECT_NE(hit.id, request.id);
    EXPECT_GT(hit.score, 0);
    EXPECT_LE(hit.score, 1);
  }
  EXPECT_TRUE(std::is_sorted(response->similar.begin(), response->similar.end(),
                             [](const SimilarHit& a, const SimilarHit& b) { return a.score > b.score; }));
  const auto& first = response->similar.front();
  EXPECT_FALSE(first.why.terms.empty());
  EXPECT_FALSE(first.why.themes.empty());
}

TEST_F(RecommenderTest, NearDuplicatesOfTheSeedAreLeftOut) {
  test_support::TempDir dir;
  std::string body = "Miners in the valley built clay retorts to capture mercury vapour while burning amalgam.";
  test_support::write_file(dir / "in/r.jsonl",
                           "{\"id\": \"original\", \"title\": \"Clay retorts pilot\", \"body\": \"" + body + "\", \"language\": \"en\"}\n"
                           "{\"id\": \"copy\", \"title\": \"Clay retorts pilot\", \"body\": \"" + body + "\", \"language\": \"en\"}\n"
                           "{\"id\": \"related\", \"title\": \"Mercury capture\", \"body\": \"Retorts capture mercury when amalgam burns.\", \"language\": \"en\"}\n"
                           "{\"id\": \"other\", \"title\": \"Tin traceability\", \"body\": \"Bags of tin ore were tagged at the mine.\", \"language\": \"en\"}\n");
  ASSERT_TRUE(indexer::ingest(dir / "db", {dir / "in"}, {}, {}).has_value());
  auto searcher = Searcher::open(dir / "db");
  ASSERT_TRUE(searcher.has_value());
  SimilarRequest request;
  request.id = "original";
  request.k = 3;
  auto response = searcher->similar(request);
  ASSERT_TRUE(response.has_value());
  ASSERT_FALSE(response->similar.empty());
  EXPECT_EQ(response->similar[0].id, "related");
  for (const auto& hit : response->similar) EXPECT_NE(hit.id, "copy");
}

TEST_F(RecommenderTest, TranslationsOfTheSeedAreLeftOutAndOthersShownOnce) {
  // The Global Mercury Project is in the collection in English and in Portuguese.
  SimilarRequest request;
  request.id = "gl05-global-mercury-project";
  request.k = 20;
  auto english = ids(request);
  EXPECT_FALSE(contains(english, "gl05-projeto-global-mercurio-pt"));
  request.id = "gl05-projeto-global-mercurio-pt";
  auto portuguese = ids(request);
  EXPECT_FALSE(contains(portuguese, "gl05-global-mercury-project"));
  // The GMP training manual exists in both languages too: a list shows it once.
  for (const auto& list : {english, portuguese}) {
    EXPECT_NE(contains(list, "gl06-gmp-training-manual"), contains(list, "gl06-manual-formacao-garimpeiros-pt"));
  }
}

TEST_F(RecommenderTest, AProposalTextFindsRelatedRecords) {
  SimilarRequest request;
  request.text =
      "We propose to train artisanal gold miners to use retorts so that less mercury is released, working "
      "with miners' cooperatives and the national government.";
  request.k = 5;
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  ASSERT_EQ(response->similar.size(), 5u);
  EXPECT_TRUE(response->seed_id.empty());
  EXPECT_EQ(response->risk.language, "en");
  int about_mercury = 0;
  for (const auto& hit : response->similar) {
    auto record = searcher_->document(hit.id);
    ASSERT_TRUE(record.has_value());
    const auto& themes = record->document.themes;
    about_mercury += std::find(themes.begin(), themes.end(), "mercury") != themes.end();
  }
  EXPECT_GE(about_mercury, 4);
}

TEST_F(RecommenderTest, AnEnglishProposalFindsPrecedentsInTheOtherLanguages) {
  SimilarRequest request;
  request.text =
      "Our project will reduce mercury use in artisanal gold mining by promoting retorts and mercury-free "
      "processing, training miners and supporting the formalisation of their cooperatives.";
  request.k = 10;
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  int other_languages = 0;
  for (const auto& hit : response->similar) other_languages += hit.language != "en";
  EXPECT_GE(other_languages, 2);
}

TEST_F(RecommenderTest, BadInputNamesTheField) {
  SimilarRequest request;
  EXPECT_EQ(searcher_->similar(request).error().field, "text");  // neither id nor text
  request.text = "   ";
  EXPECT_EQ(searcher_->similar(request).error().field, "text");
  request.text = std::string(70 * 1024, 'a');
  EXPECT_EQ(searcher_->similar(request).error().field, "text");
  request.text.clear();
  request.id = "no-such-record";
  auto missing = searcher_->similar(request);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, corpus::ErrorCode::not_found);
  request.id = "la01-proyecto-gama";
  request.k = 0;
  EXPECT_EQ(searcher_->similar(request).error().field, "k");
  request.k = kMaxSimilar + 1;
  EXPECT_EQ(searcher_->similar(request).error().field, "k");
  // Found by the query fuzzer: a language that is not a code (here not even UTF-8) broke the
  // proposal's analysis.
  SimilarRequest proposal;
  proposal.text = "mercury retorts for cooperatives";
  for (const std::string language : {"en=P\xA9", "english", "e"}) {
    proposal.language = language;
    auto refused = searcher_->similar(proposal);
    ASSERT_FALSE(refused.has_value()) << language;
    EXPECT_EQ(refused.error().field, "lang") << language;
  }
  proposal.language = "EN";
  EXPECT_TRUE(searcher_->similar(proposal).has_value());
}

SimilarHit hit(const std::string& outcome, double score, std::vector<std::string> reasons = {},
               std::vector<corpus::Lesson> lessons = {}) {
  SimilarHit h;
  h.outcome = outcome;
  h.score = score;
  h.failure_reasons = std::move(reasons);
  h.lessons = std::move(lessons);
  return h;
}

TEST(RiskReportTest, HighWhenDiscontinuedRecordsCarryHalfTheSimilarity) {
  auto report = risk_report({hit("discontinued", 0.9, {"funding_ended"}), hit("discontinued", 0.8, {"funding_ended"}),
                             hit("discontinued", 0.7, {"short_pilot"}), hit("completed", 0.6), hit("ongoing", 0.5)},
                            "en");
  EXPECT_EQ(report.level, "high");
  EXPECT_EQ(report.discontinued, 3u);
  EXPECT_EQ(report.of, 5u);
  EXPECT_NEAR(report.weighted_share, 2.4 / 3.5, 1e-9);
  ASSERT_EQ(report.reasons.size(), 2u);
  EXPECT_EQ(report.reasons[0].reason, "funding_ended");
  EXPECT_EQ(report.reasons[0].count, 2u);
  EXPECT_EQ(report.summary.rfind("3 of the 5 most similar past initiatives were discontinued, most often because donor "
                                 "funding ended (2)", 0), 0u)
      << report.summary;
}

TEST(RiskReportTest, MediumWithAnyDiscontinuedRecordAndLowWithNone) {
  auto medium = risk_report({hit("completed", 0.9), hit("completed", 0.8), hit("discontinued", 0.1)}, "en");
  EXPECT_EQ(medium.level, "medium");
  EXPECT_LT(medium.weighted_share, 0.2);
  auto low = risk_report({hit("completed", 0.9, {}, {{"worked", "Local retorts."}}), hit("ongoing", 0.5)}, "en");
  EXPECT_EQ(low.level, "low");
  EXPECT_EQ(low.worked, std::vector<std::string>{"Local retorts."});
  EXPECT_NE(low.summary.find("What worked: Local retorts."), std::string::npos);
  EXPECT_EQ(risk_report({}, "en").level, "low");
}

TEST(RiskReportTest, SummaryInTheProposalsLanguage) {
  std::vector<SimilarHit> hits = {hit("discontinued", 0.9, {"funding_ended"}), hit("completed", 0.2)};
  EXPECT_NE(risk_report(hits, "es").summary.find("se interrumpieron"), std::string::npos);
  EXPECT_NE(risk_report(hits, "es").summary.find("terminó la financiación"), std::string::npos);
  EXPECT_NE(risk_report(hits, "fr").summary.find("interrompues"), std::string::npos);
  EXPECT_NE(risk_report(hits, "pt").summary.find("interrompidas"), std::string::npos);
  EXPECT_EQ(risk_report(hits, "de").language, "en");
}

}  // namespace
}  // namespace ranking
