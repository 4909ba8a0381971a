#pragma once
// Text normalisation shared by indexing, querying and snippets, so that `mineria`, `MINERÍA` and
// `minería` are one term everywhere: ICU NFKC case folding with accents removed, typographic
// apostrophes made ASCII, and French/Italian elisions (l', d', qu'...) dropped from the front of
// words. ICU stays in the .cc file. All functions are thread-safe.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace indexer {

// Case- and accent-folded text: NFD, nonspacing marks removed, NFKC_Casefold, apostrophes to
// U+0027, elisions removed. Punctuation and spacing are kept, so query syntax survives folding.
std::string fold(std::string_view text);

// Lower-case text with its accents kept ("Formalización" -> "formalización"), for showing a
// word the way the collection writes it.
std::string lower(std::string_view text);

// Calls `visit(begin, end)` with the byte range of every word (ICU word boundaries, words that
// contain a letter or a digit) of UTF-8 text, in order.
void for_each_word(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit);

// The words of UTF-8 text (for_each_word), as strings; fold the text first for folded words.
std::vector<std::string> words_of(std::string_view text);

}  // namespace indexer
