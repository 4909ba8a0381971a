// The `precedent` command as a script sees it: exit codes, --help, --json output, progress kept
// off pipes. Runs the real binary on real files.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliTest : public testing::Test {
 protected:
  // Runs `precedent ARGS` with PRECEDENT_DB pointing into the test's folder, and `environment`
  // (NAME=value ...) set too.
  CommandRun precedent(const std::string& args, const std::string& environment = "") {
    auto out_file = dir_ / "stdout", err_file = dir_ / "stderr";
    std::string command = environment + " PRECEDENT_DB='" + (dir_ / "db").string() + "' '" PRECEDENT_BINARY "' " + args +
                          " >'" + out_file.string() + "' 2>'" + err_file.string() + "' </dev/null";
    int status = std::system(command.c_str());
    CommandRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = test_support::read_text(out_file);
    run.err = test_support::read_text(err_file);
    return run;
  }

  std::string quoted(const std::filesystem::path& path) const { return "'" + path.string() + "'"; }

  test_support::TempDir dir_;
};

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* command : {"", "index", "search", "show", "stats", "similar", "serve", "keys"}) {
    auto run = precedent(std::string(command) + " --help");
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_NE(run.out.find("Exit codes"), std::string::npos) << command;
    if (*command && std::string_view(command) != "keys") {  // keys work on a keys file, not the index
      EXPECT_NE(run.out.find("--db"), std::string::npos) << command;
    }
  }
}

TEST_F(CliTest, BadCommandLineIsExitTwo) {
  EXPECT_EQ(precedent("").exit_code, 2);
  EXPECT_EQ(precedent("frobnicate").exit_code, 2);
  EXPECT_EQ(precedent("search").exit_code, 2);
  EXPECT_EQ(precedent("search mercury --per-page 500").exit_code, 2);
  EXPECT_EQ(precedent("search mercury --sort sideways").exit_code, 2);
}

TEST_F(CliTest, IndexSearchShowStatsOnTheCollection) {
  auto index = precedent("index " + quoted(test_support::collection_dir()));
  ASSERT_EQ(index.exit_code, 0) << index.err;
  EXPECT_NE(index.out.find("failed 0"), std::string::npos) << index.out;
  EXPECT_EQ(index.err.find("indexing:"), std::string::npos) << "no progress line when piped";

  auto again = precedent("index --json " + quoted(test_support::collection_dir()));
  ASSERT_EQ(again.exit_code, 0);
  auto summary = nlohmann::json::parse(again.out);
  EXPECT_EQ(summary["indexed"], 0);
  EXPECT_GE(summary["unchanged"].get<int>(), 80);

  auto search = precedent("search --json 'garimpo ouro'");
  ASSERT_EQ(search.exit_code, 0) << search.err;
  auto response = nlohmann::json::parse(search.out);
  ASSERT_FALSE(response["hits"].empty());
  for (const char* key : {"query", "total", "page", "per_page", "took_ms", "did_you_mean", "hits"})
    EXPECT_TRUE(response.contains(key)) << key;
  for (const char* key : {"id", "title", "type", "language", "countries", "start_year", "end_year", "outcome", "score", "snippet"})
    EXPECT_TRUE(response["hits"][0].contains(key)) << key;

  auto table = precedent("search 'mercury retorts' --per-page 3");
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("  1. "), std::string::npos);
  EXPECT_EQ(table.out.find("\033["), std::string::npos) << "no terminal styling when piped";
  // The text's count is the JSON's, and one is one result.
  auto counted = precedent("search --json 'artisanal gold mining'");
  auto total = nlohmann::json::parse(counted.out)["total"].get<int>();
  EXPECT_EQ(precedent("search 'artisanal gold mining'").out.rfind(std::to_string(total) + " results for", 0), 0u);
  EXPECT_EQ(precedent("search Zamfara").out.rfind("1 result for", 0), 0u);
  EXPECT_NE(precedent("search 'mercury retortz'").out.find("Did you mean: mercury retorts\n"), std::string::npos);

  auto show = precedent("show la01-proyecto-gama");
  ASSERT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("GAMA"), std::string::npos);
  auto show_json = precedent("show --json la01-proyecto-gama");
  EXPECT_EQ(nlohmann::json::parse(show_json.out)["id"], "la01-proyecto-gama");

  auto similar = precedent("similar af22-mutoshi-cobalt-pilot -k 3 --json");
  ASSERT_EQ(similar.exit_code, 0) << similar.err;
  EXPECT_EQ(nlohmann::json::parse(similar.out)["similar"].size(), 3u);
  test_support::write_file(dir_ / "proposal.txt", "Mercury-free gold processing for artisanal miners' cooperatives.");
  auto proposal = precedent("similar --text " + quoted(dir_ / "proposal.txt"));
  ASSERT_EQ(proposal.exit_code, 0) << proposal.err;
  EXPECT_NE(proposal.out.find("Risk: "), std::string::npos) << proposal.out;
  // The profile: inferred from the text, or given by flags, which reach the ranking.
  test_support::write_file(dir_ / "peru.txt", "Mercury-free gold processing for artisanal miners in Peru.");
  auto inferred = precedent("similar --json --text " + quoted(dir_ / "peru.txt"));
  ASSERT_EQ(inferred.exit_code, 0) << inferred.err;
  EXPECT_EQ(nlohmann::json::parse(inferred.out)["profile"]["countries"], nlohmann::json::array({"PE"}));
  auto given = precedent("similar --json --country BO --theme finance --text " + quoted(dir_ / "peru.txt"));
  ASSERT_EQ(given.exit_code, 0) << given.err;
  auto profile = nlohmann::json::parse(given.out)["profile"];
  EXPECT_EQ(profile["countries"], nlohmann::json::array({"BO"}));
  EXPECT_EQ(profile["themes"], nlohmann::json::array({"finance"}));
  EXPECT_EQ(profile["inferred"], nlohmann::json::array({"commodities"}));
  EXPECT_EQ(precedent("similar no-such-record").exit_code, 4);
  EXPECT_EQ(precedent("similar").exit_code, 2);

  auto stats = precedent("stats --json");
  ASSERT_EQ(stats.exit_code, 0);
  EXPECT_GE(nlohmann::json::parse(stats.out)["documents"].get<int>(), 80);
}

