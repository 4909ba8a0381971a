#pragma once
// UTF-8 checks for readers: where the first ill-formed sequence is, and a copy with each
// ill-formed sequence replaced by U+FFFD so that the rest of a record can still be parsed and the
// field at fault named. Stateless and thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace corpus::utf8 {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Byte offset of the first ill-formed sequence (overlong forms, surrogates and code points above
// U+10FFFF count as ill-formed), or nullopt when the text is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view text);

// The text with every ill-formed sequence replaced by U+FFFD.
std::string replace_invalid(std::string_view text);

// 1-based line number of a byte offset.
int line_of(std::string_view text, std::size_t offset);

// 1-based column of a byte offset: characters from the start of its line (a character's bytes
// count once), as editors number them.
int column_of(std::string_view text, std::size_t offset);

// The longest start of `text` of at most `max_bytes` bytes that ends between characters (a cut
// inside a character moves back to its first byte).
std::string_view prefix(std::string_view text, std::size_t max_bytes);

// The text with every run of ASCII white space made one space, and none at either end.
std::string collapse_spaces(std::string_view text);

}  // namespace corpus::utf8
