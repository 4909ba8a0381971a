#pragma once
// The inputs peer_bench shares between engines: the synthetic corpus (part-*.jsonl written by
// generate_corpus) read record by record, and the query mix (JSON Lines written by
// search_bench --mix-out). Every engine reads the same files the same way, so JSON parsing is
// part of each engine's build time, as it is of Precedent's ingest. Plain functions and values;
// a PeerCorpus may be read by one thread at a time.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace tools::bench {

// The fields of one record that the peers index: the text Precedent indexes (title, summary,
// the lessons' text, body) and the three facet fields.
struct PeerRecord {
  std::size_t number = 0;  // 1-based position in the corpus: the engines' integer document id
  std::string id;          // the record's own id, "syn-0000001"
  std::string title;
  std::string summary;
  std::string lessons;  // the lessons' text, one paragraph each, joined by blank lines
  std::string body;
  std::string outcome;
  std::vector<std::string> countries;
  std::vector<std::string> themes;
};

class PeerCorpus {
 public:
  // Lists DIR/part-*.jsonl in name order; fails when there are none.
  static corpus::Result<PeerCorpus> open(const std::filesystem::path& dir);

  // Reads and parses every record in order and hands it to `visit`; stops at the first error
  // (a line that is not a record names its file and line) or the first one `visit` returns.
  corpus::Status for_each(const std::function<corpus::Status(const PeerRecord&)>& visit) const;

  const std::vector<std::filesystem::path>& files() const { return files_; }
  std::uint64_t bytes() const { return bytes_; }  // the JSON Lines files' bytes, as read

 private:
  std::vector<std::filesystem::path> files_;
  std::uint64_t bytes_ = 0;
};

enum class QueryOperator { any_word, all_words, phrase };  // "or", "and", "phrase"

struct PeerQuery {
  std::string type;  // one_word, two_to_four_words, and_words, phrase, rare_word, filtered, faceted
  std::vector<std::string> words;  // lower-case, UTF-8
  QueryOperator op = QueryOperator::any_word;
  std::string country;              // filtered: only records with this ISO code
  std::vector<std::string> facets;  // faceted: count these fields over every match
};

// Reads the mix: one JSON object a line, {"type":..,"words":[..],"operator":"or"|"and"|"phrase",
// "country":..,"facets":[..]}. Blank lines are skipped; anything else that is not such an object
// fails with its line and field. Facets other than country, theme and outcome are refused.
corpus::Result<std::vector<PeerQuery>> read_mix(const std::filesystem::path& path);

}  // namespace tools::bench
