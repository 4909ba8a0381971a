#include "indexer/index_writer.h"

#include <thread>

#include "indexer/apertium_pairs.h"
#include "indexer/document_builder.h"
#include "indexer/index_access.h"
#include "indexer/record_translation.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/text_translator.h"

namespace indexer {
namespace {

bool translates_summaries(const std::filesystem::path& db_path) {
  try {
    return Xapian::Database(db_path.string()).get_metadata(std::string(schema::kTranslatedSummariesKey)) == "1";
  } catch (const Xapian::Error&) {
    return false;  // a missing or unreadable index is reported by the write itself
  }
}

}  // namespace

corpus::Result<WriteOutcome> apply_writes(const std::filesystem::path& db_path, const WriteBatch& batch,
                                          std::chrono::milliseconds lock_wait) {
  // Analyse before taking the lock, so the lock is held only for the writes.
  DocumentBuilder builder;
  std::vector<RecordTranslations> translations;
  if (translates_summaries(db_path) && !batch.put.empty()) {
    std::vector<std::string> languages;
    for (const auto& document : batch.put) languages.push_back(builder.analysis_language(document));
    // A record whose translation fails is written without it, as ingestion does.
    std::string problem;
    translations = translate_records(*TextTranslator::shared(apertium::configured_data_dir()), batch.put, languages, &problem);
  }
  std::vector<BuiltRecord> built;
  std::map<std::string, Xapian::termcount> spelling;
  built.reserve(batch.put.size());
  for (std::size_t i = 0; i < batch.put.size(); ++i)
    built.push_back(builder.build(batch.put[i], SourceInfo{}, &spelling, translations.empty() ? nullptr : &translations[i]));

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
