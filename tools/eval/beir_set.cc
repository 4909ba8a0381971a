#include "tools/eval/beir_set.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <optional>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace tools::eval {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;
using nlohmann::json;

// The document model refuses titles over this many bytes (corpus/document.cc); longer BEIR
// titles are cut rather than losing the document.
constexpr std::size_t kMaxTitleBytes = 1000;
// Record files stay well under corpus::kMaxFileBytes, which ingest refuses to read.
constexpr std::uint64_t kRecordFileBytes = 32u << 20;

// BEIR documents may have an empty title; the document model requires one. A title of one
// punctuation mark passes the validator and yields no term, so the record ranks on its text
// alone, as the empty title means. The first words of the text would be the readable choice, but
// title words count kTitleWdf (5) times in indexer/document_builder.cc and would lift those words.
constexpr std::string_view kNoTitle = "-";

Error error_at(ErrorCode code, const fs::path& file, int line, std::string field, std::string message) {
  Error e;
  e.code = code;
  e.file = file.string();
  e.line = line;
  e.field = std::move(field);
  e.message = std::move(message);
  return e;
}

// Reads `file` line by line, calling `visit(line_number, line)` for each non-blank line;
// stops at the first error `visit` returns.
template <typename Visit>
std::optional<Error> for_each_line(const fs::path& file, Visit visit) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return error_at(ErrorCode::not_found, file, 0, "", "cannot be opened");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (auto e = visit(number, line)) return e;
  }
  if (in.bad()) return error_at(ErrorCode::io, file, number, "", "read failed");
  return std::nullopt;
}

std::optional<Error> parse_object(const fs::path& file, int line, const std::string& text, json& out) {
  try {
    out = json::parse(text);
  } catch (const json::parse_error& e) {
    return error_at(ErrorCode::parse_error, file, line, "", std::string("not valid JSON: ") + e.what());
  }
  if (!out.is_object()) return error_at(ErrorCode::parse_error, file, line, "", "expected a JSON object");
  return std::nullopt;
}

// "_id" as a string; BEIR ids are strings, but some converters write numbers.
std::optional<Error> id_field(const fs::path& file, int line, const json& object, std::string& out) {
  auto it = object.find("_id");
  if (it == object.end()) return error_at(ErrorCode::validation, file, line, "_id", "missing");
  if (it->is_string()) out = it->get<std::string>();
  else if (it->is_number_integer()) out = std::to_string(it->get<long long>());
  else return error_at(ErrorCode::validation, file, line, "_id", std::string("expected a string, got ") + it->type_name());
  if (out.empty()) return error_at(ErrorCode::validation, file, line, "_id", "empty");
  return std::nullopt;
}

// An optional string field; absent and null read as "".
std::optional<Error> text_field(const fs::path& file, int line, const json& object, const char* name,
                                std::string& out) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string())
    return error_at(ErrorCode::validation, file, line, name, std::string("expected a string, got ") + it->type_name());
  out = it->get<std::string>();
  return std::nullopt;
}

// The first `limit` bytes of `text`, cut at a space where there is one, never inside a character.
std::string cut(const std::string& text, std::size_t limit) {
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::size_t space = text.find_last_of(' ', end);
  if (space != std::string::npos && space > limit / 2) end = space;
  return text.substr(0, end);
}

std::string record_file_name(std::size_t n) {
  char name[32];
  std::snprintf(name, sizeof name, "records-%05zu.jsonl", n);
  return name;
}

}  // namespace

