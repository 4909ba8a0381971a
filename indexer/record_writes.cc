#include "indexer/record_writes.h"

#include <set>
#include <vector>

#include "corpus/vocabulary.h"
#include "indexer/facet_units.h"
#include "indexer/near_duplicates.h"
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

std::string group_term(const std::string& first_id) { return schema::term(schema::kDuplicateGroup, first_id); }

// Puts `doc` in the group whose first record is `first_id`, or in no group when it is empty.
void set_group(Xapian::Document& doc, const std::string& first_id) {
  const std::string prefix(schema::kDuplicateGroup);
  std::vector<std::string> old;
  auto it = doc.termlist_begin();
  it.skip_to(prefix);
  for (; it != doc.termlist_end() && (*it).starts_with(prefix); ++it) old.push_back(*it);
  for (const auto& term : old) doc.remove_term(term);
  if (first_id.empty()) {
    if (!doc.get_value(schema::kShownAsSlot).empty()) doc.remove_value(schema::kShownAsSlot);
    if (!doc.get_value(schema::kFacetUnitSlot).empty()) doc.remove_value(schema::kFacetUnitSlot);
  } else {
    doc.add_value(schema::kShownAsSlot, first_id);
    doc.add_value(schema::kFacetUnitSlot, facet_unit_value(first_id, doc, /*lesson=*/false));
    doc.add_boolean_term(group_term(first_id));
  }
}

// The record `id` leaves the group it is the first of (it is deleted, or its text changed): the
// next member becomes the first, or a lone member is in no group any more.
void leave_group(Xapian::WritableDatabase& db, const std::string& id) {
  std::string term = group_term(id);
  std::string self_term = schema::term(schema::kId, id);
  auto self = db.postlist_begin(self_term);
  Xapian::docid self_docid = self == db.postlist_end(self_term) ? 0 : *self;
  std::vector<Xapian::docid> members;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    if (*it != self_docid) members.push_back(*it);
  }
  if (members.empty()) return;
  std::string next = members.size() == 1 ? "" : id_of(db.get_document(members.front()));
  for (Xapian::docid member : members) {
    Xapian::Document doc = db.get_document(member);
    set_group(doc, next);
    db.replace_document(member, doc);
  }
}

// The group a record with this id and signature joins: the group of the indexed record closest
// to it at or above kNearDuplicateSimilarity (which becomes a group's first when it was in none),
// or its own id when records already duplicate it, or "" for none.
std::string group_for(Xapian::WritableDatabase& db, const std::string& id, const std::string& signature,
                      PutOutcome& outcome) {
  // Translations or parts of this record were indexed before it (or kept while it was away): it
  // is their group's first.
  bool linked = false;
  for (std::string_view prefix : {schema::kTranslationOf, schema::kPartOf}) {
    std::string term = schema::term(prefix, id);
    if (!db.term_exists(term)) continue;
    linked = true;
    std::vector<Xapian::docid> members(db.postlist_begin(term), db.postlist_end(term));
    for (Xapian::docid member : members) {
      Xapian::Document doc = db.get_document(member);
      if (doc.get_value(schema::kShownAsSlot) == id) continue;
      set_group(doc, id);
      db.replace_document(member, doc);
    }
  }
  if (linked) return id;
  if (signature.empty()) return "";
  std::set<Xapian::docid> candidates;
  for (const auto& key : band_keys(signature)) {
    std::string term = schema::term(schema::kNearDuplicateBand, key);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) candidates.insert(*it);
  }
  Xapian::docid closest = 0;
  Xapian::Document closest_doc;
  std::string closest_id;
  double closest_similarity = 0;
  for (Xapian::docid candidate : candidates) {
    Xapian::Document doc = db.get_document(candidate);
    std::string other = id_of(doc);
    if (other == id) continue;
    double similarity = signature_similarity(signature, doc.get_value(schema::kSignatureSlot));
    if (similarity < kNearDuplicateSimilarity) continue;
    // Records already found to duplicate this one: it stays their group's first.
    if (doc.get_value(schema::kShownAsSlot) == id) return id;
    if (similarity > closest_similarity) {
      closest = candidate;
      closest_doc = doc;
      closest_id = other;
      closest_similarity = similarity;
    }
  }
  if (closest == 0) return "";
  std::string group = closest_doc.get_value(schema::kShownAsSlot);
  if (group.empty()) {
    group = closest_id;
    set_group(closest_doc, group);
    db.replace_document(closest, closest_doc);
  }
  outcome.duplicate_of = group;
  outcome.similarity = closest_similarity;
  return group;
}

// The group a translation or a part of `original` joins: the original's, or one the original
// starts (it becomes the group's first, now or when it is indexed).
std::string linked_group(Xapian::WritableDatabase& db, const std::string& original) {
  std::string term = schema::term(schema::kId, original);
  auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term)) return original;
  Xapian::Document doc = db.get_document(*posting);
  std::string group = doc.get_value(schema::kShownAsSlot);
  if (group.empty()) {
    group = original;
    set_group(doc, group);
    db.replace_document(*posting, doc);
  }
  return group;
}

}  // namespace

PutOutcome put_record(Xapian::WritableDatabase& db, const std::string& id, BuiltRecord built) {
  PutOutcome outcome;
  const std::string& original = built.translation_of.empty() ? built.part_of : built.translation_of;
  std::string group = original.empty() ? group_for(db, id, built.record.get_value(schema::kSignatureSlot), outcome)
                                       : linked_group(db, original);
  if (group != id) leave_group(db, id);
  set_group(built.record, group);
  outcome.docid = db.replace_document(schema::term(schema::kId, id), built.record);
  db.delete_document(lessons_of(id));
  for (auto& lesson : built.lessons) {
    lesson.add_value(schema::kFacetUnitSlot, facet_unit_value(id, lesson, /*lesson=*/true));
    db.add_document(lesson);
  }
  return outcome;
}

void delete_record(Xapian::WritableDatabase& db, Xapian::docid record) {
  std::string id = id_of(db.get_document(record));
  if (!id.empty()) leave_group(db, id);
  if (!id.empty()) db.delete_document(lessons_of(id));
  db.delete_document(record);
}

bool delete_record(Xapian::WritableDatabase& db, const std::string& id) {
  std::string term = schema::term(schema::kId, id);
  if (!db.term_exists(term)) return false;
  leave_group(db, id);
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
