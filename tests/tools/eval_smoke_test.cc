// The relevance evaluation (tools/eval): the metrics on hand-computed cases, the BEIR reader's
// errors, queries made plain, and a smoke evaluation of two small public sets
// (tests/data/eval/, see its README) indexed with the real pipeline, whose nDCG@10 must stay above
// a floor about 0.1 under the figure measured when the test was written: a broken ranking fails,
// ordinary tuning does not.

#include "tools/eval/evaluation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "ranking/searcher.h"
#include "tests/test_support.h"
#include "tools/eval/beir_set.h"
#include "tools/eval/metrics.h"

namespace {

using tools::eval::Judgements;
using tools::eval::QueryMetrics;

constexpr double kTolerance = 1e-4;

std::filesystem::path smoke_set(const char* name) {
  return std::filesystem::path(PRECEDENT_SOURCE_DIR) / "tests" / "data" / "eval" / name;
}

TEST(EvalMetricsTest, GradedGainsAreTheQrelsScores) {
  // Ranking x, a, b, c with a = 2, b = 1, c = 0 (judged not relevant), x unjudged.
  std::vector<std::string> ranking = {"x", "a", "b", "c"};
  Judgements judged = {{"a", 2}, {"b", 1}, {"c", 0}};
  // DCG  = 0/log2(2) + 2/log2(3) + 1/log2(4) + 0 = 1.261860 + 0.5 = 1.761860
  // IDCG = 2/log2(2) + 1/log2(3)               = 2 + 0.630930     = 2.630930
  EXPECT_NEAR(tools::eval::ndcg(ranking, judged, 10), 1.761860 / 2.630930, kTolerance);
  // Cut at 2: DCG = 2/log2(3) = 1.261860; IDCG@2 = 2.630930.
  EXPECT_NEAR(tools::eval::ndcg(ranking, judged, 2), 1.261860 / 2.630930, kTolerance);
  EXPECT_NEAR(tools::eval::recall(ranking, judged, 2), 0.5, kTolerance);
  EXPECT_NEAR(tools::eval::recall(ranking, judged, 10), 1.0, kTolerance);
  EXPECT_NEAR(tools::eval::reciprocal_rank(ranking, judged, 10), 0.5, kTolerance);
  EXPECT_NEAR(tools::eval::reciprocal_rank(ranking, judged, 1), 0.0, kTolerance);
}

TEST(EvalMetricsTest, PerfectRankingScoresOne) {
  std::vector<std::string> ranking = {"a", "b", "x"};
  Judgements judged = {{"a", 2}, {"b", 1}};
  auto scores = tools::eval::score_query(ranking, judged);
  EXPECT_NEAR(scores.ndcg_10, 1.0, kTolerance);
  EXPECT_NEAR(scores.recall_100, 1.0, kTolerance);
  EXPECT_NEAR(scores.mrr_10, 1.0, kTolerance);
  // The same gains in the other order: DCG = 1 + 2/log2(3) = 2.261860, IDCG = 2.630930.
  std::vector<std::string> swapped = {"b", "a"};
  EXPECT_NEAR(tools::eval::ndcg(swapped, judged, 10), 2.261860 / 2.630930, kTolerance);
}

TEST(EvalMetricsTest, NoRelevantRetrievedCountsZero) {
  Judgements judged = {{"a", 1}, {"b", 0}};
  std::vector<std::string> misses = {"b", "x", "y"};
  auto scores = tools::eval::score_query(misses, judged);
  EXPECT_EQ(scores.ndcg_10, 0.0);
  EXPECT_EQ(scores.recall_10, 0.0);
  EXPECT_EQ(scores.recall_100, 0.0);
  EXPECT_EQ(scores.mrr_10, 0.0);
  // A query that failed or found nothing, and one with no relevant judgement at all: 0 too.
  EXPECT_EQ(tools::eval::score_query({}, judged).ndcg_10, 0.0);
  Judgements none_relevant = {{"a", 0}};
  EXPECT_EQ(tools::eval::score_query(std::vector<std::string>{"a"}, none_relevant).ndcg_10, 0.0);
  // trec_eval -c: such queries stay in the average.
  std::vector<QueryMetrics> queries = {tools::eval::score_query(std::vector<std::string>{"a"}, judged), scores};
  EXPECT_NEAR(tools::eval::mean(queries).ndcg_10, 0.5, kTolerance);
  EXPECT_NEAR(tools::eval::mean(queries).mrr_10, 0.5, kTolerance);
}

TEST(EvalMetricsTest, IdealDcgUsesEveryRelevantDocumentCutAtK) {
  // 12 relevant documents; the ranking finds one, first, and one more at rank 11.
  Judgements judged;
  for (int i = 0; i < 12; ++i) judged["r" + std::to_string(i)] = 1;
  std::vector<std::string> ranking = {"r0"};
  for (int i = 0; i < 9; ++i) ranking.push_back("x" + std::to_string(i));
  ranking.push_back("r1");
  // IDCG@10 = sum over ranks 1..10 of 1/log2(rank + 1) = 4.543559; DCG@10 = 1.
  EXPECT_NEAR(tools::eval::ndcg(ranking, judged, 10), 1.0 / 4.543559, kTolerance);
  EXPECT_NEAR(tools::eval::recall(ranking, judged, 10), 1.0 / 12, kTolerance);
  EXPECT_NEAR(tools::eval::recall(ranking, judged, 100), 2.0 / 12, kTolerance);
  // Without r0, the first relevant document is r1 at rank 11, past MRR@10's cut.
  std::vector<std::string> late = ranking;
  late[0] = "y";
  EXPECT_NEAR(tools::eval::reciprocal_rank(late, judged, 10), 0.0, kTolerance);
  EXPECT_NEAR(tools::eval::reciprocal_rank(late, judged, 11), 1.0 / 11, kTolerance);
}

TEST(EvalQueryTest, SyntaxBecomesPlainWords) {
  using tools::eval::plain_words;
  EXPECT_EQ(plain_words("\"quoted phrase\" (group) -minus +plus"), " quoted phrase   group  minus plus");
  EXPECT_EQ(plain_words("title:cells country:PE year:2005"), "title cells country PE year 2005");
  EXPECT_EQ(plain_words("cats AND dogs OR NOT mice NEAR ADJ XOR"), "cats and dogs or not mice near adj xor");
  EXPECT_EQ(plain_words("wild* wait...what 1..2"), "wild  wait what 1 2");
  EXPECT_EQ(plain_words("\xE2\x80\x9C" "curly" "\xE2\x80\x9D"), " curly ");
  // Words keep their inner punctuation and their case.
  EXPECT_EQ(plain_words("COVID-19 l'État Android 3.5"), "COVID-19 l'État Android 3.5");
}

// A small set written by the test.
class EvalSetTest : public testing::Test {
 protected:
  void write_set(const std::string& corpus, const std::string& queries, const std::string& qrels) {
    test_support::write_file(dir_ / "set" / "corpus.jsonl", corpus);
    test_support::write_file(dir_ / "set" / "queries.jsonl", queries);
    test_support::write_file(dir_ / "set" / "qrels" / "test.tsv", qrels);
  }

