#include "ranking/search_types.h"

#include "indexer/schema.h"

namespace ranking {

const std::vector<FilterField>& filter_fields() {
  namespace schema = indexer::schema;
  static const std::vector<FilterField> fields = {
      {"country", schema::kCountry, true},
      {"region", schema::kRegion, false},
      {"theme", schema::kTheme, false},
      {"type", schema::kType, false},
      {"outcome", schema::kOutcome, false},
      {"commodity", schema::kCommodity, false},
      {"failure_reason", schema::kFailureReason, false},
      {"organisation", schema::kOrganisation, false},
      {"donor", schema::kDonor, false},
      // `lang:` in queries (DESIGN.md), `language` as an API parameter: one prefix.
      {"lang", schema::kLanguage, false},
      {"language", schema::kLanguage, false},
  };
  return fields;
}

}  // namespace ranking
