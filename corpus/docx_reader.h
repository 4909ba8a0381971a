#pragma once
// Word documents (.docx) through libzip and pugixml: the body's paragraphs, headings and table
// cells in order (word/document.xml), the title and the author from the core properties
// (docProps/core.xml; the title falls back to the first heading or paragraph). Bounded: an entry
// that unpacks larger than kMaxDocxXmlBytes, or more than kMaxDocxRatio times its packed size (a
// zip bomb), is refused. libzip and pugixml stay in the .cc file.

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "corpus/result.h"

namespace corpus {

inline constexpr std::uint64_t kMaxDocxXmlBytes = 64u << 20;
inline constexpr std::uint64_t kMaxDocxRatio = 100;

// The fields of the record a .docx holds ("id" is left to the caller); an Error naming
// `file_name` and the reason when it cannot be read.
Result<nlohmann::json> docx_record_fields(std::string_view file_name, std::string_view content);

}  // namespace corpus
