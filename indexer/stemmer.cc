#include "indexer/stemmer.h"

namespace indexer {
namespace {

class IdentityStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "identity"; }
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
  if (it == stemmers_.end()) it = stemmers_.emplace(language, stemmer_for(language)).first;
  return it->second;
}

}  // namespace indexer
