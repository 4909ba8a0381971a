// precedent-eval: the relevance of Precedent's ranking on a public test collection in BEIR's
// layout. Indexes the corpus with the real pipeline, runs every judged query through the
// Searcher, and prints nDCG@10, Recall@10/@100 and MRR@10 as `trec_eval -c` computes them.
// Options are checked here once; progress goes to stderr, the figures to stdout.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "tools/eval/evaluation.h"

namespace {

namespace fs = std::filesystem;
using tools::eval::EvalReport;

enum ExitCode : int {
  kExitOk = 0,
  kExitBadSet = 1,  // the set could not be read, or its records were refused
  kExitUsage = 2,
  kExitError = 3,   // the work folder, the index or the run file could not be written
};

// Failed queries shown on stderr; the rest are counted.
constexpr std::size_t kShownFailures = 10;
// Progress lines within a stage at most this often.
constexpr double kProgressSeconds = 5;

struct CommandOptions {
  tools::eval::EvalOptions eval;
  bool keep = false;  // keep the records and the index
  bool json = false;  // the figures as one JSON object
  fs::path run;       // a TREC run file to write; empty for none
};

// Stage changes always, and within a stage a line every kProgressSeconds, so a long run shows
// it is alive without flooding a log.
class ProgressPrinter {
 public:
  void operator()(const tools::eval::EvalProgress& p) {
    auto now = std::chrono::steady_clock::now();
    bool new_stage = p.stage != stage_;
    if (!new_stage && std::chrono::duration<double>(now - last_).count() < kProgressSeconds) return;
    stage_ = p.stage;
    last_ = now;
    if (p.total > 0) std::fprintf(stderr, "%s: %zu/%zu\n", stage_.c_str(), p.done, p.total);
    else std::fprintf(stderr, "%s\n", stage_.c_str());
  }

 private:
  std::string stage_;
  std::chrono::steady_clock::time_point last_;
};

int exit_code_for(const corpus::Error& error) {
  switch (error.code) {
    case corpus::ErrorCode::index:
    case corpus::ErrorCode::busy:
    case corpus::ErrorCode::io:
    case corpus::ErrorCode::internal: return kExitError;
    case corpus::ErrorCode::invalid_argument: return error.field == "work" ? kExitUsage : kExitBadSet;
    default: return kExitBadSet;
  }
}

nlohmann::json groups_json(const EvalReport& r) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [group, figures] : r.groups)
    out[group] = {{"queries", figures.queries}, {"ndcg_at_10", figures.mean.ndcg_10},
                  {"recall_at_10", figures.mean.recall_10}, {"mrr_at_10", figures.mean.mrr_10}};
  return out;
}

nlohmann::json risks_json(const EvalReport& r) {
  std::size_t agreed = 0;
  nlohmann::json each = nlohmann::json::array();
  for (const auto& risk : r.risks) {
    agreed += risk.expected == risk.given ? 1 : 0;
    each.push_back({{"query_id", risk.query_id}, {"expected", risk.expected}, {"given", risk.given}});
  }
  return {{"judged", r.risks.size()}, {"agreed", agreed}, {"each", each}};
}

nlohmann::ordered_json to_json(const CommandOptions& options, const EvalReport& r) {
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& f : r.failures) failures.push_back({{"query_id", f.query_id}, {"query", f.query}, {"message", f.message}});
  return {{"set", options.eval.set.string()},
          {"language", options.eval.language},
          {"query_language", options.eval.query_language.empty() ? "per query" : options.eval.query_language},
          {"translate", options.eval.translate},
          {"similar", options.eval.similar},
          {"split", options.eval.split},
          {"documents", r.documents},
          {"queries", r.queries},
          {"qrels_rows", r.qrels_rows},
          {"ndcg_at_10", r.mean.ndcg_10},
          {"recall_at_10", r.mean.recall_10},
          {"recall_at_100", r.mean.recall_100},
          {"mrr_at_10", r.mean.mrr_10},
          {"top_grade_recall_at_10", r.mean.top_grade_recall_10},
          {"risk", risks_json(r)},
          {"index_seconds", r.index_seconds},
          {"query_seconds", r.query_seconds},
          {"ms_per_query", r.queries ? 1000 * r.query_seconds / r.queries : 0.0},
          {"convert_seconds", r.convert_seconds},
          {"failed_queries", r.failures.size()},
          {"queries_without_hits", r.queries_without_hits},
          {"queries_cut", r.queries_cut},
          {"queries_without_relevant", r.queries_without_relevant},
          {"judged_not_in_corpus", r.judged_not_in_corpus},
          {"untitled_documents", r.untitled},
          {"titles_cut", r.titles_cut},
          {"failures", failures},
          {"groups", groups_json(r)}};
}

