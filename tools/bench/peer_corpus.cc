#include "tools/bench/peer_corpus.h"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

namespace tools::bench {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

std::vector<std::string> strings(const nlohmann::json& record, const char* field) {
  std::vector<std::string> out;
  auto it = record.find(field);
  if (it == record.end() || !it->is_array()) return out;
  for (const auto& value : *it) {
    if (value.is_string()) out.push_back(value.get<std::string>());
  }
  return out;
}

std::string text(const nlohmann::json& record, const char* field) {
  auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

corpus::Result<PeerCorpus> PeerCorpus::open(const fs::path& dir) {
  PeerCorpus out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("part-") && name.ends_with(".jsonl") && entry.is_regular_file(ec)) {
      out.files_.push_back(entry.path());
      out.bytes_ += entry.file_size(ec);
    }
  }
  if (ec) return Error{ErrorCode::io, "cannot list the corpus folder: " + ec.message(), dir.string(), 0, ""};
  if (out.files_.empty())
    return Error{ErrorCode::not_found, "no part-*.jsonl files (write them with generate_corpus)", dir.string(), 0, ""};
  std::sort(out.files_.begin(), out.files_.end());
  return out;
}

corpus::Status PeerCorpus::for_each(const std::function<corpus::Status(const PeerRecord&)>& visit) const {
  PeerRecord record;
  for (const auto& path : files_) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::io, "cannot open the file", path.string(), 0, ""};
    std::string line;
    for (int line_number = 1; std::getline(in, line); ++line_number) {
      if (line.empty()) continue;
      auto json = nlohmann::json::parse(line, nullptr, false);
      if (!json.is_object() || !json.contains("id") || !json["id"].is_string())
        return Error{ErrorCode::parse_error, "not a record with a string id", path.string(), line_number, "id"};
      ++record.number;
      record.id = json["id"].get<std::string>();
      record.title = text(json, "title");
      record.summary = text(json, "summary");
      record.body = text(json, "body");
      record.outcome = text(json, "outcome");
      record.lessons.clear();
      if (auto lessons = json.find("lessons"); lessons != json.end() && lessons->is_array()) {
        for (const auto& lesson : *lessons) {
          if (!lesson.is_object()) continue;
          if (!record.lessons.empty()) record.lessons += "\n\n";
          record.lessons += text(lesson, "text");
        }
      }
      record.countries = strings(json, "countries");
      record.themes = strings(json, "themes");
      if (auto status = visit(record); !status) return status;
    }
    if (in.bad()) return Error{ErrorCode::io, "read error", path.string(), 0, ""};
  }
  return corpus::Ok{};
}

corpus::Result<std::vector<PeerQuery>> read_mix(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::not_found, "cannot open the query mix", path.string(), 0, ""};
  std::vector<PeerQuery> mix;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto fail = [&](const char* field, std::string message) {
      return Error{ErrorCode::parse_error, std::move(message), path.string(), line_number, field};
    };
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) return fail("", "not a JSON object");
    PeerQuery query;
    if (!json.contains("type") || !json["type"].is_string()) return fail("type", "must be a string");
    query.type = json["type"].get<std::string>();
    if (!json.contains("words") || !json["words"].is_array() || json["words"].empty())
      return fail("words", "must be a non-empty array of strings");
    for (const auto& word : json["words"]) {
      if (!word.is_string() || word.get<std::string>().empty()) return fail("words", "must hold non-empty strings");
      query.words.push_back(word.get<std::string>());
    }
    std::string op = json.value("operator", std::string("or"));
    if (op == "or") query.op = QueryOperator::any_word;
    else if (op == "and") query.op = QueryOperator::all_words;
    else if (op == "phrase") query.op = QueryOperator::phrase;
    else return fail("operator", "must be \"or\", \"and\" or \"phrase\", not \"" + op + "\"");
    if (json.contains("country")) {
      if (!json["country"].is_string() || json["country"].get<std::string>().empty())
        return fail("country", "must be a non-empty string");
      query.country = json["country"].get<std::string>();
    }
    if (json.contains("facets")) {
      if (!json["facets"].is_array()) return fail("facets", "must be an array");
      for (const auto& facet : json["facets"]) {
        if (!facet.is_string()) return fail("facets", "must hold strings");
        std::string name = facet.get<std::string>();
        if (name != "country" && name != "theme" && name != "outcome")
          return fail("facets", "\"" + name + "\" is not one of country, theme, outcome");
        query.facets.push_back(name);
      }
    }
    mix.push_back(std::move(query));
  }
  if (in.bad()) return Error{ErrorCode::io, "read error", path.string(), 0, ""};
  if (mix.empty()) return Error{ErrorCode::invalid_argument, "the query mix is empty", path.string(), 0, ""};
  return mix;
}

}  // namespace tools::bench
