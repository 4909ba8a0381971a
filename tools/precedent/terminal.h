#pragma once
// Terminal output helpers for the command: whether a stream is a terminal, styling that turns
// itself off when piped, and a progress line that redraws in place. Not thread-safe.

#include <cstdio>
#include <string>
#include <string_view>

namespace tools {

bool is_terminal(std::FILE* stream);

// ANSI bold/dim when `enabled`, the plain text otherwise.
std::string bold(std::string_view text, bool enabled);
std::string dim(std::string_view text, bool enabled);

// A snippet's <mark> tags as bold (or as the plain word), its HTML entities decoded.
std::string render_snippet(std::string_view html, bool styled);

// "1.2 MB", "340 KB"
std::string human_bytes(double bytes);
// "1:05:02", "4:07"
std::string human_duration(double seconds);

// Cuts UTF-8 text to at most `columns` code points, with an ellipsis.
std::string truncate_text(std::string_view text, std::size_t columns);

// Prints "\r<line>" on stderr, padding over a longer previous line; finish() ends the line.
class ProgressLine {
 public:
  void show(const std::string& line);
  void finish();

 private:
  std::size_t last_width_ = 0;
};

}  // namespace tools
