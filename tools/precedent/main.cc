// precedent: index, search and inspect a collection of lessons-learned records.
// Options come from defaults < environment ($PRECEDENT_DB) < command line, checked here once.

#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "tools/precedent/commands.h"

namespace {

constexpr const char* kExitCodes =
    "\nExit codes: 0 success; 1 some records or files failed, or the query is invalid;\n"
    "2 bad command line; 3 index missing, locked or unreadable; 4 no record with that id.";

void add_db_option(CLI::App* command, std::filesystem::path& db) {
  command->add_option("--db", db, "Index folder (default ./precedent-index, or $PRECEDENT_DB)")
      ->envname("PRECEDENT_DB")
      ->default_val("precedent-index");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"precedent: search and recommend lessons learned from past initiatives"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  app.set_version_flag("--version", "precedent 0.1.0");

  tools::IndexCommand index;
  auto* index_app = app.add_subcommand("index", "Add or update records from files and folders "
                                                "(.json, .jsonl, .ndjson, .md, .txt, .html, .pdf, .docx, IATI .xml); "
                                                "near-duplicates are reported and shown once");
  index_app->footer(kExitCodes);
  add_db_option(index_app, index.db);
  index_app->add_option("paths", index.paths, "Files or folders to index (folders are walked recursively)")
      ->required();
  index_app->add_option("--threads", index.threads, "Analysis threads (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  index_app->add_option("--batch", index.batch_size, "Records written between commits")
      ->default_val(5000)
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  index_app->add_option("--shards", index.shards,
                        "Split the collection into N shard indexes in the --db folder (a new one), by a stable hash "
                        "of the record id; later runs on that folder route records the same way, with or without "
                        "this option, and refuse another N (docs/scaling.md)")
      ->check(CLI::Range(1u, 256u));
  index_app->add_flag("--translate-summaries{true},--no-translate-summaries{false}", index.translate_summaries,
                      "Store every record's title, summary and lessons machine-translated into the other languages "
                      "(Apertium), shown to readers of those languages (ui_lang). Kept with the index for later runs "
                      "and API writes; changing it re-reads every file. Costs 15 to 50 ms a record");
  index_app->add_flag("--quiet,-q", index.quiet, "Print only errors");
  index_app->add_flag("--json", index.json, "Print the summary as JSON");

  tools::SearchCommand search;
  auto* search_app = app.add_subcommand(
      "search", "Search the index. Syntax: words, \"phrases\", -exclude, OR, and filters "
                "country:PE theme:mercury type:toolkit outcome:discontinued lang:es year:2000..2010");
  search_app->footer(kExitCodes);
  add_db_option(search_app, search.db);
  search_app->add_option("query", search.query, "The query")->required();
  search_app->add_option("--lang", search.language, "Language of the query (ISO 639-1); default: detected");
  search_app->add_option("--page", search.page, "Page of results")->default_val(1)->check(CLI::PositiveNumber);
  search_app->add_option("--per-page", search.per_page, "Results per page (at most 100)")
      ->default_val(10)
      ->check(CLI::Range(1, 100));
  search_app->add_option("--sort", search.sort, "relevance, newest or oldest")
      ->default_val("relevance")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  search_app->add_flag("--no-translate{false}", search.translate,
                       "Search the query's own language only, not its translations into the collection's others");
  search_app->add_flag("--prefer-lang", search.prefer_language,
                       "Rank records in the query's language above equally good ones in other languages");
  search_app->add_option("--ui-lang", search.ui_language,
                         "Show hits in other languages machine-translated into this one (ISO 639-1), when the index "
                         "stores translations (index --translate-summaries)");
  search_app->add_flag("--json", search.json, "Print the same JSON object as GET /v1/search");

  tools::ShowCommand show;
  auto* show_app = app.add_subcommand("show", "Show one record by id");
  show_app->footer(kExitCodes);
  add_db_option(show_app, show.db);
  show_app->add_option("id", show.id, "Record id")->required();
  show_app->add_flag("--json", show.json, "Print the record as JSON");

  tools::StatsCommand stats;
  auto* stats_app = app.add_subcommand("stats", "Count the records by language, type, country, outcome and theme");
  stats_app->footer(kExitCodes);
  add_db_option(stats_app, stats.db);
  stats_app->add_flag("--json", stats.json, "Print the counts as JSON");

  tools::SimilarCommand similar;
  auto* similar_app = app.add_subcommand(
      "similar", "The past initiatives most similar to a record (ID) or to a proposal (--text FILE, - for stdin), "
                 "with why, their lessons, and the duplication risk");
  similar_app->footer(kExitCodes);
  add_db_option(similar_app, similar.db);
  auto* similar_id = similar_app->add_option("id", similar.id, "Record id");
  auto* similar_text = similar_app->add_option("--text", similar.text_file, "Proposal text file, or - for standard input");
  similar_id->excludes(similar_text);
  similar_app->add_option("--lang", similar.language, "Language of the proposal (ISO 639-1); default: detected");
  similar_app->add_option("-k", similar.k, "How many (1 to 50)")->default_val(5)->check(CLI::Range(1, 50));
  similar_app->add_option("--country", similar.countries,
                          "With --text: the proposal's countries (ISO 3166-1 codes, repeatable); default: those it names")
      ->excludes(similar_id);
  similar_app->add_option("--theme", similar.themes, "With --text: the proposal's themes (repeatable); default: inferred")
      ->excludes(similar_id);
  similar_app->add_option("--commodity", similar.commodities,
                          "With --text: the proposal's commodities (repeatable); default: inferred")
      ->excludes(similar_id);
  similar_app->add_option("--type", similar.type, "With --text: the proposal's type (initiative, policy...)")
      ->excludes(similar_id);
  similar_app->add_option("--ui-lang", similar.ui_language,
                          "Show initiatives in other languages machine-translated into this one, as search does");
  similar_app->add_flag("--json", similar.json, "Print the same JSON object as the API");

  tools::KeysCommand keys;
  auto* keys_app = app.add_subcommand(
      "keys", "Manage the API keys the server accepts: list, add NAME [--read-only], revoke NAME. Keys are stored "
              "as SHA-256 hashes; a new key is printed once. A running server reads the keys file again when it "
              "changes: an added key works and a revoked one is refused from the next request, with no restart "
              "and no signal. Rewriting the file keeps its owner, group and mode");
  keys_app->footer(kExitCodes);
  keys_app->add_option("action", keys.action, "list, add or revoke")->required()->check(CLI::IsMember({"list", "add", "revoke"}));
  keys_app->add_option("name", keys.name, "The key's name (add, revoke): letters, digits, '.', '_' or '-'");
  keys_app->add_option("--file", keys.file, "Keys file (default $PRECEDENT_API_KEYS_FILE, else ./precedent-keys)");
  keys_app->add_flag("--read-only", keys.read_only, "add: the key may search but not write (private servers)");

  tools::ServeCommand serve;
  auto* serve_app = app.add_subcommand(
      "serve", "Serve the HTTP API (GET /v1/search, /v1/documents/{id}, ...; see /v1/openapi.json; every GET "
               "route also answers HEAD) until SIGTERM or SIGINT");
  serve_app->footer(std::string(kExitCodes) +
                    "\nSettings: defaults < --config FILE (TOML, keys as in server/config.h) < PRECEDENT_* "
                    "environment < flags.");
  serve_app->add_option("--db", serve.db, "Index folder (default ./precedent-index, or $PRECEDENT_DB)");
  serve_app->add_option("--host", serve.host, "Address to listen on (default 127.0.0.1)");
  serve_app->add_option("--port", serve.port, "Port (default 8080; 0 picks a free one)");
  serve_app->add_option("--threads", serve.threads, "Server threads (default: four per core)")->check(CLI::Range(0u, 256u));
  serve_app->add_option("--api-keys-file", serve.api_keys_file,
                        "Keys file written by `precedent keys` (default $PRECEDENT_API_KEYS_FILE, else ./precedent-keys, "
                        "watched even before it exists); read again whenever it changes, so added and revoked keys count "
                        "from the next request. Keys in clear: $PRECEDENT_API_KEYS");
  serve_app->add_option("--cors-origin", serve.cors_origins, "Origin allowed to call the API from a browser (repeatable; * for any)");
  serve_app->add_option("--config", serve.config_file, "TOML configuration file")->check(CLI::ExistingFile);
  serve_app->add_option("--shard", serve.shards,
                        "Search these shards as one index instead of --db: a shard folder or tcp://HOST:PORT of "
                        "xapian-tcpsrv; repeat for each shard of the layout (docs/scaling.md). Takes no writes");
  serve_app->add_option("--spelling", serve.spelling,
                        "With --shard: local index holding the collection's spelling dictionary (the layout's "
                        "spelling folder, copied or replicated); remote shards have none");
  serve_app->add_option("--shard-timeout", serve.shard_timeout_ms,
                        "With --shard: milliseconds to wait for a remote shard's connection and each answer (default 5000)")
      ->check(CLI::Range(10u, 600000u));
  serve_app->add_option("--on-shard-failure", serve.on_shard_failure,
                        "With --shard, when a shard does not answer: partial (answer from the others, with "
                        "\"partial\": true and the shard named; the default) or unavailable (503)")
      ->check(CLI::IsMember({"partial", "unavailable"}));
  serve_app->add_flag("--quiet,-q", serve.quiet, "No access log");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? tools::kExitOk : tools::kExitUsage;
  }

  if (*index_app) return tools::run_index(index);
  if (*search_app) return tools::run_search(search);
  if (*show_app) return tools::run_show(show);
  if (*stats_app) return tools::run_stats(stats);
  if (*serve_app) return tools::run_serve(serve);
  if (*keys_app) return tools::run_keys(keys);
  if (*similar_app) {
    if (similar.id.empty() && similar.text_file.empty()) {
      std::fprintf(stderr, "precedent similar: give a record id or --text FILE\n");
      return tools::kExitUsage;
    }
    return tools::run_similar(similar);
  }
  return tools::kExitUsage;
}
