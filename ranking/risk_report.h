#pragma once
// The risk report of the proposal check: what the initiatives most similar to a proposal (or a
// record) say about its chances, in the reader's language, from two signals:
// - failure: close precedents that were discontinued or recorded why they fell short, weighted by
//   similarity, among those whose outcome is known, with the reasons that recur;
// - overlap: current or recent initiatives (ongoing, unknown and without an end, or ended within
//   kRecentYears) that share a country and a theme or commodity with it: work already under way
//   there, to coordinate with rather than duplicate.
// Each rests on the close precedents only (the first kRiskDepth, within kCloseShare of the best
// score, and not about another mineral), and says how many. The level: high when failures carry
// half the known outcomes' similarity; medium with any failure or overlap (coordinate before
// starting); low otherwise, but "not_enough_evidence" instead of low with fewer than two known
// outcomes (a failure or an overlap is evidence enough of a risk). Plain
// functions of their inputs.

#include <cstddef>
#include <string>
#include <vector>

namespace ranking {

struct SimilarHit;

inline constexpr std::size_t kRiskDepth = 8;
inline constexpr double kCloseShare = 0.6;
inline constexpr int kRecentYears = 2;

struct ReasonCount {
  std::string reason;
  std::size_t count = 0;
  double weight = 0;  // sum of the similarity scores of the records giving it
};

struct RiskReport {
  std::string level;               // "high", "medium", "low" or "not_enough_evidence"
  std::size_t of = 0;              // close precedents the report rests on
  std::size_t known_outcomes = 0;  // of them, completed, scaled up, discontinued or with failure reasons
  std::size_t failed = 0;          // of those, discontinued or with failure reasons
  std::size_t discontinued = 0;
  double weighted_share = 0;       // the failed ones' share of the known ones' similarity
  std::vector<std::string> failing;  // ids of the failed ones, closest first
  std::vector<std::string> overlap;  // ids of current or recent work in the same place, closest first
  std::vector<ReasonCount> reasons;  // most weighty first
  std::vector<std::string> worked;   // "worked" lessons of the close precedents, closest first
  std::string language;              // of the summary
  std::string summary;               // plain language, for pasting into a proposal
};

// The report over `hits` (nearest first) in `language` (en, es, fr or pt; others get en);
// `current_year` tells what is recent.
RiskReport risk_report(const std::vector<SimilarHit>& hits, const std::string& language, int current_year);

}  // namespace ranking
