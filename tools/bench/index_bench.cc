// index_bench: for each --docs size, generates the synthetic corpus (not timed), times
// indexer::ingest into a fresh index, then times a second ingest of the unchanged corpus, and
// prints a table and one JSON line per size. Options are checked here once.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>
#include <fstream>
#include <optional>
#include <thread>

#include <CLI/CLI.hpp>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "indexer/ingest.h"
#include "corpus/walker.h"
#include "tools/bench/corpus_generator.h"
#include "tools/bench/measure.h"

namespace {

namespace fs = std::filesystem;
using tools::bench::CorpusSummary;

enum ExitCode : int {
  kExitOk = 0,
  kExitCheckFailed = 1,  // records failed, or the re-run re-indexed something
  kExitUsage = 2,
  kExitError = 3,  // the corpus or the index could not be written
};

struct BenchOptions {
  std::vector<std::size_t> sizes;  // corpus sizes, in the order given
  unsigned threads = 0;            // IngestOptions::threads; 0 means one per core
  fs::path work;                   // empty: a new folder under the system's temp folder
  bool keep = false;               // keep corpora and indexes after measuring them
  bool raw = false;                // also time Xapian alone on the same corpus (the floor)
  std::uint64_t seed = tools::bench::kDefaultSeed;
};

struct Measurement {
  std::size_t docs = 0;
  std::size_t files = 0;
  std::uint64_t input_bytes = 0;
  double mean_text_bytes = 0;
  double generate_seconds = 0;
  double seconds = 0;
  std::uint64_t index_bytes = 0;
  double rss_before_mb = 0;  // resident memory when ingest started (after the reset)
  double peak_rss_mb = 0;
  bool peak_rss_is_ingest_only = false;  // false: the figure is the whole process's peak so far
  double rerun_seconds = 0;
  std::size_t rerun_files_unchanged = 0;
  std::size_t rerun_indexed = 0;
  std::optional<double> raw_seconds;  // Xapian alone, one thread (--raw)
  std::uint64_t raw_index_bytes = 0;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print_ingest_errors(const indexer::IngestSummary& summary) {
  std::size_t shown = 0;
  for (const auto& error : summary.errors) {
    if (++shown > 10) break;
    std::fprintf(stderr, "  error: %s\n", error.to_string().c_str());
  }
}

// One size: generate, ingest, re-ingest. Returns the exit code; fills `out` when it is 0.
// The floor: Xapian alone on the same records, one thread, with what any Xapian application
// does and nothing of Precedent's (no folding, language detection, lessons, spelling, filters,
// values, near-duplicates): title, summary, lessons and body through a TermGenerator with
// positions and the record's language's stemmer, the JSON line as the document's data, an id
// term, and a commit every 5,000 records as ingest does.
double raw_xapian_build(const fs::path& corpus_dir, const fs::path& index_dir) {
  Xapian::WritableDatabase db(index_dir.string(), Xapian::DB_CREATE);
  Xapian::TermGenerator terms;
  terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  std::map<std::string, Xapian::Stem> stemmers;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  auto started = std::chrono::steady_clock::now();
  std::size_t count = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      auto record = nlohmann::json::parse(line);
      std::string language = record.value("language", "");
      auto stemmer = stemmers.find(language);
      if (stemmer == stemmers.end()) stemmer = stemmers.emplace(language, Xapian::Stem(language)).first;
      Xapian::Document doc;
      terms.set_document(doc);
      terms.set_stemmer(stemmer->second);
      terms.index_text(record.value("title", ""), 5);
      terms.increase_termpos();
      terms.index_text(record.value("summary", ""), 2);
      for (const auto& lesson : record.value("lessons", nlohmann::json::array())) {
        terms.increase_termpos();
        terms.index_text(lesson.value("text", ""), 2);
      }
      terms.increase_termpos();
      terms.index_text(record.value("body", ""));
      doc.set_data(line);
      std::string id = "Q" + record.value("id", "");
      doc.add_boolean_term(id);
      db.replace_document(id, doc);
      if (++count % 5000 == 0) db.commit();
    }
  }
  db.commit();
  return seconds_since(started);
}

