#pragma once
// FacetSpy: a Xapian MatchSpy that counts the values of several facet slots over every document
// the matcher examines, splitting multi-valued slots. Run the match with check_at_least at the
// collection size for exact counts. One per search; NOT thread-safe.

#include <map>
#include <string>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "ranking/search_types.h"

namespace ranking {

class FacetSpy : public Xapian::MatchSpy {
 public:
  // With `distinct_slot`, documents that share a non-empty value in that slot count once (the
  // lessons of one record count as their record; a group of near-duplicates counts as one).
  explicit FacetSpy(std::vector<FacetField> fields, std::optional<unsigned> distinct_slot = std::nullopt);

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;

  // Counts by field name, most frequent first, at most `limit` values each.
  std::map<std::string, std::vector<FacetCount>> counts(std::size_t limit) const;

 private:
  std::vector<FacetField> fields_;
  std::optional<unsigned> distinct_slot_;
  std::unordered_set<std::string> seen_;
  std::vector<std::unordered_map<std::string, std::uint64_t>> counts_;  // parallel to fields_
};

}  // namespace ranking