void print_table(const CommandOptions& options, const EvalReport& r) {
  std::printf("set %s, language %s, queries in %s, translation %s, split %s\n", options.eval.set.string().c_str(),
              options.eval.records.empty() ? options.eval.language.c_str() : "the records' own",
              options.eval.query_language.empty() ? "each query's own (or the records')" : options.eval.query_language.c_str(),
              options.eval.translate ? "on" : "off", options.eval.split.c_str());
  std::printf("documents %zu, queries %zu (qrels rows %zu)\n", r.documents, r.queries, r.qrels_rows);
  std::printf("nDCG@10     %.4f\n", r.mean.ndcg_10);
  std::printf("Recall@10   %.4f\n", r.mean.recall_10);
  std::printf("Recall@100  %.4f\n", r.mean.recall_100);
  std::printf("MRR@10      %.4f\n", r.mean.mrr_10);
  std::printf("Recall@10 of the top grade (must-cite)  %.4f\n", r.mean.top_grade_recall_10);
  if (!r.risks.empty()) {
    std::size_t agreed = 0;
    std::string misses;
    for (const auto& risk : r.risks) {
      if (risk.expected == risk.given) ++agreed;
      else misses += " " + risk.query_id + " (" + risk.expected + ", gave " + risk.given + ")";
    }
    std::printf("risk level as expected: %zu of %zu%s%s\n", agreed, r.risks.size(), misses.empty() ? "" : "; not:", misses.c_str());
  }
  std::printf("index %.2f s (%.0f docs/s), queries %.2f s (%.2f ms/query, snippets included)\n", r.index_seconds,
              r.index_seconds > 0 ? r.documents / r.index_seconds : 0.0, r.query_seconds,
              r.queries ? 1000 * r.query_seconds / r.queries : 0.0);
  std::printf("failed queries %zu, queries with no hit %zu, queries cut to the length limit %zu\n", r.failures.size(),
              r.queries_without_hits, r.queries_cut);
  if (r.queries_without_relevant) std::printf("queries with no relevant document (scored 0): %zu\n", r.queries_without_relevant);
  if (r.judged_not_in_corpus) std::printf("qrels rows naming a document not in the corpus: %zu\n", r.judged_not_in_corpus);
  if (r.untitled || r.titles_cut) std::printf("documents untitled %zu, titles cut %zu\n", r.untitled, r.titles_cut);
  if (!r.groups.empty()) std::printf("by the queries' metadata:  queries  nDCG@10  Recall@10  MRR@10\n");
  for (const auto& [group, figures] : r.groups)
    std::printf("  %-24s %7zu   %.4f     %.4f  %.4f\n", group.c_str(), figures.queries, figures.mean.ndcg_10,
                figures.mean.recall_10, figures.mean.mrr_10);
}

