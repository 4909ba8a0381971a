#pragma once
// WordList: the vocabulary of one language for the synthetic corpus, read from a Debian word list
// (/usr/share/dict/...), filtered, shuffled with a given seed and drawn from with a Zipfian
// distribution (s = 1: the word of rank k comes up in proportion to 1/k), which is roughly how
// words are spread in real text and so how postings lists and term counts grow in an index.
// Owns its words; immutable after load(), so one list can be shared by threads.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/result.h"
#include "tools/bench/random.h"

namespace tools::bench {

class WordList {
 public:
  // Reads one word per line. Skips words with an apostrophe ("AA's"), words starting with a
  // capital (proper nouns and abbreviations, which would look odd in the middle of a sentence)
  // invalid UTF-8 and anything longer than 40 bytes. Fails if the file cannot be read or holds no usable word.
  static corpus::Result<WordList> load(const std::filesystem::path& file, std::uint64_t seed);

  // A word drawn with the Zipfian weights.
  const std::string& draw(Random& random) const;

  std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;  // shuffled: rank k is words_[k - 1]
  std::vector<double> cumulative_;  // cumulative_[i] = sum of 1/k for k = 1 .. i + 1
};

}  // namespace tools::bench
