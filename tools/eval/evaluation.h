#pragma once
// One evaluation run: a BEIR set (tools/eval/beir_set.h) converted into Precedent records,
// indexed by indexer::ingest() into a fresh index, every judged query run through
// ranking::Searcher as a user's plain words, and the rankings scored (tools/eval/metrics.h). The
// same path a user's records and queries take, with nothing added for the benchmark. Does not
// log: stages report through the progress callback. A plain function; separate runs may go on
// separate threads if their work folders differ.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/result.h"
#include "indexer/relevance_config.h"
#include "ranking/similar_types.h"
#include "tools/eval/metrics.h"

namespace tools::eval {

// How deep each query's ranking goes: Recall@100 needs the first 100.
inline constexpr std::size_t kRankingDepth = 100;

struct EvalOptions {
  std::filesystem::path set;    // the BEIR folder
  std::string language = "en";  // ISO 639-1 of the documents (and of the queries, unless below)
  // The queries' language: "" for each query's metadata "lang" where it has one, else
  // `language`; "auto" to leave it to the Searcher's detection, as a user who does not say it.
  std::string query_language;
  bool translate = true;        // also search the queries translated (ranking::SearchRequest)
  // Each query is a proposal: its text goes to Searcher::similar (as POST /v1/similar, profile
  // inferred) instead of a search, the similar initiatives are the ranking, and the risk level is
  // compared with the query's metadata "risk".
  bool similar = false;
  // Precedent records to index as they are (files or folders, as `precedent index` reads them),
  // with their own languages and fields, instead of the set's corpus.jsonl; the qrels then name
  // record ids.
  std::filesystem::path records;
  std::string split = "test";   // the qrels file, qrels/SPLIT.tsv
  std::filesystem::path work;   // records/ and index/ are made here; must hold neither yet
  // ...unless this is set: then an index left there by an earlier run (--keep) of the same set
  // with the same index-time options is brought up to date, which skips every unchanged record,
  // so query-time options are measured in seconds.
  bool reuse = false;
  unsigned threads = 0;         // ingest's analysis threads; 0 means one per core
  indexer::RelevanceConfig relevance;  // the ranking choices measured
  ranking::SimilarityConfig similarity;  // the similar-initiatives weights measured (`similar`)
};

struct EvalProgress {
  std::string_view stage;  // "converting", "indexing" or "searching"
  std::size_t done = 0;    // documents or queries so far
  std::size_t total = 0;   // 0 when not known
};
using EvalProgressCallback = std::function<void(const EvalProgress&)>;

// A query the Searcher refused; it counts 0 in every figure.
struct QueryFailure {
  std::string query_id;
  std::string query;    // as sent, after plain_words()
  std::string message;
};

// One query's ranking, as corpus ids, best first (for a TREC run file).
struct QueryRanking {
  std::string query_id;
  std::vector<std::string> documents;
};

// The figures of the queries that share a metadata value.
struct GroupFigures {
  std::size_t queries = 0;
  QueryMetrics mean;
};

// A proposal's risk level against the one its metadata expects (EvalOptions::similar).
struct RiskJudged {
  std::string query_id;
  std::string expected;
  std::string given;
};

struct EvalReport {
  std::size_t documents = 0;         // records in the index
  std::size_t queries = 0;           // queries of the qrels, all of them scored
  std::size_t qrels_rows = 0;
  std::size_t queries_without_relevant = 0;  // judged, but nothing >= 1: they score 0
  std::size_t judged_not_in_corpus = 0;      // qrels rows naming an id the corpus lacks
  std::size_t untitled = 0;          // documents given a wordless title (see beir_set.cc)
  std::size_t titles_cut = 0;
  std::size_t queries_cut = 0;       // queries cut to ranking::kMaxQueryBytes
  std::size_t queries_without_hits = 0;  // failures included
  std::vector<QueryFailure> failures;
  QueryMetrics mean;                 // over `queries`
  std::map<std::string, GroupFigures> groups;  // "lang=es", "kind=question", "answers=cross"...
  double convert_seconds = 0;
  double index_seconds = 0;          // indexer::ingest() alone
  double query_seconds = 0;          // every Searcher::search() call, snippets included
  std::vector<QueryRanking> rankings;  // in qrels order
  std::vector<RiskJudged> risks;       // proposals whose metadata gives a risk, in qrels order
};

// Runs the evaluation. Errors: a bad set (naming the file, line and field), a work folder that
// already holds records or an index, records the indexer refused, or an index that fails.
corpus::Result<EvalReport> evaluate(const EvalOptions& options, const EvalProgressCallback& progress);

// The query text with Precedent's query syntax made inert, so every query is searched as the
// plain words a user of another system typed (see the .cc for what is changed and why).
std::string plain_words(std::string_view text);

}  // namespace tools::eval
