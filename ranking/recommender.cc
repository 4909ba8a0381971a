// The Recommender's stages (ranking/recommender.h); the formula is in ranking/similar_types.h.

#include "ranking/recommender.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "indexer/document_builder.h"
#include "indexer/schema.h"
#include "indexer/text_normalizer.h"
#include "ranking/proposal_profile.h"
#include "ranking/risk_report.h"
#include "ranking/searcher_internal.h"
#include "ranking/similar_text.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;
namespace schema = indexer::schema;

int current_year() {
  auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return static_cast<int>(today.year());
}

// What a seed (a record or a proposal) is about, for the metadata part of the score.
struct Profile {
  std::set<std::string> themes, countries, commodities, regions;
  std::string type;
  std::string language;
  std::string start_year, end_year;  // serialised values; empty when unknown
};

std::set<std::string> value_set(const std::string& joined) {
  auto values = schema::split_values(joined);
  return {values.begin(), values.end()};
}

Profile profile_of(const Xapian::Document& doc) {
  std::string value = doc.get_value(schema::kProfileSlot);
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (parts.size() + 1 < schema::kProfileFields) {
    std::size_t end = value.find(schema::kProfileSeparator, begin);
    if (end == std::string::npos) break;
    parts.push_back(value.substr(begin, end - begin));
    begin = end + 1;
  }
  parts.push_back(value.substr(std::min(begin, value.size())));
  parts.resize(schema::kProfileFields);
  Profile p;
  p.type = parts[schema::kProfileType];
  p.language = parts[schema::kProfileLanguage];
  p.start_year = parts[schema::kProfileStartYear];
  p.end_year = parts[schema::kProfileEndYear];
  p.countries = value_set(parts[schema::kProfileCountries]);
  p.regions = value_set(parts[schema::kProfileRegions]);
  p.themes = value_set(parts[schema::kProfileThemes]);
  p.commodities = value_set(parts[schema::kProfileCommodities]);
  return p;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

// The same initiative described in another language: its words differ, its facts do not.
bool is_translation(const Profile& a, const Profile& b, double min_themes) {
  return !a.language.empty() && !b.language.empty() && a.language != b.language && !a.type.empty() &&
         a.type == b.type && a.countries == b.countries && a.commodities == b.commodities && !a.start_year.empty() &&
         a.start_year == b.start_year && !a.end_year.empty() && a.end_year == b.end_year &&
         jaccard(a.themes, b.themes) >= min_themes;
}

std::vector<std::string> shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}


}  // namespace

struct Recommender::Seed {
  Profile profile;
  std::string id, group;  // a record seed's id and its group of near-duplicates
  std::optional<ProposalProfile> proposal;
  std::vector<Xapian::Query> text_terms;       // the words that find candidates
  std::map<std::string, double> term_weights;  // which of them explain a match first
  bool is_record() const { return !id.empty(); }
};

struct Recommender::Candidates {
  Xapian::Enquire enquire;
  Xapian::MSet mset;
  double scale = 1;  // the text weight counted as 1
};

struct Recommender::Scored {
  Xapian::MSetIterator it;
  double score;
  Profile profile;
};

Recommender::Recommender(const Xapian::Database& db, const SimilarityConfig& config, const Xapian::Weight& weighting,
                         const indexer::QueryTranslator& translator, bool collapse_near_duplicates)
    : db_(db), config_(config), weighting_(weighting), translator_(translator),
      collapse_near_duplicates_(collapse_near_duplicates) {}

corpus::Result<SimilarResponse> Recommender::recommend(const SimilarRequest& request, const std::string& language,
                                                       const std::string& ui_language,
                                                       const std::optional<Xapian::Query>& filter) {
  SimilarResponse response;
  Seed seed;
  if (!request.id.empty()) {
    auto record = seed_of_record(request.id);
    if (!record) return record.error();
    seed = std::move(*record);
    response.seed_id = request.id;
  } else {
    seed = seed_of_text(request.text, language, profile(request));
    response.profile = seed.proposal;
  }
  Candidates found = candidates(seed, filter);
  // The risk report reads the first kRiskDepth whatever the number asked for.
  std::vector<Scored> scored = score(seed, found, std::max(request.k, kRiskDepth));
  auto hits = explain(seed, scored, found, request.k, ui_language);
  if (!hits) return hits.error();
  response.similar = std::move(*hits);
  response.risk = risk_report(response.similar, seed.profile.language, current_year());
  if (response.similar.size() > request.k) response.similar.resize(request.k);
  return response;
}

