#pragma once
// A test fixture over the whole bundled collection, indexed once per test suite into a temporary
// index: the searches of tests/ranking/*_test.cc run on real data.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "indexer/ingest.h"
#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace ranking {

// Folders indexed once per test suite into a temporary index, and a searcher on it per test.
class IndexedFoldersTest : public testing::Test {
 protected:
  // Indexes `folders` (every record must be read without error); the number of records written.
  static std::size_t index_folders(const std::vector<std::filesystem::path>& folders) {
    dir_ = new test_support::TempDir();
    auto summary = indexer::ingest(dir_->path() / "db", folders, {}, {});
    EXPECT_TRUE(summary.has_value()) << summary.error().to_string();
    if (!summary) return 0;
    for (const auto& error : summary->errors) ADD_FAILURE() << error.to_string();
    return summary->documents;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    auto searcher = Searcher::open(dir_->path() / "db");
    ASSERT_TRUE(searcher.has_value()) << searcher.error().to_string();
    searcher_.emplace(std::move(searcher).value());
  }

  static inline test_support::TempDir* dir_ = nullptr;
  std::optional<Searcher> searcher_;
};

// The bundled curated collection (corpus/collection/).
class CollectionTest : public IndexedFoldersTest {
 protected:
  static void SetUpTestSuite() {
    documents_ = index_folders({test_support::collection_dir()});
    // A translation is shown with its original (translation_of), so a browse lists one fewer.
    shown_ = documents_;
    for (const auto& entry : std::filesystem::directory_iterator(test_support::collection_dir())) {
      std::ifstream file(entry.path());
      std::string line;
      while (std::getline(file, line) && line != "---" ) {}
      while (std::getline(file, line) && line != "---")
        if (line.rfind("translation_of:", 0) == 0) --shown_;
    }
  }
  // `translate`: also search the query's translations into the collection's other languages; a
  // test about the query's own language turns it off.
  SearchResponse search(const std::string& query, const std::string& language = "", std::size_t per_page = 10,
                        bool translate = true) {
    SearchRequest request;
    request.query = query;
    request.language = language;
    request.per_page = per_page;
    request.translate = translate;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.has_value()) << query << ": " << response.error().to_string();
    return response.has_value() ? *response : SearchResponse{};
  }

  // A search that may fail (a bad filter), with filters.
  corpus::Result<SearchResponse> search_filtered(const std::string& query, Filters filters) {
    SearchRequest request;
    request.query = query;
    request.filters = std::move(filters);
    return searcher_->search(request);
  }

  static bool has_id(const SearchResponse& response, const std::string& id) {
    return std::any_of(response.hits.begin(), response.hits.end(), [&](const Hit& h) { return h.id == id; });
  }

  static inline std::size_t documents_ = 0;
  static inline std::size_t shown_ = 0;  // records a browse lists
};

}  // namespace ranking
