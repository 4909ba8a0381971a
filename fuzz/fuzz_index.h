#pragma once
// The index the search-side fuzz targets run against: the bundled collection, ingested once per
// process into a fresh folder (in /dev/shm when there is one, so the writes the HTTP target makes
// cost no disk flushes). A target that cannot build it aborts: fuzzing without data would test
// nothing.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "indexer/ingest.h"

namespace fuzz {

inline std::filesystem::path collection_index() {
  static const std::filesystem::path path = [] {
    std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::string pattern = (base / "precedent-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    std::filesystem::path db = std::filesystem::path(pattern) / "index";
    auto summary = indexer::ingest(db, {std::filesystem::path(PRECEDENT_SOURCE_DIR) / "corpus" / "collection"}, {}, {});
    if (!summary || summary->documents == 0) {
      std::fprintf(stderr, "fuzz: cannot index the bundled collection into %s\n", db.c_str());
      std::abort();
    }
    return db;
  }();
  return path;
}

}  // namespace fuzz
