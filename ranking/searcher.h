#pragma once
// Searcher: the facade the CLI and the HTTP handlers call. Owns a read-only view of the index and
// reopens it before each call, so writes by another process show up without a restart. Plain
// structs in and out (ranking/search_types.h); Xapian stays inside. NOT thread-safe: one
// Searcher per thread, as Xapian's Database objects are not shared between threads.

#include <filesystem>
#include <memory>
#include <string>

#include "corpus/result.h"
#include "indexer/relevance_config.h"
#include "ranking/index_source.h"
#include "ranking/similar_types.h"
#include "ranking/search_types.h"

namespace ranking {

class Searcher {
 public:
  // `relevance`: the query-time ranking choices (the index was built with its field weights).
  static corpus::Result<Searcher> open(const std::filesystem::path& index_dir,
                                       const indexer::RelevanceConfig& relevance = {});
  // The shards of a sharded index, local or remote, searched as one (ranking/index_source.h).
  // Answers carry `missing_shards` when shards were left out under ShardFailure::partial.
  static corpus::Result<Searcher> open(const IndexSource& source, const indexer::RelevanceConfig& relevance = {});

  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  corpus::Result<SearchResponse> search(const SearchRequest& request);

  // The weights of the similar-initiatives score (ranking/similar_types.h), to measure others.
  void set_similarity(const SimilarityConfig& config);

  // The stored record with this id; a not_found Error when there is none.
  corpus::Result<StoredRecord> document(const std::string& id);

  // Records, revision and size; with `with_counts`, also the counts by field (a walk over the
  // filter terms, which health checks and metrics do not need).
  corpus::Result<IndexStats> stats(bool with_counts = true);

  // The records most similar to a record or a proposal text, with why, and the duplication-risk
  // report over them (ranking/similar_types.h).
  corpus::Result<SimilarResponse> similar(const SimilarRequest& request);

  // Completions of the last word and matching titles, for search-as-you-type.
  corpus::Result<SuggestResponse> suggest(const SuggestRequest& request);

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ranking
