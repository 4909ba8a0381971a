#include "indexer/index_writer.h"

#include <thread>

#include "indexer/document_builder.h"
#include "indexer/index_access.h"
#include "indexer/schema.h"

namespace indexer {

corpus::Result<WriteOutcome> apply_writes(const std::filesystem::path& db_path, const WriteBatch& batch,
                                          std::chrono::milliseconds lock_wait) {
  // Analyse before taking the lock, so the lock is held only for the writes.
  DocumentBuilder builder;
  std::vector<Xapian::Document> built;
  std::map<std::string, Xapian::termcount> spelling;
  built.reserve(batch.put.size());
  for (const auto& document : batch.put) built.push_back(builder.build(document, SourceInfo{}, &spelling));

  auto deadline = std::chrono::steady_clock::now() + lock_wait;
  auto opened = open_writable(db_path);
  while (!opened && opened.error().code == corpus::ErrorCode::busy &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    opened = open_writable(db_path);
  }
  if (!opened) return opened.error();
  Xapian::WritableDatabase& db = *opened;
  try {
    WriteOutcome outcome;
    for (std::size_t i = 0; i < built.size(); ++i) {
      db.replace_document(schema::term(schema::kId, batch.put[i].id), built[i]);
    }
    add_spelling(db, spelling);
    for (const auto& id : batch.remove) {
      std::string term = schema::term(schema::kId, id);
      bool exists = db.term_exists(term);
      if (exists) db.delete_document(term);
      outcome.removed.push_back(exists);
    }
    db.commit();
    outcome.documents = db.get_doccount();
    outcome.revision = db.get_revision();
    db.close();
    return outcome;
  } catch (const Xapian::Error& e) {
    return corpus::Error{corpus::ErrorCode::index, "writing the index failed: " + e.get_msg(), db_path.string(), 0, ""};
  }
}

}  // namespace indexer
