#include "indexer/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xapian.h>
#include <xxhash.h>

#include "corpus/reader.h"
#include "corpus/walker.h"
#include "indexer/apertium_pairs.h"
#include "indexer/document_builder.h"
#include "indexer/index_access.h"
#include "indexer/record_translation.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/text_translator.h"

namespace indexer {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

// Records are analysed in chunks of this many, so one large JSON Lines file still uses every
// thread; chunks are written in the order they were read.
constexpr std::size_t kChunkRecords = 32;
// Chunks in flight per analysis thread: enough to keep the writer fed, few enough to bound memory
// (the writer is the slower side).
constexpr std::size_t kChunksInFlightPerThread = 4;

// What the index already knows about a source file.
struct KnownSource {
  std::string path;
  std::string hash;
  Xapian::doccount records = 0;
};

struct Chunk {
  std::size_t sequence = 0;
  // The file: set on every chunk of it; first/last mark where its bookkeeping happens.
  std::string source_term;
  SourceInfo source;
  bool first_of_file = false;
  bool last_of_file = false;
  bool file_had_errors = false;
  std::uint64_t file_bytes = 0;
  std::vector<corpus::Document> records;
  std::vector<BuiltRecord> built;  // filled by an analysis thread
  std::size_t translations_failed = 0;  // records of the chunk left without translations
  std::string translation_problem;
  std::map<std::string, Xapian::termcount> spelling;  // words of the chunk, for the dictionary
};

// A bounded, ordered hand-off: analysis threads take chunks in any order, the writer receives
// them in sequence order.
class ChunkPipeline {
 public:
  explicit ChunkPipeline(std::size_t max_in_flight) : max_in_flight_(max_in_flight) {}

  void push(Chunk chunk) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return pending_.size() + done_.size() + working_ < max_in_flight_; });
    pending_.push_back(std::move(chunk));
    work_.notify_one();
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    work_.notify_all();
    ready_.notify_all();
  }
  std::optional<Chunk> take_work() {
    std::unique_lock lock(mutex_);
    work_.wait(lock, [&] { return closed_ || !pending_.empty(); });
    if (pending_.empty()) return std::nullopt;
    Chunk chunk = std::move(pending_.front());
    pending_.pop_front();
    ++working_;
    return chunk;
  }
  void finish_work(Chunk chunk) {
    std::lock_guard lock(mutex_);
    --working_;
    done_.emplace(chunk.sequence, std::move(chunk));
    ready_.notify_all();
  }
  // The next chunk in sequence, or nullopt once the pipeline is closed and drained.
  std::optional<Chunk> take_next() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] {
      return done_.contains(next_) || (closed_ && pending_.empty() && working_ == 0 && done_.empty());
    });
    auto it = done_.find(next_);
    if (it == done_.end()) return std::nullopt;
    Chunk chunk = std::move(it->second);
    done_.erase(it);
    ++next_;
    space_.notify_all();
    return chunk;
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_, ready_, space_;
  std::deque<Chunk> pending_;
  std::map<std::size_t, Chunk> done_;
  std::size_t working_ = 0;
  std::size_t next_ = 0;
  bool closed_ = false;
  std::size_t max_in_flight_;
};

std::map<std::string, KnownSource> known_sources(const Xapian::Database& db) {
  std::map<std::string, KnownSource> out;
  std::string prefix(schema::kSource);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string term = *it;
    auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) continue;
    Xapian::Document doc = db.get_document(*posting);
    KnownSource known;
    known.hash = db.get_metadata(schema::source_hash_key(term));
    known.records = it.get_termfreq();
    if (term.size() > prefix.size() && term[prefix.size()] == '#') {
      auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
      if (data.is_object()) known.path = data.value("source", "");
    } else {
      known.path = term.substr(prefix.size());
    }
    out.emplace(term, std::move(known));
  }
  return out;
}

bool is_under(const std::string& path, const fs::path& folder) {
  std::string prefix = folder.string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  return path.starts_with(prefix);
}

// Applies chunks to the index in order; owns the WritableDatabase while ingest runs.
class Writer {
 public:
  Writer(Xapian::WritableDatabase& db, IngestSummary& summary, std::size_t batch_size)
      : db_(db), summary_(summary), batch_size_(batch_size) {}

