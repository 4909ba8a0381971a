#include "ranking/searcher.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/apertium_pairs.h"
#include "indexer/index_access.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/stemmer.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "corpus/utf8.h"
#include "corpus/walker.h"
#include "ranking/facet_counter.h"
#include "ranking/query_builder.h"
#include "ranking/recommender.h"
#include "ranking/searcher_internal.h"
#include "ranking/snippet.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;
namespace schema = indexer::schema;

// The matcher looks at this many matches at least, so a total this small is exact.
constexpr Xapian::doccount kCheckAtLeast = 100;
// On an index of at most this many documents (records and lessons) the matcher looks at every
// match, so totals and pages are exact: cheap there, and a collection of a few thousand reports
// should never say 400 results of 128 records. Above it, the total is Xapian's estimate.
constexpr Xapian::doccount kExactTotalsUpTo = 20000;
// Completion looks at this many index words that start like the last word typed (in index
// order), and only once that word has this many bytes: one letter starts too many words for a
// useful or fast answer.
constexpr std::size_t kMaxCompletionCandidates = 500;
constexpr std::size_t kMinCompletionPrefix = 2;
// Titles are matched through the most frequent of those completions.
constexpr std::size_t kTitleCompletions = 10;

corpus::Result<std::vector<FacetField>> facet_list(const std::vector<std::string>& names) {
  std::vector<FacetField> out;
  for (const auto& name : names) {
    auto it = std::find_if(facet_fields().begin(), facet_fields().end(),
                           [&](const FacetField& f) { return f.name == name; });
    if (it == facet_fields().end()) {
      std::string known;
      for (const auto& f : facet_fields()) known += (known.empty() ? "" : ", ") + std::string(f.name);
      return Error{ErrorCode::invalid_argument, "unknown facet \"" + name + "\" (one of: " + known + ")", "", 0, "facets"};
    }
    if (std::none_of(out.begin(), out.end(), [&](const FacetField& f) { return f.name == name; })) out.push_back(*it);
  }
  return out;
}


// Says whether a word of a hit's text, as the text spells it, matches one of the query's terms,
// for snippets.
class TermMatcher {
 public:
  TermMatcher(const Xapian::Query& query, const std::vector<std::string>& languages,
              indexer::StemmerCache& stemmers)
      : languages_(languages), stemmers_(stemmers) {
    const std::string stemmed(schema::kStemmed), title(schema::kTitle), lesson(schema::kLesson);
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      std::string term = *it;
      bool stem = term.starts_with(stemmed);
      if (stem) term.erase(0, stemmed.size());
      if (term.starts_with(lesson) && term.size() > lesson.size() && !upper(term[lesson.size()])) term.erase(0, lesson.size());
      else if (term.starts_with(title)) term.erase(0, title.size());
      if (term.empty() || upper(term[0])) continue;  // a filter term
      (stem ? stems_ : words_).insert(term);
      first_bytes_[static_cast<unsigned char>(term[0])] = true;
    }
  }

  bool operator()(std::string_view word) {
    if (cannot_match(word)) return false;
    auto it = seen_.find(word);
    if (it == seen_.end()) {
      std::string folded = indexer::fold(word);
      bool matched = words_.contains(folded) || matches_a_stem(folded);
      it = seen_.emplace(std::string(word), matched ? std::move(folded) : std::string()).first;
    }
    // A function word of the text's language is not marked, whichever analysis of the query
    // matched it ("in" and "and" are words of the Spanish analysis of an English query).
    const std::string& folded = it->second;
    return !folded.empty() && !std::binary_search(function_words_->begin(), function_words_->end(), folded);
  }

  // The language of the texts matched next (a record's): its function words are never marked.
  void set_text_language(const std::string& language) { function_words_ = &indexer::stop_words(language); }

 private:
  // Most words of a text start with a letter that no query term starts with. Folding an ASCII
  // letter lower-cases it, and Snowball stems keep a word's first letter, so such a word is
  // turned away without folding or a lookup. Apostrophes are left to fold: "l'orpaillage" folds
  // to "orpaillage".
  bool cannot_match(std::string_view word) const {
    unsigned char first = static_cast<unsigned char>(word.front());
    if (first >= 0x80) return false;
    if (word.find('\'') != std::string_view::npos || word.find('\xE2') != std::string_view::npos) return false;
    if (first >= 'A' && first <= 'Z') first = static_cast<unsigned char>(first - 'A' + 'a');
    return !first_bytes_[first];
  }

  bool matches_a_stem(const std::string& word) {
    // Snowball stems keep a word's first letters; skip stemming words that share them with no
    // query stem (stemming each word in every language is the costly part).
    bool possible = std::any_of(stems_.begin(), stems_.end(), [&](const std::string& stem) {
      std::size_t n = std::min<std::size_t>(3, stem.size());
      return word.compare(0, n, stem, 0, n) == 0;
    });
    if (!possible) return false;
    for (const auto& language : languages_)
      if (stems_.contains(stemmers_.get(language)(word))) return true;
    return false;
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  const std::vector<std::string>& languages_;
  indexer::StemmerCache& stemmers_;
  std::set<std::string> words_, stems_;
  std::array<bool, 256> first_bytes_{};
  const std::vector<std::string>* function_words_ = &indexer::stop_words("");
  // A word as a text spells it -> its folded form when it matches a query term, else "".
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> seen_;
};

}  // namespace


