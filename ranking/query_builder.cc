#include "ranking/query_builder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>


#include "corpus/utf8.h"
#include "indexer/cognates.h"
#include "indexer/language_detector.h"
#include "indexer/query_translator.h"
#include "indexer/schema.h"
#include "indexer/stemmer.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"
#include "ranking/query_lifts.h"
#include "ranking/query_parts.h"
#include "ranking/query_text.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;

// Wildcards ("merc*") expand to at most this many terms, the most frequent first.
constexpr Xapian::termcount kMaxWildcardTerms = 100;
// Long texts (a pasted paragraph) need no more pairs than this to rank by proximity.
constexpr std::size_t kMaxProximityPairs = 16;

bool is_stop_word(const std::vector<std::string>& stop, const std::string& word) {
  return std::binary_search(stop.begin(), stop.end(), word);
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

struct QueryBuilder::Impl {
  indexer::RelevanceConfig relevance;
  std::vector<std::string> fallback_languages;
  Xapian::Database db;
  Xapian::Database spelling;  // where corrections come from; db unless set apart
  bool own_spelling = false;
  bool has_db = false;
  std::shared_ptr<const indexer::QueryTranslator> translator;
  std::map<std::pair<std::string, bool>, Xapian::QueryParser> parsers;
  indexer::StemmerCache stemmers;

  // `query` keeping only the records that a plain query's exclusions and filters keep: what is
  // added beside the parsed query (which applies them itself) must not bring back the others.
  static Xapian::Query restricted(Xapian::Query query, const PlainQuery& plain, const std::string& unit) {
    if (!plain.excluded.empty()) {
      std::vector<Xapian::Query> excluded;
      for (const auto& word : plain.excluded) excluded.emplace_back(unit + word);
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    }
    std::vector<Xapian::Query> filters;
    for (const auto& [name, values] : plain.filters) {
      const FilterField* field = find_filter_field(name);
      std::vector<Xapian::Query> alternatives;
      for (const auto& value : values) alternatives.emplace_back(unit + std::string(field->prefix) + value);
      filters.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
    if (!filters.empty()) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    }
    return query;
  }

  // A thesaurus term as a query: one word by its stem in the term's language, several as a phrase
  // of the words; empty when the index lacks any of them. `key` names it, to tell repeats apart.
  Xapian::Query term_query(const indexer::ThesaurusTerm& term, const std::string& unit, std::string& key) {
    std::vector<std::string> keys;
    if (term.words.size() == 1) keys.push_back(std::string(indexer::schema::kStemmed) + unit + term.stems.front());
    else for (const auto& word : term.words) keys.push_back(unit + word);
    key = joined(keys);
    if (keys.empty() || (has_db && !std::all_of(keys.begin(), keys.end(), [&](const std::string& k) { return db.term_exists(k); })))
      return Xapian::Query();
    return keys.size() == 1 ? Xapian::Query(keys.front()) : Xapian::Query(Xapian::Query::OP_PHRASE, keys.begin(), keys.end());
  }

  // The thesaurus terms of the concepts found in a plain query, as a query that ranks below the
  // query's own words and keeps its exclusions and filters; `unit` is the lesson prefix or "".
  // Empty when nothing is added. Lists what was added in `report`.
  Xapian::Query expansion(const PlainQuery& plain, const std::vector<indexer::ConceptMatch>& matches,
                          const std::string& unit, std::vector<QueryExpansion>& report) {
    const auto& thesaurus = indexer::Thesaurus::bundled();
    std::vector<Xapian::Query> groups;
    for (const auto& match : matches) {
      const auto& concept_entry = thesaurus.concept_at(match.concept_index);
      auto first = plain.words.begin() + static_cast<std::ptrdiff_t>(match.first_word);
      std::vector<std::string> matched(first, first + static_cast<std::ptrdiff_t>(match.word_count));
      QueryExpansion added{joined(matched), concept_entry.id, {}};
      std::vector<Xapian::Query> alternatives;
      std::set<std::string> seen;
      for (const auto& term : concept_entry.terms) {
        // The query's own words (in any inflection) stay in the group, so that the group's
        // frequency is the concept's: a rare translation then weighs no more than the common
        // words it stands for.
        bool own = term.words.size() == matched.size() &&
                   std::equal(term.stems.begin(), term.stems.end(), matched.begin(),
                              [&](const std::string& stem, const std::string& word) {
                                return stem == stemmers.get(term.language)(word);
                              });
        std::string key;
        Xapian::Query alternative = term_query(term, unit, key);
        if (alternative.empty() || !seen.insert(key).second) continue;
        alternatives.push_back(alternative);
        if (!own && std::find(added.terms.begin(), added.terms.end(), term.text) == added.terms.end())
          added.terms.push_back(term.text);
      }
      if (added.terms.empty()) continue;
      // One concept counts as one word, however many of its terms a record holds.
      groups.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
      report.push_back(std::move(added));
    }
    if (groups.empty()) return Xapian::Query();
    Xapian::Query out = restricted(Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end()), plain, unit);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, out, relevance.expansion_weight);
  }

  // What lifts some of a plain query's matches, kept within its exclusions and filters: pairs of
  // neighbouring words that stand close together (scaled by proximity_weight), and the words as
  // the query writes them (scaled by exact_word_weight), so that a record using the query's own
  // word ranks above one that only shares its stem. Function words of `language` (of every
  // language for "") are left out; `unit` is the lesson prefix or "". Empty when nothing is added.
  Xapian::Query boosts(const PlainQuery& plain, const std::string& language, const std::string& unit) {
    const auto& stop = indexer::stop_words(language);
    std::vector<std::string> content;
    for (const auto& word : plain.words) {
      if (is_stop_word(stop, word)) continue;
      if (has_db && !db.term_exists(unit + word)) continue;
      content.push_back(unit + word);
    }
    std::vector<Xapian::Query> parts;
    if (relevance.proximity_weight > 0.0) {
      std::vector<Xapian::Query> pairs;
      for (std::size_t i = 0; i + 1 < content.size() && pairs.size() < kMaxProximityPairs; ++i) {
        if (content[i] == content[i + 1]) continue;
        Xapian::Query words[] = {Xapian::Query(content[i]), Xapian::Query(content[i + 1])};
        pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(words), std::end(words), relevance.proximity_window);
      }
      if (!pairs.empty())
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                           relevance.proximity_weight);
    }
    if (relevance.exact_word_weight > 0.0 && !content.empty()) {
      std::set<std::string> unique(content.begin(), content.end());
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, unique.begin(), unique.end()),
                         relevance.exact_word_weight);
    }
    if (parts.empty()) return Xapian::Query();
    return restricted(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), plain, unit);
  }

  // A concept's terms in `language` as one OP_SYNONYM group (a word by its stem, several words as a
  // phrase), with the words of its preferred term in `preferred`; empty when the index holds none.
  Xapian::Query concept_group(const indexer::ThesaurusConcept& concept_entry, const std::string& language,
                              const std::string& unit, std::vector<std::string>& preferred) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& term : concept_entry.terms) {
      if (term.language != language) continue;
      std::string key;
      Xapian::Query alternative = term_query(term, unit, key);
      if (alternative.empty()) continue;
      if (alternatives.empty()) preferred = term.words;
      alternatives.push_back(alternative);
    }
    if (alternatives.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }

  // A translated query as an analysis of its own: each source word (function words left out) is
  // one OP_SYNONYM group of its alternatives, stemmed in the target language, so a word with four
  // senses weighs as one; a word the dictionaries do not know (a name: "Burkina", "planetGOLD")
  // matches as written. Words that name a thesaurus concept are searched by the concept's terms in
  // the target language instead, at full weight: for the domain's terms the thesaurus, not the
  // general dictionary, is the authority ("artisanal gold mining" -> "minería aurífera artesanal").
  // `added` (every language's thesaurus terms), the plain query's exclusions and filters, and the
  // boosts of the query's own analysis apply as there. Empty when no word is left.
  // `by_concepts` false: every word is translated by the dictionaries, concepts too (a user who
  // prefers their own language: the thesaurus's full-weight terms would lead the ranking).
  Xapian::Query translated(const indexer::Translation& translation, const PlainQuery& plain, const std::string& unit,
                           const std::vector<indexer::ConceptMatch>& concepts, bool by_concepts,
                           const Xapian::Query& added) {
    const auto& source_stop = indexer::stop_words(translation.from);
    const auto& target_stop = indexer::stop_words(translation.to);
    const Xapian::Stem& stem = stemmers.get(translation.to);
    const std::string stemmed = std::string(indexer::schema::kStemmed) + unit;
    const auto& thesaurus = indexer::Thesaurus::bundled();
    // Which concept, if any, each of the plain query's words belongs to.
    std::vector<const indexer::ConceptMatch*> concept_of(plain.words.size(), nullptr);
    for (const auto& match : concepts) {
      if (!by_concepts) break;
      for (std::size_t i = match.first_word; i < match.first_word + match.word_count && i < concept_of.size(); ++i)
        concept_of[i] = &match;
    }
    std::set<const indexer::ConceptMatch*> emitted;
    std::size_t next_word = 0;  // the translated words follow the plain query's words in order

    std::vector<Xapian::Query> groups;
    // The likeliest translation of each word, in order, for the boosts the query's own analysis
    // gets too (neighbouring words, words as written).
    PlainQuery likeliest = plain;
    likeliest.words.clear();
    for (const auto& word : translation.words) {
      auto source_words = indexer::words_of(indexer::fold(word.source));
      if (source_words.empty()) continue;
      auto at = std::search(plain.words.begin() + static_cast<std::ptrdiff_t>(std::min(next_word, plain.words.size())),
                            plain.words.end(), source_words.begin(), source_words.end());
      const indexer::ConceptMatch* match = nullptr;
      if (at != plain.words.end()) {
        auto first = static_cast<std::size_t>(at - plain.words.begin());
        next_word = first + source_words.size();
        match = concept_of[first];
        for (std::size_t i = first; i < next_word; ++i) match = concept_of[i] == match ? match : nullptr;
      }
      if (match != nullptr) {
        if (!emitted.insert(match).second) continue;
        std::vector<std::string> preferred;
        Xapian::Query group = concept_group(thesaurus.concept_at(match->concept_index), translation.to, unit, preferred);
        if (!group.empty()) {
          groups.push_back(group);
          likeliest.words.insert(likeliest.words.end(), preferred.begin(), preferred.end());
          continue;
        }
        emitted.erase(match);  // the index holds no term of it in this language: translate the words
      }
      if (std::all_of(source_words.begin(), source_words.end(),
                      [&](const std::string& w) { return is_stop_word(source_stop, w); }))
        continue;
      std::vector<Xapian::Query> alternatives;
      std::set<std::string> seen;
      for (const auto& alternative : word.alternatives) {
        std::vector<std::string> terms;
        bool present = true;
        for (const auto& w : indexer::words_of(indexer::fold(alternative))) {
          if (word.known && is_stop_word(target_stop, w)) continue;
          terms.push_back(word.known ? stemmed + stem(w) : unit + w);
          present = present && (!has_db || db.term_exists(terms.back()));
        }
        if (terms.empty() || !present || !seen.insert(joined(terms)).second) continue;
        alternatives.push_back(terms.size() == 1 ? Xapian::Query(terms.front())
                                                 : Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
      }
      if (source_words.size() == 1) {
        // A name the dictionary translates ("Panthers" -> "Pantera") is often written as it is in
        // the other language too: the word as written stays one of its alternatives.
        if (word.known && (!has_db || db.term_exists(unit + source_words.front())) &&
            seen.insert(unit + source_words.front()).second)
          alternatives.emplace_back(unit + source_words.front());
        // A learned word the dictionary lacks is searched by its likely spellings there too.
        if (!word.known) {
          for (const auto& spelling : indexer::cognate_spellings(source_words.front(), translation.from, translation.to)) {
            std::string term = stemmed + stem(spelling);
            if ((!has_db || db.term_exists(term)) && seen.insert(term).second) alternatives.emplace_back(term);
          }
        }
      }
      if (alternatives.empty()) continue;
      for (auto& w : indexer::words_of(indexer::fold(word.alternatives.front()))) likeliest.words.push_back(std::move(w));
      groups.push_back(alternatives.size() == 1
                           ? alternatives.front()
                           : Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end()));
    }
    if (groups.empty()) return Xapian::Query();
    Xapian::Query out = restricted(Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end()), plain, unit);
    if (!added.empty()) out = Xapian::Query(Xapian::Query::OP_OR, out, added);
    if (Xapian::Query lifted = boosts(likeliest, translation.to, unit); !lifted.empty())
      out = Xapian::Query(Xapian::Query::OP_OR, out, lifted);
    return out;
  }

  // Parsers by analysis language, for records and for lessons (whose terms all carry kLesson).
  Xapian::QueryParser& parser(const std::string& language, bool lessons) {
    auto key = std::make_pair(language, lessons);
    auto it = parsers.find(key);
    if (it != parsers.end()) return it->second;
    std::string unit = lessons ? std::string(indexer::schema::kLesson) : std::string();
    Xapian::QueryParser qp;
    qp.set_stemmer(indexer::stemmer_for(language));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.add_prefix("title", unit + std::string(indexer::schema::kTitle));
    for (const auto& field : filter_fields())
      qp.add_boolean_prefix(std::string(field.name), unit + std::string(field.prefix));
    qp.add_rangeprocessor((new YearRangeProcessor(lessons))->release());  // the parser owns it
    const auto& stop = indexer::stop_words(language);
    if (relevance.stop_words && !stop.empty()) {
      qp.set_stopper((new Xapian::SimpleStopper(stop.begin(), stop.end()))->release());
    }
    qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    if (has_db) qp.set_database(db);
    return parsers.emplace(key, std::move(qp)).first->second;
  }
};