  void apply(Chunk& chunk) {
    if (chunk.first_of_file) {
      file_old_ids_.clear();
      for (auto it = db_.postlist_begin(chunk.source_term); it != db_.postlist_end(chunk.source_term); ++it)
        file_old_ids_.insert(*it);
    }
    for (std::size_t i = 0; i < chunk.built.size(); ++i) {
      PutOutcome put = put_record(db_, chunk.records[i].id, std::move(chunk.built[i]));
      file_old_ids_.erase(put.docid);
      if (!put.duplicate_of.empty())
        summary_.duplicates.push_back({chunk.source.path, chunk.records[i].id, put.duplicate_of, put.similarity});
      ++summary_.indexed;
      maybe_commit();
    }
    add_spelling(db_, chunk.spelling);
    if (chunk.last_of_file) {
      // The file's hash goes in with its last records: only a file written whole counts as indexed.
      db_.set_metadata(schema::source_hash_key(chunk.source_term), chunk.source.hash);
    }
    if (chunk.last_of_file && !chunk.file_had_errors) {
      // Records the file no longer holds. A file with errors keeps its old records: a record that
      // now fails validation is not lost because of it.
      for (Xapian::docid id : file_old_ids_) {
        delete_record(db_, id);
        ++summary_.removed;
        maybe_commit();
      }
    }
  }

  void remove_source(const std::string& term) {
    summary_.removed += delete_source(db_, term);
    db_.set_metadata(schema::source_hash_key(term), "");
    maybe_commit();
  }

  void commit() {
    db_.commit();
    since_commit_ = 0;
  }

 private:
  void maybe_commit() {
    if (++since_commit_ >= batch_size_) commit();
  }

  Xapian::WritableDatabase& db_;
  IngestSummary& summary_;
  std::size_t batch_size_;
  std::size_t since_commit_ = 0;
  std::set<Xapian::docid> file_old_ids_;
};

