#pragma once
// Snippets: the part of a text where the query's words are densest, HTML-escaped, with the
// matched words wrapped in <mark>...</mark>. The caller says which (folded) words match, so the
// same code serves searches and, later, similar-records explanations. Thread-safe.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace ranking {

struct SnippetOptions {
  std::size_t words = 32;           // words in the excerpt
  std::size_t max_scan_bytes = 16384;  // only the start of long texts is scanned
};

// `matches` receives each word folded (indexer::fold) and says whether to mark it.
std::string make_snippet(std::string_view text, const std::function<bool(const std::string&)>& matches,
                         const SnippetOptions& options = {});

std::string html_escape(std::string_view text);

}  // namespace ranking