namespace {

// Whether a record document is a part of another record's initiative (its kPartOf term).
bool is_part(const Xapian::Document& doc) {
  const std::string prefix(schema::kPartOf);
  auto it = doc.termlist_begin();
  it.skip_to(prefix);
  return it != doc.termlist_end() && (*it).starts_with(prefix);
}

// The other records of `doc`'s group: parts of the same initiative when it or `doc` is one
// (part_of), else near-duplicates when in its language, else translations (near-duplicates are
// found by their words, so they share a language).
struct GroupMembers {
  std::vector<RecordLink> duplicates, translations;
  std::vector<std::string> parts;
};
GroupMembers group_members(const Xapian::Database& db, Xapian::docid self, const Xapian::Document& doc) {
  GroupMembers out;
  std::string group = doc.get_value(schema::kShownAsSlot);
  if (group.empty()) return out;
  const std::string language = doc.get_value(schema::kLanguageSlot);
  const bool self_is_part = is_part(doc);
  const std::string term = schema::term(schema::kDuplicateGroup, group), id_prefix(schema::kId);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    if (*it == self) continue;
    Xapian::Document member = db.get_document(*it);
    auto id_term = member.termlist_begin();
    id_term.skip_to(id_prefix);
    if (id_term == member.termlist_end() || !(*id_term).starts_with(id_prefix)) continue;
    std::string id = (*id_term).substr(id_prefix.size());
    std::string member_language = member.get_value(schema::kLanguageSlot);
    if (self_is_part || is_part(member)) out.parts.push_back(std::move(id));
    else (member_language == language ? out.duplicates : out.translations).push_back({std::move(id), member_language});
  }
  return out;
}

}  // namespace

