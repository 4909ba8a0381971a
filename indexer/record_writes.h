#pragma once
// The writes of one record and its lessons, kept together: every writer (ingestion and the API's
// batches) goes through these, so a record never loses or duplicates its lessons, and counts
// of records leave the lessons out. Included only by the indexer's and ranking's .cc files.

#include <string>

#include <xapian.h>

#include "indexer/document_builder.h"

namespace indexer {

struct PutOutcome {
  Xapian::docid docid = 0;
  // When the record is a near-duplicate of one already indexed (indexer/near_duplicates.h): the
  // id of its group's first record, which results show in its place, and the similarity to the
  // closest record of the group.
  std::string duplicate_of;
  double similarity = 0;
};

// Adds or replaces the record with this id, and replaces its lessons. A record whose text is a
// near-duplicate of an indexed record's joins that record's group (schema::kShownAsSlot); the
// record others were found to duplicate stays the group's first.
PutOutcome put_record(Xapian::WritableDatabase& db, const std::string& id, BuiltRecord built);

// Deletes the record with this docid and its lessons. When it was the first of a group of
// near-duplicates, the next member takes its place.
void delete_record(Xapian::WritableDatabase& db, Xapian::docid record);

// Deletes the record with this id and its lessons; false when there was none.
bool delete_record(Xapian::WritableDatabase& db, const std::string& id);

// Deletes every record indexed from the source file named by `source_term` (schema::source_term),
// with their lessons. Returns how many records went.
Xapian::doccount delete_source(Xapian::WritableDatabase& db, const std::string& source_term);

// Records in the index, lessons not counted.
Xapian::doccount record_count(const Xapian::Database& db);

}  // namespace indexer
