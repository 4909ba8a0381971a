#include "indexer/text_normalizer.h"

#include <array>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace indexer {
namespace {

bool is_ascii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Elided articles and pronouns that attach to the next word with an apostrophe.
constexpr std::array<std::string_view, 13> kElisions = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

// Drops "l'" in "l'orpaillage" (folded text, ASCII apostrophes).
std::string remove_elisions(std::string text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool word_start = i == 0 || !is_word_byte(static_cast<unsigned char>(text[i - 1]));
    if (word_start) {
      bool elided = false;
      for (auto elision : kElisions) {
        std::size_t after = i + elision.size();
        if (after + 1 < text.size() && text.compare(i, elision.size(), elision) == 0 &&
            text[after] == '\'' && is_word_byte(static_cast<unsigned char>(text[after + 1]))) {
          i = after + 1;
          elided = true;
          break;
        }
      }
      if (elided) continue;
    }
    out += text[i++];
  }
  return out;
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(status);
  return *instance;
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return *instance;
}

bool is_apostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07 || c == 0x2032;
}

}  // namespace

std::string fold(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out.find('\'') == std::string::npos ? out : remove_elisions(std::move(out));
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd().normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
      status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    stripped.append(is_apostrophe(c) ? UChar32('\'') : c);
  }
  icu::UnicodeString folded = nfkc_casefold().normalize(stripped, status);
  std::string out;
  if (U_FAILURE(status)) return std::string(text);
  folded.toUTF8String(out);
  return out.find('\'') == std::string::npos ? out : remove_elisions(std::move(out));
}

std::string lower(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  unicode.toLower(icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

namespace {

// Whether the text is in scripts whose words are runs of letters and digits (Latin, Greek,
// Cyrillic... up to U+07FF) with General Punctuation (U+2000-U+206F) between them: such text
// needs no dictionary-based breaking, and a byte scan finds the same words as ICU many times
// faster. Anything else (CJK, Thai, ...) goes to ICU.
bool is_simple_script(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0xE0) continue;
    if (c == 0xE2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
      i += 2;  // U+2000-U+207F: punctuation
      continue;
    }
    return false;
  }
  return true;
}

std::size_t sequence_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether the code point at byte i is part of a word (a letter, digit, mark or connector).
bool is_word_char(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(static_cast<char>(c)) || c == '_';
  unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
  // U+0080-U+00BF are punctuation and symbols (NBSP, «, », ·, ¿, ¡...) except the ordinal
  // indicators and the micro sign; × and ÷ are symbols.
  if (c == 0xC2) return next == 0xAA || next == 0xBA || next == 0xB5;
  if (c == 0xC3) return next != 0x97 && next != 0xB7;
  if (c == 0xE2) return false;  // General Punctuation (is_simple_script lets no other E2 through)
  return true;
}

bool is_letter_at(std::string_view text, std::size_t i) { return is_word_char(text, i) && !is_digit(text[i]); }

// Characters that join the word chars on either side into one word, as in ICU's rules:
// apostrophes and '.' ("l'orpaillage", "n.º", "3.5"), ':' between letters, ',' and ';' between
// digits ("1,000"). Returns the joiner's length, or 0.
std::size_t joiner_length(std::string_view text, std::size_t i, std::size_t word_begin) {
  std::size_t n = text.substr(i, 3) == "\xE2\x80\x99" ? 3 : 1;
  if (i + n >= text.size() || !is_word_char(text, i + n) || text[i + n] == '_') return 0;
  char c = text[i];
  bool digits = i > word_begin && is_digit(text[i - 1]) && is_digit(text[i + n]);
  if (n == 3 || c == '\'' || c == '.') return n;
  if (c == ':') return i > word_begin && !is_digit(text[i - 1]) && is_letter_at(text, i + n) ? 1 : 0;
  if (c == ',' || c == ';') return digits ? 1 : 0;
  return 0;
}

void for_each_simple_word(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text, i)) {
      i += sequence_length(static_cast<unsigned char>(text[i]));
      continue;
    }
    std::size_t begin = i;
    while (i < text.size()) {
      if (is_word_char(text, i)) {
        i += sequence_length(static_cast<unsigned char>(text[i]));
      } else if (std::size_t n = joiner_length(text, i, begin)) {
        i += n;
      } else {
        break;
      }
    }
    visit(begin, std::min(i, text.size()));
  }
}

}  // namespace

void for_each_word(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit) {
  if (is_simple_script(text)) return for_each_simple_word(text, visit);
  // Creating a break iterator loads rules; one per thread is reused.
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }();
  if (!words) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  words->setText(utext, status);
  int32_t begin = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; begin = end, end = words->next()) {
    // Rule status UBRK_WORD_NONE marks spaces and punctuation.
    if (words->getRuleStatus() != UBRK_WORD_NONE) visit(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  }
  utext_close(utext);
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](std::size_t begin, std::size_t end) { words.emplace_back(text.substr(begin, end - begin)); });
  return words;
}

}  // namespace indexer