corpus::Result<StoredRecord> parse_stored(const Xapian::Document& doc) {
  auto json = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (!json.is_object() || !json.contains("record")) {
    return Error{ErrorCode::index, "a stored record is unreadable; re-index the collection", "", 0, ""};
  }
  auto document = corpus::document_from_json(json["record"], corpus::RecordOrigin{});
  if (!document) return document.error();
  StoredRecord out;
  out.document = std::move(document).value();
  out.source = json.value("source", "");
  out.language = json.value("language", "");
  out.language_detected = json.value("language_detected", false);
  if (auto it = json.find("translations"); it != json.end()) out.translations = indexer::translations_from_json(*it);
  std::string group = doc.get_value(schema::kShownAsSlot);
  // A translation or a part is in its original's group, and no duplicate of it.
  if (group != out.document.id && out.document.translation_of.empty() && out.document.part_of.empty())
    out.duplicate_of = std::move(group);
  return out;
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

corpus::Result<Searcher> Searcher::open(const std::filesystem::path& index_dir, const indexer::RelevanceConfig& relevance) {
  return open(IndexSource::of_folder(index_dir), relevance);
}

corpus::Result<Searcher> Searcher::open(const IndexSource& source, const indexer::RelevanceConfig& relevance) {
  auto shards = ShardSet::open(source);
  if (!shards) return shards.error();
  auto impl = std::make_unique<Impl>();
  impl->relevance = relevance;
  impl->builder = QueryBuilder(relevance);
  impl->translator = indexer::QueryTranslator::shared(indexer::apertium::configured_data_dir());
  impl->builder.set_translator(impl->translator);
  impl->shards.emplace(std::move(shards).value());
  impl->use_current();
  return Searcher(std::move(impl));
}

corpus::Result<SearchResponse> Searcher::search(const SearchRequest& request) {
  auto started = std::chrono::steady_clock::now();
  if (request.page < 1) return Error{ErrorCode::invalid_argument, "must be 1 or more", "", 0, "page"};
  if (request.per_page < 1 || request.per_page > kMaxPerPage) {
    return Error{ErrorCode::invalid_argument, "must be between 1 and " + std::to_string(kMaxPerPage), "", 0, "per_page"};
  }
  auto ui_language = requested_language(request.ui_language, "ui_lang");
  if (!ui_language) return ui_language.error();
  try {
    return impl_->read_current([&]() -> corpus::Result<SearchResponse> {
      auto built = impl_->builder.build(request.query, request.language, request.filters,
                                        QueryOptions{request.translate, request.prefer_language});
      if (!built) return built.error();

      auto facets = facet_list(request.facets);
      if (!facets) return facets.error();

      Xapian::Enquire enquire(impl_->db);
      enquire.set_weighting_scheme(impl_->weighting());
      enquire.set_query(built->query);
      // A search of lessons shows each record once, at its best lesson.
      bool by_unit = false;
      std::vector<FacetField> facet_slots = *facets;
      if (built->lessons) {
        by_unit = true;
        enquire.set_collapse_key(schema::kParentSlot);
        for (auto& field : facet_slots) field.slot = schema::lesson_slot(field.slot);
      } else if (impl_->has_duplicates()) {
        // A group of near-duplicates is shown once, at its best match.
        by_unit = true;
        enquire.set_collapse_key(schema::kShownAsSlot);
      }
      FacetCounter facet_counter(facet_slots, built->lessons, by_unit);
      // Xapian 1.4.22's remote matcher, sorting by value, shows some documents to the match
      // spies twice (tests/shards: nine extra in a browse of 600 records by year). Over remote
      // shards, a sorted search counts its facets in a match of its own, in relevance order.
      bool facets_apart = !facets->empty() && request.sort != SortOrder::relevance && impl_->shards->remote();
      if (!facets->empty() && !facets_apart) facet_counter.attach(enquire);
      if (request.sort != SortOrder::relevance) {
        unsigned start = built->lessons ? schema::lesson_slot(schema::kStartYearSlot) : schema::kStartYearSlot;
        enquire.set_sort_by_value_then_relevance(start, request.sort == SortOrder::newest);
      }
      Xapian::doccount first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
      // Facet counts are over every match, so the matcher must look at all of them; so must an
      // exact count of a query that excludes lessons (browsing, exclusions, years).
      const Xapian::doccount documents = impl_->db.get_doccount();
      const bool look_at_all = !facets->empty() || built->excludes_lessons || documents <= kExactTotalsUpTo;
      Xapian::doccount check_at_least = look_at_all ? documents : kCheckAtLeast;
      Xapian::MSet mset = enquire.get_mset(first, static_cast<Xapian::doccount>(request.per_page), check_at_least);
      if (facets_apart) {
        Xapian::Enquire counting(impl_->db);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        counting.set_query(built->query);
        facet_counter.attach(counting);
        counting.get_mset(0, 0, check_at_least);
      }

      // Snippets mark the translations' words too, stemmed in their languages.
      std::vector<std::string> marked_languages = built->languages;
      for (const auto& [language, text] : built->translations)
        if (std::find(marked_languages.begin(), marked_languages.end(), language) == marked_languages.end())
          marked_languages.push_back(language);
      TermMatcher matcher(built->query, marked_languages, impl_->stemmers);
      SearchResponse response;
      response.query = request.query;
      response.languages = built->languages;
      response.lessons = built->lessons;
      response.expansions = built->expansions;
      response.translations = built->translations;
      response.translation_unavailable = built->translation_unavailable;
      response.recognised = built->recognised;
      // When the matcher saw every match, the lower bound is the exact count; Xapian's estimate
      // of a collapsed search stays loose even then (124 records whose lessons match, estimated
      // at 200), and over shards it comes out exact, so one index and shards would disagree.
      response.total = look_at_all ? mset.get_matches_lower_bound()
                                   : std::min<Xapian::doccount>(mset.get_matches_estimated(), indexer::record_count(impl_->db));
      response.page = request.page;
      response.per_page = request.per_page;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        std::optional<std::size_t> found_lesson;  // in a search of lessons: the lesson that matched
        if (built->lessons) {
          auto unit = nlohmann::json::parse(doc.get_data(), nullptr, false);
          if (!unit.is_object() || !unit.contains("lesson_of")) continue;
          std::string parent = schema::term(schema::kId, unit.value("lesson_of", ""));
          auto posting = impl_->db.postlist_begin(parent);
          if (posting == impl_->db.postlist_end(parent)) continue;
          doc = impl_->db.get_document(*posting);
          found_lesson = unit.value("index", std::size_t{0});
        }
        auto stored = parse_stored(doc);
        if (!stored) return stored.error();
        const corpus::Document& record = stored->document;
        Hit hit;
        static_cast<RecordSummary&>(hit) = summary_of(*stored, *ui_language);
        matcher.set_text_language(hit.language);
        hit.score = it.get_percent() / 100.0;
        SnippetOptions whole_lesson;
        whole_lesson.words = 80;
        if (found_lesson) {
          if (*found_lesson < record.lessons.size()) {
            const corpus::Lesson& lesson = record.lessons[*found_lesson];
            hit.lessons.push_back({lesson.kind, make_snippet(lesson.text, std::ref(matcher), whole_lesson)});
          }
          hit.more_lessons = it.get_collapse_count();
        } else {
          hit.duplicates = it.get_collapse_count();
          if (!doc.get_value(schema::kShownAsSlot).empty()) {
            GroupMembers members = group_members(impl_->db, *it, doc);
            hit.duplicates = members.duplicates.size();
            hit.translations = std::move(members.translations);
            hit.parts = std::move(members.parts);
          }
          for (const auto& lesson : record.lessons) {
            std::string marked = make_snippet(lesson.text, std::ref(matcher), whole_lesson);
            if (marked.find("<mark>") != std::string::npos) hit.lessons.push_back({lesson.kind, std::move(marked)});
          }
        }
        // The summary and lessons say what a record is about; the body is scanned only when
        // they hold none of the query's words (it is most of the text, and of the time).
        std::string text = record.summary;
        for (const auto& lesson : record.lessons) text += "\n" + lesson.text;
        hit.snippet = make_snippet(text, std::ref(matcher));
        if (hit.snippet.find("<mark>") == std::string::npos && !record.body.empty()) {
          hit.snippet = make_snippet(text + "\n" + record.body, std::ref(matcher));
        }
        response.hits.push_back(std::move(hit));
      }
      if (!facets->empty()) response.facets = facet_counter.counts(kMaxFacetValues);
      // Whatever the results: a word the index does not hold may be misspelt even when its
      // neighbours find records. Only such words are looked up (the costly part), so a query
      // whose words the index holds pays one term lookup per word.
      if (!request.query.empty()) response.did_you_mean = impl_->builder.spelling_correction(request.query, request.language);
      response.missing_shards = impl_->shards->missing();
      response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      return response;
    });
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "searching the index failed: " + e.get_msg(), "", 0, ""};
  }
}

