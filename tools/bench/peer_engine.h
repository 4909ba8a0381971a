#pragma once
// PeerEngine: one peer search engine under test (SQLite FTS5, Sphinx, PostgreSQL), driven the
// same way by peer_bench: build() indexes the corpus and reports what it cost, open_session()
// gives each timing thread its own connection, stop() shuts down any server the engine started.
// An engine owns its files under its work folder and the server processes it started; it is used
// from one thread, its sessions from one thread each.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/result.h"
#include "tools/bench/peer_corpus.h"

namespace tools::bench {

struct PeerOptions {
  std::filesystem::path work;  // this engine's folder (created by peer_bench, removed by it)
  std::size_t top = 10;        // results per search
  int sphinx_port = 9406;      // SphinxQL (MySQL protocol) port of searchd on 127.0.0.1
  int pg_port = 55432;         // PostgreSQL port on 127.0.0.1 (and its socket's name)
  std::string sphinx_morphology = "none";  // Sphinx's `morphology`, e.g. none, stem_en
};

struct BuildReport {
  std::size_t docs = 0;
  double seconds = 0;          // everything a user would wait for, reading the JSONL included
  double prepare_seconds = 0;  // the part of `seconds` spent converting the input (Sphinx's TSV)
  std::uint64_t index_bytes = 0;
  std::optional<double> peak_rss_mb;  // of the process that built the index; none if unknown
  std::string peak_rss_of;            // which process that was, for the reader
};

// What a search returns: the top records' ids in the engine's order, and for a faceted query
// each facet's value -> matching records.
struct PeerHits {
  std::vector<std::string> ids;
  std::map<std::string, std::map<std::string, std::uint64_t>> facets;
};

class PeerSession {
 public:
  virtual ~PeerSession() = default;
  virtual corpus::Result<PeerHits> search(const PeerQuery& query) = 0;
  // Every record the query matches (the filter applied): not timed, a cross-check between engines.
  virtual corpus::Result<std::uint64_t> count(const PeerQuery& query) = 0;
};

class PeerEngine {
 public:
  virtual ~PeerEngine() = default;
  virtual std::string name() const = 0;
  // Starts any server the engine needs (not timed); fails when it cannot.
  virtual corpus::Status start() = 0;
  virtual corpus::Result<BuildReport> build(const PeerCorpus& corpus) = 0;
  virtual corpus::Result<std::unique_ptr<PeerSession>> open_session() = 0;
  // Peak resident memory of the process that answered the searches so far, if known.
  virtual std::optional<double> search_peak_rss_mb() = 0;
  virtual std::string search_rss_of() const = 0;
  // Stops what start() started; safe to call twice and after a failed start().
  virtual void stop() = 0;
  // How the engine analyses text and ranks, in one line for the report.
  virtual std::string setup() const = 0;
};

std::unique_ptr<PeerEngine> make_sqlite_engine(const PeerOptions& options);
std::unique_ptr<PeerEngine> make_sphinx_engine(const PeerOptions& options);
std::unique_ptr<PeerEngine> make_postgres_engine(const PeerOptions& options);

}  // namespace tools::bench
