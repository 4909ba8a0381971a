#include "indexer/index_writer.h"

#include <thread>

#include "indexer/document_builder.h"
#include "indexer/index_access.h"
#include "indexer/record_writes.h"

namespace indexer {

corpus::Result<WriteOutcome> apply_writes(const std::filesystem::path& db_path, const WriteBatch& batch,
                                          std::chrono::milliseconds lock_wait) {
  // Analyse before taking the lock, so the lock is held only for the writes.
  DocumentBuilder builder;
  std::vector<BuiltRecord> built;
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
      outcome.duplicate_of.push_back(put_record(db, batch.put[i].id, std::move(built[i])).duplicate_of);
    }
    add_spelling(db, spelling);
    for (const auto& id : batch.remove) {
      outcome.removed.push_back(delete_record(db, id));
    }
    db.commit();
    outcome.documents = record_count(db);
    outcome.revision = db.get_revision();
    outcome.spelling.insert(spelling.begin(), spelling.end());
    db.close();
    return outcome;
  } catch (const Xapian::Error& e) {
    return corpus::Error{corpus::ErrorCode::index, "writing the index failed: " + e.get_msg(), db_path.string(), 0, ""};
  }
}

}  // namespace indexer
