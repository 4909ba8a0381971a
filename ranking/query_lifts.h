#pragma once
// What a plain query names that records carry as terms: countries, in any of the four languages
// (indexer/country_names.h), commodities (the thesaurus concepts', unless most records are about
// it), and the names titles give records: heads, acronyms, names in brackets
// (indexer/title_names.h). Each adds a fixed weight to the records holding its term
// (Xapian's FixedWeightPostingSource, which remote shards know): a strong preference, not a
// filter. Xapian's header: included by ranking's .cc files only.

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "indexer/relevance_config.h"

namespace ranking {

struct QueryLifts {
  std::vector<Xapian::Query> lifts;  // each the weight AND the term
  std::vector<std::pair<std::string, std::string>> recognised;  // {"country", "BF"}, {"commodity", "cobalt"}, {"name", "REINFO"}
};

// `text`: the query as typed; `unit`: the lesson prefix when lessons are searched, else "";
// `db`: the index, whose terms say what is there (none: every country named is lifted, no name).
QueryLifts query_lifts(const std::string& text, const std::string& unit, const Xapian::Database* db,
                       const indexer::RelevanceConfig& relevance);

}  // namespace ranking
