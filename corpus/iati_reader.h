#pragma once
// IATI activity files (standard 2.0x, root <iati-activities>), through pugixml: one record per
// <iati-activity>. The identifier becomes the id (and iati_identifier, as published), the
// reporting organisation the publisher (and one of the organisations), title and description
// narratives the title, summary and body (with results, the narratives in the activity's other
// languages and related activities), participating organisations the organisations (funders,
// role 1: donors) with the organisations transactions pay, recipient countries and regions (of the
// activity or of its transactions) the countries and regions, the DAC sectors that name one of our
// themes (of the activity or its transactions) the themes, the activity status the outcome, the
// activity dates the years, and the first document link or website the source_url. Activities of
// one file that are one project (one per award or sub-award, see link_parts() in the .cc) name the
// first of them in part_of. Budgets, transactions' amounts, locations, policy markers, contacts
// and conditions have no place in the model and are left out. pugixml stays in the .cc file.

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
