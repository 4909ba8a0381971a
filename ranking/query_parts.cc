#include "ranking/query_parts.h"

#include <string>
#include <string_view>
#include <vector>

#include "corpus/vocabulary.h"
#include "indexer/schema.h"

namespace ranking {

Xapian::Query match_all() { return Xapian::Query(std::string()); }

YearRangeProcessor::YearRangeProcessor(bool lessons)
    : Xapian::RangeProcessor(indexer::schema::kStartYearSlot, "year:"), lessons_(lessons) {}

Xapian::Query YearRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  return year_query(begin.empty() ? std::nullopt : std::optional<int>(std::stoi(begin)),
                    end.empty() ? std::nullopt : std::optional<int>(std::stoi(end)), lessons_);
}

Xapian::Query YearRangeProcessor::year_query(std::optional<int> from, std::optional<int> to, bool lessons) {
  namespace schema = indexer::schema;
  unsigned start = lessons ? schema::lesson_slot(schema::kStartYearSlot) : schema::kStartYearSlot;
  unsigned end = lessons ? schema::lesson_slot(schema::kEndYearSlot) : schema::kEndYearSlot;
  std::vector<Xapian::Query> parts;
  if (to) parts.emplace_back(Xapian::Query::OP_VALUE_LE, start, Xapian::sortable_serialise(*to));
  if (from) parts.emplace_back(Xapian::Query::OP_VALUE_GE, end, Xapian::sortable_serialise(*from));
  if (parts.empty()) return match_all();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

bool mentions_lesson_kind(const Xapian::Query& query) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
    if ((*it).starts_with(indexer::schema::kLessonKind)) return true;
  return false;
}

bool can_match_lessons(const Xapian::Query& query) {
  std::size_t n = query.get_num_subqueries();
  switch (query.get_type()) {
    case Xapian::Query::LEAF_MATCH_ALL:
      return true;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_PHRASE:
      // Every part must match.
      for (std::size_t i = 0; i < n; ++i)
        if (!can_match_lessons(query.get_subquery(i))) return false;
      return n > 0;
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
      // The first part decides what matches.
      return n > 0 && can_match_lessons(query.get_subquery(0));
    default:
      // OR, MAX, SYNONYM, ELITE_SET, SCALE_WEIGHT...: any part that matches does.
      for (std::size_t i = 0; i < n; ++i)
        if (can_match_lessons(query.get_subquery(i))) return true;
      return false;
  }
}

Xapian::Query any_lesson() {
  std::vector<Xapian::Query> kinds;
  for (std::string_view kind : corpus::vocabulary::lesson_kinds())
    kinds.emplace_back(indexer::schema::lesson_term(indexer::schema::term(indexer::schema::kLessonKind, kind)));
  return Xapian::Query(Xapian::Query::OP_OR, kinds.begin(), kinds.end());
}

}  // namespace ranking