QueryBuilder::QueryBuilder(const indexer::RelevanceConfig& relevance, std::vector<std::string> fallback_languages)
    : impl_(std::make_unique<Impl>()) {
  impl_->relevance = relevance;
  impl_->fallback_languages = std::move(fallback_languages);
}
QueryBuilder::~QueryBuilder() = default;
QueryBuilder::QueryBuilder(QueryBuilder&&) noexcept = default;
QueryBuilder& QueryBuilder::operator=(QueryBuilder&&) noexcept = default;

void QueryBuilder::set_translator(std::shared_ptr<const indexer::QueryTranslator> translator) {
  impl_->translator = std::move(translator);
}

void QueryBuilder::set_spelling_database(const Xapian::Database& db) {
  impl_->spelling = db;
  impl_->own_spelling = true;
}

void QueryBuilder::set_database(const Xapian::Database& db) {
  impl_->db = db;
  if (!impl_->own_spelling) impl_->spelling = db;
  impl_->has_db = true;
  for (auto& [language, qp] : impl_->parsers) qp.set_database(db);
}

// The word of the first of three records holding it whose stored text shows it. The stored
// JSON is scanned as bytes, not parsed (completion calls this for each word it offers): a run of
// letters, digits and UTF-8 sequences is a word; only words that could fold to the one sought
// (same first letter, or a non-ASCII start, and a length near its) are folded.
std::string QueryBuilder::written_form(const std::string& folded_word) const {
  if (folded_word.empty()) return folded_word;
  auto is_word_byte = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
  auto posting = impl_->db.postlist_begin(folded_word);
  for (int tries = 0; posting != impl_->db.postlist_end(folded_word) && tries < 3; ++posting, ++tries) {
    const std::string data = impl_->db.get_document(*posting).get_data();
    for (std::size_t at = 0; at < data.size();) {
      if (!is_word_byte(static_cast<unsigned char>(data[at]))) {
        at += data[at] == '\\' ? 2 : 1;  // a JSON escape ("\n") is no letter
        continue;
      }
      std::size_t end = at;
      while (end < data.size() && is_word_byte(static_cast<unsigned char>(data[end]))) ++end;
      std::string_view word(data.data() + at, end - at);
      at = end;
      // "l’orpaillage" folds to "orpaillage": an elision is not part of the word.
      if (auto apostrophe = word.rfind("\xE2\x80\x99"); apostrophe != std::string_view::npos) word.remove_prefix(apostrophe + 3);
      if (word.size() < folded_word.size() || word.size() > 2 * folded_word.size()) continue;
      unsigned char first = static_cast<unsigned char>(word.front());
      if (first < 0x80 && std::tolower(first) != folded_word.front()) continue;
      if (indexer::fold(word) == folded_word) return indexer::lower(word);
    }
  }
  return folded_word;
}

