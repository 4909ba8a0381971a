#pragma once
// Cognate spellings: how a learned word the dictionaries do not know is likely spelt in another of
// the four languages. Scientific and technical words come from Latin and Greek into each of them
// by regular changes of spelling ("chloroplasts" -> "cloroplastos", "immunodeficiency" ->
// "inmunodeficiencia", "desobediente" -> "disobedient" is beyond them), which Apertium's general
// dictionaries leave out. A query's unknown word is then searched by these spellings too, stemmed
// in the target language, where the index holds them. Between English and each of Spanish, French
// and Portuguese, both ways; other pairs get none (their unknown words are mostly names, already
// written alike).

#include <string>
#include <vector>

namespace indexer {

// Spellings of `word` (folded: lower case, no accents) in `to`, most changed first; none when the
// pair has no rules, the word is short, or no rule applies.
std::vector<std::string> cognate_spellings(const std::string& word, const std::string& from, const std::string& to);

}  // namespace indexer
