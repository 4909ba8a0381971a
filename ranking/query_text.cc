#include "ranking/query_text.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "indexer/text_normalizer.h"
#include "ranking/search_types.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;

bool is_year(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A folded word with its first letter upper case: Xapian's STEM_SOME leaves such words
// unstemmed, so they match the exact (folded) word, which every record indexes whatever its
// language.
std::string unstemmed(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// The text's tokens: what stands between white space.
std::vector<std::string> tokens_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t space = text.find_first_of(" \t\r\n", pos);
    if (space == std::string::npos) space = text.size();
    if (space > pos) out.push_back(text.substr(pos, space - pos));
    pos = space + 1;
  }
  return out;
}

}  // namespace

bool is_query_operator(std::string_view token) {
  static const std::set<std::string, std::less<>> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  return operators.contains(token);
}

std::optional<corpus::Error> normalise_years(std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t found = text.find("year:", pos);
    if (found == std::string::npos || (found > 0 && !std::isspace(static_cast<unsigned char>(text[found - 1])) &&
                                       text[found - 1] != '(' && text[found - 1] != '-' && text[found - 1] != '+')) {
      if (found == std::string::npos) break;
      out += text.substr(pos, found + 5 - pos);
      pos = found + 5;
      continue;
    }
    std::size_t value_begin = found + 5;
    std::size_t value_end = text.find_first_of(" \t)", value_begin);
    if (value_end == std::string::npos) value_end = text.size();
    std::string value = text.substr(value_begin, value_end - value_begin);
    auto dots = value.find("..");
    bool ok;
    std::string rewritten;
    if (dots == std::string::npos) {
      ok = is_year(value);
      rewritten = value + ".." + value;
    } else {
      std::string from = value.substr(0, dots), to = value.substr(dots + 2);
      ok = (from.empty() || is_year(from)) && (to.empty() || is_year(to)) && !(from.empty() && to.empty()) &&
           (from.empty() || to.empty() || from <= to);
      rewritten = value;
    }
    if (!ok) {
      return Error{ErrorCode::parse_error,
                   "year: expects a year or a range FROM..TO (like year:2005 or year:2000..2010), got \"" +
                       value + "\"", "", 0, "q"};
    }
    out += text.substr(pos, value_begin - pos) + rewritten;
    pos = value_end;
  }
  out += text.substr(pos);
  text = std::move(out);
  return std::nullopt;
}

std::string fold_query(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  bool after_not = false;
  while (pos < text.size()) {
    std::size_t space = text.find_first_of(" \t\r\n", pos);
    if (space == std::string::npos) space = text.size();
    std::string token = text.substr(pos, space - pos);
    if (is_query_operator(token)) {
      out += token;
      after_not = token == "NOT";
    } else {
      std::string folded = indexer::fold(token);
      if (folded.size() > 1 && folded[0] == '-') folded = "-" + unstemmed(folded.substr(1));
      else if (after_not) folded = unstemmed(folded);
      // ".." means a range to Xapian, and only year: takes one: an ellipsis elsewhere
      // ("wait... what") is punctuation.
      if (folded.find("year:") == std::string::npos) {
        for (std::size_t dots = folded.find(".."); dots != std::string::npos; dots = folded.find("..", dots))
          folded.replace(dots, 2, "  ");
      }
      out += folded;
      after_not = false;
    }
    if (space < text.size()) out += ' ';
    pos = space + 1;
  }
  return out;
}

PlainQuery plain_query(const std::string& folded) {
  PlainQuery out;
  auto add_words = [](const std::string& text, std::vector<std::string>& to) {
    auto words = indexer::words_of(indexer::fold(text));  // fold again: exclusions were made upper case
    to.insert(to.end(), words.begin(), words.end());
  };
  for (const auto& token : tokens_of(folded)) {
    if (token == "OR") continue;  // between words, what the query does anyway
    if (is_query_operator(token) || token.find_first_of("\"()*+") != std::string::npos) {
      out.plain = false;
      if (!is_query_operator(token)) add_words(token, out.words);
      continue;
    }
    if (std::size_t colon = token.find(':'); colon != std::string::npos) {
      std::string name = token.substr(0, colon);
      bool filter = name != "year" && colon + 1 < token.size() && find_filter_field(name) != nullptr;
      if (filter) out.filters[name].push_back(token.substr(colon + 1));
      else out.plain = false;
      continue;
    }
    if (token[0] == '-') add_words(token.substr(1), out.excluded);
    else add_words(token, out.words);
  }
  return out;
}

std::string translatable_text(const std::string& text) {
  std::string out;
  for (auto token : tokens_of(text)) {
    if (is_query_operator(token) || token[0] == '-' || token.find(':') != std::string::npos) continue;
    std::erase_if(token, [](char c) { return std::string_view("\"()*+").find(c) != std::string_view::npos; });
    if (!token.empty()) out += (out.empty() ? "" : " ") + token;
  }
  return out;
}

}  // namespace ranking