  // Each run in a work folder of its own: a failed run leaves its records behind.
  corpus::Result<tools::eval::EvalReport> evaluate() {
    tools::eval::EvalOptions options;
    options.set = dir_ / "set";
    options.work = dir_ / ("work-" + std::to_string(++runs_));
    options.threads = 1;
    return tools::eval::evaluate(options, nullptr);
  }

  test_support::TempDir dir_;
  int runs_ = 0;
};

TEST_F(EvalSetTest, UntitledDocumentsAndOddIdsAreIndexed) {
  write_set(R"json({"_id": "Doc One", "title": "", "text": "Mercury amalgamation in artisanal gold mining."}
{"_id": "DOC/2", "title": "Retorts", "text": "Retorts recover mercury vapour."}
{"_id": 3, "text": "Cyanide leaching plants."}
)json",
            R"json({"_id": "q1", "text": "mercury amalgamation"}
{"_id": "q2", "text": "cyanide: (leaching)"}
{"_id": "q3", "text": "not judged"}
)json",
            "query-id\tcorpus-id\tscore\nq1\tDoc One\t1\nq2\t3\t2\n");
  auto report = evaluate();
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_EQ(report->documents, 3u);
  EXPECT_EQ(report->untitled, 2u);
  EXPECT_EQ(report->queries, 2u);
  EXPECT_TRUE(report->failures.empty());
  ASSERT_EQ(report->rankings.size(), 2u);
  ASSERT_FALSE(report->rankings[0].documents.empty());
  EXPECT_EQ(report->rankings[0].documents[0], "Doc One");
  ASSERT_FALSE(report->rankings[1].documents.empty());
  EXPECT_EQ(report->rankings[1].documents[0], "3");
  EXPECT_NEAR(report->mean.ndcg_10, 1.0, kTolerance);
}

