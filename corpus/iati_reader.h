#pragma once
// IATI activity files (standard 2.0x, root <iati-activities>), through pugixml: one record per
// <iati-activity>. The identifier becomes the id, title and description narratives the title,
// summary and body (with results and related activities), participating organisations the
// organisations (funders: donors), recipient countries the countries, the DAC sectors that name
// one of our themes the themes, the activity status the outcome and the activity dates the years. pugixml stays in the .cc file.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/result.h"

namespace corpus {

struct IatiActivity {
  nlohmann::json fields;  // a record's fields, id included
  int line = 0;           // line of the <iati-activity> element in the file
};

// The activities of an IATI file; an Error naming `file_name` (and the line, for XML errors)
// when it is not one.
Result<std::vector<IatiActivity>> iati_activities(std::string_view file_name, std::string_view content);

}  // namespace corpus
