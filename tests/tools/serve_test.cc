// `precedent serve` as an operator runs it: the real binary, its keys file changed by
// `precedent keys` while it serves.

#include "tests/tools/child_process.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace {

namespace fs = std::filesystem;

// Runs `precedent keys ARGS` in `dir`, as an operator does beside a running server; returns the
// first line it prints (a new key, for add).
std::string keys_command(const fs::path& dir, const std::string& args) {
  auto run = test_support::run_command("cd '" + dir.string() + "' && '" PRECEDENT_BINARY "' keys " + args + " 2>/dev/null");
  EXPECT_EQ(run.exit_code, 0) << args << ": " << run.out;
  return run.out.substr(0, run.out.find('\n'));
}

TEST(ServeTest, KeysAddedAndRevokedWhileServingAreSeenByTheNextRequest) {
  test_support::TempDir dir;
  unsigned short port = test_support::free_port();
  // No keys file yet: the server watches ./precedent-keys in its working folder all the same.
  pid_t pid = test_support::start_process(PRECEDENT_BINARY, {"serve", "--db", (dir / "db").string(), "--port", std::to_string(port), "--quiet"},
                                          dir / "log", {}, dir.path());
  auto client = test_support::connect_when_listening(port);
  ASSERT_TRUE(client) << test_support::read_text(dir / "log");
  ASSERT_EQ(client->get("/healthz").status, 200);  // answered, so the start-up line is written
  std::string keys_file = fs::canonical(dir.path()).string() + "/precedent-keys";
  EXPECT_NE(test_support::read_text(dir / "log").find("writes off until a write key is in " + keys_file), std::string::npos)
      << test_support::read_text(dir / "log");
  std::string record = R"({"id": "keys-test", "title": "Retort pilot", "summary": "Closed retorts for amalgam burning."})";
  auto post = [&](const std::string& key) {
    return client->request("POST", "/v1/documents", record, {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + key}}).status;
  };
  EXPECT_EQ(post("not-a-key-of-this-server"), 403);  // writes off

  std::string portal = keys_command(dir.path(), "add portal");
  ASSERT_EQ(portal.size(), 64u);
  EXPECT_EQ(post(portal), 200);  // the next request, no restart and no pause
  std::string backup = keys_command(dir.path(), "add backup");
  EXPECT_EQ(post(backup), 200);

  keys_command(dir.path(), "revoke portal");
  EXPECT_EQ(post(portal), 401);  // revoked: refused at the next request
  EXPECT_EQ(post(backup), 200);
  keys_command(dir.path(), "revoke backup");
  EXPECT_EQ(post(backup), 403);  // no write key left: writes off again
  EXPECT_EQ(test_support::stop_process(pid), 0);

  // Started again with keys in the file, the start-up line counts them.
  keys_command(dir.path(), "add portal");
  keys_command(dir.path(), "add analyst --read-only");
  fs::remove(dir / "log");
  pid = test_support::start_process(PRECEDENT_BINARY, {"serve", "--db", (dir / "db").string(), "--port", std::to_string(port), "--quiet"},
                                    dir / "log", {}, dir.path());
  auto again = test_support::connect_when_listening(port);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->get("/healthz").status, 200);
  EXPECT_NE(test_support::read_text(dir / "log").find("writes on: 1 write key, 1 read key; keys file " + keys_file),
            std::string::npos)
      << test_support::read_text(dir / "log");
  EXPECT_EQ(test_support::stop_process(pid), 0);
}

}  // namespace
