// Read replicas with Xapian's own replication, set up by tools/replica (docs/scaling.md): the
// script's master (xapian-replicate-server) serves the index, its follower (xapian-replicate)
// copies it, and a server answers from the copy; a write to the master reaches the replica's
// searches after the next copy.

#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer/index_writer.h"
#include "ranking/searcher.h"
#include "tests/server/http_client.h"
#include "tests/server/running_server.h"
#include "tests/shards/shard_server.h"
#include "tests/test_support.h"

namespace {

using test_support::ServerProcess;

const std::string kScript = std::string(PRECEDENT_SOURCE_DIR) + "/tools/replica";

corpus::Document record(const std::string& id, const std::string& title) {
  corpus::Document out;
  out.id = id;
  out.title = title;
  out.language = "en";
  out.body = title + ": retorts recover the mercury that amalgamation burns off, and miners keep the savings.";
  out.countries = {"PE"};
  out.themes = {"mercury"};
  return out;
}

void write(const std::filesystem::path& db, std::vector<corpus::Document> records) {
  indexer::WriteBatch batch;
  batch.put = std::move(records);
  auto outcome = indexer::apply_writes(db, batch, std::chrono::seconds(5));
  ASSERT_TRUE(outcome) << outcome.error().to_string();
}

// tools/replica follow ... --once: copies what is new on the master.
int follow_once(unsigned short port, const std::filesystem::path& into) {
  std::string command = kScript + " follow 127.0.0.1:" + std::to_string(port) + " db --into '" + into.string() + "' --once";
  return std::system(command.c_str());
}

TEST(Replication, AReplicaAnswersWhatTheMasterHoldsAfterItCopies) {
  // Xapian writes the changesets replicas catch up from only when this is set for the writer.
  setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
  test_support::TempDir dir;
  std::filesystem::path master = dir / "master" / "db";
  write(master, {record("retorts-peru", "Retorts in Madre de Dios")});

  ServerProcess replicate_server([&](unsigned short port) {
    return std::vector<std::string>{kScript, "master", (dir / "master").string(), "--port", std::to_string(port),
                                    "--interface", "127.0.0.1"};
  });
  ASSERT_GT(replicate_server.pid(), 0) << "xapian-replicate-server did not start";
  ASSERT_EQ(follow_once(replicate_server.port(), dir / "replica"), 0);

  // A read-only server on the replica (a server given shards takes no writes).
  server::ServerConfig config;
  config.shards = {(dir / "replica" / "db").string()};
  test_support::RunningServer running(config, /*index_collection=*/false);
  test_support::HttpClient client(running.port());
  EXPECT_EQ(client.get("/v1/documents/retorts-peru").status, 200);
  EXPECT_EQ(client.get("/v1/documents/retorts-ghana").status, 404);

  write(master, {record("retorts-ghana", "Retorts in the Ashanti region")});
  ASSERT_EQ(follow_once(replicate_server.port(), dir / "replica"), 0);
  auto found = client.get("/v1/documents/retorts-ghana");
  EXPECT_EQ(found.status, 200) << found.body;
  auto search = client.get("/v1/search?q=ashanti+retorts");
  ASSERT_EQ(search.status, 200);
  auto hits = search.json()["hits"];
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["id"], "retorts-ghana");

  // A second replica copies the same index from scratch.
  ASSERT_EQ(follow_once(replicate_server.port(), dir / "replica-2"), 0);
  ranking::IndexSource second;
  second.shards = {(dir / "replica-2" / "db").string()};
  auto searcher = ranking::Searcher::open(second);
  ASSERT_TRUE(searcher) << searcher.error().to_string();
  EXPECT_EQ(searcher->stats()->documents, 2u);
}

TEST(Replication, TheScriptRefusesWhatItCannotDoByName) {
  EXPECT_NE(std::system((kScript + " follow nowhere db --into /tmp/x --once 2>/dev/null").c_str()), 0);
  EXPECT_NE(std::system((kScript + " master /nonexistent-folder 2>/dev/null").c_str()), 0);
  EXPECT_NE(std::system((kScript + " follow 127.0.0.1:1 db --once 2>/dev/null").c_str()), 0);  // no --into
}

}  // namespace
