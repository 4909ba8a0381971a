#pragma once
// Snippets: the part of a text where the query's words are densest, HTML-escaped, with the
// matched words wrapped in <mark>...</mark>. The caller says which words match, so the same code
// serves searches and, later, similar-records explanations. Thread-safe.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace ranking {

struct SnippetOptions {
  std::size_t words = 32;           // words in the excerpt
  std::size_t max_scan_bytes = 16384;  // only the start of long texts is scanned
};

// `matches` receives each word as the text spells it and says whether to mark it; it folds the
// word (indexer::fold) to compare it with index terms, and may remember its answers, since words
// repeat within a text and across a page of hits.
std::string make_snippet(std::string_view text, const std::function<bool(std::string_view)>& matches,
                         const SnippetOptions& options = {});

std::string html_escape(std::string_view text);

}  // namespace ranking
