#pragma once
// Pieces of Xapian queries the query builder assembles: all documents, year ranges (for records
// and for lessons), and whether a parsed query filters on or could match lessons. Xapian's
// header: included only by ranking's .cc files.

#include <optional>

#include <xapian.h>

namespace ranking {

// Every document, as a new query each time. Never Xapian::Query::MatchAll: that is one global
// object whose reference count is not atomic, so threads copying it at once corrupted the heap
// (tools/load/run crashed on empty searches).
Xapian::Query match_all();

// year:FROM..TO keeps records active at some point in the range: start <= TO and end >= FROM.
class YearRangeProcessor : public Xapian::RangeProcessor {
 public:
  // `lessons`: the query searches lessons, which keep their record's years in lesson slots.
  explicit YearRangeProcessor(bool lessons);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;
  static Xapian::Query year_query(std::optional<int> from, std::optional<int> to, bool lessons);

 private:
  bool lessons_;
};

// Whether a query (parsed for records) filters on a lesson kind.
bool mentions_lesson_kind(const Xapian::Query& query);

// Whether a query (parsed for records) could match lessons. Lessons share no term and no value
// slot with records, but "all documents" matches them too, and so does whatever combines it
// without a record term that must match.
bool can_match_lessons(const Xapian::Query& query);

// Any lesson, of whatever kind.
Xapian::Query any_lesson();

}  // namespace ranking
