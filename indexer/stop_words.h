#pragma once
// Function words of the collection's languages, folded (indexer::fold): they say nothing about
// what a record is about, so queries leave them out (when relevance says so) and the
// recommender never explains a similarity by them. Thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace indexer {

// The function words of en, es, fr or pt; for "" the four lists together; empty for other
// languages. Every list is sorted.
const std::vector<std::string>& stop_words(std::string_view language);

// Whether a folded word is a number word of the four languages ("four", "cuatro", "quatre",
// "quatro", "million", "mil"): it counts things rather than saying what a text is about, so the
// recommender neither finds nor explains a similarity by it.
bool is_number_word(std::string_view word);
// Those words, sorted.
const std::vector<std::string>& number_words();

// The vocabulary every concept note and project report uses whatever it is about ("project",
// "budget", "objectives", "proyecto", "presupuesto", "projet", "projeto"...), folded, sorted: the
// recommender neither finds nor explains a similarity by it.
const std::vector<std::string>& boilerplate_words();

}  // namespace indexer
