#pragma once
// The plain request and result structs of the Searcher facade: what the CLI and the HTTP handlers
// fill in and read, with no Xapian or HTTP in sight. Value types.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/document.h"
#include "corpus/result.h"
#include "indexer/record_translation.h"

namespace ranking {

enum class SortOrder { relevance, newest, oldest };

// Filters by field name (see filter_fields()); values within a field are ORed, fields ANDed.
struct Filters {
  std::map<std::string, std::vector<std::string>> values;  // "country" -> {"PE", "BO"}
  std::optional<int> year_from;  // records active in [year_from, year_to]
  std::optional<int> year_to;

  bool empty() const { return values.empty() && !year_from && !year_to; }
};

struct SearchRequest {
  std::string query;        // the user's query, in the syntax of DESIGN.md
  std::string language;     // ISO 639-1 of the query; "" to detect
  Filters filters;
  std::vector<std::string> facets;  // facet_fields() names to count over all matches
  std::size_t page = 1;     // 1-based
  std::size_t per_page = 10;
  SortOrder sort = SortOrder::relevance;
  // Also search the query translated into the collection's other languages (a plain query whose
  // language is given or detected; indexer/query_translator.h).
  bool translate = true;
  // Records in the query's language first, when they answer as well as others (QueryOptions).
  bool prefer_language = false;
  // The reader's language: hits in another one carry their machine translation into it, when the
  // index stores translations (RecordSummary::machine_translation). "" for none.
  std::string ui_language;
};

// A record's title and summary (and a similar initiative's lessons) machine-translated into the
// reader's language at indexing (indexer/record_translation.h); the original stays beside it.
struct ShownTranslation {
  std::string language;
  std::string title;
  std::string summary;
  std::vector<std::string> lessons;  // each lesson's text, in the record's order
};

// What every result list shows of a record.
struct RecordSummary {
  std::string id;
  std::string title;
  std::string type;
  std::string language;  // the language it was analysed in
  std::vector<std::string> countries;
  std::optional<int> start_year;
  std::optional<int> end_year;
  std::string outcome;
  // The first record of the group of near-duplicates this one belongs to, when it is not that
  // record itself (the same report ingested twice, see indexer/near_duplicates.h).
  std::string duplicate_of;
  // In the reader's language, when asked for, the record is in another and the index stores it.
  std::optional<ShownTranslation> machine_translation;
  std::string source_url;  // where the record's source is published, when it says
  // A funder's IATI activity: its identifier as published and its publisher; empty otherwise.
  std::string iati_identifier;
  std::string publisher;
};

// A lesson of a hit that holds the query's words.
struct MatchedLesson {
  std::string kind;
  std::string text;  // HTML-escaped, matched words in <mark>
};

// Another record, by id, in its language.
struct RecordLink {
  std::string id;
  std::string language;
};

struct Hit : RecordSummary {
  double score = 0;     // 0..1, relative to the best hit
  std::string snippet;  // HTML-escaped, matched words in <mark>
  // The record's lessons that hold a query word; in a search of lessons (`kind:`), the lesson
  // that matched best, with `more_lessons` counting the record's other matching lessons.
  std::vector<MatchedLesson> lessons;
  std::uint64_t more_lessons = 0;
  // Other records of its group in its language: near-duplicates, the same report ingested twice.
  // Results show a group once.
  std::uint64_t duplicates = 0;
  // ...and in other languages: the same initiative translated (corpus::Document::translation_of).
  std::vector<RecordLink> translations;
  // Other records of its group that are parts of the same initiative (corpus::Document::part_of:
  // a funder's other awards or sub-awards of it), by id; not counted in `duplicates`.
  std::vector<std::string> parts;
};

struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

// Words of a query that are a thesaurus concept's term, and the concept's other terms that the
// search added (those the index holds), in any of the four languages.
struct QueryExpansion {
  std::string matched;   // the query's words, folded
  std::string concept_id;
  std::vector<std::string> terms;
};

// Something a query names that the ranking prefers: records carrying it rank first, records
// without it still answer.
struct Recognised {
  std::string field;  // a filter field: "country", "place", "commodity", "organisation", "donor"; or "name"
  std::string value;  // as that filter takes it ("BF", "PE-MDD", "cobalt", the organisation's
                      // whole name); for "name", the words as typed
  std::string text;   // the query's words that named it, as typed ("Burkina Faso")