TEST_F(CliTest, SearchesAcrossLanguagesAndWithoutApertiumSaysWhy) {
  ASSERT_EQ(precedent("index " + quoted(test_support::collection_dir())).exit_code, 0);

  auto translated = precedent("search --json --lang en 'child labour in artisanal gold mining'");
  ASSERT_EQ(translated.exit_code, 0) << translated.err;
  auto response = nlohmann::json::parse(translated.out);
  for (const char* language : {"es", "fr", "pt"}) EXPECT_TRUE(response["translations"].contains(language)) << language;
  EXPECT_FALSE(response.contains("translation_unavailable"));
  auto text = precedent("search --lang en 'child labour in artisanal gold mining' --per-page 1");
  EXPECT_NE(text.out.find("also searched in es: "), std::string::npos) << text.out;

  auto own_only = precedent("search --json --no-translate --lang en 'child labour in artisanal gold mining'");
  ASSERT_EQ(own_only.exit_code, 0);
  EXPECT_TRUE(nlohmann::json::parse(own_only.out)["translations"].empty());

  // The translator's data pointed at nothing: the search answers as before and says why.
  auto without = precedent("search --json --lang en 'child labour in artisanal gold mining'",
                           "PRECEDENT_APERTIUM_DIR=/nonexistent/apertium");
  ASSERT_EQ(without.exit_code, 0) << without.err;
  auto degraded = nlohmann::json::parse(without.out);
  EXPECT_FALSE(degraded["hits"].empty());
  EXPECT_TRUE(degraded["translations"].empty());
  EXPECT_NE(degraded["translation_unavailable"].get<std::string>().find("/nonexistent/apertium"), std::string::npos);
  auto stats = nlohmann::json::parse(precedent("stats --json", "PRECEDENT_APERTIUM_DIR=/nonexistent/apertium").out);
  EXPECT_EQ(stats["translation"]["available"], false);
  EXPECT_NE(stats["translation"]["problem"].get<std::string>().find("apertium-eng-spa"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(precedent("stats --json").out)["translation"]["available"], true);
}

TEST_F(CliTest, ExitCodesForFailuresScriptsCanTellApart) {
  auto missing_index = precedent("search mercury");
  EXPECT_EQ(missing_index.exit_code, 3);
  EXPECT_NE(missing_index.err.find("no index"), std::string::npos);

  test_support::write_file(dir_ / "in/good.md", "---\nid: good\ntitle: Good record\n---\nmercury\n");
  test_support::write_file(dir_ / "in/bad.jsonl", "{\"id\": \"bad\", \"title\": \"Bad\", \"outcome\": \"oops\"}\n");
  auto index = precedent("index " + quoted(dir_ / "in"));
  EXPECT_EQ(index.exit_code, 1);
  EXPECT_NE(index.err.find("bad.jsonl:1: outcome:"), std::string::npos) << index.err;
  EXPECT_NE(index.out.find("indexed 1"), std::string::npos);
  EXPECT_NE(index.out.find("failed 1"), std::string::npos);

  EXPECT_EQ(precedent("show nothing-like-this").exit_code, 4);
  auto bad_query = precedent("search 'year:tomorrow'");
  EXPECT_EQ(bad_query.exit_code, 1);
  EXPECT_NE(bad_query.err.find("year:"), std::string::npos);
  EXPECT_EQ(precedent("search mercury --lang english").exit_code, 1);
}

TEST_F(CliTest, DbOptionOverridesTheEnvironment) {
  test_support::write_file(dir_ / "in/a.md", "---\nid: a\ntitle: Alpha\n---\n");
  auto other = dir_ / "other-db";
  ASSERT_EQ(precedent("index --db " + quoted(other) + " " + quoted(dir_ / "in")).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(other));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "db"));
  EXPECT_EQ(precedent("show a --db " + quoted(other)).exit_code, 0);
}

