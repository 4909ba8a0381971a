#pragma once
// FacetCounter: the facet counts of a search, over every document the matcher examines (run the
// match with check_at_least at the collection size for exact counts). It attaches Xapian's own
// ValueCountMatchSpy, one per facet slot, so the same counting runs in process and on remote
// shards served by a stock `xapian-tcpsrv` (which runs only the match spies Xapian registers;
// Xapian merges their counts across shards). Multi-valued slots are split and years decoded
// afterwards. When documents count by unit (the lessons of one record, a group of
// near-duplicates), one more spy on schema::kFacetUnitSlot says how often each unit was counted
// for each value, and the surplus comes off (indexer/facet_units.h): a unit counts once for
// every value any of its matching documents holds. One per search; NOT thread-safe.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "ranking/search_types.h"

namespace ranking {

class FacetCounter {
 public:
  // `fields` with the slots the search reads (a search of lessons reads lesson slots; `lessons`
  // says so); `by_unit`: documents of one unit count once.
  FacetCounter(std::vector<FacetField> fields, bool lessons, bool by_unit);
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // Adds the spies to `enquire`, which must not outlive this counter.
  void attach(Xapian::Enquire& enquire);

  // Counts by field name, most frequent first, at most `limit` values each.
  std::map<std::string, std::vector<FacetCount>> counts(std::size_t limit) const;

 private:
  std::vector<FacetField> fields_;
  bool lessons_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;  // parallel to fields_
  std::unique_ptr<Xapian::ValueCountMatchSpy> units_;              // when counting by unit
};

}  // namespace ranking
