#pragma once
// The cross-language domain thesaurus: concepts of ASM work, each with the terms used for it in
// English, Spanish, French and Portuguese (indexer/thesaurus/asm-thesaurus.toml, compiled into
// the program). Query building looks up the query's words here to add the other languages'
// terms; language detection uses it to tell short queries apart. Terms are held folded
// (indexer::fold) and split into words the way queries are. Immutable once built: thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/result.h"

namespace indexer {

struct ThesaurusTerm {
  std::string language;            // en, es, fr, pt
  std::string text;                // as written in the file
  std::vector<std::string> words;  // folded words
  std::vector<std::string> stems;  // the words stemmed in the term's language
};

struct ThesaurusConcept {
  std::string id;
  std::string theme;      // the record theme it belongs to (corpus::vocabulary::themes()), or ""
  std::string commodity;  // the commodity it names (corpus::vocabulary::commodities()), or ""
  std::vector<ThesaurusTerm> terms;  // each language's terms, preferred first
};

// A run of query words that is one of a concept's terms.
struct ConceptMatch {
  std::size_t first_word = 0;
  std::size_t word_count = 0;
  std::size_t concept_index = 0;
  std::vector<std::string> languages;  // languages in which the matched words are a term of it
};

class Thesaurus {
 public:
  // Parses the TOML text; errors name `origin`, the line and the concept's field.
  static corpus::Result<Thesaurus> parse(std::string_view toml, const std::string& origin);

  // The thesaurus shipped with the program.
  static const Thesaurus& bundled();

  std::size_t size() const { return concepts_.size(); }
  const ThesaurusConcept& concept_at(std::size_t index) const { return concepts_.at(index); }

  // The longest terms found in a sequence of folded words, left to right, not overlapping. Words
  // match a term when their stems in the term's language are the term's ("creuseurs" finds
  // "creuseur"), so the file lists each term once, in the singular.
  std::vector<ConceptMatch> find(const std::vector<std::string>& words) const;

  // The commodities folded words name, in order, each once: word by word, so a commodity inside a
  // longer term counts too ("artisanal gold miner" names gold).
  std::vector<std::string> commodities_named(const std::vector<std::string>& words) const;

  // The one language all the matches share (a query of "orpaillage" is French), or "" when
  // there are none or they share none or several.
  static std::string common_language(const std::vector<ConceptMatch>& matches);

 private:
  struct Entry {
    std::size_t concept_index;
    std::size_t term_index;
  };
  std::vector<ThesaurusConcept> concepts_;
  // "language:first stem" -> the terms that start with it
  std::unordered_map<std::string, std::vector<Entry>> by_first_stem_;
};

}  // namespace indexer
