#pragma once
// A test collection in BEIR's layout, read for evaluation:
//   DIR/corpus.jsonl       {"_id", "title", "text"} one document per line
//   DIR/queries.jsonl      {"_id", "text"[, "metadata"]} one query per line
//   DIR/qrels/SPLIT.tsv    a header line, then query-id <TAB> corpus-id <TAB> score
// read_beir_queries() reads the queries the qrels judge, with their judgements;
// write_beir_records() turns the corpus into Precedent records (JSON Lines files that
// indexer::ingest() reads), streaming, so a corpus larger than memory still converts. Errors name
// the file, its line and the field. Plain functions; thread-safe.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/result.h"
#include "tools/eval/metrics.h"

namespace tools::eval {

struct BeirQuery {
  std::string id;
  std::string text;
  Judgements judgements;  // every qrels row of the query, relevant or not
  // Optional "metadata" strings a set may give each query ("lang", "kind", "answers"): results
  // are reported by each of their values too.
  std::map<std::string, std::string> metadata;
};

struct BeirQueries {
  std::vector<BeirQuery> queries;  // the queries the qrels name, in the order they first appear there
  std::size_t qrels_rows = 0;
};

// Reads DIR/qrels/SPLIT.tsv and the texts of the queries it names from DIR/queries.jsonl. A query
// of the qrels missing from queries.jsonl is an error (the set is broken), as are duplicate ids.
corpus::Result<BeirQueries> read_beir_queries(const std::filesystem::path& dir, const std::string& split);

struct BeirRecords {
  std::vector<std::filesystem::path> files;  // the record files written, in order
  std::unordered_map<std::string, std::string> beir_id;  // record id -> the corpus's _id
  std::size_t untitled = 0;    // documents with no title, given a title without words
  std::size_t titles_cut = 0;  // titles cut to the document model's length limit
  std::uint64_t bytes = 0;     // bytes written
};

// Writes DIR/corpus.jsonl as Precedent records in `language` into `out` (created if needed), as
// records-00000.jsonl, records-00001.jsonl ... A line that is not a JSON object with a string
// (or integer) "_id" and string "title"/"text", or a duplicate id, is an error naming its line.
corpus::Result<BeirRecords> write_beir_records(const std::filesystem::path& dir, const std::string& language,
                                               const std::filesystem::path& out);

}  // namespace tools::eval
