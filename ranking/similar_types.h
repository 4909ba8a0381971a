#pragma once
// The similar-initiatives recommender and the duplication-risk report: request and result structs
// and the one config struct of weights. Searcher::similar() validates a request and hands it to
// the Recommender (ranking/recommender.h), which works in named stages.
//
// Scoring (one formula, the Recommender's score stage): candidates come from the seed's words (a
// record's: Xapian relevance feedback, the record as the relevance set and the expansion set's
// terms as the query; a proposal's: its own content words and their translations, topped up by
// feedback from the records they find first when the proposal is short) together with every
// record sharing a theme, country or commodity; each candidate scores
//   text * text_similarity + themes * jaccard(themes) + countries * jaccard(countries)
//   + commodities * jaccard(commodities) + region * shares_region + type * same_type,
// where text_similarity is the candidate's text weight over the best candidate's.
// Plain value types, no Xapian.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "ranking/risk_report.h"
#include "ranking/search_types.h"

namespace ranking {

struct SimilarityConfig {
  double text = 0.55;          // weight of the text similarity
  double themes = 0.2;         // weight of shared themes (Jaccard)
  double countries = 0.1;      // weight of shared countries (Jaccard)
  // ...for a proposal, whose place is part of its plan (work already under way there matters):
  // 0.1 found fewer must-cite precedents on tools/eval/sets/proposals (0.62 against 0.69).
  double proposal_countries = 0.2;
  // Themes and commodities inferred from a proposal's text weigh this share of the above.
  double inferred_share = 0.5;
  double commodities = 0.05;   // weight of shared commodities (Jaccard)
  double region = 0.05;        // weight of sharing a region when no country is shared
  double type = 0.05;          // weight of the same document type
  unsigned expansion_terms = 40;     // terms taken from a proposal, and from the expansion set
  unsigned elite_terms = 30;         // of the seed's and expansion terms, how many the candidate query uses
  // A proposal with fewer content words than elite_terms is topped up with expansion terms from
  // the records those words find first (at most feedback_terms of them find feedback_records).
  // A longer one is not: terms drawn from the records it found first ranked those records first
  // whatever else they were about (tools/eval/sets/proposals: nDCG@10 0.55 with feedback, 0.62
  // without).
  unsigned feedback_records = 3;
  unsigned feedback_terms = 12;
  unsigned candidates = 200;         // candidates scored
  double near_duplicate = 0.92;      // text similarity to the seed at which a record is the same one
  // A record in another language is the same initiative (a translation, which shares few words)
  // when its type, countries, commodities and start and end years equal the seed's and its themes overlap
  // at least this much (Jaccard).
  double translation_themes = 0.8;
  // A proposal's most named thesaurus concepts (at most this many) add their single-word terms
  // in the other languages to its query, at this weight, so precedents in any language are found.
  std::size_t translated_concepts = 8;
  // ...and its most telling words (at most this many), translated by the query translator.
  std::size_t translated_words = 12;
  double translation_weight = 1.0;
  // Text similarity of a record in another language is relative to the best record of its
  // language, counted from this part of the overall scale up.
  double language_scale_floor = 0.5;
  std::size_t max_text_bytes = 64 * 1024;  // longest proposal accepted
};

struct SimilarRequest {
  std::string id;        // similar to this record; or
  std::string text;      // similar to this proposal text (not in the index)
  std::string language;  // of the text; "" to detect
  // What the proposal is about, when known: counts like a seed record's metadata.
  std::vector<std::string> themes, countries, commodities;
  std::string type;
  Filters filters;
  std::size_t k = 5;
  std::string ui_language;  // as in SearchRequest
};

inline constexpr std::size_t kMaxSimilar = 50;

struct SimilarWhy {
  std::vector<std::string> themes, countries, commodities;
  bool same_type = false;
  // Both name their commodities and share none: about another mineral (the risk report's
  // business, not the API's).
  bool other_commodity = false;
  std::vector<std::string> terms;  // words the two share that weighed most
};

struct SimilarHit : RecordSummary {
  std::vector<std::string> failure_reasons;
  std::vector<corpus::Lesson> lessons;
  double score = 0;  // 0..1
  SimilarWhy why;
};

// What a proposal is about: each field as the request gave it, or else inferred from its text
// (countries it names in any of the four languages, the themes and commodities of the thesaurus
// concepts it names most; infer_profile()).
struct ProposalProfile {
  std::vector<std::string> countries, themes, commodities;
  std::string type;
  std::vector<std::string> inferred;  // the fields taken from the text: "countries", "themes", ...
};

// The countries, themes and commodities a proposal's text names.
ProposalProfile infer_profile(const std::string& text);

struct SimilarResponse {
  std::string seed_id;  // empty for a proposal text
  std::optional<ProposalProfile> profile;  // a proposal's, as used
  std::vector<SimilarHit> similar;
  RiskReport risk;
  double took_ms = 0;
  std::vector<std::string> missing_shards;  // shards that did not answer (ranking/index_source.h)
};

}  // namespace ranking