  bool operator==(const Recognised&) const = default;
};

struct SearchResponse {
  std::string query;
  std::vector<std::string> languages;  // languages the query was analysed in
  bool lessons = false;                // a search of lessons (`kind:`), one hit per record
  std::vector<QueryExpansion> expansions;  // thesaurus terms the search added, ranked below the query's own
  std::map<std::string, std::string> translations;  // language -> the query as translated and searched
  std::string translation_unavailable;  // why the query was not translated, when it was asked for and could not be
  // What the query names that the ranking prefers (ranking/query_lifts.h).
  std::vector<Recognised> recognised;
  std::uint64_t total = 0;             // estimated number of matching records
  std::size_t page = 1;
  std::size_t per_page = 10;
  double took_ms = 0;
  std::optional<std::string> did_you_mean;
  std::vector<Hit> hits;
  // Requested facets: values by descending count (at most kMaxFacetValues each).
  std::map<std::string, std::vector<FacetCount>> facets;
  // Shards of a sharded index that did not answer: the results are those of the others.
  std::vector<std::string> missing_shards;
};

struct SuggestRequest {
  std::string query;       // what the user has typed so far
  std::size_t limit = 8;   // completions and titles, each
};

struct TitleSuggestion {
  std::string id;
  std::string title;
};

struct SuggestResponse {
  std::string query;
  std::vector<std::string> completions;  // the query with its last word completed
  std::vector<TitleSuggestion> titles;   // records whose title starts like the query's words
  std::vector<std::string> missing_shards;  // as in SearchResponse
};

// A record as stored, with what the indexer decided about it.
struct StoredRecord {
  corpus::Document document;
  std::string source;           // file it came from, if any
  std::string language;         // language it was analysed in ("" if none)
  bool language_detected = false;
  std::string duplicate_of;     // as in RecordSummary
  // The other records of its group (Searcher::document): near-duplicates in its language, and
  // translations in others, as a search's Hit lists them.
  std::vector<RecordLink> group_duplicates;
  std::vector<RecordLink> group_translations;
  std::vector<std::string> group_parts;  // the other parts of its initiative (part_of), by id
  indexer::RecordTranslations translations;  // machine translations stored at indexing, by language
};

// What result lists show of `record`, with its machine translation into `ui_language` when it is
// in another language and one is stored.
RecordSummary summary_of(const StoredRecord& record, const std::string& ui_language);

struct IndexStats {
  std::uint64_t documents = 0;
  std::uint64_t revision = 0;
  std::uint64_t size_bytes = 0;
  // field -> value -> number of records ("language" -> "es" -> 24); for "kind", of lessons
  std::map<std::string, std::map<std::string, std::uint64_t>> counts;
  std::uint32_t shards = 1;                 // shards of the index (ranking/index_source.h)
  // Query translation: the language pairs available ("en-es"), and why some or all are not.
  std::vector<std::string> translation_pairs;
  std::string translation_problem;
  std::vector<std::string> missing_shards;  // as in SearchResponse
};

// The filterable fields and the limits on a request, in one place for the CLI, the HTTP
// handlers and the query parser.
struct FilterField {
  std::string_view name;      // as used in queries and parameters: "country"
  std::string_view prefix;    // the index term prefix
  bool upper_case = false;    // values are shown upper case (country codes)
};
const std::vector<FilterField>& filter_fields();
// The filter field of that name; nullptr when there is none.
const FilterField* find_filter_field(std::string_view name);
// A filter's value as the index holds it, or an Error naming the filter: a country by its code
// or its name in any of the four languages ("Peru", "Pérou" -> PE), a place by its ISO 3166-2
// code or name; the closed lists' values as they are. A value that matches nothing known would
// silently find nothing.
corpus::Result<std::string> known_filter_value(const std::string& name, const std::string& value);

// A request's language as searches and proposals use it: lower case, "" to detect (or, for
// `ui_lang`, none); an Error naming `field` when it is not an ISO 639-1 code.
corpus::Result<std::string> requested_language(const std::string& language, std::string_view field = "lang");

// The fields facets can be counted on, each from its value slot (indexer/schema.h).
struct FacetField {
  std::string_view name;
  unsigned slot;
  bool multi_valued;  // the slot holds several values joined by schema::kValueSeparator
  bool year = false;  // the slot holds a year as Xapian::sortable_serialise; counted as "2015"
};
const std::vector<FacetField>& facet_fields();

inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr std::size_t kMaxPerPage = 100;
inline constexpr std::size_t kMaxFacetValues = 50;
inline constexpr std::size_t kMaxSuggestions = 20;

}  // namespace ranking