// A record seed: its own metadata, and the terms that best tell it from the rest (Xapian's
// relevance feedback with the record as the relevance set).
corpus::Result<Recommender::Seed> Recommender::seed_of_record(const std::string& id) const {
  std::string term = schema::term(schema::kId, id);
  auto posting = db_.postlist_begin(term);
  if (posting == db_.postlist_end(term)) return Error{ErrorCode::not_found, "no record with id \"" + id + "\"", "", 0, "id"};
  Xapian::Document doc = db_.get_document(*posting);
  Seed seed;
  seed.id = id;
  seed.profile = profile_of(doc);
  seed.group = doc.get_value(schema::kShownAsSlot);
  Xapian::RSet rset;
  rset.add_document(*posting);
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(weighting_);
  ContentStemDecider decider;
  Xapian::ESet eset = enquire.get_eset(config_.expansion_terms, rset, &decider);
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    seed.text_terms.emplace_back(*it);
    seed.term_weights[*it] = it.get_weight();
  }
  return seed;
}

// A proposal's profile: each field as given, or else as the text names it.
ProposalProfile Recommender::profile(const SimilarRequest& request) const {
  ProposalProfile profile = infer_profile(request.text);
  for (const auto& country : countries_of_places(request.text, db_))
    if (std::find(profile.countries.begin(), profile.countries.end(), country) == profile.countries.end())
      profile.countries.push_back(country);
  auto given_or_inferred = [&](const std::vector<std::string>& given, std::vector<std::string>& inferred, const char* field) {
    if (!given.empty()) inferred = given;
    else if (!inferred.empty()) profile.inferred.push_back(field);
  };
  given_or_inferred(request.countries, profile.countries, "countries");
  given_or_inferred(request.themes, profile.themes, "themes");
  given_or_inferred(request.commodities, profile.commodities, "commodities");
  for (auto& country : profile.countries)
    for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  profile.type = request.type;
  return profile;
}

// A proposal seed: analysed like a record; its most telling content words, those words in the
// other languages, and the other-language terms of the concepts it names most; a short one is
// topped up with feedback from the records its words find first.
Recommender::Seed Recommender::seed_of_text(const std::string& text, const std::string& language,
                                            ProposalProfile profile) const {
  Seed seed;
  corpus::Document proposal;
  proposal.id = "proposal";
  proposal.title = "proposal";
  proposal.body = text;
  proposal.language = language;
  indexer::DocumentBuilder builder;
  seed.profile.language = builder.analysis_language(proposal);
  proposal.language = seed.profile.language;
  Xapian::Document analysed = builder.build(proposal, indexer::SourceInfo{}).record;

  std::vector<std::string> own = telling_stems(analysed, db_, config_.expansion_terms);
  // The proposal's own words explain a match first, most telling first.
  for (std::size_t i = 0; i < own.size(); ++i) {
    seed.text_terms.emplace_back(own[i]);
    seed.term_weights[own[i]] = 1000.0 - static_cast<double>(i);
  }
  if (own.size() < config_.elite_terms && !own.empty()) {
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(weighting_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_ELITE_SET, seed.text_terms.begin(), seed.text_terms.end(),
                                    config_.feedback_terms));
    Xapian::MSet first = enquire.get_mset(0, config_.feedback_records);
    Xapian::RSet rset;
    for (auto it = first.begin(); it != first.end(); ++it) rset.add_document(*it);
    ContentStemDecider decider;
    Xapian::ESet eset = enquire.get_eset(config_.elite_terms - own.size(), rset, &decider);
    for (auto it = eset.begin(); it != eset.end(); ++it) {
      if (seed.term_weights.contains(*it)) continue;
      seed.text_terms.emplace_back(*it);
      seed.term_weights[*it] = it.get_weight();
    }
  }
  std::vector<std::string> translated_terms;
  for (auto& group : translated_words(analysed, seed.profile.language, db_, translator_, config_.translated_words,
                                      translated_terms))
    seed.text_terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, group, config_.translation_weight);
  for (const auto& stem : translated_stems(text, seed.profile.language, db_, config_.translated_concepts)) {
    if (seed.term_weights.contains(stem)) continue;
    seed.text_terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(stem), config_.translation_weight);
    seed.term_weights[stem] = 1000.0 - static_cast<double>(seed.term_weights.size());
  }

  seed.profile.themes.insert(profile.themes.begin(), profile.themes.end());
  seed.profile.commodities.insert(profile.commodities.begin(), profile.commodities.end());
  for (const auto& country : profile.countries) {
    seed.profile.countries.insert(country);
    seed.profile.regions.insert(indexer::region_of_country(country));
  }
  seed.profile.type = profile.type;
  seed.proposal = std::move(profile);
  return seed;
}

