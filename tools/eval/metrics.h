#pragma once
// Relevance metrics of one ranked list against its query's judgements, computed as trec_eval
// (9.x, `-c`) computes ndcg_cut, recall and recip_rank, so that our figures compare with
// published ones: the qrels score is the gain (graded, linear), the discount is log2(rank + 1),
// the ideal list is made of every judged relevant document (not only those retrieved), and a
// document is relevant when its score is >= 1. Averages are over every query of the qrels; one
// that retrieved nothing relevant, or nothing at all, counts 0. Plain functions with no other
// dependency than the standard library; thread-safe.

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>

namespace tools::eval {

// The judged documents of one query: document id -> qrels score (<= 0: judged not relevant).
using Judgements = std::unordered_map<std::string, int>;

// nDCG@k: DCG of the first k documents of `ranking` over the DCG of the ideal ranking cut at k.
// 0 when the query has no relevant document.
double ndcg(std::span<const std::string> ranking, const Judgements& judgements, std::size_t k);

// Recall@k: the share of the relevant documents found in the first k. 0 when there are none.
double recall(std::span<const std::string> ranking, const Judgements& judgements, std::size_t k);

// 1 / rank of the first relevant document within the first k; 0 when none is there.
double reciprocal_rank(std::span<const std::string> ranking, const Judgements& judgements, std::size_t k);

// The figures reported per query, and their means.
struct QueryMetrics {
  double ndcg_10 = 0;
  double recall_10 = 0;
  double recall_100 = 0;
  double mrr_10 = 0;
  // Recall@10 of the documents at the query's highest grade alone (a set graded 2 and 1: the
  // must-cite ones); the same as recall_10 for a set graded 1 only.
  double top_grade_recall_10 = 0;
};

QueryMetrics score_query(std::span<const std::string> ranking, const Judgements& judgements);

// The mean of each figure; all zero for no queries.
QueryMetrics mean(std::span<const QueryMetrics> queries);

}  // namespace tools::eval