TEST_F(CliTest, KeysAreAddedOnceListedByNameStoredHashedAndRevoked) {
  std::string file = quoted(dir_ / "keys");
  auto added = precedent("keys add portal --file " + file);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::string key = added.out.substr(0, added.out.find('\n'));
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(test_support::read_text(dir_ / "keys").find(key), std::string::npos);  // only its hash is kept
  EXPECT_EQ(std::filesystem::status(dir_ / "keys").permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  ASSERT_EQ(precedent("keys add reader --read-only --file " + file).exit_code, 0);
  EXPECT_EQ(precedent("keys add portal --file " + file).exit_code, 1);  // names are unique
  auto listed = precedent("keys list --file " + file);
  EXPECT_NE(listed.out.find("portal"), std::string::npos);
  EXPECT_NE(listed.out.find("read "), std::string::npos);
  EXPECT_EQ(listed.out.find(key), std::string::npos);
  EXPECT_EQ(precedent("keys revoke portal --file " + file).exit_code, 0);
  EXPECT_EQ(precedent("keys list --file " + file).out.find("portal"), std::string::npos);
  EXPECT_EQ(precedent("keys revoke portal --file " + file).exit_code, 4);
  EXPECT_EQ(precedent("keys add 'bad name' --file " + file).exit_code, 2);
}

}  // namespace

namespace {

TEST_F(CliTest, IndexIntoShardsRoutesLaterRunsTheSameWayAndRefusesAnotherCount) {
  std::string collection = quoted(test_support::collection_dir());
  std::string layout = quoted(dir_ / "sharded");
  auto first = precedent("index --shards 3 --db " + layout + " " + collection + " --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto summary = nlohmann::json::parse(first.out);
  EXPECT_EQ(summary["shards"], 3);
  EXPECT_EQ(summary["documents"], summary["indexed"]);

  auto again = precedent("index --db " + layout + " " + collection + " --json");  // the layout is kept
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["indexed"], 0);
  EXPECT_EQ(nlohmann::json::parse(again.out)["documents"], summary["documents"]);

  auto other = precedent("index --shards 4 --db " + layout + " " + collection);
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("--shards"), std::string::npos) << other.err;

  auto search = precedent("search 'mercury retorts' --json --db " + layout);
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_FALSE(nlohmann::json::parse(search.out)["hits"].empty());
  auto stats = precedent("stats --json --db " + layout);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(nlohmann::json::parse(stats.out)["documents"], summary["documents"]);

  auto help = precedent("serve --help");
  for (const char* option : {"--shard", "--spelling", "--shard-timeout", "--on-shard-failure"})
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
  EXPECT_NE(precedent("index --help").out.find("--shards"), std::string::npos);
}

}  // namespace
