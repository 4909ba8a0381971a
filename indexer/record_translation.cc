#include "indexer/record_translation.h"

#include <nlohmann/json.hpp>

#include "indexer/text_translator.h"

namespace indexer {

std::vector<RecordTranslations> translate_records(const TextTranslator& translator,
                                                  const std::vector<corpus::Document>& records,
                                                  const std::vector<std::string>& languages, std::string* problem) {
  std::vector<RecordTranslations> out(records.size());
  // The records of each language, their texts in one list: title, summary, then the lessons.
  std::map<std::string, std::vector<std::size_t>> by_language;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (!languages[i].empty()) by_language[languages[i]].push_back(i);
  for (const auto& [language, members] : by_language) {
    std::vector<std::string> texts;
    for (std::size_t i : members) {
      texts.push_back(records[i].title);
      texts.push_back(records[i].summary);
      for (const auto& lesson : records[i].lessons) texts.push_back(lesson.text);
    }
    for (auto& [target, translated] : translator.translate_to_all(texts, language, problem)) {
      std::size_t next = 0;
      for (std::size_t i : members) {
        RecordTranslation& record = out[i][target];
        record.title = std::move(translated[next++]);
        record.summary = std::move(translated[next++]);
        for (std::size_t lesson = 0; lesson < records[i].lessons.size(); ++lesson)
          record.lessons.push_back(std::move(translated[next++]));
      }
    }
  }
  return out;
}

nlohmann::json translations_to_json(const RecordTranslations& translations) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [language, record] : translations)
    out[language] = {{"title", record.title}, {"summary", record.summary}, {"lessons", record.lessons}};
  return out;
}

RecordTranslations translations_from_json(const nlohmann::json& json) {
  RecordTranslations out;
  if (!json.is_object()) return out;
  for (const auto& [language, record] : json.items()) {
    if (!record.is_object()) continue;
    RecordTranslation translation;
    if (auto it = record.find("title"); it != record.end() && it->is_string()) translation.title = *it;
    if (auto it = record.find("summary"); it != record.end() && it->is_string()) translation.summary = *it;
    if (auto it = record.find("lessons"); it != record.end() && it->is_array())
      for (const auto& lesson : *it)
        if (lesson.is_string()) translation.lessons.push_back(lesson);
    out[language] = std::move(translation);
  }
  return out;
}

}  // namespace indexer
