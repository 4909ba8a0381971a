#include "indexer/text_normalizer.h"

#include <array>
#include <memory>

#include <unicode/brkiter.h>
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

void for_each_word(std::string_view text, const std::function<void(std::size_t, std::size_t)>& visit) {
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

}  // namespace indexer
