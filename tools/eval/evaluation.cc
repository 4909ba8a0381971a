#include "tools/eval/evaluation.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <unordered_set>

#include "indexer/ingest.h"
#include "ranking/searcher.h"
#include "tools/eval/beir_set.h"

namespace tools::eval {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// At most `limit` bytes of `text`, cut before a word where there is a space, never inside a
// character.
std::string cut_query(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::size_t space = text.find_last_of(" \t\r\n", end);
  if (space != std::string::npos && space > 0) end = space;
  return text.substr(0, end);
}

bool holds_files(const fs::path& folder) {
  std::error_code ec;
  return fs::exists(folder, ec) && !fs::is_empty(folder, ec);
}

// The first kRankingDepth hits of the query, as record ids, each followed by its translations,
// paging when a page holds fewer (ranking::kMaxPerPage).
corpus::Result<std::vector<std::string>> ranking_of(ranking::Searcher& searcher, const std::string& query,
                                                    const std::string& language, bool translate) {
  ranking::SearchRequest request;
  request.query = query;
  request.language = language;
  request.translate = translate;
  request.per_page = std::min(kRankingDepth, ranking::kMaxPerPage);
  std::vector<std::string> ids;
  while (ids.size() < kRankingDepth) {
    auto response = searcher.search(request);
    if (!response) return response.error();
    for (const auto& hit : response->hits) {
      // A hit's translations are shown with it (translation_of): the reader sees them there.
      if (ids.size() < kRankingDepth) ids.push_back(hit.id);
      for (const auto& link : hit.translations)
        if (ids.size() < kRankingDepth) ids.push_back(link.id);
    }
    if (response->hits.size() < request.per_page) break;
    ++request.page;
  }
  return ids;
}

// The similar initiatives of a proposal (at most ranking::kMaxSimilar), as record ids, and its
// risk level.
corpus::Result<std::vector<std::string>> similar_to(ranking::Searcher& searcher, const std::string& text,
                                                    const std::string& language, std::string& risk_level) {
  ranking::SimilarRequest request;
  request.text = text;
  request.language = language;
  request.k = ranking::kMaxSimilar;
  auto response = searcher.similar(request);
  if (!response) return response.error();
  risk_level = response->risk.level;
  std::vector<std::string> ids;
  for (const auto& hit : response->similar) ids.push_back(hit.id);
  return ids;
}

void notify(const EvalProgressCallback& progress, std::string_view stage, std::size_t done, std::size_t total) {
  if (progress) progress(EvalProgress{stage, done, total});
}

// Ingests the record files into a new index; returns the number of records in it. A record the
// indexer refuses is an error: the converted records should all be valid.
corpus::Result<std::size_t> index_records(const BeirRecords& records, const fs::path& index_dir, unsigned threads,
                                          const indexer::RelevanceConfig& relevance,
                                          const EvalProgressCallback& progress) {
  std::size_t documents = records.beir_id.size();
  notify(progress, "indexing", 0, documents);
  indexer::IngestOptions options;
  options.relevance = relevance;
  options.threads = threads;
  auto ingested = indexer::ingest(index_dir, records.files, options, [&](const indexer::IngestProgress& p) {
    notify(progress, "indexing", p.records_done, documents);
  });
  if (!ingested) return ingested.error();
  if (ingested->failed > 0) {
    Error first = ingested->errors.empty() ? Error{ErrorCode::internal, "no error given", "", 0, ""} : ingested->errors.front();
    first.message = std::to_string(ingested->failed) + " records were refused; the first: " + first.message;
    return first;
  }
  return ingested->documents;
}

// The language a query is searched in (EvalOptions::query_language); "" to detect.
std::string query_language(const EvalOptions& options, const BeirQuery& query) {
  if (options.query_language == "auto") return "";
  if (!options.query_language.empty()) return options.query_language;
  auto it = query.metadata.find("lang");
  // Without a language of its own, a query is in the records' language: a user who knows it
  // would say it, and it keeps CLD2's guesses on a few words out of the figures.
  return it != query.metadata.end() ? it->second : options.language;
}

// Runs every query and scores it into `report` (metrics, rankings, failures and counts).
// `records.beir_id` leads from record ids to the set's ids; empty when they are the same.
corpus::Status search_queries(const BeirQueries& queries, const BeirRecords& records, const fs::path& index_dir,
                              const EvalOptions& options, const EvalProgressCallback& progress, EvalReport& report) {
  auto searcher = ranking::Searcher::open(index_dir, options.relevance);
  if (!searcher) return searcher.error();
  searcher->set_similarity(options.similarity);
  std::unordered_set<std::string> corpus_ids;
  for (const auto& [record_id, beir_id] : records.beir_id) corpus_ids.insert(beir_id);
  auto in_corpus = [&](const std::string& id) {
    return records.beir_id.empty() ? static_cast<bool>(searcher->document(id)) : corpus_ids.contains(id);
  };
  std::map<std::string, std::vector<QueryMetrics>> grouped;
  std::vector<QueryMetrics> scores;
  scores.reserve(queries.queries.size());
  report.rankings.reserve(queries.queries.size());
  for (const auto& query : queries.queries) {
    for (const auto& [doc, score] : query.judgements)
      if (!in_corpus(doc)) ++report.judged_not_in_corpus;
    if (std::none_of(query.judgements.begin(), query.judgements.end(), [](const auto& j) { return j.second >= 1; }))
      ++report.queries_without_relevant;

    std::string text = options.similar ? query.text : plain_words(query.text);
    if (!options.similar && text.size() > ranking::kMaxQueryBytes) {
      text = cut_query(text, ranking::kMaxQueryBytes);
      ++report.queries_cut;
    }
    QueryRanking ranked{query.id, {}};
    std::string risk_level;
    auto ids = options.similar ? similar_to(*searcher, text, query_language(options, query), risk_level)
                               : ranking_of(*searcher, text, query_language(options, query), options.translate);
    if (auto expected = query.metadata.find("risk"); options.similar && ids && expected != query.metadata.end())
      report.risks.push_back(RiskJudged{query.id, expected->second, risk_level});
    if (!ids) {
      if (ids.error().code != ErrorCode::parse_error && ids.error().code != ErrorCode::invalid_argument) {
        return ids.error();  // the index failed, not the query
      }
      report.failures.push_back(QueryFailure{query.id, text, ids.error().message});
    } else {
      for (const auto& id : *ids) ranked.documents.push_back(records.beir_id.empty() ? id : records.beir_id.at(id));
    }
    if (ranked.documents.empty()) ++report.queries_without_hits;
    scores.push_back(score_query(ranked.documents, query.judgements));
    for (const auto& [name, value] : query.metadata) grouped[name + "=" + value].push_back(scores.back());
    report.rankings.push_back(std::move(ranked));
    notify(progress, "searching", scores.size(), queries.queries.size());
  }
  report.mean = mean(scores);
  for (const auto& [group, group_scores] : grouped) report.groups[group] = GroupFigures{group_scores.size(), mean(group_scores)};
  return corpus::Ok{};
}

}  // namespace