corpus::Result<BeirQueries> read_beir_queries(const fs::path& dir, const std::string& split) {
  BeirQueries out;
  std::unordered_map<std::string, std::size_t> index;  // query id -> position in out.queries
  std::unordered_map<std::string, int> first_line;     // query id -> its first qrels line
  fs::path qrels = dir / "qrels" / (split + ".tsv");
  auto failed = for_each_line(qrels, [&](int line, const std::string& text) -> std::optional<Error> {
    std::size_t tab1 = text.find('\t');
    std::size_t tab2 = tab1 == std::string::npos ? tab1 : text.find('\t', tab1 + 1);
    if (tab2 == std::string::npos || text.find('\t', tab2 + 1) != std::string::npos) {
      if (line == 1) return std::nullopt;  // the header; checked no further
      return error_at(ErrorCode::parse_error, qrels, line, "", "expected query-id<TAB>corpus-id<TAB>score");
    }
    std::string query = text.substr(0, tab1), doc = text.substr(tab1 + 1, tab2 - tab1 - 1);
    std::string_view score_text = std::string_view(text).substr(tab2 + 1);
    int score = 0;
    auto [end, ec] = std::from_chars(score_text.data(), score_text.data() + score_text.size(), score);
    if (ec != std::errc() || end != score_text.data() + score_text.size()) {
      if (line == 1) return std::nullopt;  // the header ("query-id corpus-id score")
      return error_at(ErrorCode::parse_error, qrels, line, "score",
                      "\"" + std::string(score_text) + "\" is not an integer");
    }
    if (query.empty() || doc.empty()) return error_at(ErrorCode::parse_error, qrels, line, "", "empty id");
    auto [it, added] = index.try_emplace(query, out.queries.size());
    if (added) {
      out.queries.push_back(BeirQuery{query, "", {}});
      first_line[query] = line;
    }
    out.queries[it->second].judgements[doc] = score;
    ++out.qrels_rows;
    return std::nullopt;
  });
  if (failed) return *failed;
  if (out.queries.empty()) return error_at(ErrorCode::validation, qrels, 0, "", "no judgements");

  fs::path queries = dir / "queries.jsonl";
  std::unordered_set<std::string> seen;
  failed = for_each_line(queries, [&](int line, const std::string& text) -> std::optional<Error> {
    json object;
    if (auto e = parse_object(queries, line, text, object)) return e;
    std::string id;
    if (auto e = id_field(queries, line, object, id)) return e;
    if (!seen.insert(id).second) return error_at(ErrorCode::validation, queries, line, "_id", "duplicate id \"" + id + "\"");
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;  // not judged in this split
    BeirQuery& query = out.queries[it->second];
    // Metadata strings group the figures; other metadata (SciFact's evidence, XQuAD's answers
    // as lists) is not for grouping and is skipped.
    if (auto metadata = object.find("metadata"); metadata != object.end() && metadata->is_object())
      for (const auto& [name, value] : metadata->items())
        if (value.is_string()) query.metadata[name] = value.get<std::string>();
    return text_field(queries, line, object, "text", query.text);
  });
  if (failed) return *failed;
  for (const auto& query : out.queries) {
    if (!seen.contains(query.id)) {
      return error_at(ErrorCode::validation, qrels, first_line[query.id], "query-id",
                      "\"" + query.id + "\" is not in " + queries.string());
    }
  }
  return out;
}

corpus::Result<BeirRecords> write_beir_records(const fs::path& dir, const std::string& language, const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return error_at(ErrorCode::io, out, 0, "", "cannot be created: " + ec.message());
  BeirRecords records;
  std::unordered_set<std::string> seen;
  std::ofstream file;
  std::uint64_t file_bytes = 0;
  fs::path corpus_file = dir / "corpus.jsonl";
  auto failed = for_each_line(corpus_file, [&](int line, const std::string& text) -> std::optional<Error> {
    json object;
    if (auto e = parse_object(corpus_file, line, text, object)) return e;
    std::string id, title, body;
    if (auto e = id_field(corpus_file, line, object, id)) return e;
    if (auto e = text_field(corpus_file, line, object, "title", title)) return e;
    if (auto e = text_field(corpus_file, line, object, "text", body)) return e;
    if (!seen.insert(id).second)
      return error_at(ErrorCode::validation, corpus_file, line, "_id", "duplicate id \"" + id + "\"");
    // BEIR ids need not be valid record ids (upper case, spaces, any length), so records get
    // their own, by position, and the map leads back.
    std::string record_id = "d" + std::to_string(records.beir_id.size());
    records.beir_id.emplace(record_id, id);
    if (title.find_first_not_of(" \t\r\n") == std::string::npos) {
      title = kNoTitle;
      ++records.untitled;
    } else if (title.size() > kMaxTitleBytes) {
      title = cut(title, kMaxTitleBytes);
      ++records.titles_cut;
    }
    // Only the fields the model requires (id, title) and the text. The language is given, as a
    // user who knows it would, so detection plays no part. Type, outcome, countries, themes and
    // the rest are optional and left out: they add only filter terms and values, which a free-text
    // query never touches.
    json record = {{"id", record_id}, {"title", title}, {"language", language}, {"body", body}};
    std::string serialised = record.dump() + "\n";
    if (!file.is_open() || file_bytes + serialised.size() > kRecordFileBytes) {
      if (file.is_open()) file.close();
      records.files.push_back(out / record_file_name(records.files.size()));
      file.open(records.files.back(), std::ios::binary | std::ios::trunc);
      file_bytes = 0;
      if (!file) return error_at(ErrorCode::io, records.files.back(), 0, "", "cannot be written");
    }
    file << serialised;
    file_bytes += serialised.size();
    records.bytes += serialised.size();
    if (!file) return error_at(ErrorCode::io, records.files.back(), 0, "", "write failed");
    return std::nullopt;
  });
  if (failed) return *failed;
  if (file.is_open()) {
    file.close();
    if (!file) return error_at(ErrorCode::io, records.files.back(), 0, "", "write failed");
  }
  if (records.beir_id.empty()) return error_at(ErrorCode::validation, corpus_file, 0, "", "no documents");
  return records;
}

}  // namespace tools::eval
