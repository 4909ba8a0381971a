#pragma once
// PDF reports through poppler-cpp: the text of every page in reading order, the title from the
// document's metadata (else its first line of text) and the author's name. A PDF that needs a
// password, that poppler cannot open, or whose pages hold no text (a scan) is reported as such,
// never indexed empty. poppler stays in the .cc file.

#include <chrono>
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "corpus/result.h"

namespace corpus {

// Pages read from one PDF; the rest of a longer one is left out.
inline constexpr int kMaxPdfPages = 2000;

// Time one PDF may take: a 2,000-page report reads in about 5 s here, so a file still being read
// after this is built to stall the reader (or broken in a way that does), and is refused.
inline constexpr std::chrono::milliseconds kMaxPdfTime{30'000};

// The fields of the record a PDF holds ("id" is left to the caller); an Error naming
// `file_name` when it cannot be read, or has not been read within `time_limit` (checked
// between pages).
Result<nlohmann::json> pdf_record_fields(std::string_view file_name, std::string_view content,
                                         std::chrono::milliseconds time_limit = kMaxPdfTime);

}  // namespace corpus
