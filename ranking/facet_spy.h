#pragma once
// FacetSpy: a Xapian MatchSpy that counts the values of several facet slots over every document
// the matcher examines, splitting multi-valued slots. Run the match with check_at_least at the
// collection size for exact counts. One per search; NOT thread-safe.

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "ranking/search_types.h"

namespace ranking {

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<FacetField> fields);

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;

  // Counts by field name, most frequent first, at most `limit` values each.
  std::map<std::string, std::vector<FacetCount>> counts(std::size_t limit) const;

 private:
  std::vector<FacetField> fields_;
  std::vector<std::unordered_map<std::string, std::uint64_t>> counts_;  // parallel to fields_
};

}  // namespace ranking
