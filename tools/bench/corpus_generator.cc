#include "tools/bench/corpus_generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <optional>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "corpus/vocabulary.h"
#include "tools/bench/random.h"
#include "tools/bench/word_list.h"

namespace tools::bench {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

struct LanguageSource {
  std::string_view code;
  std::string_view file;  // under CorpusOptions::dictionaries
  int percent;            // share of the records
};

constexpr std::array<LanguageSource, 4> kLanguages = {{
    {"en", "american-english", 55},  // wamerican
    {"es", "spanish", 15},           // wspanish
    {"fr", "french", 15},            // wfrench
    {"pt", "portuguese", 15},        // wportuguese
}};

// Countries with artisanal mining, so the facets look like the real collection's. Each must be
// in corpus::vocabulary (generate_corpus() checks).
constexpr std::array<std::string_view, 32> kCountries = {
    "BF", "BO", "BR", "CD", "CI", "CO", "EC", "GH", "GN", "GY", "ID", "KE", "LA", "MG", "ML", "MM",
    "MN", "MZ", "NE", "NG", "PE", "PG", "PH", "SD", "SL", "SN", "SR", "TZ", "UG", "VE", "ZM", "ZW"};

// Words per record: 100 + 1400 * u^5 for u uniform in [0, 1), so most records are short and a
// few long, with a mean of 100 + 1400 / 6 = 333 words (about 3.4 KB with these lists, whose words
// average some 10 bytes with the space). The power is a product, not std::pow, which may round
// differently between C libraries.
constexpr int kMinWords = 100;
constexpr int kMaxExtraWords = 1400;
constexpr int kMinBodyWords = 20;
constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2024;

// Writes the text of one record from one language's words, and counts the words drawn.
class TextWriter {
 public:
  TextWriter(const WordList& words, Random& random) : words_(words), random_(random) {}

  std::string title(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
      if (i > 0) out += ' ';
      append_word(out, i == 0);
    }
    return out;
  }

  // Sentences of 6 to 18 words; with paragraphs, a blank line every 3 to 7 sentences.
  std::string sentences(int count, bool paragraphs) {
    std::string out;
    int in_paragraph = 0;
    int paragraph_length = random_.between(3, 7);
    while (count > 0) {
      int length = std::min(count, random_.between(6, 18));
      if (!out.empty()) out += (paragraphs && in_paragraph == paragraph_length) ? "\n\n" : " ";
      if (in_paragraph == paragraph_length) {
        in_paragraph = 0;
        paragraph_length = random_.between(3, 7);
      }
      for (int i = 0; i < length; ++i) {
        if (i > 0) out += random_.chance(0.06) ? ", " : " ";
        append_word(out, i == 0);
      }
      out += '.';
      count -= length;
      ++in_paragraph;
    }
    return out;
  }

  std::uint64_t words() const { return words_drawn_; }

 private:
  void append_word(std::string& out, bool capital) {
    const std::string& word = words_.draw(random_);
    std::size_t at = out.size();
    out += word;
    // ASCII only: capitalising "école" needs Unicode case mapping, and a lower-case accented
    // initial changes nothing the indexer cares about (it case-folds).
    if (capital && out[at] >= 'a' && out[at] <= 'z') out[at] = static_cast<char>(out[at] - 'a' + 'A');
    ++words_drawn_;
  }

  const WordList& words_;
  Random& random_;
  std::uint64_t words_drawn_ = 0;
};

// `count` distinct values of `list`, in the order drawn.
std::vector<std::string> pick_distinct(Random& random, std::span<const std::string_view> list, int count) {
  std::vector<std::size_t> order(list.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < static_cast<std::size_t>(count) && i < order.size(); ++i) {
    std::swap(order[i], order[i + random.below(order.size() - i)]);
    out.emplace_back(list[order[i]]);
  }
  return out;
}

std::string pick_one(Random& random, std::span<const std::string_view> list) {
  return std::string(list[random.below(list.size())]);
}

std::size_t pick_language(Random& random) {
  int roll = static_cast<int>(random.below(100));
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    if (roll < kLanguages[i].percent) return i;
    roll -= kLanguages[i].percent;
  }
  return 0;
}

struct RecordText {
  std::uint64_t text_bytes = 0;
  std::uint64_t words = 0;
};