void Searcher::set_similarity(const SimilarityConfig& config) { impl_->similarity = config; }

// Checks the request and hands it to the Recommender (ranking/recommender.h) over the index as it is.
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
                 "", 0, "text"};
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
  std::optional<Xapian::Query> filter_query;
  if (!request.filters.empty()) filter_query = filter->query;
  try {
    return impl_->read_current([&]() -> corpus::Result<SimilarResponse> {
      Xapian::BM25Weight weighting = impl_->weighting();
      Recommender recommender(impl_->db, config, weighting, *impl_->translator, impl_->has_duplicates());
      auto response = recommender.recommend(request, *language, *ui_language, filter_query);
      // A seed not found may be on a shard that does not answer.
      if (!response && response.error().code == ErrorCode::not_found && !impl_->shards->missing().empty())
        return impl_->shards->unavailable();
      if (!response) return response;
      response->missing_shards = impl_->shards->missing();
      response->took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      return response;
    });
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

corpus::Result<StoredRecord> Searcher::document(const std::string& id) {
  try {
    return impl_->read_current([&]() -> corpus::Result<StoredRecord> {
      std::string term = schema::term(schema::kId, id);
      auto posting = impl_->db.postlist_begin(term);
      if (posting == impl_->db.postlist_end(term)) {
        // The record may be on a shard that does not answer.
        if (!impl_->shards->missing().empty()) return impl_->shards->unavailable();
        return Error{ErrorCode::not_found, "no record with id \"" + id + "\"", "", 0, "id"};
      }
      Xapian::Document doc = impl_->db.get_document(*posting);
      auto stored = parse_stored(doc);
      if (stored) {
        GroupMembers members = group_members(impl_->db, *posting, doc);
        stored->group_duplicates = std::move(members.duplicates);
        stored->group_translations = std::move(members.translations);
        stored->group_parts = std::move(members.parts);
      }
      return stored;
    });
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

corpus::Result<SuggestResponse> Searcher::suggest(const SuggestRequest& request) {
  if (request.limit < 1 || request.limit > kMaxSuggestions) {
    return Error{ErrorCode::invalid_argument, "must be between 1 and " + std::to_string(kMaxSuggestions), "", 0, "limit"};
  }
  if (request.query.size() > kMaxQueryBytes) {
    return Error{ErrorCode::invalid_argument, "longer than " + std::to_string(kMaxQueryBytes) + " bytes", "", 0, "q"};
  }
  if (corpus::utf8::first_invalid(request.query)) return Error{ErrorCode::invalid_argument, "not valid UTF-8", "", 0, "q"};
  SuggestResponse response;
  response.query = request.query;
  std::string folded = indexer::fold(request.query);
  std::vector<std::string> words = indexer::words_of(folded);
  if (words.empty()) return response;
  // The last word is being typed unless the query ends in a space.
  bool typing = !std::isspace(static_cast<unsigned char>(folded.back()));
  std::string last = typing ? words.back() : "";
  if (last.size() < kMinCompletionPrefix) last.clear();
  // What comes before the word being completed stays as typed.
  std::string before = request.query;
  if (typing) before.erase(before.find_last_of(" \t\r\n") == std::string::npos ? 0 : before.find_last_of(" \t\r\n") + 1);
  try {
    return impl_->read_current([&]() -> corpus::Result<SuggestResponse> {
      const Xapian::Database& db = impl_->db;
      std::vector<std::pair<Xapian::doccount, std::string>> candidates;  // by frequency, most first
      if (!last.empty()) {
        std::size_t seen = 0;
        for (auto it = db.allterms_begin(last); it != db.allterms_end(last) && seen < kMaxCompletionCandidates; ++it, ++seen) {
          // A possessive ("mercury's") completes to no more than its word does.
          if ((*it).find('\'') == std::string::npos) candidates.emplace_back(it.get_termfreq(), *it);
        }
        std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t i = 0; i < candidates.size() && response.completions.size() < request.limit; ++i) {
          response.completions.push_back(before + impl_->builder.written_form(candidates[i].second));
        }
      }
      std::vector<Xapian::Query> parts;
      const std::string title(schema::kTitle);
      for (std::size_t i = 0; i + (typing ? 1 : 0) < words.size(); ++i) parts.emplace_back(title + words[i]);
      if (!last.empty()) {
        std::vector<Xapian::Query> completed;
        for (std::size_t i = 0; i < candidates.size() && completed.size() < kTitleCompletions; ++i)
          completed.emplace_back(title + candidates[i].second);
        if (completed.empty()) return response;
        parts.emplace_back(Xapian::Query::OP_OR, completed.begin(), completed.end());
      }
      if (parts.empty()) return response;
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        // Only the id and the title are needed: no need to validate the whole stored record.
        auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
        if (!data.is_object() || !data["record"].is_object()) continue;
        const auto& record = data["record"];
        if (record.value("id", "").empty()) continue;
        response.titles.push_back({record.value("id", ""), record.value("title", "")});
      }
      response.missing_shards = impl_->shards->missing();
      return response;
    });
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

corpus::Result<IndexStats> Searcher::stats(bool with_counts) {
  try {
    return impl_->read_current([&]() -> corpus::Result<IndexStats> {
      IndexStats out;
      out.documents = indexer::record_count(impl_->db);
      out.revision = impl_->shards->revision();
      for (const auto& folder : impl_->shards->local_folders()) out.size_bytes += corpus::folder_bytes(folder);
      out.shards = static_cast<std::uint32_t>(impl_->shards->source().shards.size());
      out.missing_shards = impl_->shards->missing();
      out.translation_pairs = impl_->translator->status().pairs;
      out.translation_problem = impl_->translator->status().reason;
      for (const auto& field : filter_fields()) {
        if (!with_counts) break;
        if (field.name == "lang" || field.name == "organisation" || field.name == "donor") continue;
        auto& counts = out.counts[std::string(field.name)];
        // Kinds are counted over lessons, the one unit that has them.
        std::string prefix = field.name == "kind" ? schema::lesson_term(field.prefix) : std::string(field.prefix);
        for (auto it = impl_->db.allterms_begin(prefix); it != impl_->db.allterms_end(prefix); ++it) {
          std::string value = (*it).substr(prefix.size());
          if (field.upper_case)
            for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          counts[value] = it.get_termfreq();
        }
      }
      return out;
    });
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

}  // namespace ranking
