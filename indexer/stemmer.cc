#include "indexer/stemmer.h"

#include <unordered_map>

namespace indexer {
namespace {

class IdentityStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "identity"; }
};

// Remembers the stems of the words it has seen. Word frequencies are skewed, so most words of a
// text were stemmed before, and a lookup costs a fraction of a Snowball run. Each Xapian::Stem is
// used by one thread (StemmerCache), so the memo needs no lock.
class MemoStemmer : public Xapian::StemImplementation {
 public:
  explicit MemoStemmer(Xapian::Stem stem) : stem_(std::move(stem)) {}

  std::string operator()(const std::string& word) override {
    if (auto it = memo_.find(word); it != memo_.end()) return it->second;
    // Bounded: a long run over a vast vocabulary starts again rather than grow without limit.
    if (memo_.size() >= kMaxWords) memo_.clear();
    return memo_.emplace(word, stem_(word)).first->second;
  }
  std::string get_description() const override { return stem_.get_description(); }

 private:
  static constexpr std::size_t kMaxWords = 200000;
  Xapian::Stem stem_;
  std::unordered_map<std::string, std::string> memo_;
};

}  // namespace

Xapian::Stem stemmer_for(const std::string& language) {
  if (!language.empty()) {
    try {
      return Xapian::Stem(language);
    } catch (const Xapian::InvalidArgumentError&) {
      // No Snowball stemmer for this language.
    }
  }
  return Xapian::Stem(new IdentityStemmer());
}

const Xapian::Stem& StemmerCache::get(const std::string& language) {
  auto it = stemmers_.find(language);
  if (it == stemmers_.end()) it = stemmers_.emplace(language, Xapian::Stem(new MemoStemmer(stemmer_for(language)))).first;
  return it->second;
}

}  // namespace indexer