class Progress {
 public:
  Progress(const ProgressCallback& callback, IngestProgress& state) : callback_(callback), state_(state) {}
  void report(bool force = false) {
    if (!callback_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    callback_(state_);
  }

 private:
  const ProgressCallback& callback_;
  IngestProgress& state_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

std::string content_hash(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
  return hex;
}

corpus::Result<IngestSummary> ingest(const fs::path& db_path, const std::vector<fs::path>& paths,
                                     const IngestOptions& options, const ProgressCallback& callback) {
  auto opened = open_writable(db_path);
  if (!opened) return opened.error();
  Xapian::WritableDatabase& db = *opened;

  IngestSummary summary;
  corpus::FileList files = corpus::collect_files(paths);
  for (auto& error : files.errors) {
    ++summary.failed;
    summary.errors.push_back(std::move(error));
  }
  summary.files = files.files.size();

  IngestProgress state;
  state.files_total = files.files.size();
  for (const auto& file : files.files) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (!ec) state.bytes_total += size;
  }
  Progress progress(callback, state);

  try {
    auto known = known_sources(db);
    bool translated_before = db.get_metadata(std::string(schema::kTranslatedSummariesKey)) == "1";
    summary.summaries_translated = options.translate_summaries.value_or(translated_before);
    // Records stored with the other setting must be written again, unchanged files included.
    if (summary.summaries_translated != translated_before)
      for (auto& [term, source] : known) source.hash.clear();
    std::shared_ptr<TextTranslator> translator;
    if (summary.summaries_translated) {
      translator = TextTranslator::shared(apertium::configured_data_dir());
      summary.translation_problem = translator->problem();
    }
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    ChunkPipeline pipeline(kChunksInFlightPerThread * threads);
    std::vector<std::thread> analysts;
    for (unsigned t = 0; t < threads; ++t) {
      analysts.emplace_back([&pipeline, &options, &translator] {
        DocumentBuilder builder(options.relevance);
        while (auto chunk = pipeline.take_work()) {
          std::vector<RecordTranslations> translations;
          if (translator) {
            std::vector<std::string> languages;
            for (const auto& record : chunk->records) languages.push_back(builder.analysis_language(record));
            translations = translate_records(*translator, chunk->records, languages, &chunk->translation_problem);
            for (std::size_t i = 0; i < translations.size(); ++i)
              if (translations[i].empty() && translator->can_translate_from(languages[i])) ++chunk->translations_failed;
          }
          chunk->built.reserve(chunk->records.size());
          for (std::size_t i = 0; i < chunk->records.size(); ++i)
            chunk->built.push_back(builder.build(chunk->records[i], chunk->source, &chunk->spelling,
                                                 translations.empty() ? nullptr : &translations[i]));
          pipeline.finish_work(std::move(*chunk));
        }
      });
    }

    // The writer runs on its own thread so reading, analysis and writing overlap.
    Writer writer(db, summary, std::max<std::size_t>(1, options.batch_size));
    std::exception_ptr writer_failure;
    std::mutex summary_mutex;  // errors and counters are shared between reader and writer
    std::thread writer_thread([&] {
      try {
        while (auto chunk = pipeline.take_next()) {
          std::lock_guard lock(summary_mutex);
          writer.apply(*chunk);
          summary.translations_failed += chunk->translations_failed;
          if (summary.translation_problem.empty()) summary.translation_problem = chunk->translation_problem;
          if (chunk->last_of_file) {
            ++state.files_done;
            state.bytes_done += chunk->file_bytes;
          }
          state.records_done += chunk->built.size();
          progress.report();
        }
      } catch (...) {
        writer_failure = std::current_exception();
        // Keep draining so the reader and analysts never block on a full pipeline.
        while (pipeline.take_next()) {
        }
      }
    });

    std::size_t sequence = 0;
    std::set<std::string> seen_terms;
    for (const auto& file : files.files) {
      if (options.cancel && options.cancel->load()) {
        summary.cancelled = true;
        break;
      }
      std::string path = file.string();
      std::string term = schema::source_term(path);
      seen_terms.insert(term);
      // A file that cannot be read fails whole; its indexed records stay.
      auto fail_file = [&](const corpus::Error& error) {
        std::lock_guard lock(summary_mutex);
        ++summary.failed;
        summary.errors.push_back(error);
        ++state.files_done;
      };
      auto bytes = corpus::read_file_bytes(file);
      if (!bytes) {
        fail_file(bytes.error());
        continue;
      }
      // A sidecar is part of its file: a change to either re-reads both.
      std::optional<corpus::Sidecar> sidecar;
      if (auto sidecar_path = corpus::sidecar_of(file)) {
        auto sidecar_bytes = corpus::read_file_bytes(*sidecar_path);
        if (!sidecar_bytes) {
          fail_file(sidecar_bytes.error());
          continue;
        }
        sidecar = corpus::Sidecar{*sidecar_path, std::move(sidecar_bytes).value()};
      }
      std::string hash = sidecar ? content_hash(*bytes + '\0' + sidecar->content) : content_hash(*bytes);
      if (auto it = known.find(term); it != known.end() && !it->second.hash.empty() && it->second.hash == hash) {
        std::lock_guard lock(summary_mutex);
        ++summary.files_unchanged;
        summary.unchanged += it->second.records;
        summary.bytes += bytes->size();
        ++state.files_done;
        state.bytes_done += bytes->size();
        progress.report();
        continue;
      }
      corpus::ReadResult read = corpus::read_records(path, *bytes, corpus::format_of(file), sidecar ? &*sidecar : nullptr);
      bool had_errors = read.file_error.has_value();
      std::vector<corpus::Document> records;
      {
        std::lock_guard lock(summary_mutex);
        summary.bytes += bytes->size();
        if (read.file_error) {
          ++summary.failed;
          summary.errors.push_back(*read.file_error);
        }
        for (auto& record : read.records) {
          if (record) {
            if (!options.keep || options.keep(record->id)) records.push_back(std::move(record).value());
          } else {
            had_errors = true;
            ++summary.failed;
            summary.errors.push_back(record.error());
          }
        }
      }
      // A file whose records all failed still passes through, so its bookkeeping (progress,
      // keeping old records) happens in order.
      SourceInfo source{path, had_errors ? std::string() : hash};
      std::size_t offset = 0;
      do {
        Chunk chunk;
        chunk.sequence = sequence++;
        chunk.source_term = term;
        chunk.source = source;
        chunk.first_of_file = offset == 0;
        std::size_t end = std::min(records.size(), offset + kChunkRecords);
        chunk.records.assign(std::make_move_iterator(records.begin() + static_cast<std::ptrdiff_t>(offset)),
                             std::make_move_iterator(records.begin() + static_cast<std::ptrdiff_t>(end)));
        offset = end;
        chunk.last_of_file = offset >= records.size();
        chunk.file_had_errors = had_errors;
        chunk.file_bytes = bytes->size();
        pipeline.push(std::move(chunk));
      } while (offset < records.size());
    }
    pipeline.close();
    for (auto& thread : analysts) thread.join();
    writer_thread.join();
    if (writer_failure) std::rethrow_exception(writer_failure);

    if (!summary.cancelled) {
      // Files that are gone from the folders walked: their records go too.
      for (const auto& [term, source] : known) {
        const fs::path& path = source.path;  // a lambda may not capture a structured binding (clang 14)
        if (seen_terms.contains(term) || path.empty()) continue;
        bool walked = std::any_of(files.folders.begin(), files.folders.end(),
                                  [&](const fs::path& folder) { return is_under(path, folder); });
        std::error_code ec;
        if (walked && !fs::exists(path, ec)) writer.remove_source(term);
      }
    }
    // The setting is recorded once every file has been written with it.
    if (!summary.cancelled)
      db.set_metadata(std::string(schema::kTranslatedSummariesKey), summary.summaries_translated ? "1" : "");
    writer.commit();
    summary.documents = record_count(db);
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "writing the index failed: " + e.get_msg(), db_path.string(), 0, ""};
  }
  progress.report(true);
  return summary;
}

}  // namespace indexer
