#pragma once
// The inside of Searcher, shared by the .cc files that implement its calls (searcher.cc,
// recommender.cc). Included only by those files: it brings in Xapian.

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "corpus/result.h"
#include "indexer/query_translator.h"
#include "indexer/schema.h"
#include "indexer/stemmer.h"
#include "ranking/query_builder.h"
#include "ranking/similar_types.h"
#include "ranking/searcher.h"
#include "ranking/shard_set.h"

namespace ranking {

struct Searcher::Impl {
  indexer::RelevanceConfig relevance;
  SimilarityConfig similarity;
  std::optional<ShardSet> shards;
  Xapian::Database db;  // shards->db() as of the last refresh: docids are valid within one read
  QueryBuilder builder;
  std::shared_ptr<const indexer::QueryTranslator> translator;  // shared by the process's Searchers
  indexer::StemmerCache stemmers;

  Xapian::BM25Weight weighting() const {
    return Xapian::BM25Weight(relevance.bm25_k1, 0, 1, relevance.bm25_b, relevance.bm25_min_normlen);
  }

  void use_current() {
    db = shards->db();
    builder.set_database(db);
    builder.set_spelling_database(shards->spelling());
  }

  void refresh() {
    // Picks up commits made since the last call, by this process or another, and shards back
    // from a failure.
    if (shards->refresh()) use_current();
  }

  // Runs `read` on the index as it is now. When a writer has discarded the revision being read
  // (Xapian's DatabaseModifiedError, under concurrent writes), reopens the index and reads
  // again, up to three times; then the error goes to the caller. When a remote shard fails, it
  // is left out and the read runs again on the others (ShardFailure::partial; the read's answer
  // names the missing shards), or the read answers an `unavailable` Error naming it.
  template <typename Read>
  auto read_current(Read read) -> decltype(read()) {
    for (int attempt = 0;; ++attempt) {
      try {
        refresh();
        if (shards->source().on_failure == ShardFailure::fail && !shards->missing().empty()) return shards->unavailable();
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 3) throw;
      } catch (const Xapian::NetworkError& e) {
        auto stop = shards->failed(e);
        use_current();
        if (stop) return *stop;
        if (attempt >= 3 + static_cast<int>(shards->source().shards.size())) return shards->unavailable();
      }
    }
  }

  // Whether any records are grouped as near-duplicates (results then collapse on the group).
  bool has_duplicates() const {
    const std::string prefix(indexer::schema::kDuplicateGroup);
    return db.allterms_begin(prefix) != db.allterms_end(prefix);
  }
};

// A stored record (the JSON the indexer wrote into the document data).
corpus::Result<StoredRecord> parse_stored(const Xapian::Document& doc);

}  // namespace ranking
