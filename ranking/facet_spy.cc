#include "ranking/facet_spy.h"

#include <algorithm>

#include "indexer/schema.h"

namespace ranking {

FacetSpy::FacetSpy(std::vector<FacetField> fields, std::optional<unsigned> distinct_slot)
    : fields_(std::move(fields)), distinct_slot_(distinct_slot), counts_(fields_.size()) {}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (distinct_slot_) {
    std::string unit = doc.get_value(*distinct_slot_);
    if (!unit.empty() && !seen_.insert(std::move(unit)).second) return;
  }
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    std::string value = doc.get_value(fields_[i].slot);
    if (value.empty()) continue;
    if (fields_[i].year) {
      ++counts_[i][std::to_string(static_cast<int>(Xapian::sortable_unserialise(value)))];
      continue;
    }
    if (!fields_[i].multi_valued) {
      ++counts_[i][value];
      continue;
    }
    std::size_t begin = 0;
    while (begin <= value.size()) {
      std::size_t end = value.find(indexer::schema::kValueSeparator, begin);
      if (end == std::string::npos) end = value.size();
      if (end > begin) ++counts_[i][value.substr(begin, end - begin)];
      begin = end + 1;
    }
  }
}

Xapian::MatchSpy* FacetSpy::clone() const { return new FacetSpy(fields_, distinct_slot_); }

std::string FacetSpy::name() const { return "Precedent.FacetSpy"; }

std::map<std::string, std::vector<FacetCount>> FacetSpy::counts(std::size_t limit) const {
  std::map<std::string, std::vector<FacetCount>> out;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    auto& list = out[std::string(fields_[i].name)];
    for (const auto& [value, count] : counts_[i]) list.push_back({value, count});
    std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (list.size() > limit) list.resize(limit);
  }
  return out;
}

}  // namespace ranking
