#pragma once
// Facet units: what lets facet counts count a group of documents once with nothing but Xapian's
// stock match spies, which a stock `xapian-tcpsrv` can run on a remote shard (it cannot run a
// match spy of ours). A search of lessons counts each record once however many of its lessons
// match, and a group of near-duplicates counts once; a Xapian::ValueCountMatchSpy counts
// documents. So every document that belongs to a unit of several (each lesson: its record; each
// member of a group of near-duplicates: the group) carries in schema::kFacetUnitSlot the unit's
// id together with its own facet values. Counting that slot tells how many matching documents of
// each unit hold each value, and ranking/facet_counter.cc takes the surplus off the plain counts.
// Included only by indexer's and ranking's .cc files.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "indexer/schema.h"

namespace indexer {

// The record slots a facet unit value holds, 0 to schema::kFailureReasonsSlot, by record slot
// number (a lesson's come from its lesson_slot()s).
inline constexpr unsigned kFacetUnitSlots = schema::kFailureReasonsSlot + 1;

// The kFacetUnitSlot value of `doc` as a member of `unit`; `lesson` when `doc` is a lesson.
std::string facet_unit_value(std::string_view unit, const Xapian::Document& doc, bool lesson);

struct FacetUnit {
  std::string unit;
  std::array<std::string, kFacetUnitSlots> values;  // by record slot; "" when the slot is empty
};

// The parts of a kFacetUnitSlot value; nullopt when it is not one.
std::optional<FacetUnit> parse_facet_unit(std::string_view value);

}  // namespace indexer
