#pragma once
// The names a record's title gives it, so a query naming a programme, a report or an institution
// finds that record first ("REINFO", "planetGOLD", "PNRO", "Global Mercury Project"). From the
// title alone:
// - its head, the words before the first ": " or " (" ("planetGOLD" in "planetGOLD (GEF GOLD):
//   global programme..."), or the whole title when it has neither; at most kMaxNameWords words;
// - each parenthesised group of at most kMaxNameWords words without a comma ("GEF GOLD", "CMS");
// - each acronym: a word of at least three letters, all capitals ("REINFO", "PNRO", "CASM").
// Names come back folded (indexer/text_normalizer.h), words joined by one space, each once.
// Plain function of its input, no Xapian.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace indexer {

inline constexpr std::size_t kMaxNameWords = 5;

std::vector<std::string> title_names(std::string_view title);

}  // namespace indexer
