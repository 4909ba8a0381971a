#include "indexer/language_detector.h"

#include <cld2/public/compact_lang_det.h>

namespace indexer {
namespace {
// CLD2 looks at the start of a text; more costs time and rarely changes the answer.
constexpr std::size_t kMaxBytes = 16 * 1024;
}  // namespace

std::string detect_language(std::string_view text) {
  if (text.size() > kMaxBytes) {
    text = text.substr(0, kMaxBytes);
    // Do not cut a UTF-8 sequence in two.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.remove_suffix(1);
    if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.remove_suffix(1);
  }
  bool is_reliable = false;
  CLD2::Language language = CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()),
                                                 /*is_plain_text=*/true, &is_reliable);
  if (!is_reliable || language == CLD2::UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(language);
  // CLD2 also knows script variants ("zh-Hant") and private codes; keep plain ISO 639-1.
  if (code.size() != 2) return "";
  return code;
}

}  // namespace indexer
