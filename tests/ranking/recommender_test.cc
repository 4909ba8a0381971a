// Similar initiatives on the bundled collection, the proposal profile, and the risk rule on fixtures.

#include "ranking/similar_types.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "indexer/ingest.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
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

TEST_F(RecommenderTest, APeruvianMercuryFreePlantFindsPlanetGoldPeruWithItsProfileInferred) {
  SimilarRequest request;
  request.text =
      "Planta de procesamiento de oro sin mercurio para mineros artesanales de Puno y Madre de Dios, en el Perú. "
      "Instalaremos mesas gravimétricas y capacitaremos a las asociaciones mineras para dejar la amalgamación.";
  request.k = 5;
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  ASSERT_TRUE(response->profile);
  EXPECT_EQ(response->profile->countries, std::vector<std::string>{"PE"});
  EXPECT_NE(std::find(response->profile->inferred.begin(), response->profile->inferred.end(), "countries"),
            response->profile->inferred.end());
  std::vector<std::string> first_three;
  for (std::size_t i = 0; i < 3 && i < response->similar.size(); ++i) first_three.push_back(response->similar[i].id);
  EXPECT_TRUE(contains(first_three, "la15-planetgold-peru"));
  // Given fields replace the inferred ones.
  request.countries = {"bo"};
  auto given = searcher_->similar(request);
  ASSERT_TRUE(given.has_value());
  EXPECT_EQ(given->profile->countries, std::vector<std::string>{"BO"});
  EXPECT_EQ(std::find(given->profile->inferred.begin(), given->profile->inferred.end(), "countries"),
            given->profile->inferred.end());
}

TEST_F(RecommenderTest, AProposalRepeatingARecordedFailureIsToldWhich) {
  SimilarRequest request;
  request.text =
      "Créer à Madagascar un guichet unique pour les petits exploitants : enregistrement, permis et comptoir "
      "d'achat public de l'or et des pierres, dans le cadre d'un projet de gouvernance des ressources minérales.";
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  EXPECT_NE(response->risk.level, "low");
  EXPECT_TRUE(contains(response->risk.failing, "af41-madagascar-pgrm-gouvernance-ressources-minerales"))
      << response->risk.summary;
  EXPECT_EQ(response->risk.language, "fr");
}

TEST_F(RecommenderTest, WorkUnderWayInTheSameCountryIsReportedAsOverlap) {
  SimilarRequest request;
  request.text =
      "A responsible artisanal cobalt site near Kolwezi in the Democratic Republic of the Congo, with buyers "
      "committed to sourcing from it, safety training for diggers and child protection.";
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  bool cobalt_overlap = contains(response->risk.overlap, "af24-fair-cobalt-alliance") ||
                        contains(response->risk.overlap, "af23-entreprise-generale-du-cobalt");
  EXPECT_TRUE(cobalt_overlap) << response->risk.summary;
  EXPECT_NE(response->risk.level, "low");
  EXPECT_NE(response->risk.summary.find("Work under way in the same place"), std::string::npos) << response->risk.summary;
}

