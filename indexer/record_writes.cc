#include "indexer/record_writes.h"

#include <vector>

#include "corpus/vocabulary.h"
#include "indexer/schema.h"

namespace indexer {
namespace {

std::string lessons_of(const std::string& id) { return schema::lesson_term(schema::term(schema::kId, id)); }

// The record id of a record document: its Q term.
std::string id_of(const Xapian::Document& doc) {
  const std::string prefix(schema::kId);
  auto it = doc.termlist_begin();
  it.skip_to(prefix);
  if (it == doc.termlist_end()) return "";
  std::string term = *it;
  return term.starts_with(prefix) ? term.substr(prefix.size()) : "";
}

}  // namespace

Xapian::docid put_record(Xapian::WritableDatabase& db, const std::string& id, const BuiltRecord& built) {
  Xapian::docid docid = db.replace_document(schema::term(schema::kId, id), built.record);
  db.delete_document(lessons_of(id));
  for (const auto& lesson : built.lessons) db.add_document(lesson);
  return docid;
}

void delete_record(Xapian::WritableDatabase& db, Xapian::docid record) {
  std::string id = id_of(db.get_document(record));
  if (!id.empty()) db.delete_document(lessons_of(id));
  db.delete_document(record);
}

bool delete_record(Xapian::WritableDatabase& db, const std::string& id) {
  std::string term = schema::term(schema::kId, id);
  if (!db.term_exists(term)) return false;
  db.delete_document(lessons_of(id));
  db.delete_document(term);
  return true;
}

Xapian::doccount delete_source(Xapian::WritableDatabase& db, const std::string& source_term) {
  std::vector<Xapian::docid> records;
  for (auto it = db.postlist_begin(source_term); it != db.postlist_end(source_term); ++it) records.push_back(*it);
  for (Xapian::docid record : records) delete_record(db, record);
  return static_cast<Xapian::doccount>(records.size());
}

Xapian::doccount record_count(const Xapian::Database& db) {
  Xapian::doccount lessons = 0;
  for (std::string_view kind : corpus::vocabulary::lesson_kinds())
    lessons += db.get_termfreq(schema::lesson_term(schema::term(schema::kLessonKind, kind)));
  return db.get_doccount() - lessons;
}

}  // namespace indexer
