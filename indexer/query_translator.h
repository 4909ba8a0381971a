#pragma once
// QueryTranslator: a query's words in another of the collection's languages, word by word, with
// Apertium's dictionaries loaded in process (lttoolbox: morphological analysis, then the bilingual
// dictionary). A search wants every plausible sense of each word rather than one fluent sentence,
// so each word keeps its alternatives (analyses x translations), as lemmas: the stemmer of the
// target language then matches their inflections. Pairs Debian ships: en<->es (apertium-eng-spa),
// fr<->es (apertium-fr-es), es<->pt (apertium-es-pt); en, fr and pt reach one another through
// Spanish. Without the packages, or a pair, the translator says why (status()) and translates
// nothing: searches go on in the query's own language. lttoolbox stays in the .cc file.
//
// Input is bounded (kMaxInputBytes) and stripped of the characters Apertium's stream format gives
// a meaning (^ $ / [ ] \ @ * { } < > # and control bytes). Translations are cached (bounded).
// Thread-safe: one translator serves every thread of a process.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace indexer {

struct TranslatedWord {
  std::string source;                     // the word (or multiword unit) as the text writes it
  std::vector<std::string> alternatives;  // its translations, most likely first; {source} when unknown
  bool known = false;                     // the dictionaries translated it
};

struct Translation {
  std::string from;
  std::string to;
  std::vector<TranslatedWord> words;
  // The first alternative of every word, in order: what is shown as "searched in `to`".
  std::string text() const;
};

struct TranslatorStatus {
  bool available = false;
  std::string reason;               // why not, when not available (or which pairs are missing)
  std::vector<std::string> pairs;   // "en-es", "en-fr" (through Spanish) ...
};

class QueryTranslator {
 public:
  static constexpr std::size_t kMaxInputBytes = 1024;
  // Translations kept per word: 2 scored xquad-en-es 0.8843, 4 0.8897, 8 0.8899.
  static constexpr std::size_t kMaxAlternatives = 4;
  static constexpr std::size_t kCacheEntries = 4096;

  // Loads the pairs installed under `data_dir`; a pair missing or unreadable is left out and
  // named in status(). Never throws.
  explicit QueryTranslator(const std::filesystem::path& data_dir);
  ~QueryTranslator();
  QueryTranslator(const QueryTranslator&) = delete;
  QueryTranslator& operator=(const QueryTranslator&) = delete;

  // The process's translator for `data_dir`, loaded on first use and shared after.
  static std::shared_ptr<QueryTranslator> shared(const std::filesystem::path& data_dir);

  const TranslatorStatus& status() const;

  // Loads every installed direction now (about a second), so that the first searches do not
  // wait for it; a server calls it as it starts, on a thread of its own.
  void preload() const;
  bool can_translate(const std::string& from, const std::string& to) const;

  // `text` in `to`; an Error when the pair is not installed or Apertium fails on the text.
  corpus::Result<Translation> translate(const std::string& text, const std::string& from, const std::string& to) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace indexer
