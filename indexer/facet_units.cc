#include "indexer/facet_units.h"

#include <charconv>

namespace indexer {
namespace {

// Each part as its decimal length, ':' and its bytes: years are sortable_serialise()d binary,
// so no separator byte is safe.
void append_part(std::string& out, std::string_view part) {
  out += std::to_string(part.size());
  out += ':';
  out += part;
}

std::optional<std::string_view> take_part(std::string_view& in) {
  std::size_t colon = in.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::size_t length = 0;
  auto [end, error] = std::from_chars(in.data(), in.data() + colon, length);
  if (error != std::errc() || end != in.data() + colon || length > in.size() - colon - 1) return std::nullopt;
  std::string_view part = in.substr(colon + 1, length);
  in.remove_prefix(colon + 1 + length);
  return part;
}

}  // namespace

std::string facet_unit_value(std::string_view unit, const Xapian::Document& doc, bool lesson) {
  std::string out;
  append_part(out, unit);
  for (unsigned slot = 0; slot < kFacetUnitSlots; ++slot)
    append_part(out, doc.get_value(lesson ? schema::lesson_slot(slot) : slot));
  return out;
}

std::optional<FacetUnit> parse_facet_unit(std::string_view value) {
  FacetUnit out;
  auto unit = take_part(value);
  if (!unit) return std::nullopt;
  out.unit = *unit;
  for (unsigned slot = 0; slot < kFacetUnitSlots; ++slot) {
    auto part = take_part(value);
    if (!part) return std::nullopt;
    out.values[slot] = *part;
  }
  if (!value.empty()) return std::nullopt;
  return out;
}

}  // namespace indexer
