#include "indexer/document_builder.h"

#include <algorithm>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>
#include <unicode/region.h>
#include <unicode/strenum.h>

#include "indexer/language_detector.h"
#include "indexer/near_duplicates.h"
#include "indexer/schema.h"
#include "indexer/text_normalizer.h"
#include "indexer/place_names.h"
#include "indexer/title_names.h"

namespace indexer {
namespace {

// Documents with an end year unknown and still running are treated as running until this year
// for year-range filters.
constexpr double kOpenEndYear = 9999;

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const RelevanceConfig& relevance) : relevance_(relevance) {
  terms_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  terms_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

std::string DocumentBuilder::analysis_language(const corpus::Document& document) const {
  if (!document.language.empty()) return document.language;
  std::string sample = document.title + "\n" + document.summary + "\n" + document.body.substr(0, 8192);
  return detect_language(sample);
}

BuiltRecord DocumentBuilder::build(const corpus::Document& document, const SourceInfo& source,
                                   std::map<std::string, Xapian::termcount>* spelling,
                                   const RecordTranslations* translations) {
  std::string language = analysis_language(document);
  BuiltRecord built;
  built.translation_of = document.translation_of;
  built.part_of = document.part_of;
  Xapian::Document& out = built.record;
  terms_.set_document(out);
  terms_.set_stemmer(stemmers_.get(language));

  std::string title = fold(document.title);
  // Title terms under S serve `title:` and completion; they need no positions.
  terms_.index_text_without_positions(title, 1, std::string(schema::kTitle));
  terms_.index_text(title, relevance_.title_weight);
  terms_.increase_termpos();
  std::string summary = fold(document.summary);
  terms_.index_text(summary, relevance_.summary_weight);
  std::vector<std::string> lessons;
  for (const auto& lesson : document.lessons) {
    terms_.increase_termpos();
    lessons.push_back(fold(lesson.text));
    terms_.index_text(lessons.back(), relevance_.lesson_weight);
  }
  if (spelling) {
    // So far the document holds the title, summary and lessons.
    for (auto it = out.termlist_begin(); it != out.termlist_end(); ++it) {
      const std::string term = *it;
      unsigned char first = static_cast<unsigned char>(term[0]);
      bool word = (first >= 'a' && first <= 'z') || first >= 0x80;
      if (word && term.size() >= 3 && term.size() <= 40) ++(*spelling)[term];
    }
  }
  terms_.increase_termpos();
  std::string body = fold(document.body);
  terms_.index_text(body, relevance_.body_weight);
  for (const auto* names : {&document.organisations, &document.donors}) {
    for (const auto& name : *names) {
      terms_.increase_termpos();
      terms_.index_text(fold(name), relevance_.body_weight);
    }
  }

  // The filter terms, which the record's lessons carry too.
  std::vector<std::string> filter_terms;
  auto boolean = [&](std::string_view prefix, const std::string& value) {
    if (value.empty()) return;
    out.add_boolean_term(schema::term(prefix, value));
    filter_terms.push_back(schema::term(prefix, value));
  };
  out.add_boolean_term(schema::term(schema::kId, document.id));
  boolean(schema::kLanguage, language);
  boolean(schema::kType, document.type);
  boolean(schema::kOutcome, document.outcome);
  // The regions the record names, and those of its countries.
  std::vector<std::string> regions;
  auto add_region = [&](const std::string& region) {
    if (region.empty() || std::find(regions.begin(), regions.end(), region) != regions.end()) return;
    boolean(schema::kRegion, region);
    regions.push_back(region);
  };
  for (const auto& region : document.regions) add_region(region);
  for (const auto& country : document.countries) {
    boolean(schema::kCountry, lower_ascii(country));
    add_region(region_of_country(country));
  }
  // Places as prose names them (capitalised), and only within the record's countries: "Central"
  // is a region of Ghana, and a word of every other text.
  for (const auto& place : PlaceNames::bundled().find_in(document.title + "\n" + document.summary, document.countries,
                                                         /*capitalised=*/true))
    boolean(schema::kPlace, lower_ascii(place));
  for (const auto& name : title_names(document.title)) boolean(schema::kName, name.substr(0, 200));
  if (!document.translation_of.empty()) out.add_boolean_term(schema::term(schema::kTranslationOf, document.translation_of));
  if (!document.part_of.empty()) out.add_boolean_term(schema::term(schema::kPartOf, document.part_of));
  for (const auto& theme : document.themes) boolean(schema::kTheme, theme);
  for (const auto& commodity : document.commodities) boolean(schema::kCommodity, commodity);
  for (const auto& reason : document.failure_reasons) boolean(schema::kFailureReason, reason);
  // Organisation filters match the whole folded name; Xapian terms are bounded in length.
  for (const auto& name : document.organisations) {
    boolean(schema::kOrganisation, fold(name).substr(0, 200));
    for (const auto& part : title_names(name)) boolean(schema::kOrganisationName, part.substr(0, 200));
  }
  for (const auto& name : document.donors) {
    boolean(schema::kDonor, fold(name).substr(0, 200));
    for (const auto& part : title_names(name)) boolean(schema::kDonorName, part.substr(0, 200));
  }
  if (!source.path.empty()) out.add_boolean_term(schema::source_term(source.path));

  if (document.start_year) {
    out.add_value(schema::kStartYearSlot, Xapian::sortable_serialise(*document.start_year));
    double end = document.end_year ? *document.end_year
                 : document.outcome == "ongoing" ? kOpenEndYear
                                                  : *document.start_year;
    out.add_value(schema::kEndYearSlot, Xapian::sortable_serialise(end));
  } else if (document.end_year) {
    out.add_value(schema::kEndYearSlot, Xapian::sortable_serialise(*document.end_year));
  }
  out.add_value(schema::kOutcomeSlot, document.outcome);
  out.add_value(schema::kTypeSlot, document.type);
  out.add_value(schema::kLanguageSlot, language);
  out.add_value(schema::kSourceHashSlot, source.hash);
  auto joined = [](const std::vector<std::string>& values) {
    std::string out;
    for (const auto& value : values) {
      if (!out.empty()) out += schema::kValueSeparator;
      out += value;
    }
    return out;
  };
  out.add_value(schema::kCountriesSlot, joined(document.countries));
  out.add_value(schema::kRegionsSlot, joined(regions));
  out.add_value(schema::kThemesSlot, joined(document.themes));
  out.add_value(schema::kCommoditiesSlot, joined(document.commodities));
  out.add_value(schema::kFailureReasonsSlot, joined(document.failure_reasons));
  // The order of schema::ProfileField.
  std::string profile;
  for (const std::string& part : {document.type, language, out.get_value(schema::kStartYearSlot),
                                  out.get_value(schema::kEndYearSlot), out.get_value(schema::kCountriesSlot),
                                  out.get_value(schema::kRegionsSlot), out.get_value(schema::kThemesSlot),
                                  out.get_value(schema::kCommoditiesSlot)}) {
    profile += part;
    profile += schema::kProfileSeparator;
  }
  profile.pop_back();
  out.add_value(schema::kProfileSlot, profile);
  std::vector<std::string_view> texts{title, summary, body};
  texts.insert(texts.end(), lessons.begin(), lessons.end());
  std::string signature = text_signature(texts);
  for (const auto& key : band_keys(signature)) out.add_boolean_term(schema::term(schema::kNearDuplicateBand, key));
  out.add_value(schema::kSignatureSlot, signature);
  out.set_data(stored_data(document, source, language, document.language.empty() && !language.empty(), translations));

  for (std::size_t i = 0; i < document.lessons.size(); ++i) {
    const corpus::Lesson& lesson = document.lessons[i];
    Xapian::Document unit;
    terms_.set_document(unit);
    terms_.index_text(lessons[i], 1, std::string(schema::kLesson));
    unit.add_boolean_term(schema::lesson_term(schema::term(schema::kId, document.id)));
    unit.add_boolean_term(schema::lesson_term(schema::term(schema::kLessonKind, lesson.kind)));
    for (const auto& term : filter_terms) unit.add_boolean_term(schema::lesson_term(term));
    // The record's values make year filters, sorting and facets work on lessons as on records.
    for (auto it = out.values_begin(); it != out.values_end(); ++it) {
      unsigned slot = it.get_valueno();
      if (slot <= schema::kFailureReasonsSlot && slot != schema::kSourceHashSlot) unit.add_value(schema::lesson_slot(slot), *it);
    }
    unit.add_value(schema::kParentSlot, document.id);
    unit.set_data(nlohmann::json{{"lesson_of", document.id}, {"index", i}}.dump());
    built.lessons.push_back(std::move(unit));
  }
  // The term generator must not keep a handle on the last document built: the documents go to
  // the writer thread, and Xapian's reference counts are not atomic, so this thread dropping the
  // handle on its next build raced with the writer copying it (tools/sanitize tsan).
  terms_.set_document(Xapian::Document());
  return built;
}

std::string stored_data(const corpus::Document& document, const SourceInfo& source,
                        const std::string& language, bool detected, const RecordTranslations* translations) {
  nlohmann::json data;
  data["record"] = corpus::to_json(document);
  if (!source.path.empty()) data["source"] = source.path;
  data["language"] = language;
  data["language_detected"] = detected;
  if (translations != nullptr && !translations->empty()) data["translations"] = translations_to_json(*translations);
  return data.dump();
}

void add_spelling(Xapian::WritableDatabase& db, const std::map<std::string, Xapian::termcount>& words) {
  for (const auto& [word, count] : words) db.add_spelling(word, count);
}

std::string region_of_country(const std::string& country) {
  // Every territory's region, read from ICU once under a C++ static. ICU loads its region data
  // lazily behind its own atomics, which ThreadSanitizer cannot see in an uninstrumented library,
  // so analysis threads asking ICU directly were reported as racing (tools/sanitize tsan).
  static const std::map<std::string, std::string, std::less<>> regions = [] {
    std::map<std::string, std::string, std::less<>> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> territories(icu::Region::getAvailable(URGN_TERRITORY, status));
    if (U_FAILURE(status) || !territories) return out;
    while (const char* code = territories->next(nullptr, status)) {
      if (U_FAILURE(status)) break;
      const icu::Region* region = icu::Region::getInstance(code, status);
      if (U_FAILURE(status) || region == nullptr) {
        status = U_ZERO_ERROR;
        continue;
      }
      const icu::Region* continent = region->getContainingRegion(URGN_CONTINENT);
      if (continent == nullptr) continue;
      std::string_view continent_code = continent->getRegionCode();
      std::string name = continent_code == "002"   ? "africa"
                         : continent_code == "019" ? "americas"
                         : continent_code == "142" ? "asia"
                         : continent_code == "150" ? "europe"
                         : continent_code == "009" ? "oceania"
                                                   : "";
      if (!name.empty()) out.emplace(code, std::move(name));
    }
    return out;
  }();
  auto found = regions.find(country);
  return found == regions.end() ? "" : found->second;
}

}  // namespace indexer
