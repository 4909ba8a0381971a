#include "tools/precedent/terminal.h"

#include <unistd.h>

#include <cmath>

namespace tools {

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) == 1; }

std::string bold(std::string_view text, bool enabled) {
  return enabled ? "\033[1m" + std::string(text) + "\033[0m" : std::string(text);
}

std::string dim(std::string_view text, bool enabled) {
  return enabled ? "\033[2m" + std::string(text) + "\033[0m" : std::string(text);
}

std::string render_snippet(std::string_view html, bool styled) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    auto starts = [&](std::string_view s) { return html.substr(i, s.size()) == s; };
    if (starts("<mark>")) { out += styled ? "\033[1;33m" : ""; i += 6; }
    else if (starts("</mark>")) { out += styled ? "\033[0m" : ""; i += 7; }
    else if (starts("&amp;")) { out += '&'; i += 5; }
    else if (starts("&lt;")) { out += '<'; i += 4; }
    else if (starts("&gt;")) { out += '>'; i += 4; }
    else if (starts("&quot;")) { out += '"'; i += 6; }
    else if (starts("&#39;")) { out += '\''; i += 5; }
    else { out += html[i++]; }
  }
  return out;
}

std::string human_bytes(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int unit = 0;
  while (bytes >= 1000 && unit < 4) {
    bytes /= 1000;
    ++unit;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
  return buffer;
}

std::string human_duration(double seconds) {
  long total = std::lround(std::max(0.0, seconds));
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

std::string truncate_text(std::string_view text, std::size_t columns) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (count == columns) {
        // Back off one code point to make room for the ellipsis.
        std::size_t cut = i;
        do { --cut; } while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);
        return std::string(text.substr(0, cut)) + "…";
      }
      ++count;
    }
  }
  return std::string(text);
}

void ProgressLine::show(const std::string& line) {
  std::string padded = line;
  if (padded.size() < last_width_) padded.append(last_width_ - padded.size(), ' ');
  last_width_ = line.size();
  std::fprintf(stderr, "\r%s", padded.c_str());
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (last_width_ > 0) std::fprintf(stderr, "\r%s\r", std::string(last_width_, ' ').c_str());
  last_width_ = 0;
}

}  // namespace tools
