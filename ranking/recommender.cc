// Searcher::similar: the similar-initiatives recommender (formula in ranking/recommender.h).

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "corpus/utf8.h"
#include "indexer/apertium_pairs.h"
#include "indexer/document_builder.h"
#include "indexer/query_translator.h"
#include "indexer/language_detector.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"
#include "ranking/proposal_profile.h"
#include "ranking/searcher_internal.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;
namespace schema = indexer::schema;

// A proposal's word in more than this share of the records is not worth translating.
constexpr double kMaxTranslatedShare = 0.1;

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

// The stems, in the other languages, of the thesaurus concepts a text names most often (at most
// `concepts` of them): single words only, those the index holds.
std::vector<std::string> translated_stems(const std::string& text, const std::string& language, const Xapian::Database& db,
                                          std::size_t concepts) {
  std::vector<std::string> words = indexer::words_of(indexer::fold(text));
  const auto& thesaurus = indexer::Thesaurus::bundled();
  std::map<std::size_t, std::size_t> named;  // concept -> times named
  for (const auto& match : thesaurus.find(words)) ++named[match.concept_index];
  std::vector<std::pair<std::size_t, std::size_t>> by_count;
  for (const auto& [concept_index, count] : named) by_count.emplace_back(count, concept_index);
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (by_count.size() > concepts) by_count.resize(concepts);
  indexer::StemmerCache stemmers;
  std::vector<std::string> out;
  for (const auto& [count, concept_index] : by_count) {
    for (const auto& term : thesaurus.concept_at(concept_index).terms) {
      if (term.language == language || term.words.size() != 1) continue;
      std::string stem = std::string(schema::kStemmed) + stemmers.get(term.language)(term.words.front());
      if (std::find(out.begin(), out.end(), stem) == out.end() && db.term_exists(stem)) out.push_back(stem);
    }
  }
  return out;
}

// The proposal's most telling words (at most `count`, function words, numbers and number words
// left out) translated into every other language the index holds, each word one OP_SYNONYM of
// its translations stemmed there: so a proposal finds its precedents whatever their language.
// `stems` receives the terms used.
std::vector<Xapian::Query> translated_words(const Xapian::Document& analysed, const std::string& language,
                                            const Xapian::Database& db, const indexer::QueryTranslator& translator,
                                            std::size_t count, std::vector<std::string>& stems) {
  std::vector<Xapian::Query> out;
  if (language.empty() || !translator.status().available) return out;
  const auto& stop = indexer::stop_words(language);
  indexer::StemmerCache stemmers;
  const Xapian::Stem& own_stem = stemmers.get(language);
  double documents = std::max<double>(1, indexer::record_count(db));
  std::vector<std::pair<double, std::string>> weighted;
  for (auto it = analysed.termlist_begin(); it != analysed.termlist_end(); ++it) {
    const std::string word = *it;
    unsigned char first = static_cast<unsigned char>(word[0]);
    if (word.size() < 4 || !((first >= 'a' && first <= 'z') || first >= 0x80)) continue;  // prefixed terms, numbers
    const auto& boilerplate = indexer::boilerplate_words();
    if (std::binary_search(stop.begin(), stop.end(), word) || indexer::is_number_word(word) ||
        std::binary_search(boilerplate.begin(), boilerplate.end(), word))
      continue;
    Xapian::doccount df = db.get_termfreq(std::string(schema::kStemmed) + own_stem(word));
    // Words most records use ("project", "train", "government") would find everything there too.
    if (df > kMaxTranslatedShare * documents) continue;
    weighted.emplace_back(it.get_wdf() * std::log(documents / (df + 1.0) + 1), word);
  }
  std::sort(weighted.rbegin(), weighted.rend());
  if (weighted.size() > count) weighted.resize(count);
  std::string text;
  for (const auto& [weight, word] : weighted) text += (text.empty() ? "" : " ") + word;
  for (const char* target : indexer::apertium::kLanguages) {
    if (target == language || !translator.can_translate(language, target) ||
        !db.term_exists(schema::term(schema::kLanguage, target)))
      continue;
    auto translation = translator.translate(text, language, target);
    if (!translation) continue;
    const Xapian::Stem& stem = stemmers.get(target);
    for (const auto& word : translation->words) {
      if (!word.known) continue;
      std::vector<std::string> alternatives;
      for (const auto& alternative : word.alternatives) {
        auto parts = indexer::words_of(indexer::fold(alternative));
        if (parts.size() != 1) continue;
        std::string term = std::string(schema::kStemmed) + stem(parts.front());
        if (db.term_exists(term) && std::find(alternatives.begin(), alternatives.end(), term) == alternatives.end())
          alternatives.push_back(term);
      }
      if (alternatives.empty()) continue;
      stems.insert(stems.end(), alternatives.begin(), alternatives.end());
      out.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
    }
  }
  return out;
}