// Record `index` (0-based) as one JSON line, fields in the model's order.
std::string make_record(std::size_t index, std::uint64_t seed, const std::vector<WordList>& lists,
                        std::size_t& language, RecordText& counts) {
  Random random(mix_seed(seed, index));
  language = pick_language(random);
  TextWriter text(lists[language], random);

  double u = random.unit();
  int total = kMinWords + static_cast<int>(kMaxExtraWords * (u * u * u * u * u));
  int title_words = random.between(4, 10);
  int summary_words = random.between(20, 60);
  int remaining = total - title_words - summary_words;
  std::vector<int> lesson_words;
  for (int n = random.between(0, 4); n > 0; --n) {
    int length = random.between(8, 30);
    if (remaining - length < kMinBodyWords) break;
    lesson_words.push_back(length);
    remaining -= length;
  }

  char id[32];
  std::snprintf(id, sizeof id, "syn-%07zu", index + 1);
  nlohmann::ordered_json record;
  record["id"] = id;
  std::string title = text.title(title_words);
  std::string summary = text.sentences(summary_words, false);
  counts.text_bytes += title.size() + summary.size();
  record["title"] = std::move(title);
  record["type"] = pick_one(random, corpus::vocabulary::document_types());
  record["language"] = kLanguages[language].code;
  record["summary"] = std::move(summary);
  std::string body = text.sentences(remaining, true);
  counts.text_bytes += body.size();
  record["body"] = std::move(body);
  if (!lesson_words.empty()) {
    auto lessons = nlohmann::ordered_json::array();
    for (int length : lesson_words) {
      std::string lesson = text.sentences(length, false);
      counts.text_bytes += lesson.size();
      lessons.push_back({{"kind", pick_one(random, corpus::vocabulary::lesson_kinds())}, {"text", std::move(lesson)}});
    }
    record["lessons"] = std::move(lessons);
  }
  std::string outcome = pick_one(random, corpus::vocabulary::outcomes());
  record["outcome"] = outcome;
  if (outcome == "discontinued" && random.chance(0.7))
    record["failure_reasons"] = pick_distinct(random, corpus::vocabulary::failure_reasons(), random.between(1, 3));
  record["countries"] = pick_distinct(random, kCountries, random.between(1, 3));
  if (int themes = random.between(0, 3)) record["themes"] = pick_distinct(random, corpus::vocabulary::themes(), themes);
  if (int commodities = random.between(0, 2))
    record["commodities"] = pick_distinct(random, corpus::vocabulary::commodities(), commodities);
  int start = random.between(kFirstYear, kLastYear);
  record["start_year"] = start;
  record["end_year"] = random.between(start, std::min(start + 12, kLastYear));
  counts.words += text.words();
  // Words come from lists checked for valid UTF-8, so nothing is replaced; `replace` keeps a
  // surprise from throwing.
  return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<Error> check_options(const fs::path& out, const CorpusOptions& options) {
  if (options.docs_per_file == 0) return Error{ErrorCode::invalid_argument, "must be at least 1", "", 0, "docs_per_file"};
  for (auto code : kCountries) {
    if (!corpus::vocabulary::is_country_code(code))
      return Error{ErrorCode::internal, "not an ISO 3166-1 code: " + std::string(code), "", 0, "countries"};
  }
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return Error{ErrorCode::io, "cannot create the folder: " + ec.message(), out.string(), 0, ""};
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    auto name = entry.path().filename().string();
    if (name.starts_with("part-") && name.ends_with(".jsonl"))
      return Error{ErrorCode::invalid_argument, "the folder already holds a corpus (part-*.jsonl); "
                   "remove it or choose another folder", out.string(), 0, ""};
  }
  if (ec) return Error{ErrorCode::io, "cannot list the folder: " + ec.message(), out.string(), 0, ""};
  return std::nullopt;
}

std::optional<Error> write_file(const fs::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  if (!file) return Error{ErrorCode::io, "cannot write the file", path.string(), 0, ""};
  return std::nullopt;
}

}  // namespace

corpus::Result<CorpusSummary> generate_corpus(const fs::path& out, const CorpusOptions& options) {
  if (auto error = check_options(out, options)) return *error;

  std::vector<WordList> lists;
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    // Each list gets its own shuffle seed, so the languages do not share a rank order.
    auto list = WordList::load(options.dictionaries / kLanguages[i].file, mix_seed(~options.seed, i));
    if (!list) return list.error();
    lists.push_back(std::move(list).value());
  }

  CorpusSummary summary;
  std::string content;
  for (std::size_t first = 0; first < options.docs; first += options.docs_per_file) {
    std::size_t last = std::min(options.docs, first + options.docs_per_file);
    content.clear();
    for (std::size_t index = first; index < last; ++index) {
      std::size_t language = 0;
      RecordText counts;
      content += make_record(index, options.seed, lists, language, counts);
      content += '\n';
      summary.text_bytes += counts.text_bytes;
      summary.words += counts.words;
      ++summary.docs_by_language[std::string(kLanguages[language].code)];
    }
    char name[32];
    std::snprintf(name, sizeof name, "part-%05zu.jsonl", summary.files);
    fs::path path = out / name;
    if (auto error = write_file(path, content)) return *error;
    summary.docs += last - first;
    summary.bytes += content.size();
    ++summary.files;
    summary.paths.push_back(std::move(path));
  }
  return summary;
}

}  // namespace tools::bench
