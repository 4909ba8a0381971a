#pragma once
// DocumentBuilder: turns a validated corpus::Document into the Xapian document the index stores
// (analysis of every text field, boolean terms for the filters, value slots, stored data), by
// the layout in indexer/schema.h. Holds a TermGenerator and a stemmer cache, so it is NOT
// thread-safe: one per thread. Included only by the indexer's own .cc files.

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus/document.h"
#include "indexer/ingest.h"
#include "indexer/record_translation.h"
#include "indexer/relevance_config.h"
#include "indexer/stemmer.h"

namespace indexer {


// A record as the index stores it: its own document and one document per lesson
// (see schema::kLesson).
struct BuiltRecord {
  Xapian::Document record;
  std::vector<Xapian::Document> lessons;
  std::string translation_of;  // the record this one translates (put_record groups the two)
  std::string part_of;         // the record of the same initiative this one is a part of (grouped too)
};

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const RelevanceConfig& relevance = {});

  // The language the record is analysed in: declared, else detected, else "".
  std::string analysis_language(const corpus::Document& document) const;

  // `spelling`, when given, receives the record's words for the spelling dictionary: the words of
  // its title, summary and lessons (the text that names what a record is about; the body's long
  // tail would cost the writer more than it adds to "did you mean").
  // `translations`, when given, are stored with the record (indexer/record_translation.h).
  BuiltRecord build(const corpus::Document& document, const SourceInfo& source,
                    std::map<std::string, Xapian::termcount>* spelling = nullptr,
                    const RecordTranslations* translations = nullptr);

 private:
  RelevanceConfig relevance_;
  Xapian::TermGenerator terms_;
  StemmerCache stemmers_;
};

// The stored data of an indexed record: {"record": {...}, "source": "...", "language": "es",
// "language_detected": true, "translations": {...}} (translations only when there are some).
std::string stored_data(const corpus::Document& document, const SourceInfo& source,
                        const std::string& language, bool detected, const RecordTranslations* translations);

// Adds words counted by DocumentBuilder::build to the index's spelling dictionary.
void add_spelling(Xapian::WritableDatabase& db, const std::map<std::string, Xapian::termcount>& words);

// The region ("africa", "americas", "asia", "europe", "oceania") of an ISO 3166-1 alpha-2 code,
// from ICU's region data; "" when unknown.
std::string region_of_country(const std::string& country);

}  // namespace indexer
