#pragma once
// Web pages saved from knowledge centres: libxml2's HTML parser (which recovers from broken
// markup and converts the declared charset to UTF-8) turns a page into a record's fields: the
// title (<title>, else the first <h1>), the summary (meta description), the language (<html
// lang>), the canonical address, and the main text (<main>, else <article>, else <body>) without
// navigation, scripts, styles and forms. libxml2 stays in the .cc file.

#include <string_view>

#include <nlohmann/json.hpp>

#include "corpus/result.h"

namespace corpus {

// The fields of the one record a page holds ("id" is left to the caller); an Error naming
// `file_name` when the page cannot be parsed.
Result<nlohmann::json> html_record_fields(std::string_view file_name, std::string_view content);

}  // namespace corpus