TEST_F(RecommenderTest, WhyNeverRestsOnNumbersOrProjectBoilerplate) {
  SimilarRequest request;
  request.text =
      "Concept note. A four-year project with a budget of four million dollars: the project will train "
      "artisanal gold miners in Puno, Peru, to replace mercury amalgamation with gravity concentration; "
      "the project's objectives and results are measured every year.";
  request.k = 8;
  auto response = searcher_->similar(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  ASSERT_FALSE(response->similar.empty());
  for (const auto& hit : response->similar) {
    for (const auto& word : hit.why.terms) {
      std::string folded = indexer::fold(word);
      EXPECT_FALSE(indexer::is_number_word(folded)) << hit.id << ": " << word;
      const auto& boilerplate = indexer::boilerplate_words();
      EXPECT_FALSE(std::binary_search(boilerplate.begin(), boilerplate.end(), folded)) << hit.id << ": " << word;
    }
  }
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

SimilarHit hit(const std::string& id, const std::string& outcome, double score, std::vector<std::string> reasons = {},
               std::vector<corpus::Lesson> lessons = {}) {
  SimilarHit h;
  h.id = id;
  h.title = "Title of " + id;
  h.outcome = outcome;
  h.score = score;
  h.failure_reasons = std::move(reasons);
  h.lessons = std::move(lessons);
  return h;
}

// A hit that shares a country and a theme with the proposal.
SimilarHit in_the_same_place(SimilarHit h) {
  h.why.countries = {"PE"};
  h.why.themes = {"mercury"};
  return h;
}

constexpr int kYear = 2026;

TEST(RiskReportTest, HighWhenFailuresCarryHalfTheKnownOutcomes) {
  auto report = risk_report({hit("a", "discontinued", 0.9, {"funding_ended"}), hit("b", "completed", 0.8, {"funding_ended"}),
                             hit("c", "completed", 0.7), hit("d", "ongoing", 0.6)},
                            "en", kYear);
  EXPECT_EQ(report.level, "high");
  EXPECT_EQ(report.of, 4u);
  EXPECT_EQ(report.known_outcomes, 3u);
  EXPECT_EQ(report.failed, 2u);
  EXPECT_EQ(report.discontinued, 1u);
  EXPECT_NEAR(report.weighted_share, 1.7 / 2.4, 1e-9);
  EXPECT_EQ(report.failing, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(report.reasons.size(), 1u);
  EXPECT_EQ(report.reasons[0].count, 2u);
  EXPECT_EQ(report.summary.rfind("2 of the 3 most similar initiatives with a known outcome failed or were discontinued, "
                                 "most often because donor funding ended (2).", 0), 0u)
      << report.summary;
  EXPECT_NE(report.summary.find("Risk: high. Based on 4 close precedents, 3 with a known outcome."), std::string::npos)
      << report.summary;
}

TEST(RiskReportTest, MediumWithAFailureOrWorkUnderWayInTheSamePlace) {
  auto failure = risk_report({hit("a", "completed", 0.9), hit("b", "completed", 0.8), hit("c", "discontinued", 0.6)}, "en", kYear);
  EXPECT_EQ(failure.level, "medium");
  // An ongoing initiative in the same country on the same theme: coordinate with it.
  auto overlap = risk_report({in_the_same_place(hit("now", "ongoing", 0.9)), hit("b", "completed", 0.8),
                              hit("c", "completed", 0.7)}, "en", kYear);
  EXPECT_EQ(overlap.level, "medium");
  EXPECT_EQ(overlap.overlap, std::vector<std::string>{"now"});
  EXPECT_NE(overlap.summary.find("Work under way in the same place, to coordinate with: Title of now."), std::string::npos)
      << overlap.summary;
  // Ended lately counts; ended long ago, or somewhere else, does not.
  SimilarHit recent = in_the_same_place(hit("recent", "completed", 0.9));
  recent.end_year = kYear - 1;
  SimilarHit old = in_the_same_place(hit("old", "completed", 0.85));
  old.end_year = kYear - 10;
  SimilarHit elsewhere = hit("elsewhere", "ongoing", 0.8);
  elsewhere.why.themes = {"mercury"};
  EXPECT_EQ(risk_report({recent, old, elsewhere}, "en", kYear).overlap, std::vector<std::string>{"recent"});
}

TEST(RiskReportTest, LowOnlyWithEnoughEvidence) {
  auto low = risk_report({hit("a", "completed", 0.9, {}, {{"worked", "Local retorts."}}), hit("b", "scaled_up", 0.8)}, "en", kYear);
  EXPECT_EQ(low.level, "low");
  EXPECT_EQ(low.worked, std::vector<std::string>{"Local retorts."});
  EXPECT_NE(low.summary.find("What worked: Local retorts."), std::string::npos);
  // One known outcome, the rest unknown or under way elsewhere: too little to call it low.
  auto thin = risk_report({hit("a", "completed", 0.9), hit("b", "unknown", 0.8), hit("c", "ongoing", 0.7)}, "en", kYear);
  EXPECT_EQ(thin.level, "not_enough_evidence");
  EXPECT_NE(thin.summary.find("not enough evidence"), std::string::npos) << thin.summary;
  EXPECT_EQ(risk_report({}, "en", kYear).level, "not_enough_evidence");
}

TEST(RiskReportTest, OneCloseFailureIsEvidenceEnough) {
  // The one close precedent with a known outcome was discontinued: a risk, not "not enough evidence".
  auto report = risk_report({hit("a", "discontinued", 0.9, {"no_government_buy_in"}), hit("b", "unknown", 0.7)}, "en", kYear);
  EXPECT_EQ(report.known_outcomes, 1u);
  EXPECT_EQ(report.level, "high");
  EXPECT_EQ(report.failing, std::vector<std::string>{"a"});
}

TEST(RiskReportTest, APrecedentAboutAnotherMineralIsNotClose) {
  SimilarHit gold = hit("gold", "discontinued", 0.85, {"low_miner_uptake"});
  gold.why.other_commodity = true;
  auto report = risk_report({hit("a", "completed", 0.9), gold, hit("b", "completed", 0.8)}, "en", kYear);
  EXPECT_EQ(report.of, 2u);
  EXPECT_TRUE(report.failing.empty());
  EXPECT_EQ(report.level, "low");
}

TEST(RiskReportTest, RestsOnTheClosePrecedentsOnly) {
  // Far below the best score, a failure says nothing about this proposal.
  auto report = risk_report({hit("a", "completed", 0.9), hit("b", "completed", 0.8), hit("far", "discontinued", 0.2)}, "en", kYear);
  EXPECT_EQ(report.of, 2u);
  EXPECT_EQ(report.level, "low");
  std::vector<SimilarHit> many;
  for (int i = 0; i < 20; ++i) many.push_back(hit("h" + std::to_string(i), "completed", 0.9));
  EXPECT_EQ(risk_report(many, "en", kYear).of, kRiskDepth);
}

TEST(RiskReportTest, SummaryInTheReadersLanguageWithLessonsMarked) {
  std::vector<SimilarHit> hits = {hit("a", "discontinued", 0.9, {"funding_ended"}), hit("b", "completed", 0.8)};
  EXPECT_NE(risk_report(hits, "es", kYear).summary.find("se interrumpieron"), std::string::npos);
  EXPECT_NE(risk_report(hits, "es", kYear).summary.find("terminó la financiación"), std::string::npos);
  EXPECT_NE(risk_report(hits, "fr", kYear).summary.find("interrompues"), std::string::npos);
  EXPECT_NE(risk_report(hits, "pt", kYear).summary.find("interrompidas"), std::string::npos);
  EXPECT_EQ(risk_report(hits, "de", kYear).language, "en");
  // A lesson in another language: its machine translation when there is one, else labelled.
  SimilarHit spanish = hit("es", "completed", 0.9, {}, {{"worked", "Retortas locales."}});
  spanish.language = "es";
  SimilarHit other = spanish;
  other.machine_translation = ShownTranslation{"en", "T", "S", {"Local retorts."}};
  EXPECT_EQ(risk_report({spanish, hit("b", "completed", 0.8)}, "en", kYear).worked.front(), "(es) Retortas locales.");
  EXPECT_EQ(risk_report({other, hit("b", "completed", 0.8)}, "en", kYear).worked.front(), "Local retorts. (machine translation)");
}

TEST(ProposalProfileTest, CountriesThemesAndCommoditiesFromTheText) {
  auto en = infer_profile("Artisanal gold miners in Burkina Faso use mercury; the project will cut mercury emissions and use.");
  EXPECT_EQ(en.countries, std::vector<std::string>{"BF"});
  ASSERT_FALSE(en.themes.empty());
  EXPECT_EQ(en.themes.front(), "mercury");
  EXPECT_EQ(en.commodities, std::vector<std::string>{"gold"});
  EXPECT_EQ(infer_profile("Formalizar la minería artesanal de oro en el Perú y en Bolivia.").countries,
            (std::vector<std::string>{"PE", "BO"}));
  EXPECT_EQ(infer_profile("Un projet en République démocratique du Congo et au Pérou.").countries,
            (std::vector<std::string>{"CD", "PE"}));
  EXPECT_EQ(infer_profile("Garimpeiros de Moçambique e da Costa do Marfim.").countries, (std::vector<std::string>{"MZ", "CI"}));
  // A verb that folds to a country's name, written in lower case, is not the country.
  EXPECT_TRUE(infer_profile("Los mineros irán a la planta.").countries.empty());
  EXPECT_EQ(infer_profile("El trabajo infantil en las minas.").themes, std::vector<std::string>{"child_labour"});
}

}  // namespace
}  // namespace ranking