TEST_F(EvalSetTest, ReuseRanksAsTheFirstRunAndRefusesAUsedFolderWithoutIt) {
  write_set(R"json({"_id": "a", "title": "Retorts", "text": "Retorts recover mercury vapour in artisanal gold mining."}
{"_id": "b", "title": "Cyanide", "text": "Cyanide leaching plants process tailings."}
)json",
            R"json({"_id": "q1", "text": "mercury retorts"}
{"_id": "q2", "text": "cyanide tailings"}
)json",
            "query-id\tcorpus-id\tscore\nq1\ta\t1\nq2\tb\t1\n");
  tools::eval::EvalOptions options;
  options.set = dir_ / "set";
  options.work = dir_ / "kept";
  options.threads = 1;
  auto first = tools::eval::evaluate(options, nullptr);
  ASSERT_TRUE(first.has_value()) << first.error().to_string();

  auto refused = tools::eval::evaluate(options, nullptr);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().field, "work");

  options.reuse = true;
  auto again = tools::eval::evaluate(options, nullptr);
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_EQ(again->documents, 2u);
  ASSERT_EQ(again->rankings.size(), first->rankings.size());
  for (std::size_t i = 0; i < first->rankings.size(); ++i)
    EXPECT_EQ(again->rankings[i].documents, first->rankings[i].documents);
  EXPECT_NEAR(again->mean.ndcg_10, first->mean.ndcg_10, kTolerance);
}

TEST_F(EvalSetTest, BadLinesAreNamed) {
  write_set("{\"_id\": \"a\", \"text\": \"x\"}\n{\"_id\": \"b\", \"text\": \n", "{\"_id\": \"q1\", \"text\": \"x\"}\n",
            "query-id\tcorpus-id\tscore\nq1\ta\t1\n");
  auto report = evaluate();
  ASSERT_FALSE(report.has_value());
  EXPECT_NE(report.error().file.find("corpus.jsonl"), std::string::npos);
  EXPECT_EQ(report.error().line, 2);

  write_set("{\"_id\": \"a\", \"text\": \"x\"}\n", "{\"_id\": \"q1\", \"text\": \"x\"}\n",
            "query-id\tcorpus-id\tscore\nq1\ta\t1\nq2\ta\tone\n");
  report = evaluate();
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().line, 3);
  EXPECT_EQ(report.error().field, "score");

  write_set("{\"_id\": \"a\", \"text\": \"x\"}\n", "{\"_id\": \"q1\", \"text\": \"x\"}\n",
            "query-id\tcorpus-id\tscore\nq1\ta\t1\nq9\ta\t1\n");
  report = evaluate();
  ASSERT_FALSE(report.has_value());
  EXPECT_NE(report.error().file.find("test.tsv"), std::string::npos);
  EXPECT_EQ(report.error().line, 3);
  EXPECT_NE(report.error().message.find("q9"), std::string::npos);
}

struct SmokeCase {
  const char* set;
  const char* language;
  double ndcg_floor;
};

// Floors about 0.1 under nDCG@10 measured when this test was written (scifact-smoke 0.850,
// xquad-es-smoke 0.874); raise them when a ranking change lifts the figures for good.
const SmokeCase kSmokeCases[] = {
    {"scifact-smoke", "en", 0.75},
    {"xquad-es-smoke", "es", 0.77},
};

class EvalSmokeTest : public testing::TestWithParam<SmokeCase> {};

TEST_P(EvalSmokeTest, NdcgStaysAboveTheFloor) {
  test_support::TempDir dir;
  tools::eval::EvalOptions options;
  options.set = smoke_set(GetParam().set);
  options.language = GetParam().language;
  options.work = dir.path();
  auto report = tools::eval::evaluate(options, nullptr);
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_EQ(report->queries, 40u);
  EXPECT_TRUE(report->failures.empty()) << report->failures.front().query_id << ": " << report->failures.front().message;
  EXPECT_EQ(report->judged_not_in_corpus, 0u);
  EXPECT_GE(report->mean.ndcg_10, GetParam().ndcg_floor) << "nDCG@10 " << report->mean.ndcg_10;
  RecordProperty("ndcg_at_10", std::to_string(report->mean.ndcg_10));

  // Queries full of syntax, made plain, all parse on a real index.
  auto searcher = ranking::Searcher::open(dir.path() / "index");
  ASSERT_TRUE(searcher.has_value()) << searcher.error().to_string();
  for (const char* hostile : {"\"unbalanced (quote", "title: year:abc country:", "AND OR NOT", "- + * ...", "a..b NEAR/3 c",
                              "((()))", "year:2005..2001 -", "\xE2\x80\x9C" "x"}) {
    ranking::SearchRequest request;
    request.query = tools::eval::plain_words(hostile);
    request.language = GetParam().language;
    auto response = searcher->search(request);
    EXPECT_TRUE(response.has_value()) << hostile << ": " << response.error().to_string();
  }
}

INSTANTIATE_TEST_SUITE_P(Sets, EvalSmokeTest, testing::ValuesIn(kSmokeCases),
                         [](const testing::TestParamInfo<SmokeCase>& info) {
                           std::string name = info.param.set;
                           name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                           return name;
                         });

}  // namespace
