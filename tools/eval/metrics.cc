#include "tools/eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tools::eval {
namespace {

// trec_eval's relevance_level: scores below it are not relevant (and give no gain).
constexpr int kRelevant = 1;

int gain_of(const Judgements& judgements, const std::string& id) {
  auto it = judgements.find(id);
  return it == judgements.end() || it->second < kRelevant ? 0 : it->second;
}

double discount(std::size_t rank_from_zero) { return std::log2(static_cast<double>(rank_from_zero) + 2.0); }

std::size_t relevant_count(const Judgements& judgements) {
  return static_cast<std::size_t>(
      std::count_if(judgements.begin(), judgements.end(), [](const auto& j) { return j.second >= kRelevant; }));
}

}  // namespace

double ndcg(std::span<const std::string> ranking, const Judgements& judgements, std::size_t k) {
  std::vector<int> ideal;
  for (const auto& [id, score] : judgements)
    if (score >= kRelevant) ideal.push_back(score);
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double ideal_dcg = 0;
  for (std::size_t i = 0; i < ideal.size() && i < k; ++i) ideal_dcg += ideal[i] / discount(i);
  if (ideal_dcg == 0) return 0;
  double dcg = 0;
  for (std::size_t i = 0; i < ranking.size() && i < k; ++i) dcg += gain_of(judgements, ranking[i]) / discount(i);
  return dcg / ideal_dcg;
}

double recall(std::span<const std::string> ranking, const Judgements& judgements, std::size_t k) {
  std::size_t relevant = relevant_count(judgements);
  if (relevant == 0) return 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < ranking.size() && i < k; ++i)
    if (gain_of(judgements, ranking[i]) > 0) ++found;
  return static_cast<double>(found) / static_cast<double>(relevant);
}

double reciprocal_rank(std::span<const std::string> ranking, const Judgements& judgements, std::size_t k) {
  for (std::size_t i = 0; i < ranking.size() && i < k; ++i)
    if (gain_of(judgements, ranking[i]) > 0) return 1.0 / static_cast<double>(i + 1);
  return 0;
}

QueryMetrics score_query(std::span<const std::string> ranking, const Judgements& judgements) {
  int top_grade = 0;
  for (const auto& [document, grade] : judgements) top_grade = std::max(top_grade, grade);
  Judgements top;
  for (const auto& [document, grade] : judgements)
    if (grade == top_grade && grade >= 1) top.emplace(document, grade);
  QueryMetrics out;
  out.top_grade_recall_10 = recall(ranking, top, 10);
  out.ndcg_10 = ndcg(ranking, judgements, 10);
  out.recall_10 = recall(ranking, judgements, 10);
  out.recall_100 = recall(ranking, judgements, 100);
  out.mrr_10 = reciprocal_rank(ranking, judgements, 10);
  return out;
}

QueryMetrics mean(std::span<const QueryMetrics> queries) {
  QueryMetrics out;
  if (queries.empty()) return out;
  for (const auto& q : queries) {
    out.ndcg_10 += q.ndcg_10;
    out.recall_10 += q.recall_10;
    out.recall_100 += q.recall_100;
    out.mrr_10 += q.mrr_10;
    out.top_grade_recall_10 += q.top_grade_recall_10;
  }
  double n = static_cast<double>(queries.size());
  out.ndcg_10 /= n;
  out.recall_10 /= n;
  out.recall_100 /= n;
  out.mrr_10 /= n;
  out.top_grade_recall_10 /= n;
  return out;
}

}  // namespace tools::eval
