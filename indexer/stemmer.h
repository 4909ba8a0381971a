#pragma once
// Stemmers by language code, shared by indexing, querying and snippets so all three stem alike.
// Languages Xapian has no Snowball stemmer for (and records of unknown language) get an identity
// stemmer: their words still produce Z-prefixed "stemmed" terms, so the stemmed queries that
// every search runs match them too. Included only by .cc files that use Xapian.

#include <map>
#include <string>

#include <xapian.h>

namespace indexer {

// The Snowball stemmer for an ISO 639-1 code, or the identity stemmer.
Xapian::Stem stemmer_for(const std::string& language);

// A per-thread cache of stemmers that remember the stems they have made (Xapian::Stem objects
// are not thread-safe). NOT thread-safe.
class StemmerCache {
 public:
  const Xapian::Stem& get(const std::string& language);

 private:
  std::map<std::string, Xapian::Stem> stemmers_;
};

}  // namespace indexer