// Whether a record in `language` holds the (folded, unstemmed) word.
bool QueryBuilder::used_in(const std::string& word, const std::string& language) const {
  Xapian::Enquire enquire(impl_->db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word),
                                  Xapian::Query(indexer::schema::term(indexer::schema::kLanguage, language))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

// The query's language when given; else the collection language whose records hold the most of
// the query's content words that the index knows ("mining" in "tantalite mining"); "" when none is.
std::string QueryBuilder::words_language(const std::string& text, const std::string& language) const {
  if (!language.empty()) return language;
  std::vector<Xapian::Query> known;
  const auto& function_words = indexer::stop_words("");  // "and" tells no language
  for (const auto& word : indexer::words_of(indexer::fold(text)))
    if (!is_stop_word(function_words, word) && impl_->db.term_exists(word)) known.emplace_back(word);
  if (known.empty()) return "";
  Xapian::Query all(Xapian::Query::OP_AND, known.begin(), known.end());
  std::string best;
  Xapian::doccount best_count = 0;
  for (const auto& candidate : impl_->fallback_languages) {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, all,
                                    Xapian::Query(indexer::schema::term(indexer::schema::kLanguage, candidate))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::doccount count = enquire.get_mset(0, 0).get_matches_estimated();
    if (count > best_count) best = candidate, best_count = count;
  }
  return best;
}

std::optional<std::string> QueryBuilder::spelling_correction(const std::string& text, const std::string& language) {
  if (!impl_->has_db || text.size() > kMaxQueryBytes || corpus::utf8::first_invalid(text)) return std::nullopt;
  std::string out;
  bool changed = false;
  std::optional<std::string> language_of_words;  // looked up at the first suggestion
  try {
    // The query is rewritten token by token, as the user typed it: only a misspelt word changes.
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t space = text.find(' ', pos);
      if (space == std::string::npos) space = text.size();
      std::string token = text.substr(pos, space - pos);
      pos = space + 1;
      // The word inside any syntax: -word, "word, (word), word". Operators and field filters stay.
      std::size_t begin = token.find_first_not_of("-+\"(");
      std::size_t end = token.find_last_not_of("\")*");
      bool is_word = begin != std::string::npos && end != std::string::npos && begin <= end &&
                     token.find(':') == std::string::npos && !is_query_operator(token);
      if (is_word) {
        std::string word = indexer::fold(token.substr(begin, end - begin + 1));
        // A word the index holds needs no correction, and looking one up is the costly part.
        if (word.size() >= 3 && word.find(' ') == std::string::npos && !impl_->db.term_exists(word)) {
          std::string suggestion = impl_->spelling.get_spelling_suggestion(word, 2);
          if (!suggestion.empty() && suggestion != word && !language_of_words) language_of_words = words_language(text, language);
          if (!suggestion.empty() && suggestion != word && (language_of_words->empty() || used_in(suggestion, *language_of_words))) {
            token = token.substr(0, begin) + written_form(suggestion) + token.substr(end + 1);
            changed = true;
          }
        }
      }
      if (!token.empty()) out += (out.empty() ? "" : " ") + token;
    }
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
  if (!changed) return std::nullopt;
  return out;
}

corpus::Result<BuiltQuery> QueryBuilder::build(const std::string& text, const std::string& language,
                                                const Filters& filters, const QueryOptions& options) {
  if (text.size() > kMaxQueryBytes) {
    return Error{ErrorCode::invalid_argument,
                 "the query is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(kMaxQueryBytes),
                 "", 0, "q"};
  }
  if (corpus::utf8::first_invalid(text)) return Error{ErrorCode::invalid_argument, "the query is not valid UTF-8", "", 0, "q"};
  auto checked_language = requested_language(language);
  if (!checked_language) return checked_language.error();
  const std::string& requested = *checked_language;

  BuiltQuery out;
  std::string folded = fold_query(text);
  if (auto error = normalise_years(folded)) return *error;

  PlainQuery plain = plain_query(folded);
  std::vector<indexer::ConceptMatch> concepts = indexer::Thesaurus::bundled().find(plain.words);

  bool detected_first = false;
  if (!requested.empty()) {
    out.languages = {requested};
  } else {
    // Detection is unreliable on a few words, so the query is also analysed in each of the
    // collection's languages and a document matches by its best analysis (OP_MAX).
    // A detection is used only for a language the index holds: CLD2 guesses exotic languages
    // for a few English words ("cyanide leaching" -> Kinyarwanda).
    // The thesaurus knows which language a domain word belongs to ("orpaillage"), where CLD2
    // has too little text to go on.
    std::string detected = indexer::Thesaurus::common_language(concepts);
    if (detected.empty()) detected = indexer::detect_language(text);
    if (!detected.empty() && impl_->has_db &&
        !impl_->db.term_exists(indexer::schema::term(indexer::schema::kLanguage, detected))) {
      detected.clear();
    }
    if (!detected.empty()) out.languages.push_back(detected);
    detected_first = !detected.empty();
    for (const auto& fallback : impl_->fallback_languages)
      if (std::find(out.languages.begin(), out.languages.end(), fallback) == out.languages.end())
        out.languages.push_back(fallback);
  }
  // The words as they are ("" = identity stemmer): matches records of no or another language.
  std::vector<std::string> analyses = out.languages;
  analyses.push_back("");

  Xapian::Query text_query;
  if (folded.find_first_not_of(" \t\r\n") != std::string::npos) {
    constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT |
                                Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_CJK_NGRAM;
    std::vector<Xapian::Query> variants;
    std::set<std::string> seen;
    try {
      // Only a query that holds "kind:" can filter on it; only such a query pays for the extra parse.
      out.lessons = filters.values.contains("kind") ||
                    (folded.find("kind:") != std::string::npos &&
                     mentions_lesson_kind(impl_->parser("", false).parse_query(folded, kFlags)));
      std::string default_prefix = out.lessons ? std::string(indexer::schema::kLesson) : std::string();
      Xapian::Query added;  // the thesaurus terms of the concepts the query names
      if (plain.plain && !concepts.empty()) added = impl_->expansion(plain, concepts, default_prefix, out.expansions);
      Xapian::Query boosts;  // words that stand together, words as written
      // Function words are left out by the requested language's list, else by all four lists:
      // a guess from a few words may be a language whose list lacks them.
      if (plain.plain) boosts = impl_->boosts(plain, requested, default_prefix);
      for (const auto& analysis_language : analyses) {
        Xapian::Query parsed =
            impl_->parser(analysis_language, out.lessons).parse_query(folded, kFlags, default_prefix);
        if (!seen.insert(parsed.get_description()).second) continue;
        bool has_preference = !requested.empty() || detected_first;
        bool preferred = analysis_language == out.languages.front();
        // Every variant is wrapped: Xapian merges an OR placed directly under OP_MAX into the
        // MAX, which would score a record by its single best word instead of the BM25 sum.
        // The thesaurus terms go inside each variant rather than in an OP_OR above the MAX:
        // Xapian 1.4.22 reads freed memory when it prunes an OP_MAX that lies under an OP_OR.
        double weight = !has_preference || preferred ? 1.0 : impl_->relevance.other_language_weight;
        if (!added.empty()) parsed = Xapian::Query(Xapian::Query::OP_OR, parsed, added);
        // The boosts are the same in every analysis, and checking positions is the dear part of
        // a search: only the analysis that counts in full gets them. (OP_AND_MAYBE instead of
        // OP_OR ranked worse under the OP_MAX: SciFact nDCG@10 0.6778 against 0.6915.)
        if (!boosts.empty() && weight == 1.0) parsed = Xapian::Query(Xapian::Query::OP_OR, parsed, boosts);
        variants.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, parsed, weight);
      }
      // The query's own language, given or detected, is translated into the collection's others.
      std::string source = requested.empty() && detected_first ? out.languages.front() : requested;
      if (options.translate && plain.plain && !plain.words.empty() && !source.empty()) {
        const auto* translator = impl_->translator.get();
        if (translator == nullptr || !translator->status().available) {
          out.translation_unavailable = translator == nullptr ? "translation is turned off" : translator->status().reason;
        } else {
          std::string words = translatable_text(text);
          for (const auto& target : impl_->fallback_languages) {
            if (target == source || !translator->can_translate(source, target)) continue;
            if (impl_->has_db && !impl_->db.term_exists(indexer::schema::term(indexer::schema::kLanguage, target))) continue;
            auto translation = translator->translate(words, source, target);
            if (!translation) {
              out.translation_unavailable = translation.error().message;
              continue;
            }
            Xapian::Query query =
                impl_->translated(*translation, plain, default_prefix, concepts, !options.prefer_language, added);
            if (query.empty()) continue;
            double weight = options.prefer_language ? impl_->relevance.other_language_weight
                                                    : impl_->relevance.translation_weight;
            variants.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, query, weight);
            out.translations[target] = translation->text();
          }
        }
      }
    } catch (const Xapian::QueryParserError& e) {
      return Error{ErrorCode::parse_error,
                   "the query could not be understood (" + e.get_msg() +
                       "); check brackets, quotes and operators, or put quotes around words meant literally",
                   "", 0, "q"};
    } catch (const std::exception&) {
      return Error{ErrorCode::parse_error, "the query could not be understood", "", 0, "q"};
    }
    text_query = variants.size() == 1 ? variants.front()
                                      : Xapian::Query(Xapian::Query::OP_MAX, variants.begin(), variants.end());
    // Countries and record names the query gives lift the records carrying them
    // (ranking/query_lifts.h).
    if (plain.plain) {
      std::string unit = out.lessons ? std::string(indexer::schema::kLesson) : std::string();
      QueryLifts named = query_lifts(text, unit, impl_->has_db ? &impl_->db : nullptr, impl_->relevance);
      out.recognised = std::move(named.recognised);
      if (!named.lifts.empty())
        text_query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, text_query,
                                   Xapian::Query(Xapian::Query::OP_OR, named.lifts.begin(), named.lifts.end()));
    }
  }

  if (filters.values.contains("kind")) out.lessons = true;
  std::string unit = out.lessons ? std::string(indexer::schema::kLesson) : std::string();
  std::vector<Xapian::Query> filter_parts;
  for (const auto& [name, values] : filters.values) {
    const FilterField* field = find_filter_field(name);
    if (field == nullptr) {
      return Error{ErrorCode::invalid_argument, "unknown filter \"" + name + "\"", "", 0, name};
    }
    std::vector<Xapian::Query> alternatives;
    for (const auto& value : values) {
      auto known = known_filter_value(name, value);
      if (!known) return known.error();
      alternatives.emplace_back(unit + indexer::schema::term(field->prefix, indexer::fold(*known)));
    }
    if (!alternatives.empty())
      filter_parts.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  if (filters.year_from || filters.year_to) {
    if (filters.year_from && filters.year_to && *filters.year_from > *filters.year_to) {
      return Error{ErrorCode::invalid_argument, "year_from is after year_to", "", 0, "year_from"};
    }
    filter_parts.push_back(YearRangeProcessor::year_query(filters.year_from, filters.year_to, out.lessons));
  }

  if (text_query.empty()) text_query = match_all();
  if (!filter_parts.empty()) {
    Xapian::Query filter(Xapian::Query::OP_AND, filter_parts.begin(), filter_parts.end());
    text_query = Xapian::Query(Xapian::Query::OP_FILTER, text_query, filter);
  }
  if (!out.lessons && can_match_lessons(text_query)) {
    text_query = Xapian::Query(Xapian::Query::OP_AND_NOT, text_query, any_lesson());
    out.excludes_lessons = true;
  }
  out.query = text_query;
  return out;
}

}  // namespace ranking
