#pragma once
// What a plain query names that records carry as terms: countries, in any of the four languages
// (indexer/country_names.h); places within them (indexer/place_names.h); commodities (the
// thesaurus concepts'); organisations and donors by the names their whole names give; and the
// names titles give records: heads, acronyms, names in brackets (indexer/title_names.h). What
// many records carry (gold, in an ASM collection) tells none apart and is left out. Each adds a fixed weight to the records holding its term
// (Xapian's FixedWeightPostingSource, which remote shards know): a strong preference, not a
// filter. Xapian's header: included by ranking's .cc files only.

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "indexer/relevance_config.h"
#include "ranking/search_types.h"

namespace ranking {

struct QueryLifts {
  std::vector<Xapian::Query> lifts;  // each the weight AND the term
  std::vector<Recognised> recognised;
};

// `text`: the query as typed; `unit`: the lesson prefix when lessons are searched, else "";
// `db`: the index, whose terms say what is there (none: every country named is lifted, no name).
QueryLifts query_lifts(const std::string& text, const std::string& unit, const Xapian::Database* db,
                       const indexer::RelevanceConfig& relevance);

}  // namespace ranking
