#pragma once
// A record's title, summary and lessons machine-translated into the other languages, made at
// indexing (an option: it costs far more than the rest of indexing) and stored with the record,
// so a reader sees hits and records in their own language (`ui_lang`). The stored form is the
// "translations" object of the record's stored data: {"es": {"title": ..., "summary": ...,
// "lessons": [...]}, ...}, lessons in the record's order.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus/document.h"

namespace indexer {

class TextTranslator;

struct RecordTranslation {
  std::string title;
  std::string summary;
  std::vector<std::string> lessons;  // each lesson's text, in the record's order
  bool operator==(const RecordTranslation&) const = default;
};

// language -> the record in it
using RecordTranslations = std::map<std::string, RecordTranslation>;

// `records` (whose languages are `languages`, "" when unknown) in every other language the
// translator reaches, one request per language and direction for all of them. A record whose
// language is unknown or not one of the four gets none; `problem` receives the first failure.
std::vector<RecordTranslations> translate_records(const TextTranslator& translator,
                                                  const std::vector<corpus::Document>& records,
                                                  const std::vector<std::string>& languages, std::string* problem);

nlohmann::json translations_to_json(const RecordTranslations& translations);
// What translations_to_json() wrote; what is not in that shape is left out.
RecordTranslations translations_from_json(const nlohmann::json& json);

}  // namespace indexer