// TREC run format (qid Q0 docid rank score tag). The score falls with the rank, so trec_eval,
// which re-sorts by score, keeps Precedent's order.
bool write_run(const fs::path& path, const EvalReport& report) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& ranking : report.rankings) {
    for (std::size_t i = 0; i < ranking.documents.size(); ++i) {
      out << ranking.query_id << " Q0 " << ranking.documents[i] << ' ' << i + 1 << ' '
          << ranking.documents.size() - i << " precedent\n";
    }
  }
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"precedent-eval: index a BEIR-layout test collection with Precedent and score its ranking "
               "(nDCG@10, Recall@10/@100, MRR@10, as trec_eval -c)"};
  app.footer("\nThe set: DIR/corpus.jsonl, DIR/queries.jsonl, DIR/qrels/SPLIT.tsv. Queries are searched as plain "
             "words (Precedent's query syntax made inert).\nExit codes: 0 success; 1 the set could not be read; "
             "2 bad command line; 3 the index or a file could not be written.");
  CommandOptions options;
  app.add_option("--set", options.eval.set, "BEIR folder")->required()->check(CLI::ExistingDirectory);
  app.add_option("--lang", options.eval.language, "Language of the documents and queries")
      ->default_val("en")
      ->check(CLI::IsMember({"en", "es", "fr", "pt"}));
  app.add_option("--query-lang", options.eval.query_language,
                 "Language of the queries: en, es, fr, pt, or auto to detect it (default: each query's metadata "
                 "\"lang\", else --lang)")
      ->check(CLI::IsMember({"en", "es", "fr", "pt", "auto"}));
  app.add_option("--translate", options.eval.translate, "Also search the queries translated (true/false)")
      ->capture_default_str();
  app.add_flag("--similar", options.eval.similar,
               "Each query is a proposal: score its similar initiatives (POST /v1/similar) and their risk level "
               "against the query's metadata \"risk\"");
  app.add_option("--records", options.eval.records,
                 "Precedent records (a file or folder) to index as they are instead of DIR/corpus.jsonl; the qrels "
                 "name record ids")
      ->check(CLI::ExistingPath);
  app.add_option("--split", options.eval.split, "Qrels split: qrels/SPLIT.tsv")->default_val("test");
  app.add_option("--work", options.eval.work, "Folder for the records and the index (default: a new temp folder)");
  app.add_flag("--keep", options.keep, "Keep the records and the index");
  app.add_flag("--reuse", options.eval.reuse,
               "Use the index a --keep run left in --work (same set, same index-time options)")->needs("--work");
  // The ranking choices (indexer/relevance_config.h), to measure alternatives to the defaults.
  auto& relevance = options.eval.relevance;
  app.add_option("--k1", relevance.bm25_k1, "BM25 k1")->capture_default_str();
  app.add_option("--b", relevance.bm25_b, "BM25 b")->capture_default_str();
  app.add_option("--title-weight", relevance.title_weight, "Weight of title words")->capture_default_str();
  app.add_option("--summary-weight", relevance.summary_weight, "Weight of summary words")->capture_default_str();
  app.add_option("--body-weight", relevance.body_weight, "Weight of body words")->capture_default_str();
  app.add_option("--stop-words", relevance.stop_words, "Leave function words out of queries (true/false)")
      ->capture_default_str();
  app.add_option("--other-language-weight", relevance.other_language_weight,
                 "Weight of the query's analyses in other languages")->capture_default_str();
  app.add_option("--translation-weight", relevance.translation_weight,
                 "Weight of the query's translations into the collection's other languages")->capture_default_str();
  app.add_option("--proximity-weight", relevance.proximity_weight,
                 "Weight of neighbouring query words found near each other (0: off)")->capture_default_str();
  app.add_option("--proximity-window", relevance.proximity_window,
                 "Words within which neighbouring query words count as near")->capture_default_str();
  app.add_option("--country-weight", relevance.country_weight,
                 "Weight added to records about a country the query names (0: off)")->capture_default_str();
  app.add_option("--name-weight", relevance.name_weight,
                 "Weight added to records whose title the query names (0: off)")->capture_default_str();
  app.add_option("--exact-word-weight", relevance.exact_word_weight,
                 "Weight of the query's words as written, over their stems (0: off)")
      ->capture_default_str();
  // The similar-initiatives weights (ranking/similar_types.h), with --similar.
  auto& similarity = options.eval.similarity;
  app.add_option("--similar-text", similarity.text, "Weight of text similarity in similar initiatives")->capture_default_str();
  app.add_option("--similar-themes", similarity.themes, "Weight of shared themes")->capture_default_str();
  app.add_option("--similar-countries", similarity.proposal_countries, "Weight of shared countries with a proposal")
      ->capture_default_str();
  app.add_option("--similar-commodities", similarity.commodities, "Weight of shared commodities")->capture_default_str();
  app.add_option("--similar-region", similarity.region, "Weight of a shared region when no country is shared")
      ->capture_default_str();
  app.add_option("--similar-terms", similarity.expansion_terms, "Terms taken from a proposal, and from the expansion set")
      ->capture_default_str();
  app.add_option("--similar-elite", similarity.elite_terms, "Of those, how many the candidates' query uses")
      ->capture_default_str();
  app.add_option("--similar-translated-words", similarity.translated_words,
                 "A proposal's most telling words translated into the index's other languages (0: none)")
      ->capture_default_str();
  app.add_option("--similar-language-floor", similarity.language_scale_floor,
                 "Text similarity of a record in another language is relative to its language's best from this "
                 "part of the overall scale (1: no per-language scale)")
      ->capture_default_str();
  app.add_flag("--json", options.json, "Print the figures as one JSON object");
  app.add_option("--run", options.run, "Also write the rankings as a TREC run file (for trec_eval)");
  app.add_option("--threads", options.eval.threads, "Analysis threads for indexing (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  bool own_work = options.eval.work.empty();
  if (own_work) options.eval.work = fs::temp_directory_path() / ("precedent-eval-" + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(options.eval.work, ec);
  if (ec) {
    std::fprintf(stderr, "precedent-eval: cannot create %s: %s\n", options.eval.work.c_str(), ec.message().c_str());
    return kExitError;
  }

  ProgressPrinter printer;
  auto result = tools::eval::evaluate(options.eval, std::ref(printer));
  // A work folder whose records/ or index/ was not empty was refused before anything was written:
  // what is there is not this run's to remove.
  bool refused_work = !result && result.error().field == "work";
  if ((options.keep || options.eval.reuse) && !refused_work) {
    std::fprintf(stderr, "records and index kept in %s\n", options.eval.work.c_str());
  } else if (own_work) {
    fs::remove_all(options.eval.work, ec);
  } else if (!refused_work) {
    fs::remove_all(options.eval.work / "records", ec);
    fs::remove_all(options.eval.work / "index", ec);
  }
  if (!result) {
    std::fprintf(stderr, "precedent-eval: %s\n", result.error().to_string().c_str());
    return exit_code_for(result.error());
  }
  const EvalReport& report = *result;
  for (std::size_t i = 0; i < report.failures.size() && i < kShownFailures; ++i) {
    const auto& f = report.failures[i];
    std::fprintf(stderr, "query %s failed (counted 0): %s\n  query: %s\n", f.query_id.c_str(), f.message.c_str(),
                 f.query.c_str());
  }
  if (report.failures.size() > kShownFailures)
    std::fprintf(stderr, "... and %zu more failed queries\n", report.failures.size() - kShownFailures);

  if (options.json) std::printf("%s\n", to_json(options, report).dump(2).c_str());
  else print_table(options, report);

  if (!options.run.empty() && !write_run(options.run, report)) {
    std::fprintf(stderr, "precedent-eval: cannot write %s\n", options.run.c_str());
    return kExitError;
  }
  return kExitOk;
}
