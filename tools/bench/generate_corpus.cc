// generate_corpus: writes the benchmark's synthetic multilingual corpus as JSON Lines files.
// Options are checked here once; the work is tools::bench::generate_corpus().

#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "tools/bench/corpus_generator.h"

int main(int argc, char** argv) {
  CLI::App app{"generate_corpus: a deterministic synthetic corpus (en/es/fr/pt) for the indexing benchmark"};
  tools::bench::CorpusOptions options;
  std::filesystem::path out;
  app.add_option("--docs", options.docs, "Records to write")
      ->default_val(options.docs)
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  app.add_option("--out", out, "Folder for part-00000.jsonl ... (created; must not hold part files)")->required();
  app.add_option("--seed", options.seed, "Seed; the same seed writes the same bytes")->default_val(options.seed);
  app.add_option("--docs-per-file", options.docs_per_file, "Records per file")
      ->default_val(options.docs_per_file)
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  app.add_option("--dictionaries", options.dictionaries, "Folder of the Debian word lists")
      ->default_val(options.dictionaries.string());
  CLI11_PARSE(app, argc, argv);

  auto started = std::chrono::steady_clock::now();
  auto result = tools::bench::generate_corpus(out, options);
  if (!result) {
    std::fprintf(stderr, "generate_corpus: %s\n", result.error().to_string().c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto& summary = *result;
  std::printf("wrote %zu docs in %zu files, %llu bytes (%.1f MB) to %s in %.1f s\n", summary.docs, summary.files,
              static_cast<unsigned long long>(summary.bytes), summary.bytes / 1e6, out.string().c_str(), seconds);
  std::printf("mean text per doc: %.0f bytes, %.0f words (title, summary, lessons and body)\n",
              summary.mean_text_bytes(), summary.docs ? static_cast<double>(summary.words) / summary.docs : 0.0);
  std::printf("languages:");
  for (const auto& [language, count] : summary.docs_by_language) std::printf(" %s %zu", language.c_str(), count);
  std::printf("\n");
  return 0;
}