int measure(const BenchOptions& options, std::size_t docs, const fs::path& work, Measurement& out) {
  fs::path corpus_dir = work / ("corpus-" + std::to_string(docs));
  fs::path index_dir = work / ("index-" + std::to_string(docs));
  std::error_code ec;
  if (fs::exists(index_dir, ec)) {
    std::fprintf(stderr, "index_bench: %s exists; remove it or choose another --work\n", index_dir.c_str());
    return kExitUsage;
  }

  std::fprintf(stderr, "[%zu] generating the corpus in %s\n", docs, corpus_dir.c_str());
  tools::bench::CorpusOptions corpus_options;
  corpus_options.docs = docs;
  corpus_options.seed = options.seed;
  auto started = std::chrono::steady_clock::now();
  auto generated = tools::bench::generate_corpus(corpus_dir, corpus_options);
  if (!generated) {
    std::fprintf(stderr, "index_bench: %s\n", generated.error().to_string().c_str());
    return kExitError;
  }
  const CorpusSummary& corpus = *generated;
  out.docs = corpus.docs;
  out.files = corpus.files;
  out.input_bytes = corpus.bytes;
  out.mean_text_bytes = corpus.mean_text_bytes();
  out.generate_seconds = seconds_since(started);
  std::fprintf(stderr, "[%zu] generated %zu files, %.1f MB, mean text %.0f bytes/doc, in %.1f s\n", docs,
               corpus.files, corpus.bytes / 1e6, out.mean_text_bytes, out.generate_seconds);

  indexer::IngestOptions ingest_options;
  ingest_options.threads = options.threads;
  std::vector<fs::path> paths = {corpus_dir};

  std::fprintf(stderr, "[%zu] indexing into %s\n", docs, index_dir.c_str());
  out.peak_rss_is_ingest_only = tools::bench::reset_self_peak_rss();
  out.rss_before_mb = tools::bench::self_peak_rss_mb();
  started = std::chrono::steady_clock::now();
  auto first = indexer::ingest(index_dir, paths, ingest_options, nullptr);
  out.seconds = seconds_since(started);
  out.peak_rss_mb = tools::bench::self_peak_rss_mb();
  if (!first) {
    std::fprintf(stderr, "index_bench: %s\n", first.error().to_string().c_str());
    return kExitError;
  }
  if (first->failed != 0 || first->indexed != corpus.docs || first->documents != corpus.docs) {
    std::fprintf(stderr, "index_bench: expected %zu records indexed, got %zu indexed, %zu failed, %zu in the index\n",
                 corpus.docs, first->indexed, first->failed, first->documents);
    print_ingest_errors(*first);
    return kExitCheckFailed;
  }
  out.index_bytes = corpus::folder_bytes(index_dir);
  std::fprintf(stderr, "[%zu] indexed in %.2f s\n", docs, out.seconds);

  started = std::chrono::steady_clock::now();
  auto rerun = indexer::ingest(index_dir, paths, ingest_options, nullptr);
  out.rerun_seconds = seconds_since(started);
  if (!rerun) {
    std::fprintf(stderr, "index_bench: re-run: %s\n", rerun.error().to_string().c_str());
    return kExitError;
  }
  out.rerun_files_unchanged = rerun->files_unchanged;
  out.rerun_indexed = rerun->indexed;
  std::fprintf(stderr, "[%zu] re-ran in %.2f s: %zu of %zu files unchanged, %zu records re-indexed\n", docs,
               out.rerun_seconds, rerun->files_unchanged, rerun->files, rerun->indexed);
  if (rerun->files_unchanged != corpus.files || rerun->indexed != 0 || rerun->removed != 0) {
    std::fprintf(stderr, "index_bench: the re-run of an unchanged corpus should skip every file\n");
    return kExitCheckFailed;
  }

  if (options.raw) {
    fs::path raw_dir = work / ("raw-index-" + std::to_string(docs));
    fs::remove_all(raw_dir, ec);
    std::fprintf(stderr, "[%zu] indexing with Xapian alone into %s\n", docs, raw_dir.c_str());
    try {
      out.raw_seconds = raw_xapian_build(corpus_dir, raw_dir);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "index_bench: Xapian alone: %s\n", e.what());
      return kExitError;
    } catch (const Xapian::Error& e) {
      std::fprintf(stderr, "index_bench: Xapian alone: %s\n", e.get_msg().c_str());
      return kExitError;
    }
    out.raw_index_bytes = corpus::folder_bytes(raw_dir);
    std::fprintf(stderr, "[%zu] Xapian alone: %.2f s\n", docs, *out.raw_seconds);
    if (!options.keep) fs::remove_all(raw_dir, ec);
  }

  if (!options.keep) {
    fs::remove_all(corpus_dir, ec);
    fs::remove_all(index_dir, ec);
  }
  return kExitOk;
}

