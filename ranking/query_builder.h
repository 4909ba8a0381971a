#pragma once
// QueryBuilder: user query text and filters in, a Xapian query out, through the same folding,
// stemmers and term prefixes the indexer used (indexer/schema.h, indexer/text_normalizer.h).
// The syntax (words, "phrases", -exclusion, OR/AND/NOT, field:value filters, year:FROM..TO) is
// Xapian's QueryParser's; we fold the text first and translate its errors. Holds parsers and
// stemmers: NOT thread-safe, one per thread. Included only by ranking's .cc files and tests.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus/result.h"
#include "indexer/relevance_config.h"
#include "ranking/search_types.h"

namespace indexer {
class QueryTranslator;
}

namespace ranking {

struct BuiltQuery {
  Xapian::Query query;
  std::vector<std::string> languages;  // the languages the text was analysed in
  // A `kind:` filter (in the text or the filters) makes it a search of lessons rather than of
  // records: every term then carries indexer::schema::kLesson (see indexer/schema.h).
  bool lessons = false;
  // The query matched every document or a range of values, so lessons had to be excluded
  // explicitly; Xapian's estimate of such a query's matches is loose.
  bool excludes_lessons = false;
  // Thesaurus terms added to the query (ranking/search_types.h).
  std::vector<QueryExpansion> expansions;
  // The query as translated and searched in other languages ("es" -> "minería oro"), and why it
  // was not when translation was asked for and could not be done.
  std::map<std::string, std::string> translations;
  std::string translation_unavailable;
  // What the query names that the ranking prefers (ranking/query_lifts.h).
  std::vector<Recognised> recognised;
};

struct QueryOptions {
  // A plain query (words, exclusions, filters) is also searched translated into each other
  // language the collection holds, when the query's language is given or detected.
  bool translate = true;
  // Records in the query's own language rank above equally good ones in another: translations
  // then count as the query's other-language analyses do (RelevanceConfig::other_language_weight),
  // and are the dictionaries' alone, without the thesaurus's full-weight terms.
  bool prefer_language = false;
};

class QueryBuilder {
 public:
  // `fallback_languages`: what a query is analysed in when no language is given or detected
  // (the collection's languages).
  explicit QueryBuilder(const indexer::RelevanceConfig& relevance = {},
                        std::vector<std::string> fallback_languages = {"en", "es", "fr", "pt"});
  ~QueryBuilder();
  QueryBuilder(QueryBuilder&&) noexcept;
  QueryBuilder& operator=(QueryBuilder&&) noexcept;

  // Wildcards expand against `db`; call again after the database is reopened. Spelling
  // corrections come from `db` too, unless set_spelling_database() names another.
  void set_database(const Xapian::Database& db);
  // The database whose spelling dictionary corrections come from: a sharded index's local
  // spelling index, as Xapian's remote backend has no spelling (ranking/shard_set.h).
  void set_spelling_database(const Xapian::Database& db);

  // Translates queries into the collection's other languages; none: no translation.
  void set_translator(std::shared_ptr<const indexer::QueryTranslator> translator);

  corpus::Result<BuiltQuery> build(const std::string& text, const std::string& language,
                                   const Filters& filters, const QueryOptions& options = {});

  // The query with misspelt words replaced by the closest words of the index's spelling
  // dictionary, or nullopt when nothing would change. Needs set_database().
  // Words the user wrote correctly stay as typed; a correction is shown as the collection
  // writes it, accents included.
  // A correction is a word records in the query's language use: `language` when the caller gives
  // it, else the language of most records holding the query's other content words (a detector
  // guesses too freely from a few misspelt words). So an English query is never told of a French
  // word ("tantalite mining" is not "tantale mining"); a word with no such correction stays as
  // typed, and with no other word to go on any language's word may correct it.
  std::optional<std::string> spelling_correction(const std::string& text, const std::string& language = "");

  // How the collection writes a folded index word ("formalizacion" -> "formalización"), in lower
  // case; the word itself when no record shows it. Needs set_database().
  std::string written_form(const std::string& folded_word) const;

 private:
  bool used_in(const std::string& word, const std::string& language) const;
  std::string words_language(const std::string& text, const std::string& language) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ranking
