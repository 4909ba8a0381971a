#include "ranking/snippet.h"

#include <vector>

#include "indexer/text_normalizer.h"

namespace ranking {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// The text between two words without Markdown markers (#, *, `) and with spacing collapsed, so
// a snippet of a Markdown body reads as prose.
std::string plain_gap(std::string_view gap) {
  std::string out;
  for (char c : gap) {
    if (c == '#' || c == '*' || c == '`') continue;
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string make_snippet(std::string_view text, const std::function<bool(std::string_view)>& matches,
                         const SnippetOptions& options) {
  if (text.size() > options.max_scan_bytes) {
    text = text.substr(0, options.max_scan_bytes);
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.remove_suffix(1);
    if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.remove_suffix(1);
  }
  struct Word {
    std::size_t begin, end;
    bool matched;
  };
  std::vector<Word> words;
  indexer::for_each_word(text, [&](std::size_t begin, std::size_t end) {
    words.push_back({begin, end, matches(text.substr(begin, end - begin))});
  });
  if (words.empty()) return "";

  // The window of `options.words` words with the most matches; ties go to the earliest.
  std::size_t width = std::min(options.words, words.size());
  std::size_t best_start = 0, best_count = 0, count = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].matched) ++count;
    if (i >= width && words[i - width].matched) --count;
    if (i + 1 >= width && count > best_count) {
      best_count = count;
      best_start = i + 1 - width;
    }
  }
  // Start a few words before the first match in the window, so it reads in context.
  if (best_count > 0) {
    std::size_t first = best_start;
    while (!words[first].matched) ++first;
    std::size_t lead = std::min<std::size_t>(4, first);
    best_start = std::min(first - lead, words.size() - width);
  }
  std::size_t last = best_start + width - 1;

  std::string out;
  if (best_start > 0) out += "… ";
  std::size_t pos = words[best_start].begin;
  for (std::size_t i = best_start; i <= last; ++i) {
    out += html_escape(plain_gap(text.substr(pos, words[i].begin - pos)));
    std::string_view word = text.substr(words[i].begin, words[i].end - words[i].begin);
    if (words[i].matched) {
      out += "<mark>" + html_escape(word) + "</mark>";
    } else {
      out += html_escape(word);
    }
    pos = words[i].end;
  }
  // The punctuation that closes the last word ("retorts." or "mercury,").
  std::string_view tail = text.substr(words[last].end);
  tail = tail.substr(0, std::min(tail.find_first_of(" \t\r\n"), tail.size()));
  out += html_escape(plain_gap(tail));
  if (last + 1 < words.size()) out += " …";
  return out;
}

}  // namespace ranking