void print_table(const std::vector<Measurement>& results) {
  std::printf("%10s %10s %9s %9s %8s %10s %12s %10s\n", "docs", "input MB", "seconds", "docs/s", "MB/s",
              "index MB", "peak RSS MB", "re-run s");
  for (const auto& m : results) {
    double mb = m.input_bytes / 1e6;
    std::printf("%10zu %10.1f %9.2f %9.0f %8.2f %10.1f %12.0f %10.2f\n", m.docs, mb, m.seconds, m.docs / m.seconds,
                mb / m.seconds, m.index_bytes / 1e6, m.peak_rss_mb, m.rerun_seconds);
  }
  for (const auto& m : results) {
    if (!m.raw_seconds) continue;
    std::printf("%10zu records with Xapian alone (one thread, no Precedent analysis): %.2f s, %.0f docs/s, index %.1f MB\n",
                m.docs, *m.raw_seconds, m.docs / *m.raw_seconds, m.raw_index_bytes / 1e6);
  }
}

nlohmann::ordered_json to_json(const Measurement& m, unsigned threads) {
  double mb = m.input_bytes / 1e6;
  nlohmann::ordered_json out = {{"docs", m.docs},
          {"files", m.files},
          {"input_mb", mb},
          {"mean_text_bytes", m.mean_text_bytes},
          {"seconds", m.seconds},
          {"docs_per_s", m.docs / m.seconds},
          {"mb_per_s", mb / m.seconds},
          {"index_mb", m.index_bytes / 1e6},
          {"rss_before_mb", m.rss_before_mb},
          {"peak_rss_mb", m.peak_rss_mb},
          {"peak_rss_scope", m.peak_rss_is_ingest_only ? "ingest" : "process"},
          {"rerun_seconds", m.rerun_seconds},
          {"rerun_files_unchanged", m.rerun_files_unchanged},
          {"generate_seconds", m.generate_seconds},
          {"threads", threads},
          {"cores", std::thread::hardware_concurrency()}};
  if (m.raw_seconds) {
    out["raw_xapian_seconds"] = *m.raw_seconds;
    out["raw_xapian_docs_per_s"] = m.docs / *m.raw_seconds;
    out["raw_xapian_index_mb"] = m.raw_index_bytes / 1e6;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"index_bench: time indexer::ingest on synthetic corpora of the given sizes"};
  BenchOptions options;
  app.add_option("--docs", options.sizes, "Corpus size; repeat for several (--docs 10000 --docs 100000)")
      ->required()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  app.add_option("--threads", options.threads, "Analysis threads for ingest (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  app.add_option("--work", options.work, "Folder for corpora and indexes (default: a new temp folder)");
  app.add_flag("--keep", options.keep, "Keep the corpora and indexes");
  app.add_flag("--raw", options.raw, "Also time Xapian alone on the same corpus, one thread (the floor)");
  app.add_option("--seed", options.seed, "Corpus seed")->default_val(options.seed);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  bool own_work = options.work.empty();
  fs::path work = own_work ? fs::temp_directory_path() / ("precedent-bench-" + std::to_string(getpid()))
                           : options.work;
  std::error_code ec;
  fs::create_directories(work, ec);
  if (ec) {
    std::fprintf(stderr, "index_bench: cannot create %s: %s\n", work.c_str(), ec.message().c_str());
    return kExitError;
  }
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  std::vector<Measurement> results;
  int status = kExitOk;
  for (std::size_t docs : options.sizes) {
    Measurement m;
    status = measure(options, docs, work, m);
    if (status != kExitOk) break;
    results.push_back(m);
  }
  if (options.keep) std::fprintf(stderr, "corpora and indexes kept in %s\n", work.c_str());
  else if (own_work) fs::remove_all(work, ec);

  if (!results.empty()) {
    std::printf("ingest with %u analysis threads on %u cores; times exclude corpus generation\n", threads,
                std::thread::hardware_concurrency());
    print_table(results);
    for (const auto& m : results) std::printf("%s\n", to_json(m, threads).dump().c_str());
  }
  return status;
}
