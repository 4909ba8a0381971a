#pragma once
// Language detection with CLD2 (kept in the .cc file). Thread-safe.

#include <string>
#include <string_view>

namespace indexer {

// The ISO 639-1 code of the text's language when CLD2 is confident, else "".
std::string detect_language(std::string_view text);

}  // namespace indexer
