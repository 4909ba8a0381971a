#pragma once
// The text of a query before Xapian sees it: folding that keeps the operators, year filters
// checked and rewritten, and a plain query's words, exclusions and filters (what the thesaurus,
// the boosts and the translation work on). Plain string functions, thread-safe; no Xapian here.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/result.h"

namespace ranking {

// Xapian's query operators (AND, OR, NOT, XOR, NEAR, ADJ), which folding leaves upper case.
bool is_query_operator(std::string_view token);

// Folds the query like the indexed text, but leaves the operators alone. Excluded words (-word,
// NOT word) are made unstemmed, so that an exclusion holds in every language the query is
// analysed in.
std::string fold_query(const std::string& text);

// Checks year: filters and rewrites a single year "year:2005" as the range "year:2005..2005";
// an Error naming the bad value.
std::optional<corpus::Error> normalise_years(std::string& text);

// A folded query's words, exclusions, field:value filters and ORs. Only a query written without
// other syntax is expanded with the thesaurus: alternatives added to words that stand in a
// phrase, a NEAR or an AND would change what was asked for.
struct PlainQuery {
  bool plain = true;
  std::vector<std::string> words;     // folded words in order (of any query, for detection)
  std::vector<std::string> excluded;  // folded words after '-'
  std::map<std::string, std::vector<std::string>> filters;  // field name -> values
};

PlainQuery plain_query(const std::string& folded);

// The words of a plain query as the user wrote them (accents and case kept, which a translator
// needs), without its exclusions, filters and operators.
std::string translatable_text(const std::string& text);

}  // namespace ranking
