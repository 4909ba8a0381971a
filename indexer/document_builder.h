#pragma once
// DocumentBuilder: turns a validated corpus::Document into the Xapian document the index stores
// (analysis of every text field, boolean terms for the filters, value slots, stored data), by
// the layout in indexer/schema.h. Holds a TermGenerator and a stemmer cache, so it is NOT
// thread-safe: one per thread. Included only by the indexer's own .cc files.

#include <string>

#include <xapian.h>

#include "corpus/document.h"
#include "indexer/ingest.h"
#include "indexer/stemmer.h"

namespace indexer {


class DocumentBuilder {
 public:
  DocumentBuilder();

  // The language the record is analysed in: declared, else detected, else "".
  std::string analysis_language(const corpus::Document& document) const;

  Xapian::Document build(const corpus::Document& document, const SourceInfo& source);

 private:
  Xapian::TermGenerator terms_;
  StemmerCache stemmers_;
};

// The stored data of an indexed record: {"record": {...}, "source": "...", "language": "es",
// "language_detected": true}.
std::string stored_data(const corpus::Document& document, const SourceInfo& source,
                        const std::string& language, bool detected);

// Adds the record's words to the index's spelling dictionary (for "did you mean"): its unprefixed
// terms of three letters or more that are not numbers.
void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& document);

// The region ("africa", "americas", "asia", "europe", "oceania") of an ISO 3166-1 alpha-2 code,
// from ICU's region data; "" when unknown.
std::string region_of_country(const std::string& country);

}  // namespace indexer
