#pragma once
// The writes of one record and its lessons, kept together: every writer (ingestion and the API's
// batches) goes through these, so a record never loses or duplicates its lessons, and counts
// of records leave the lessons out. Included only by the indexer's and ranking's .cc files.

#include <string>

#include <xapian.h>

#include "indexer/document_builder.h"

namespace indexer {

// Adds or replaces the record with this id, and replaces its lessons. Returns the record's docid.
Xapian::docid put_record(Xapian::WritableDatabase& db, const std::string& id, const BuiltRecord& built);

// Deletes the record with this docid and its lessons.
void delete_record(Xapian::WritableDatabase& db, Xapian::docid record);

// Deletes the record with this id and its lessons; false when there was none.
bool delete_record(Xapian::WritableDatabase& db, const std::string& id);

// Deletes every record indexed from the source file named by `source_term` (schema::source_term),
// with their lessons. Returns how many records went.
Xapian::doccount delete_source(Xapian::WritableDatabase& db, const std::string& source_term);

// Records in the index, lessons not counted.
Xapian::doccount record_count(const Xapian::Database& db);

}  // namespace indexer
