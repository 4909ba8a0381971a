#include "indexer/near_duplicates.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>

#include <xxhash.h>

namespace indexer {
namespace {

constexpr std::size_t kShingleWords = 3;
constexpr std::size_t kBands = 16;
constexpr std::size_t kRowsPerBand = 4;
constexpr std::size_t kHashes = kBands * kRowsPerBand;
// With 16 bands of 4 rows, a pair at similarity s shares a band with probability
// 1 - (1 - s^4)^16: 0.9998 at 0.8, 0.64 at 0.5, 0.12 at 0.3.

// The word hashes of folded text: words are runs of letters and digits (any byte of a multi-byte
// character counts as a letter; folded text is mostly ASCII), so spacing, line breaks,
// punctuation and markup left by a reader do not matter.
void append_word_hashes(std::string_view text, std::vector<std::uint64_t>& out) {
  std::size_t i = 0;
  auto is_word_byte = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  };
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t begin = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i > begin) out.push_back(XXH3_64bits(text.data() + begin, i - begin));
  }
}

// One of kHashes independent-enough permutations of a 64-bit hash (the splitmix64 finaliser
// over the hash mixed with a per-position constant).
std::uint64_t permuted(std::uint64_t hash, std::size_t index) {
  std::uint64_t z = hash ^ (0x9E3779B97F4A7C15ULL * (index + 1));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

std::string text_signature(const std::vector<std::string_view>& folded_texts) {
  std::vector<std::uint64_t> words;
  for (auto text : folded_texts) append_word_hashes(text, words);
  if (words.size() < kShingleWords || words.size() - kShingleWords + 1 < kMinShingles) return "";
  std::array<std::uint32_t, kHashes> minimum;
  minimum.fill(std::numeric_limits<std::uint32_t>::max());
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t shingle = words[i];
    for (std::size_t k = 1; k < kShingleWords; ++k) shingle = permuted(shingle, kHashes + k) ^ words[i + k];
    for (std::size_t h = 0; h < kHashes; ++h) {
      auto value = static_cast<std::uint32_t>(permuted(shingle, h) >> 32);
      if (value < minimum[h]) minimum[h] = value;
    }
  }
  std::string out(sizeof minimum, '\0');
  std::memcpy(out.data(), minimum.data(), sizeof minimum);
  return out;
}

std::vector<std::string> band_keys(std::string_view signature) {
  std::vector<std::string> keys;
  constexpr std::size_t band_bytes = kRowsPerBand * sizeof(std::uint32_t);
  if (signature.size() != kBands * band_bytes) return keys;
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t hash = XXH3_64bits(signature.data() + band * band_bytes, band_bytes);
    // 32 bits of the band's hash: a chance collision only adds a candidate the signature rejects.
    char key[16];
    std::snprintf(key, sizeof key, "%zx%08x", band, static_cast<unsigned>(hash >> 32));
    keys.emplace_back(key);
  }
  return keys;
}

double signature_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || a.size() != b.size() || a.size() % sizeof(std::uint32_t) != 0) return 0;
  std::size_t equal = 0, positions = a.size() / sizeof(std::uint32_t);
  for (std::size_t i = 0; i < positions; ++i) {
    if (std::memcmp(a.data() + i * 4, b.data() + i * 4, 4) == 0) ++equal;
  }
  return static_cast<double>(equal) / static_cast<double>(positions);
}

}  // namespace indexer