std::vector<std::string> shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Expansion terms are stems of words ("Z..."); metadata terms, titles' duplicates, numbers and
// function words are noise.
class StemDecider : public Xapian::ExpandDecider {
 public:
  StemDecider() {
    static const std::set<std::string> stems = [] {
      std::set<std::string> out;
      for (const char* language : {"en", "es", "fr", "pt", ""}) {
        Xapian::Stem stem = indexer::stemmer_for(language);
        for (const auto& word : indexer::stop_words("")) out.insert("Z" + stem(word));
        for (const auto& word : indexer::number_words()) out.insert("Z" + stem(word));
        for (const auto& word : indexer::boilerplate_words()) out.insert("Z" + stem(word));
      }
      return out;
    }();
    stop_stems_ = &stems;
  }
  bool operator()(const std::string& term) const override {
    if (term.size() < 4 || term[0] != 'Z' || stop_stems_->contains(term)) return false;
    unsigned char first = static_cast<unsigned char>(term[1]);
    if (!((first >= 'a' && first <= 'z') || first >= 0x80)) return false;  // ZS title stems and the like
    return !std::all_of(term.begin() + 1, term.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

 private:
  const std::set<std::string>* stop_stems_;
};

// A display word for a stem: the document's shortest unstemmed word that starts like it (stems
// may change a word's last letter: "mercury" -> "mercuri").
std::string word_for_stem(const Xapian::Document& doc, const std::string& stem) {
  std::string prefix = stem.size() > 4 ? stem.substr(0, stem.size() - 1) : stem;
  std::string best;
  auto it = doc.termlist_begin();
  it.skip_to(prefix);
  for (int looked = 0; it != doc.termlist_end() && looked < 20; ++it, ++looked) {
    const std::string term = *it;
    if (!term.starts_with(prefix)) break;
    if (best.empty() || term.size() < best.size()) best = term;
  }
  return best.empty() ? stem : best;
}

// Folded words as the record writes them ("mineria" -> "minería"): each word's first use in the
// record's title, summary, lessons or body, read until every word is found; a word no text folds
// to stays folded.
std::vector<std::string> as_written(const corpus::Document& record, const std::vector<std::string>& folded) {
  std::vector<std::string> out = folded;
  std::vector<bool> found(folded.size(), false);
  std::size_t missing = folded.size();
  auto look = [&](const std::string& text) {
    if (missing == 0) return;
    indexer::for_each_word(text, [&](std::size_t begin, std::size_t end) {
      if (missing == 0) return;
      std::string_view written(text.data() + begin, end - begin);
      std::string word = indexer::fold(written);
      for (std::size_t i = 0; i < folded.size(); ++i) {
        if (found[i] || folded[i] != word) continue;
        out[i] = written;
        found[i] = true;
        --missing;
      }
    });
  };
  look(record.title);
  look(record.summary);
  for (const auto& lesson : record.lessons) look(lesson.text);
  look(record.body);
  return out;
}

}  // namespace

void Searcher::set_similarity(const SimilarityConfig& config) { impl_->similarity = config; }

corpus::Result<SimilarResponse> Searcher::similar(const SimilarRequest& request) {
  auto started = std::chrono::steady_clock::now();
  const SimilarityConfig& config = impl_->similarity;
  if (request.k < 1 || request.k > kMaxSimilar) {
    return Error{ErrorCode::invalid_argument, "must be between 1 and " + std::to_string(kMaxSimilar), "", 0, "k"};
  }
  bool by_id = !request.id.empty();
  bool has_text = request.text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (by_id == has_text) {
    return Error{ErrorCode::invalid_argument, by_id ? "give an id or a text, not both" : "give a record id or a non-empty text",
                 "", 0, by_id ? "text" : "text"};
  }
  if (request.text.size() > config.max_text_bytes) {
    return Error{ErrorCode::invalid_argument,
                 "the text is " + std::to_string(request.text.size()) + " bytes; the limit is " +
                     std::to_string(config.max_text_bytes), "", 0, "text"};
  }
  if (corpus::utf8::first_invalid(request.text)) return Error{ErrorCode::invalid_argument, "not valid UTF-8", "", 0, "text"};
  // The language is stored with the analysed proposal, so it must be a code (found by the
  // query fuzzer: bytes that are not UTF-8 there broke the analysis).
  auto language = requested_language(request.language);
  if (!language) return language.error();
  auto ui_language = requested_language(request.ui_language, "ui_lang");
  if (!ui_language) return ui_language.error();
  if (request.filters.values.contains("kind")) {
    return Error{ErrorCode::invalid_argument, "similar initiatives are records; a lesson kind filters searches only",
                 "", 0, "kind"};
  }
  auto filter = impl_->builder.build("", "", request.filters);  // validates the filters too
  if (!filter) return filter.error();

  try {
    return impl_->read_current([&]() -> corpus::Result<SimilarResponse> {
      Xapian::Database& db = impl_->db;
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(impl_->weighting());
      Xapian::RSet rset;
      Profile seed;
      Xapian::docid seed_docid = 0;
      std::string seed_group;  // the seed's group of near-duplicates, if any
      std::vector<Xapian::Query> proposal_terms;
      std::vector<Xapian::Query> translated_groups;  // the proposal's words in the other languages
      std::vector<std::string> proposal_stems;
      SimilarResponse response;

      if (by_id) {
        std::string term = schema::term(schema::kId, request.id);
        auto posting = db.postlist_begin(term);
        if (posting == db.postlist_end(term)) {
          if (!impl_->shards->missing().empty()) return impl_->shards->unavailable();  // it may be there
          return Error{ErrorCode::not_found, "no record with id \"" + request.id + "\"", "", 0, "id"};
        }
        seed_docid = *posting;
        Xapian::Document seed_doc = db.get_document(seed_docid);
        seed = profile_of(seed_doc);
        seed_group = seed_doc.get_value(schema::kShownAsSlot);
        rset.add_document(seed_docid);
        response.seed_id = request.id;
      } else {
        // A proposal is analysed like a record; its most telling stems find the first records,
        // which become the relevance set (pseudo-relevance feedback).
        corpus::Document proposal;
        proposal.id = "proposal";
        proposal.title = "proposal";
        proposal.body = request.text;
        proposal.language = *language;
        indexer::DocumentBuilder builder;
        seed.language = builder.analysis_language(proposal);
        proposal.language = seed.language;
        Xapian::Document analysed = builder.build(proposal, indexer::SourceInfo{}).record;
        StemDecider decider;
        std::vector<std::pair<double, std::string>> weighted;
        double documents = std::max<double>(1, indexer::record_count(db));
        for (auto it = analysed.termlist_begin(); it != analysed.termlist_end(); ++it) {
          const std::string stem = *it;
          if (!decider(stem)) continue;
          Xapian::doccount df = db.get_termfreq(stem);
          if (df == 0) continue;
          weighted.emplace_back(it.get_wdf() * std::log(documents / df + 1), stem);
        }
        std::sort(weighted.rbegin(), weighted.rend());
        if (weighted.size() > config.expansion_terms) weighted.resize(config.expansion_terms);
        for (const auto& [weight, stem] : weighted) {
          proposal_terms.emplace_back(stem);
          proposal_stems.push_back(stem);
        }
        // The translated words join the candidates' query, not the first search: the relevance set
        // comes from the proposal's own words (among them, the elite set kept translations in place
        // of the own words and lost a record saying the same thing in the proposal's language).
        std::vector<std::string> translated_terms;
        for (auto& group : translated_words(analysed, seed.language, db, *impl_->translator, config.translated_words,
                                            translated_terms))
          translated_groups.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, group, config.translation_weight);
        for (const auto& stem : translated_stems(request.text, seed.language, db, config.translated_concepts)) {
          if (std::find(proposal_stems.begin(), proposal_stems.end(), stem) != proposal_stems.end()) continue;
          proposal_terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(stem), config.translation_weight);
          proposal_stems.push_back(stem);
        }
        // The profile: each field as given, or else as the text names it.
        ProposalProfile profile = infer_profile(request.text);
        for (const auto& country : countries_of_places(request.text, db))
          if (std::find(profile.countries.begin(), profile.countries.end(), country) == profile.countries.end())
            profile.countries.push_back(country);
        auto given_or_inferred = [&](const std::vector<std::string>& given, std::vector<std::string>& inferred,
                                     const char* field) {
          if (!given.empty()) inferred = given;
          else if (!inferred.empty()) profile.inferred.push_back(field);
        };
        given_or_inferred(request.countries, profile.countries, "countries");
        given_or_inferred(request.themes, profile.themes, "themes");
        given_or_inferred(request.commodities, profile.commodities, "commodities");
        profile.type = request.type;
        for (const auto& v : profile.themes) seed.themes.insert(v);
        for (auto& v : profile.countries) {
          for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          seed.countries.insert(v);
          seed.regions.insert(indexer::region_of_country(v));
        }
        for (const auto& v : profile.commodities) seed.commodities.insert(v);
        seed.type = profile.type;
        response.profile = std::move(profile);
        if (!proposal_terms.empty()) {
          // The most telling terms find the relevance set; ORing all of them cost most of the time.
          enquire.set_query(Xapian::Query(Xapian::Query::OP_ELITE_SET, proposal_terms.begin(), proposal_terms.end(),
                                          config.feedback_terms));
          Xapian::MSet first = enquire.get_mset(0, config.feedback_records);
          for (auto it = first.begin(); it != first.end(); ++it) rset.add_document(*it);
        }
      }

      // Expansion: the terms that best tell the relevance set from the rest.
      std::vector<Xapian::Query> text_terms = proposal_terms;
      text_terms.insert(text_terms.end(), translated_groups.begin(), translated_groups.end());
      std::map<std::string, double> term_weights;
      if (!rset.empty()) {
        StemDecider decider;
        Xapian::ESet eset = enquire.get_eset(config.expansion_terms, rset, &decider);
        for (auto it = eset.begin(); it != eset.end(); ++it) {
          text_terms.emplace_back(*it);
          term_weights[*it] = it.get_weight();
        }
      }
      // The proposal's own words explain a match first, most telling first.
      for (std::size_t i = 0; i < proposal_stems.size(); ++i)
        term_weights[proposal_stems[i]] = 1000.0 - static_cast<double>(i);

      // Candidates: the text query, and (at no text weight) every record sharing metadata.
      std::vector<Xapian::Query> metadata_terms;
      for (const auto& t : seed.themes) metadata_terms.emplace_back(schema::term(schema::kTheme, t));
      for (const auto& c : seed.countries) {
        std::string lower = c;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        metadata_terms.emplace_back(schema::term(schema::kCountry, lower));
      }
      for (const auto& c : seed.commodities) metadata_terms.emplace_back(schema::term(schema::kCommodity, c));
      // OP_ELITE_SET keeps the most telling of the terms, bounding the cost of long proposals.
      Xapian::Query text_query(Xapian::Query::OP_ELITE_SET, text_terms.begin(), text_terms.end(), config.elite_terms);
      Xapian::Query candidates = text_query;
      if (!metadata_terms.empty()) {
        Xapian::Query metadata(Xapian::Query::OP_OR, metadata_terms.begin(), metadata_terms.end());
        candidates = Xapian::Query(Xapian::Query::OP_OR, candidates, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, metadata, 0.0));
      }
      // Candidates hold record terms only, so no lesson is among them; without filters there is
      // nothing to apply.
      if (!request.filters.empty()) candidates = Xapian::Query(Xapian::Query::OP_FILTER, candidates, filter->query);
      double seed_text_weight = 0;
      if (by_id) {
        // The seed's own text weight is the scale for the others, and tells near-duplicates.
        Xapian::Enquire self(db);
        self.set_weighting_scheme(impl_->weighting());
        self.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text_query, Xapian::Query(schema::term(schema::kId, request.id))));
        Xapian::MSet own = self.get_mset(0, 1);
        if (!own.empty()) seed_text_weight = own.begin().get_weight();
        // Neither the seed nor its near-duplicates (the same report ingested twice) are suggested.
        Xapian::Query seed_itself(schema::term(schema::kId, request.id));
        if (!seed_group.empty()) {
          seed_itself = Xapian::Query(Xapian::Query::OP_OR, seed_itself, Xapian::Query(schema::term(schema::kDuplicateGroup, seed_group)));
        }
        candidates = Xapian::Query(Xapian::Query::OP_AND_NOT, candidates, seed_itself);
      }
      enquire.set_query(candidates);
      // A group of near-duplicates is suggested once.
      if (impl_->has_duplicates()) enquire.set_collapse_key(schema::kShownAsSlot);
      Xapian::MSet mset = enquire.get_mset(0, config.candidates);
      double scale = seed_text_weight > 0 ? seed_text_weight : std::max(1e-9, mset.get_max_attained());

      struct Scored {
        Xapian::MSetIterator it;
        double score;
        Profile profile;
      };
      std::vector<Scored> scored;
      // Records in another language than the seed share fewer words with it by nature, so text
      // similarity is measured against the best record of the same language, once that record
      // reaches a part of the overall scale (a language with only poor matches gains nothing).
      std::vector<Profile> profiles;
      std::map<std::string, double> best_by_language;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        profiles.push_back(profile_of(it.get_document()));
        double& best = best_by_language[profiles.back().language];
        best = std::max(best, it.get_weight());
      }
      const double countries_weight = by_id ? config.countries : config.proposal_countries;
      // Themes and commodities read off a proposal's words are guesses: they count for less than
      // a record's own or a caller's.
      auto inferred = [&](const char* field) {
        return !by_id && response.profile &&
               std::find(response.profile->inferred.begin(), response.profile->inferred.end(), field) !=
                   response.profile->inferred.end();
      };
      const double themes_weight = config.themes * (inferred("themes") ? config.inferred_share : 1.0);
      const double commodities_weight = config.commodities * (inferred("commodities") ? config.inferred_share : 1.0);
      std::size_t index = 0;
      for (auto it = mset.begin(); it != mset.end(); ++it, ++index) {
        double text = std::min(1.0, it.get_weight() / scale);
        if (by_id && text >= config.near_duplicate) continue;  // the same initiative ingested twice
        Profile other = std::move(profiles[index]);
        if (by_id && is_translation(seed, other, config.translation_themes)) continue;
        if (other.language != seed.language) {
          double language_scale = std::max(best_by_language[other.language], config.language_scale_floor * scale);
          text = std::min(1.0, it.get_weight() / language_scale);
        }
        bool same_region = shared(seed.countries, other.countries).empty() && !shared(seed.regions, other.regions).empty();
        double score = config.text * text + themes_weight * jaccard(seed.themes, other.themes) +
                       countries_weight * jaccard(seed.countries, other.countries) +
                       commodities_weight * jaccard(seed.commodities, other.commodities) +
                       config.region * (same_region ? 1.0 : 0.0) +
                       config.type * (!seed.type.empty() && seed.type == other.type ? 1.0 : 0.0);
        // Shown on a 0..1 scale whatever the weights add up to.
        double weights = config.text + themes_weight + countries_weight + commodities_weight + config.region + config.type;
        if (weights > 0) score /= weights;
        scored.push_back({it, score, std::move(other)});
      }
      std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
      // One initiative is suggested once, in the language where it scored best.
      std::vector<Scored> distinct;
      for (auto& candidate : scored) {
        // The risk report reads the first kRiskDepth whatever the number asked for.
        if (distinct.size() == std::max(request.k, kRiskDepth)) break;
        bool repeated = std::any_of(distinct.begin(), distinct.end(), [&](const Scored& kept) {
          return is_translation(kept.profile, candidate.profile, config.translation_themes);
        });
        if (!repeated) distinct.push_back(std::move(candidate));
      }
      scored = std::move(distinct);

      for (const auto& candidate : scored) {
        Xapian::Document doc = candidate.it.get_document();
        auto stored = parse_stored(doc);
        if (!stored) return stored.error();
        const corpus::Document& record = stored->document;
        const Profile& other = candidate.profile;
        SimilarHit hit;
        static_cast<RecordSummary&>(hit) = summary_of(*stored, *ui_language);
        hit.failure_reasons = record.failure_reasons;
        hit.lessons = record.lessons;
        hit.score = std::round(std::min(1.0, candidate.score) * 1000) / 1000;
        hit.why.themes = shared(seed.themes, other.themes);
        hit.why.countries = shared(seed.countries, other.countries);
        hit.why.commodities = shared(seed.commodities, other.commodities);
        hit.why.same_type = !seed.type.empty() && seed.type == other.type;
        std::vector<std::pair<double, std::string>> terms;
        for (auto t = enquire.get_matching_terms_begin(candidate.it); t != enquire.get_matching_terms_end(candidate.it); ++t) {
          auto w = term_weights.find(*t);
          if (w != term_weights.end() && (*t).size() > 1) terms.emplace_back(w->second, (*t).substr(1));
        }
        std::sort(terms.rbegin(), terms.rend());
        // Only the hits shown explain themselves; the rest serve the risk report.
        std::vector<std::string> words;
        for (std::size_t i = 0; response.similar.size() < request.k && i < terms.size() && words.size() < 5; ++i) {
          std::string word = word_for_stem(doc, terms[i].second);
          if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
        }
        hit.why.terms = as_written(record, words);
        response.similar.push_back(std::move(hit));
      }
      std::string language = seed.language;
      response.risk = risk_report(response.similar, language, current_year());
      if (response.similar.size() > request.k) response.similar.resize(request.k);
      response.missing_shards = impl_->shards->missing();
      response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      return response;
    });
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

}  // namespace ranking
