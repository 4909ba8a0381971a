#include "ranking/facet_counter.h"

#include <algorithm>
#include <unordered_map>

#include "indexer/facet_units.h"
#include "indexer/schema.h"

namespace ranking {
namespace {

namespace schema = indexer::schema;

// Calls `each` with every value a slot's content holds for `field`: the parts of a multi-valued
// slot, the year of a year slot, else the content itself.
template <typename Each>
void for_each_value(const FacetField& field, const std::string& content, Each each) {
  if (content.empty()) return;
  if (field.year) {
    each(std::to_string(static_cast<int>(Xapian::sortable_unserialise(content))));
    return;
  }
  if (!field.multi_valued) {
    each(content);
    return;
  }
  for (const auto& value : schema::split_values(content)) each(value);
}

}  // namespace

FacetCounter::FacetCounter(std::vector<FacetField> fields, bool lessons, bool by_unit)
    : fields_(std::move(fields)), lessons_(lessons) {
  for (const auto& field : fields_) spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
  if (by_unit && !fields_.empty()) units_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetUnitSlot);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto& spy : spies_) enquire.add_matchspy(spy.get());
  if (units_) enquire.add_matchspy(units_.get());
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts(std::size_t limit) const {
  std::vector<std::unordered_map<std::string, std::int64_t>> counts(fields_.size());
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    for (auto it = spies_[i]->values_begin(); it != spies_[i]->values_end(); ++it) {
      std::int64_t n = it.get_termfreq();
      for_each_value(fields_[i], *it, [&](const std::string& value) { counts[i][value] += n; });
    }
  }
  if (units_) {
    // How many matching documents of each unit hold each value; all but one come off.
    std::vector<std::unordered_map<std::string, std::int64_t>> per_unit(fields_.size());  // unit + '\0' + value
    for (auto it = units_->values_begin(); it != units_->values_end(); ++it) {
      auto unit = indexer::parse_facet_unit(*it);
      if (!unit) continue;
      std::int64_t n = it.get_termfreq();
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        unsigned slot = lessons_ ? fields_[i].slot - schema::kLessonSlotOffset : fields_[i].slot;
        if (slot >= indexer::kFacetUnitSlots) continue;
        for_each_value(fields_[i], unit->values[slot],
                       [&](const std::string& value) { per_unit[i][unit->unit + '\0' + value] += n; });
      }
    }
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      for (const auto& [key, n] : per_unit[i]) counts[i][key.substr(key.find('\0') + 1)] -= n - 1;
    }
  }
  std::map<std::string, std::vector<FacetCount>> out;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    auto& list = out[std::string(fields_[i].name)];
    for (const auto& [value, count] : counts[i])
      if (count > 0) list.push_back({value, static_cast<std::uint64_t>(count)});
    std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (list.size() > limit) list.resize(limit);
  }
  return out;
}

}  // namespace ranking
