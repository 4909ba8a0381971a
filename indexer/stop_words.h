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

}  // namespace indexer
