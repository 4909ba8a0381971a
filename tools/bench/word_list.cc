#include "tools/bench/word_list.h"

#include <algorithm>
#include <fstream>
#include <utility>

#include "corpus/utf8.h"

namespace tools::bench {
namespace {

using corpus::Error;
using corpus::ErrorCode;

constexpr std::size_t kMaxWordBytes = 40;

// A capital first letter: ASCII, or Latin-1 capitals À..Þ (UTF-8 C3 80..9E, but not × at C3 97),
// which is all the four lists use.
bool starts_with_capital(const std::string& word) {
  auto b0 = static_cast<unsigned char>(word[0]);
  if (b0 >= 'A' && b0 <= 'Z') return true;
  if (b0 != 0xC3 || word.size() < 2) return false;
  auto b1 = static_cast<unsigned char>(word[1]);
  return b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97;
}

bool has_apostrophe(const std::string& word) {
  return word.find('\'') != std::string::npos || word.find("\xE2\x80\x99") != std::string::npos;
}

}  // namespace

corpus::Result<WordList> WordList::load(const std::filesystem::path& file, std::uint64_t seed) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Error{ErrorCode::not_found,
                 "cannot read the word list (install wamerican, wspanish, wfrench and wportuguese)",
                 file.string(), 0, ""};
  }
  WordList list;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.size() > kMaxWordBytes || starts_with_capital(line) || has_apostrophe(line) ||
        corpus::utf8::first_invalid(line)) {
      continue;
    }
    list.words_.push_back(std::move(line));
  }
  if (in.bad()) return Error{ErrorCode::io, "reading the word list failed", file.string(), 0, ""};
  if (list.words_.empty()) return Error{ErrorCode::parse_error, "no usable word in the word list", file.string(), 0, ""};

  // Fisher-Yates with our own draws: std::shuffle's sequence differs between standard libraries.
  // Without the shuffle the frequent words would all start with "a".
  Random random(seed);
  for (std::size_t i = list.words_.size() - 1; i > 0; --i) {
    std::swap(list.words_[i], list.words_[random.below(i + 1)]);
  }

  // s = 1 exactly, so the weights are plain divisions: IEEE-exact everywhere, unlike std::pow.
  list.cumulative_.reserve(list.words_.size());
  double total = 0;
  for (std::size_t k = 1; k <= list.words_.size(); ++k) {
    total += 1.0 / static_cast<double>(k);
    list.cumulative_.push_back(total);
  }
  return list;
}

const std::string& WordList::draw(Random& random) const {
  double target = random.unit() * cumulative_.back();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  if (it == cumulative_.end()) --it;  // unit() < 1, but rounding of the product may reach the end
  return words_[static_cast<std::size_t>(it - cumulative_.begin())];
}

}  // namespace tools::bench
