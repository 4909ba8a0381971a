// The Debian package as an operator gets it: built with cpack, installed with dpkg, the installed
// binary started the way precedent.service starts it (its user and group, its working folder,
// its command line and config), the bundled collection indexed and searched over HTTP, a key added to the
// installed keys file used at once, the unit checked by systemd-analyze, and the package purged.
// Needs root and dpkg (CI runs as root on Debian 12); skipped otherwise, or where a precedent
// package is already installed (the test must not replace an operator's).

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "tests/test_support.h"
#include "tests/tools/child_process.h"

namespace {

namespace fs = std::filesystem;
using test_support::run_command;

constexpr const char* kUnit = "/lib/systemd/system/precedent.service";

// The [Service] settings of a unit file, the last value of each key.
std::map<std::string, std::string> unit_settings(const fs::path& unit) {
  std::map<std::string, std::string> settings;
  std::istringstream lines(test_support::read_text(unit));
  std::string line;
  while (std::getline(lines, line)) {
    auto equals = line.find('=');
    if (line.empty() || line[0] == '#' || line[0] == '[' || equals == std::string::npos) continue;
    settings[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return settings;
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

class PackageTest : public testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "installing the package needs root (CI runs this as root)";
    if (run_command("command -v dpkg cpack runuser setpriv >/dev/null").exit_code != 0)
      GTEST_SKIP() << "needs dpkg, cpack, runuser and setpriv";
    if (run_command("dpkg-query -W -f='${Status}' precedent 2>/dev/null | grep -q 'ok installed'").exit_code == 0)
      GTEST_SKIP() << "a precedent package is installed on this machine; not replacing it";
    user_existed_ = run_command("getent passwd precedent >/dev/null").exit_code == 0;
  }

  void TearDown() override {
    if (!installed_) return;
    if (server_ > 0) test_support::kill_hard(server_);
    auto purged = run_command("dpkg --purge precedent 2>&1");
    EXPECT_EQ(purged.exit_code, 0) << purged.out;
    EXPECT_FALSE(fs::exists("/usr/bin/precedent"));
    EXPECT_FALSE(fs::exists("/etc/precedent"));
    EXPECT_FALSE(fs::exists("/var/lib/precedent"));
    if (!user_existed_) run_command("userdel precedent 2>&1; groupdel precedent 2>/dev/null");
  }

  bool user_existed_ = false;
  bool installed_ = false;
  pid_t server_ = -1;
};

TEST_F(PackageTest, TheInstalledServiceIndexesAndSearchesTheBundledCollection) {
  test_support::TempDir dir;
  auto packed = run_command("cpack -G DEB -B '" + dir.path().string() + "' --config '" PRECEDENT_BUILD_DIR
                            "/CPackConfig.cmake' 2>&1");
  ASSERT_EQ(packed.exit_code, 0) << packed.out;
  auto debs = run_command("ls '" + dir.path().string() + "'/precedent_*.deb");
  std::string deb = debs.out.substr(0, debs.out.find('\n'));
  ASSERT_FALSE(deb.empty()) << packed.out;

  auto fields = run_command("dpkg-deb -f '" + deb + "' Depends Recommends");
  EXPECT_NE(fields.out.find("libxapian30"), std::string::npos) << fields.out;  // from dpkg-shlibdeps
  EXPECT_NE(fields.out.find("adduser"), std::string::npos) << fields.out;
  EXPECT_NE(fields.out.find("apertium-eng-spa"), std::string::npos) << fields.out;
  EXPECT_NE(fields.out.find("xapian-tools"), std::string::npos) << fields.out;

  installed_ = true;  // from here on, TearDown purges
  auto install = run_command("dpkg -i '" + deb + "' 2>&1");
  ASSERT_EQ(install.exit_code, 0) << install.out;

  // What the package put in place.
  struct stat keys {};
  ASSERT_EQ(stat("/etc/precedent/precedent-keys", &keys), 0);
  EXPECT_EQ(keys.st_mode & 0777, 0640u);
  EXPECT_EQ(keys.st_uid, 0u);
  EXPECT_EQ(run_command("stat -c %G /etc/precedent/precedent-keys").out, "precedent\n");
  EXPECT_EQ(run_command("stat -c %U:%a /var/lib/precedent").out, "precedent:750\n");
  EXPECT_NE(test_support::read_text("/usr/share/doc/precedent/copyright").find("License: GPL-3+"), std::string::npos);
  EXPECT_TRUE(fs::exists("/usr/share/man/man1/precedent.1.gz"));
  EXPECT_EQ(run_command("dpkg-query -W -f='${Conffiles}' precedent").out.find("/etc/precedent/precedent.toml") != std::string::npos, true);

  if (run_command("command -v systemd-analyze >/dev/null").exit_code == 0) {
    auto verified = run_command(std::string("systemd-analyze verify ") + kUnit + " 2>&1");
    EXPECT_EQ(verified.exit_code, 0) << verified.out;
  }

  // The service's own user indexes the installed collection into a folder it owns.
  auto unit = unit_settings(kUnit);
  ASSERT_EQ(unit["User"], "precedent");
  ASSERT_EQ(unit["Group"], "precedent");
  ASSERT_FALSE(unit["ExecStart"].empty());
  ASSERT_EQ(run_command("chown precedent:precedent '" + dir.path().string() + "'").exit_code, 0);
  std::string index = (dir / "index").string();
  auto indexed = run_command("runuser -u precedent -- /usr/bin/precedent index --quiet --db '" + index +
                             "' /usr/share/precedent/collection 2>&1");
  ASSERT_EQ(indexed.exit_code, 0) << indexed.out;

  // Started as the unit starts it: its user and group (setpriv executes the command itself, as
  // systemd does, where runuser would stand between as a session that dies of SIGTERM), its
  // working folder, its command line (so its config); the index and port from the environment,
  // which the config file gives way to.
  unsigned short port = test_support::free_port();
  std::vector<std::string> args = {"--reuid=" + unit["User"], "--regid=" + unit["Group"], "--init-groups", "--",
                                   "env", "PRECEDENT_DB=" + index, "PRECEDENT_PORT=" + std::to_string(port)};
  for (const auto& word : split_words(unit["ExecStart"])) args.push_back(word);
  server_ = test_support::start_process("/usr/bin/setpriv", args, dir / "server.log", {}, unit["WorkingDirectory"]);
  auto client = test_support::connect_when_listening(port, std::chrono::seconds(20));
  ASSERT_TRUE(client) << test_support::read_text(dir / "server.log");
  auto found = client->get("/v1/search?q=mercury+retorts&per_page=3");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_GT(found.json()["total"].get<int>(), 3);
  EXPECT_EQ(found.json()["hits"].size(), 3u);
  EXPECT_EQ(client->get("/v1/documents/la01-proyecto-gama").status, 200);
  std::string log = test_support::read_text(dir / "server.log");
  EXPECT_NE(log.find("writes off until a write key is in /etc/precedent/precedent-keys"), std::string::npos) << log;

  // A key added by root to the installed keys file keeps the file readable by the service,
  // which takes it at the next request.
  auto added = run_command("/usr/bin/precedent keys add ci --file /etc/precedent/precedent-keys 2>/dev/null");
  ASSERT_EQ(added.exit_code, 0);
  std::string key = added.out.substr(0, added.out.find('\n'));
  EXPECT_EQ(run_command("stat -c %U:%G:%a /etc/precedent/precedent-keys").out, "root:precedent:640\n");
  auto written = client->request("POST", "/v1/documents", R"({"id": "package-test", "title": "Installed and writing"})",
                                 {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + key}});
  EXPECT_EQ(written.status, 200) << written.body;

  EXPECT_EQ(test_support::stop_process(server_), 0) << test_support::read_text(dir / "server.log");
  server_ = -1;
}

}  // namespace
