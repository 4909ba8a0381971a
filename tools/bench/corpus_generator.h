#pragma once
// The synthetic corpus of the indexing benchmark: records in the document model, in en / es / fr
// / pt, with words from the Debian word lists and metadata from corpus/vocabulary, written as
// JSON Lines. Deterministic: the same options give byte-identical files on any platform, and
// record i depends only on the seed and i, so a smaller corpus is a prefix of a larger one.
// generate_corpus() is a plain function; separate calls may run on separate threads.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace tools::bench {

inline constexpr std::uint64_t kDefaultSeed = 20240601;

struct CorpusOptions {
  std::size_t docs = 10'000;          // records to write; ids syn-0000001 ...
  std::uint64_t seed = kDefaultSeed;  // same seed, same bytes
  std::size_t docs_per_file = 1000;   // records per file part-00000.jsonl, part-00001.jsonl ...
  std::filesystem::path dictionaries = "/usr/share/dict";  // where the word lists are installed
};

struct CorpusSummary {
  std::size_t docs = 0;
  std::size_t files = 0;
  std::uint64_t bytes = 0;       // bytes written, JSON syntax and metadata included
  std::uint64_t text_bytes = 0;  // bytes of title, summary, lesson and body text
  std::uint64_t words = 0;       // words in that text
  std::map<std::string, std::size_t> docs_by_language;
  std::vector<std::filesystem::path> paths;  // the files written, in order

  double mean_text_bytes() const { return docs ? static_cast<double>(text_bytes) / docs : 0; }
};

// Writes the corpus into `out` (created if needed). Refuses a folder that already holds part
// files, so that leftovers of a larger run never join the corpus. Fails on a missing word list or
// a write error.
corpus::Result<CorpusSummary> generate_corpus(const std::filesystem::path& out, const CorpusOptions& options);

}  // namespace tools::bench
