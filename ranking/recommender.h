#pragma once
// The similar-initiatives recommender over one read-only view of the index, in named stages
// (recommender.cc), each a step of recommend():
//   profile     what a proposal is about: its countries, themes, commodities and type, each as
//               the request gave it or as its text names it (infer_profile, countries_of_places)
//   seed        the seed's words and metadata: a record's, or a proposal's content words and their
//               translations (similar_text.h)
//   candidates  the records those words find, and every record sharing the seed's themes,
//               countries or commodities; the seed and its near-duplicates left out
//   score       the one formula of similar_types.h; one suggestion per initiative (a record and
//               its translation are the same one)
//   explain     the hits with why: shared metadata, and the words that weighed most as written
//   risk        the risk report over the close ones (risk_report.h)
// The request comes validated (Searcher::similar checks it and forwards here). Xapian's header:
// included by ranking's .cc files only.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus/result.h"
#include "ranking/similar_types.h"

namespace indexer {
class QueryTranslator;
}

namespace ranking {

class Recommender {
 public:
  // All borrowed: they outlive the Recommender, which lives for one request.
  // `collapse_near_duplicates`: whether the index groups any records as near-duplicates.
  Recommender(const Xapian::Database& db, const SimilarityConfig& config, const Xapian::Weight& weighting,
              const indexer::QueryTranslator& translator, bool collapse_near_duplicates);

  // `language`: the proposal's, "" to detect; `ui_language` as in SearchRequest; `filter`, the
  // request's filters as a query (none when it has none). not_found when the seed id is not there.
  corpus::Result<SimilarResponse> recommend(const SimilarRequest& request, const std::string& language,
                                            const std::string& ui_language, const std::optional<Xapian::Query>& filter);

 private:
  struct Seed;
  struct Candidates;
  struct Scored;

  corpus::Result<Seed> seed_of_record(const std::string& id) const;
  ProposalProfile profile(const SimilarRequest& request) const;
  Seed seed_of_text(const std::string& text, const std::string& language, ProposalProfile profile) const;
  Candidates candidates(const Seed& seed, const std::optional<Xapian::Query>& filter) const;
  std::vector<Scored> score(const Seed& seed, const Candidates& candidates, std::size_t wanted) const;
  corpus::Result<std::vector<SimilarHit>> explain(const Seed& seed, const std::vector<Scored>& scored,
                                                  const Candidates& candidates, std::size_t explained,
                                                  const std::string& ui_language) const;

  const Xapian::Database& db_;
  const SimilarityConfig& config_;
  const Xapian::Weight& weighting_;
  const indexer::QueryTranslator& translator_;
  bool collapse_near_duplicates_;
};

}  // namespace ranking
