// The analysis contract: a word indexed in a record of one language is found by the forms a
// user types for it in that language (inflected, unaccented, capitalised, elided), because
// indexing and querying fold and stem alike.

#include <gtest/gtest.h>

#include <fstream>

#include "indexer/ingest.h"
#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace {

struct AnalysisCase {
  std::string language;
  std::string indexed;   // text in the record
  std::string query;     // what the user types
};

std::ostream& operator<<(std::ostream& out, const AnalysisCase& c) {
  return out << c.language << ": \"" << c.query << "\" finds \"" << c.indexed << "\"";
}

class AnalysisTest : public testing::TestWithParam<AnalysisCase> {};

TEST_P(AnalysisTest, QueryFormFindsIndexedForm) {
  const AnalysisCase& c = GetParam();
  test_support::TempDir dir;
  std::string records =
      "{\"id\": \"target\", \"title\": \"Record\", \"language\": \"" + c.language + "\", \"body\": \"" + c.indexed + "\"}\n"
      "{\"id\": \"other\", \"title\": \"Other\", \"language\": \"" + c.language + "\", \"body\": \"nothing relevant here\"}\n";
  test_support::write_file(dir / "in/records.jsonl", records);
  auto summary = indexer::ingest(dir / "db", {dir / "in"}, {}, {});
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  ASSERT_EQ(summary->indexed, 2u);

  auto searcher = ranking::Searcher::open(dir / "db");
  ASSERT_TRUE(searcher.has_value());
  for (const std::string& language : {c.language, std::string()}) {
    ranking::SearchRequest request;
    request.query = c.query;
    request.language = language;
    auto response = searcher->search(request);
    ASSERT_TRUE(response.has_value()) << response.error().to_string();
    ASSERT_EQ(response->hits.size(), 1u) << "query language \"" << language << "\"";
    EXPECT_EQ(response->hits[0].id, "target");
    EXPECT_NE(response->hits[0].snippet.find("<mark>"), std::string::npos) << response->hits[0].snippet;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Languages, AnalysisTest,
    testing::Values(
        AnalysisCase{"en", "Miners built their own retorts", "retort"},
        AnalysisCase{"en", "formalization of mining cooperatives", "Cooperative"},
        AnalysisCase{"en", "training for women miners", "TRAINED"},
        AnalysisCase{"es", "La minería artesanal en el Perú", "mineria artesanal"},
        AnalysisCase{"es", "proceso de formalización minera", "formalizacion"},
        AnalysisCase{"es", "las retortas fueron rechazadas", "retorta"},
        AnalysisCase{"es", "MINEROS INFORMALES", "minero informal"},
        AnalysisCase{"fr", "l'orpaillage au Burkina Faso", "orpaillage"},
        AnalysisCase{"fr", "les orpailleurs et leurs coopératives", "cooperative"},
        AnalysisCase{"fr", "exploitation minière artisanale", "exploitations minieres"},
        AnalysisCase{"fr", "Côte d'Ivoire", "ivoire"},
        AnalysisCase{"pt", "mineração artesanal de ouro", "mineracao"},
        AnalysisCase{"pt", "os garimpeiros da Amazônia", "garimpeiro amazonia"},
        AnalysisCase{"pt", "cooperativas de garimpo", "Cooperativa"}),
    [](const testing::TestParamInfo<AnalysisCase>& info) {
      return info.param.language + "_" + std::to_string(info.index);
    });

TEST(AnalysisPhraseTest, PhrasesMatchOnlyInOrder) {
  test_support::TempDir dir;
  test_support::write_file(dir / "in/r.jsonl",
                           "{\"id\": \"a\", \"title\": \"A\", \"language\": \"es\", \"body\": \"minería artesanal de oro\"}\n"
                           "{\"id\": \"b\", \"title\": \"B\", \"language\": \"es\", \"body\": \"artesanal es la minería\"}\n");
  ASSERT_TRUE(indexer::ingest(dir / "db", {dir / "in"}, {}, {}).has_value());
  auto searcher = ranking::Searcher::open(dir / "db");
  ASSERT_TRUE(searcher.has_value());
  ranking::SearchRequest request;
  request.query = "\"MINERIA artesanal\"";
  auto response = searcher->search(request);
  ASSERT_TRUE(response.has_value());
  ASSERT_EQ(response->hits.size(), 1u);
  EXPECT_EQ(response->hits[0].id, "a");
  request.query = "mineria artesanal";
  EXPECT_EQ(searcher->search(request)->hits.size(), 2u);
}

}  // namespace
