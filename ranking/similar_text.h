#pragma once
// The words of the similar-initiatives recommender (ranking/recommender.h): which of a seed's
// terms carry its content, a proposal's words in the other languages the index holds, and the
// words that explain a match as the record writes them. Xapian's header: ranking's .cc only.

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus/document.h"

namespace indexer {
class QueryTranslator;
}

namespace ranking {

// Content stems ("Z..."): no metadata terms, title duplicates, numbers, number words, function
// words or project boilerplate in any of the four languages.
class ContentStemDecider : public Xapian::ExpandDecider {
 public:
  ContentStemDecider();
  bool operator()(const std::string& term) const override;

 private:
  const std::set<std::string>* stop_stems_;
};

// An analysed proposal's content stems the index holds, most telling first (wdf by idf), at most
// `count`.
std::vector<std::string> telling_stems(const Xapian::Document& analysed, const Xapian::Database& db, std::size_t count);

// The stems, in the other languages, of the thesaurus concepts a text names most often (at most
// `concepts` of them): single words only, those the index holds.
std::vector<std::string> translated_stems(const std::string& text, const std::string& language, const Xapian::Database& db,
                                          std::size_t concepts);

// The proposal's most telling words (at most `count`; function words, numbers, number words and
// words more than a tenth of the records use left out) translated into every other language the
// index holds, each word one OP_SYNONYM of its translations stemmed there. `stems` receives the
// terms used.
std::vector<Xapian::Query> translated_words(const Xapian::Document& analysed, const std::string& language,
                                            const Xapian::Database& db, const indexer::QueryTranslator& translator,
                                            std::size_t count, std::vector<std::string>& stems);

// A display word for a stem: the document's shortest unstemmed word that starts like it (stems
// may change a word's last letter: "mercury" -> "mercuri").
std::string word_for_stem(const Xapian::Document& doc, const std::string& stem);

// Folded words as the record writes them ("mineria" -> "minería"): each word's first use in the
// record's title, summary, lessons or body; a word no text folds to stays folded.
std::vector<std::string> as_written(const corpus::Document& record, const std::vector<std::string>& folded);

}  // namespace ranking