// Precedent's syntax is Xapian's QueryParser's with our flags (ranking/query_builder.cc), and it
// has no plain-text mode. Words stay as they are; only what the parser reads as syntax changes:
// - double quotes (also the curly “ ” Xapian accepts) and brackets become spaces: phrases, groups;
// - ':' becomes a space: "title:x", "country:pe", "year:2005" are field filters;
// - '*' becomes a space: "word*" is a wildcard;
// - runs of dots become a space: the parser reads "a..b" (and any "...") as a range and refuses
//   it ("Unknown range operation") when no range processor claims it;
// - a leading '+' or '-' is dropped: required and excluded words;
// - AND, OR, NOT, XOR, NEAR and ADJ written in capitals become lower case: operators.
// Hyphens, slashes and apostrophes inside words stay: the parser makes "covid-19" a phrase, which
// is how Precedent treats such words for every user, and so part of what is measured.
std::string plain_words(std::string_view text) {
  static constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  std::string spaced;
  spaced.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (text.substr(i, 3) == "\xE2\x80\x9C" || text.substr(i, 3) == "\xE2\x80\x9D") {
      spaced += ' ';
      i += 2;
    } else if (c == '"' || c == '(' || c == ')' || c == ':' || c == '*') {
      spaced += ' ';
    } else if (c == '.' && i + 1 < text.size() && text[i + 1] == '.') {
      while (i + 1 < text.size() && text[i + 1] == '.') ++i;
      spaced += ' ';
    } else {
      spaced += c;
    }
  }
  std::string out;
  std::size_t pos = 0;
  while (pos < spaced.size()) {
    if (is_space(spaced[pos])) {
      out += spaced[pos++];
      continue;
    }
    std::size_t end = pos;
    while (end < spaced.size() && !is_space(spaced[end])) ++end;
    std::string token = spaced.substr(pos, end - pos);
    token.erase(0, token.find_first_not_of("+-"));
    if (std::find(kOperators.begin(), kOperators.end(), token) != kOperators.end()) {
      std::transform(token.begin(), token.end(), token.begin(), [](unsigned char ch) { return std::tolower(ch); });
    }
    out += token;
    pos = end;
  }
  return out;
}

corpus::Result<EvalReport> evaluate(const EvalOptions& options, const EvalProgressCallback& progress) {
  fs::path records_dir = options.work / "records", index_dir = options.work / "index";
  for (const auto& folder : {records_dir, index_dir}) {
    if (!options.reuse && holds_files(folder)) {
      return Error{ErrorCode::invalid_argument, folder.string() + " is not empty; remove it or choose another work folder",
                   "", 0, "work"};
    }
  }
  auto queries = read_beir_queries(options.set, options.split);
  if (!queries) return queries.error();
  EvalReport report;
  report.queries = queries->queries.size();
  report.qrels_rows = queries->qrels_rows;

  auto started = std::chrono::steady_clock::now();
  BeirRecords converted;
  if (options.records.empty()) {
    notify(progress, "converting", 0, 0);
    auto records = write_beir_records(options.set, options.language, records_dir);
    if (!records) return records.error();
    converted = std::move(records).value();
    report.convert_seconds = seconds_since(started);
    report.untitled = converted.untitled;
    report.titles_cut = converted.titles_cut;
  } else {
    converted.files = {options.records};  // indexed as they are; record ids are the set's ids
  }

  started = std::chrono::steady_clock::now();
  auto indexed = index_records(converted, index_dir, options.threads, options.relevance, progress);
  report.index_seconds = seconds_since(started);
  if (!indexed) return indexed.error();
  report.documents = *indexed;

  started = std::chrono::steady_clock::now();
  if (auto searched = search_queries(*queries, converted, index_dir, options, progress, report); !searched) {
    return searched.error();
  }
  report.query_seconds = seconds_since(started);
  return report;
}

}  // namespace tools::eval
