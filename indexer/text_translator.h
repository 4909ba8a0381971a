#pragma once
// TextTranslator: running text (a record's title, summary and lessons) in another of the four
// languages, for reading: Apertium's whole pipeline of a direction (tagger, lexical selection,
// transfer, generation, as its mode file lists them), where the query translator uses the
// dictionaries alone. One long-lived pipeline per direction, started on first use, runs in
// Apertium's null-flush mode: each text is written followed by a NUL and its translation read back
// up to the next NUL, so no process is started per text. en, fr and pt go through Spanish.
//
// Texts are made safe for Apertium's stream format (its special characters escaped, control bytes
// made spaces) and cut to kMaxTextBytes. Each text carries a marker that must come back with its
// translation; a pipeline that answers out of step, dies, or does not answer within the time
// limit is killed and started again for the next request, and that request fails. Thread-safe:
// each direction serves one request at a time.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace indexer {

class TextTranslator {
 public:
  static constexpr std::size_t kMaxTextBytes = 4096;
  static constexpr std::chrono::seconds kDefaultTimeLimit{30};

  // Finds the directions whose mode files are installed under `data_dir` (its `modes` folder).
  // Never throws; a missing direction is named in problem().
  explicit TextTranslator(const std::filesystem::path& data_dir,
                          std::chrono::milliseconds time_limit = kDefaultTimeLimit);
  ~TextTranslator();
  TextTranslator(const TextTranslator&) = delete;
  TextTranslator& operator=(const TextTranslator&) = delete;

  // The process's translator for `data_dir`, shared by every thread.
  static std::shared_ptr<TextTranslator> shared(const std::filesystem::path& data_dir);

  bool can_translate(const std::string& from, const std::string& to) const;
  // True when texts in `from` can be translated into at least one other language.
  bool can_translate_from(const std::string& from) const;
  // Why some or all directions are missing; "" when all are installed.
  const std::string& problem() const;

  // `texts` in `to`, in order (an empty text stays empty). An Error when the direction is not
  // installed, or its pipeline failed or timed out on these texts.
  corpus::Result<std::vector<std::string>> translate(const std::vector<std::string>& texts, const std::string& from,
                                                     const std::string& to) const;

  // `texts` in every other of the four languages that can be reached, by language; the Spanish
  // translation is made once and serves as the pivot for the others. Languages that failed are
  // left out, with the first error in `problem` when it is given.
  std::map<std::string, std::vector<std::string>> translate_to_all(const std::vector<std::string>& texts,
                                                                   const std::string& from,
                                                                   std::string* problem = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace indexer
