#pragma once
// Writes of single records, for the HTTP API: put (add or replace by id) and remove, applied as
// one batch and one commit. The index is opened for each batch and closed after it, so that
// `precedent index` in another process can take the writer lock between batches; a batch waits
// up to `lock_wait` for a lock another process holds. Callers serialise batches (the server has
// one writer thread). Xapian stays in the .cc file.

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/result.h"

namespace indexer {

struct WriteBatch {
  std::vector<corpus::Document> put;
  std::vector<std::string> remove;
};

struct WriteOutcome {
  std::vector<bool> removed;  // per remove id: whether a record with it existed
  // Per put record: the first record of the group of near-duplicates it joined, or "".
  std::vector<std::string> duplicate_of;
  std::uint64_t documents = 0;
  std::uint64_t revision = 0;
  std::map<std::string, unsigned> spelling;  // words added to the spelling dictionary, with counts
};

corpus::Result<WriteOutcome> apply_writes(const std::filesystem::path& db, const WriteBatch& batch,
                                          std::chrono::milliseconds lock_wait);

}  // namespace indexer
