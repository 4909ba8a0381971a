// Crash safety: the real `precedent index` and `precedent serve` killed with SIGKILL at random
// moments while they write, many times. After every kill `xapian-check` passes on the index, no
// record that was committed before is lost, and every write the server acknowledged is there and
// searchable once it is started again.

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/tools/child_process.h"
#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;
constexpr const char* kKey = "crash-test-key-0123456789";

pid_t start(const std::vector<std::string>& args, const fs::path& log, const std::vector<std::string>& env = {}) {
  return test_support::start_process(PRECEDENT_BINARY, args, log, env);
}

using test_support::free_port;
using test_support::kill_hard;
using test_support::wait_exit;

// xapian-check's verdict on the index: 0 when it finds no fault.
int xapian_check(const fs::path& db) {
  std::string command = "xapian-check '" + db.string() + "' >/dev/null 2>&1";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Records in the index, as `precedent stats --json` counts them; -1 when it cannot tell.
long long record_count(const fs::path& db) {
  std::string command = "'" PRECEDENT_BINARY "' stats --json --db '" + db.string() + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::string out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  auto json = nlohmann::json::parse(out, nullptr, false);
  return json.is_object() && json.contains("documents") ? json["documents"].get<long long>() : -1;
}

std::string record_json(int n) {
  return nlohmann::json{{"id", "rec-" + std::to_string(n)},
                        {"title", "Retort trial number " + std::to_string(n)},
                        {"summary", "A trial of closed retorts with cooperative " + std::to_string(n)},
                        {"body", std::string(1500, 'x') + " mercury recovery and amalgam burning in camp " + std::to_string(n)}}
      .dump();
}

TEST(CrashSafetyTest, TheIndexerKilledAtRandomLosesNoCommittedRecordAndLeavesAValidIndex) {
  test_support::TempDir dir;
  // 150 files of 40 records, committed every 100 records, so kills land mid-batch and mid-commit.
  constexpr int kFiles = 150;
  for (int file = 0; file < kFiles; ++file) {
    std::string lines;
    for (int i = 0; i < 40; ++i) lines += record_json(file * 40 + i) + "\n";
    test_support::write_file(dir / "in" / ("part-" + std::to_string(1000 + file) + ".jsonl"), lines);
  }
  std::mt19937 random(20261129);
  long long committed = 0;
  int kills = 0;
  for (int round = 0; round < 10; ++round) {
    pid_t pid = start({"index", "--quiet", "--batch", "100", "--db", (dir / "db").string(), (dir / "in").string()}, dir / "log");
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 600)(random)));
    kill_hard(pid);
    ++kills;
    if (!fs::exists(dir / "db" / "iamglass")) continue;  // killed before the index was made
    ASSERT_EQ(xapian_check(dir / "db"), 0) << "after kill " << kills;
    long long now = record_count(dir / "db");
    ASSERT_GE(now, committed) << "a kill lost committed records";
    committed = now;
  }
  // A last run without a kill finishes the work: every record is there once.
  ASSERT_EQ(wait_exit(start({"index", "--quiet", "--db", (dir / "db").string(), (dir / "in").string()}, dir / "log")), 0);
  EXPECT_EQ(xapian_check(dir / "db"), 0);
  EXPECT_EQ(record_count(dir / "db"), kFiles * 40);
}

TEST(CrashSafetyTest, EveryWriteTheServerAcknowledgedSurvivesSigkill) {
  test_support::TempDir dir;
  test_support::write_file(dir / "server.toml", "write_rate = 0\naccess_log = false\n");
  std::set<int> acknowledged;
  std::mt19937 random(29112026);
  int next = 0;
  constexpr int kKills = 6;
  for (int round = 0; round <= kKills; ++round) {
    unsigned short port = free_port();
    pid_t pid = start({"serve", "--db", (dir / "db").string(), "--port", std::to_string(port), "--config",
                       (dir / "server.toml").string()},
                      dir / "log", {std::string("PRECEDENT_API_KEYS=") + kKey});
    // Everything acknowledged before is there and searchable.
    auto client = test_support::connect_when_listening(port, std::chrono::seconds(5));
    ASSERT_TRUE(client) << "the server did not start";
    for (int id : acknowledged) {
      auto shown = client->get("/v1/documents/rec-" + std::to_string(id));
      ASSERT_EQ(shown.status, 200) << "acknowledged record rec-" << id << " is missing after a kill";
    }
    if (!acknowledged.empty()) {
      int probe = *acknowledged.rbegin();
      auto found = client->get("/v1/search?q=camp+" + std::to_string(probe) + "&per_page=100").json();
      bool seen = false;
      for (const auto& hit : found["hits"]) seen = seen || hit["id"] == "rec-" + std::to_string(probe);
      EXPECT_TRUE(seen) << "rec-" << probe << " is not searchable";
    }
    if (round == kKills) {  // the last start only checks
      kill_hard(pid);
      break;
    }
    // Writes, one record at a time, until the kill at a random moment.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 700)(random));
    std::thread killer([&] {
      std::this_thread::sleep_until(deadline);
      kill(pid, SIGKILL);
    });
    while (true) {
      int id = next++;
      try {
        auto answer = client->request("POST", "/v1/documents", record_json(id),
                                      {{"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + kKey}});
        if (answer.status == 200) acknowledged.insert(id);
      } catch (const std::exception&) {
        break;  // the connection died with the server
      }
    }
    killer.join();
    waitpid(pid, nullptr, 0);
    ASSERT_EQ(xapian_check(dir / "db"), 0) << "after kill " << round + 1;
  }
  EXPECT_GT(acknowledged.size(), 10u);
  EXPECT_GE(record_count(dir / "db"), static_cast<long long>(acknowledged.size()));
}

}  // namespace