// The records the seed's words find (OP_ELITE_SET keeps the most telling of them, bounding the
// cost of long proposals), and at no text weight every record sharing its metadata.
Recommender::Candidates Recommender::candidates(const Seed& seed, const std::optional<Xapian::Query>& filter) const {
  Candidates out{Xapian::Enquire(db_), {}, 1};
  out.enquire.set_weighting_scheme(weighting_);
  Xapian::Query text_query(Xapian::Query::OP_ELITE_SET, seed.text_terms.begin(), seed.text_terms.end(), config_.elite_terms);
  std::vector<Xapian::Query> metadata_terms;
  for (const auto& t : seed.profile.themes) metadata_terms.emplace_back(schema::term(schema::kTheme, t));
  for (const auto& c : seed.profile.countries) metadata_terms.emplace_back(schema::term(schema::kCountry, indexer::lower(c)));
  for (const auto& c : seed.profile.commodities) metadata_terms.emplace_back(schema::term(schema::kCommodity, c));
  Xapian::Query query = text_query;
  if (!metadata_terms.empty()) {
    Xapian::Query metadata(Xapian::Query::OP_OR, metadata_terms.begin(), metadata_terms.end());
    query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, metadata, 0.0));
  }
  // Candidates hold record terms only, so no lesson is among them.
  if (filter) query = Xapian::Query(Xapian::Query::OP_FILTER, query, *filter);
  double seed_text_weight = 0;
  if (seed.is_record()) {
    // The seed's own text weight is the scale for the others, and tells near-duplicates.
    Xapian::Enquire self(db_);
    self.set_weighting_scheme(weighting_);
    self.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text_query, Xapian::Query(schema::term(schema::kId, seed.id))));
    Xapian::MSet own = self.get_mset(0, 1);
    if (!own.empty()) seed_text_weight = own.begin().get_weight();
    // Neither the seed nor its near-duplicates (the same report ingested twice) are suggested.
    Xapian::Query seed_itself(schema::term(schema::kId, seed.id));
    if (!seed.group.empty())
      seed_itself = Xapian::Query(Xapian::Query::OP_OR, seed_itself, Xapian::Query(schema::term(schema::kDuplicateGroup, seed.group)));
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, seed_itself);
  }
  out.enquire.set_query(query);
  // A group of near-duplicates is suggested once.
  if (collapse_near_duplicates_) out.enquire.set_collapse_key(schema::kShownAsSlot);
  out.mset = out.enquire.get_mset(0, config_.candidates);
  out.scale = seed_text_weight > 0 ? seed_text_weight : std::max(1e-9, out.mset.get_max_attained());
  return out;
}

