#include "ranking/search_types.h"

#include <span>

#include "corpus/vocabulary.h"
#include "indexer/schema.h"
#include "indexer/country_names.h"
#include "indexer/place_names.h"
#include "indexer/text_normalizer.h"

namespace ranking {

const std::vector<FilterField>& filter_fields() {
  namespace schema = indexer::schema;
  static const std::vector<FilterField> fields = {
      {"country", schema::kCountry, true},
      {"place", schema::kPlace, true},  // ISO 3166-2: "PE-MDD"
      {"region", schema::kRegion, false},
      {"theme", schema::kTheme, false},
      {"type", schema::kType, false},
      {"outcome", schema::kOutcome, false},
      {"commodity", schema::kCommodity, false},
      {"failure_reason", schema::kFailureReason, false},
      {"organisation", schema::kOrganisation, false},
      {"donor", schema::kDonor, false},
      // Lessons only: a kind filter makes a search one of lessons (ranking/query_builder.h).
      {"kind", schema::kLessonKind, false},
      // `lang:` in queries (DESIGN.md), `language` as an API parameter: one prefix.
      {"lang", schema::kLanguage, false},
      {"language", schema::kLanguage, false},
  };
  return fields;
}

const FilterField* find_filter_field(std::string_view name) {
  for (const auto& field : filter_fields())
    if (field.name == name) return &field;
  return nullptr;
}

corpus::Result<std::string> known_filter_value(const std::string& name, const std::string& value) {
  auto refuse = [&](const std::string& expected) {
    return corpus::Error{corpus::ErrorCode::invalid_argument, "\"" + value + "\" is not a known " + name + "; " + expected, "", 0, name};
  };
  auto one_of = [&](std::span<const std::string_view> list) -> corpus::Result<std::string> {
    std::string folded = indexer::fold(value);
    if (corpus::vocabulary::contains(list, folded)) return folded;
    std::string all;
    for (auto v : list) all += (all.empty() ? "" : ", ") + std::string(v);
    return refuse("expected one of: " + all);
  };
  if (name == "country") {
    std::string upper = value;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (corpus::vocabulary::is_country_code(upper)) return upper;
    auto named = indexer::CountryNames::bundled().find(value, /*capitalised=*/false);
    if (named.size() == 1) return named.front();
    return refuse("give an ISO 3166-1 code or a country's name (PE, Peru, Pérou)");
  }
  if (name == "place") {
    std::string code = indexer::PlaceNames::bundled().code_of(value);
    if (!code.empty()) return code;
    return refuse("give an ISO 3166-2 code or a place's name (PE-MDD, Madre de Dios)");
  }
  if (name == "theme") return one_of(corpus::vocabulary::themes());
  if (name == "outcome") return one_of(corpus::vocabulary::outcomes());
  if (name == "type") return one_of(corpus::vocabulary::document_types());
  if (name == "commodity") return one_of(corpus::vocabulary::commodities());
  if (name == "failure_reason") return one_of(corpus::vocabulary::failure_reasons());
  if (name == "kind") return one_of(corpus::vocabulary::lesson_kinds());
  if (name == "language" && !corpus::vocabulary::is_language_code(indexer::lower(value)))
    return refuse("give an ISO 639-1 code (en, es, fr, pt)");
  return value;
}


corpus::Result<std::string> requested_language(const std::string& language, std::string_view field) {
  std::string code = indexer::lower(language);
  if (!code.empty() && !corpus::vocabulary::is_language_code(code)) {
    return corpus::Error{corpus::ErrorCode::invalid_argument, "\"" + language + "\" is not an ISO 639-1 language code",
                         "", 0, std::string(field)};
  }
  return code;
}

RecordSummary summary_of(const StoredRecord& stored, const std::string& ui_language) {
  const corpus::Document& record = stored.document;
  RecordSummary out{record.id,        record.title,      record.type,     stored.language,
                    record.countries, record.start_year, record.end_year, record.outcome,
                    stored.duplicate_of, std::nullopt,   record.source_url, record.iati_identifier, record.publisher};
  if (!ui_language.empty() && ui_language != stored.language) {
    if (auto it = stored.translations.find(ui_language); it != stored.translations.end())
      out.machine_translation = ShownTranslation{ui_language, it->second.title, it->second.summary, it->second.lessons};
  }
  return out;
}

const std::vector<FacetField>& facet_fields() {
  namespace schema = indexer::schema;
  static const std::vector<FacetField> fields = {
      {"country", schema::kCountriesSlot, true},
      {"region", schema::kRegionsSlot, true},
      {"theme", schema::kThemesSlot, true},
      {"type", schema::kTypeSlot, false},
      {"outcome", schema::kOutcomeSlot, false},
      {"commodity", schema::kCommoditiesSlot, true},
      {"language", schema::kLanguageSlot, false},
      {"failure_reason", schema::kFailureReasonsSlot, true},
      {"year", schema::kStartYearSlot, false, true},  // the year a record's work started
  };
  return fields;
}

}  // namespace ranking