// The formula of similar_types.h over the candidates, best first, at most `wanted`, one
// initiative once (in the language where it scored best).
std::vector<Recommender::Scored> Recommender::score(const Seed& seed, const Candidates& found, std::size_t wanted) const {
  // Records in another language than the seed share fewer words with it by nature, so text
  // similarity is measured against the best record of the same language, once that record
  // reaches a part of the overall scale (a language with only poor matches gains nothing).
  std::vector<Profile> profiles;
  std::map<std::string, double> best_by_language;
  for (auto it = found.mset.begin(); it != found.mset.end(); ++it) {
    profiles.push_back(profile_of(it.get_document()));
    double& best = best_by_language[profiles.back().language];
    best = std::max(best, it.get_weight());
  }
  const bool by_id = seed.is_record();
  const double countries_weight = by_id ? config_.countries : config_.proposal_countries;
  // Themes and commodities read off a proposal's words are guesses: they count for less than a
  // record's own or a caller's.
  auto inferred = [&](const char* field) {
    return seed.proposal && std::find(seed.proposal->inferred.begin(), seed.proposal->inferred.end(), field) !=
                                seed.proposal->inferred.end();
  };
  const double themes_weight = config_.themes * (inferred("themes") ? config_.inferred_share : 1.0);
  const double commodities_weight = config_.commodities * (inferred("commodities") ? config_.inferred_share : 1.0);
  // Shown on a 0..1 scale whatever the weights add up to.
  const double weights = config_.text + themes_weight + countries_weight + commodities_weight + config_.region + config_.type;
  const Profile& own = seed.profile;
  std::vector<Scored> scored;
  std::size_t index = 0;
  for (auto it = found.mset.begin(); it != found.mset.end(); ++it, ++index) {
    double text = std::min(1.0, it.get_weight() / found.scale);
    if (by_id && text >= config_.near_duplicate) continue;  // the same initiative ingested twice
    Profile other = std::move(profiles[index]);
    if (by_id && is_translation(own, other, config_.translation_themes)) continue;
    if (other.language != own.language) {
      double language_scale = std::max(best_by_language[other.language], config_.language_scale_floor * found.scale);
      text = std::min(1.0, it.get_weight() / language_scale);
    }
    bool same_region = shared(own.countries, other.countries).empty() && !shared(own.regions, other.regions).empty();
    double score = config_.text * text + themes_weight * jaccard(own.themes, other.themes) +
                   countries_weight * jaccard(own.countries, other.countries) +
                   commodities_weight * jaccard(own.commodities, other.commodities) +
                   config_.region * (same_region ? 1.0 : 0.0) +
                   config_.type * (!own.type.empty() && own.type == other.type ? 1.0 : 0.0);
    if (weights > 0) score /= weights;
    scored.push_back({it, score, std::move(other)});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
  std::vector<Scored> distinct;
  for (auto& candidate : scored) {
    if (distinct.size() == wanted) break;
    bool repeated = std::any_of(distinct.begin(), distinct.end(), [&](const Scored& kept) {
      return is_translation(kept.profile, candidate.profile, config_.translation_themes);
    });
    if (!repeated) distinct.push_back(std::move(candidate));
  }
  return distinct;
}

// The hits with their lessons and why: the metadata they share with the seed, and (for the first
// `explained`, the ones shown) the matching words that weighed most, as the record writes them.
corpus::Result<std::vector<SimilarHit>> Recommender::explain(const Seed& seed, const std::vector<Scored>& scored,
                                                             const Candidates& found, std::size_t explained,
                                                             const std::string& ui_language) const {
  std::vector<SimilarHit> hits;
  const Profile& own = seed.profile;
  for (const auto& candidate : scored) {
    Xapian::Document doc = candidate.it.get_document();
    auto stored = parse_stored(doc);
    if (!stored) return stored.error();
    const corpus::Document& record = stored->document;
    const Profile& other = candidate.profile;
    SimilarHit hit;
    static_cast<RecordSummary&>(hit) = summary_of(*stored, ui_language);
    hit.failure_reasons = record.failure_reasons;
    hit.lessons = record.lessons;
    hit.score = std::round(std::min(1.0, candidate.score) * 1000) / 1000;
    hit.why.themes = shared(own.themes, other.themes);
    hit.why.countries = shared(own.countries, other.countries);
    hit.why.commodities = shared(own.commodities, other.commodities);
    hit.why.same_type = !own.type.empty() && own.type == other.type;
    hit.why.other_commodity = !own.commodities.empty() && !other.commodities.empty() && hit.why.commodities.empty();
    if (hits.size() < explained) {
      std::vector<std::pair<double, std::string>> terms;
      for (auto t = found.enquire.get_matching_terms_begin(candidate.it); t != found.enquire.get_matching_terms_end(candidate.it); ++t) {
        auto w = seed.term_weights.find(*t);
        if (w != seed.term_weights.end() && (*t).size() > 1) terms.emplace_back(w->second, (*t).substr(1));
      }
      std::sort(terms.rbegin(), terms.rend());
      std::vector<std::string> words;
      for (std::size_t i = 0; i < terms.size() && words.size() < 5; ++i) {
        std::string word = word_for_stem(doc, terms[i].second);
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
      }
      hit.why.terms = as_written(record, words);
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace ranking
