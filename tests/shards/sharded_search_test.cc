// Sharded search over Xapian's remote backend (docs/scaling.md): a generated collection indexed
// once as one index and once as three shards, the shards served by three real `xapian-tcpsrv`
// processes on loopback. Searches over the shards must rank, count and facet exactly as over the
// one index; a shard that stops must give the configured answer, and be used again once back.

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/index_access.h"
#include "indexer/ingest.h"
#include "indexer/shard_layout.h"
#include "indexer/sharded_ingest.h"
#include "ranking/response_json.h"
#include "ranking/searcher.h"
#include "tests/server/http_client.h"
#include "tests/server/running_server.h"
#include "tests/shards/shard_server.h"
#include "tests/test_support.h"
#include "tools/bench/corpus_generator.h"

namespace {

using ranking::IndexSource;
using ranking::Searcher;
using ranking::SearchRequest;
using ranking::SearchResponse;
using test_support::ServerProcess;

constexpr unsigned kShards = 3;
constexpr std::size_t kRecords = 600;

std::unique_ptr<ServerProcess> serve_shard(const std::filesystem::path& shard) {
  auto server = std::make_unique<ServerProcess>([shard](unsigned short port) {
    return std::vector<std::string>{"xapian-tcpsrv", "--port", std::to_string(port), "--interface", "127.0.0.1",
                                    "--quiet", shard.string()};
  });
  if (server->pid() <= 0) ADD_FAILURE() << "xapian-tcpsrv did not start on " << shard;
  return server;
}

std::string address(const ServerProcess& server) { return "tcp://127.0.0.1:" + std::to_string(server.port()); }

// The collection, indexed once whole and once in three shards, the shards served over TCP.
// Built once per process for every suite here (ShardFailure too): ctest runs the binary once.
class ShardedSearch : public ::testing::Test {
 public:
  static void clean_up() {
    delete servers_;
    delete layout_;
    delete dir_;
  }

 protected:
  static void SetUpTestSuite() {
    if (dir_ != nullptr) return;
    dir_ = new test_support::TempDir();
    tools::bench::CorpusOptions corpus;
    corpus.docs = kRecords;
    corpus.docs_per_file = 200;
    auto generated = tools::bench::generate_corpus(*dir_ / "corpus", corpus);
    ASSERT_TRUE(generated) << generated.error().to_string();
    auto single = indexer::ingest(*dir_ / "single", {*dir_ / "corpus"}, {}, {});
    ASSERT_TRUE(single) << single.error().to_string();
    auto layout = indexer::open_layout(*dir_ / "sharded", kShards);
    ASSERT_TRUE(layout) << layout.error().to_string();
    layout_ = new indexer::ShardLayout(*layout);
    auto sharded = indexer::ingest_sharded(*layout, {*dir_ / "corpus"}, {}, {});
    ASSERT_TRUE(sharded) << sharded.error().to_string();
    ASSERT_EQ(sharded->indexed, kRecords);
    servers_ = new std::vector<std::unique_ptr<ServerProcess>>();
    for (unsigned shard = 0; shard < kShards; ++shard) servers_->push_back(serve_shard(layout->shard_path(shard)));
  }

  static IndexSource remote_source() {
    IndexSource source;
    for (const auto& server : *servers_) source.shards.push_back(address(*server));
    source.spelling = layout_->spelling_path();
    return source;
  }
  static Searcher open(const IndexSource& source) {
    auto searcher = Searcher::open(source);
    EXPECT_TRUE(searcher) << searcher.error().to_string();
    return std::move(searcher).value();
  }
  static Searcher single() { return open(IndexSource::of_folder(*dir_ / "single")); }

  // Words that occur in the collection, from the single index: a few in many records, a few in some.
  static std::vector<std::string> words() {
    Xapian::Database db((*dir_ / "single").string());
    std::vector<std::pair<Xapian::doccount, std::string>> all;
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
      std::string term = *it;
      if (term.size() >= 5 && term[0] >= 'a' && term[0] <= 'z') all.emplace_back(it.get_termfreq(), term);
    }
    std::sort(all.rbegin(), all.rend());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < all.size() && out.size() < 12; i += all.size() / 40) out.push_back(all[i].second);
    return out;
  }

  // The word lessons hold most often.
  static std::string lesson_word() {
    Xapian::Database db((*dir_ / "single").string());
    std::pair<Xapian::doccount, std::string> best;
    for (auto it = db.allterms_begin("XL"); it != db.allterms_end("XL"); ++it) {
      std::string term = *it;
      if (term.size() >= 7 && term[2] >= 'a' && term[2] <= 'z') best = std::max(best, {it.get_termfreq(), term.substr(2)});
    }
    return best.second;
  }

  static inline test_support::TempDir* dir_ = nullptr;
  static inline indexer::ShardLayout* layout_ = nullptr;
  static inline std::vector<std::unique_ptr<ServerProcess>>* servers_ = nullptr;
};

// `sorted`: results sorted by year, whose ties Xapian orders by docid, which differ between one
// index and shards; only the years are compared.
class CleanUp : public ::testing::Environment {
  void TearDown() override { ShardedSearch::clean_up(); }
};
const auto* const kCleanUp = ::testing::AddGlobalTestEnvironment(new CleanUp);

void expect_same(const SearchResponse& one, const SearchResponse& sharded, const std::string& what, bool sorted) {
  SCOPED_TRACE(what);
  EXPECT_EQ(sharded.total, one.total);
  ASSERT_EQ(sharded.hits.size(), one.hits.size());
  // Hits of equal weight are in docid order, and docids differ: within a run of equal scores
  // the same records must come, in any order (but for the last run, cut by the page's end).
  std::size_t run = 0;
  for (std::size_t i = 0; i < one.hits.size(); ++i) {
    EXPECT_DOUBLE_EQ(sharded.hits[i].score, one.hits[i].score) << "hit " << i;
    if (sorted) {
      EXPECT_EQ(sharded.hits[i].start_year, one.hits[i].start_year) << "hit " << i;
    }
    bool run_ends = i + 1 == one.hits.size() || one.hits[i + 1].score != one.hits[i].score;
    if (!run_ends) continue;
    bool last_run = i + 1 == one.hits.size();
    if (!sorted && !last_run) {
      std::multiset<std::string> expected, got;
      for (std::size_t j = run; j <= i; ++j) {
        expected.insert(one.hits[j].id + "\n" + one.hits[j].snippet);
        got.insert(sharded.hits[j].id + "\n" + sharded.hits[j].snippet);
      }
      EXPECT_EQ(got, expected) << "hits " << run << " to " << i;
    }
    run = i + 1;
  }
  if (!sorted) {
    EXPECT_EQ(sharded.hits.front().id, one.hits.front().id);
  }
  ASSERT_EQ(sharded.facets.size(), one.facets.size());
  for (const auto& [field, counts] : one.facets) {
    const auto& other = sharded.facets.at(field);
    ASSERT_EQ(other.size(), counts.size()) << field;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      EXPECT_EQ(other[i].value, counts[i].value) << field << " " << i;
      EXPECT_EQ(other[i].count, counts[i].count) << field << " " << counts[i].value;
    }
  }
  EXPECT_EQ(sharded.did_you_mean, one.did_you_mean);
  EXPECT_TRUE(sharded.missing_shards.empty());
}

TEST_F(ShardedSearch, EachRecordIsInTheShardItsIdHashesTo) {
  std::size_t total = 0;
  for (unsigned shard = 0; shard < kShards; ++shard) {
    Xapian::Database db(layout_->shard_path(shard).string());
    EXPECT_EQ(db.get_metadata(std::string(indexer::kShardKey)), layout_->shard_key(shard));
    std::size_t records = 0;
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it, ++records)
      EXPECT_EQ(indexer::shard_of((*it).substr(1), kShards), shard) << *it;
    EXPECT_GT(records, kRecords / kShards / 2) << "shard " << shard;
    total += records;
  }
  EXPECT_EQ(total, kRecords);
}

TEST_F(ShardedSearch, TopResultsAndFacetCountsEqualOneIndex) {
  Searcher one = single();
  Searcher remote = open(remote_source());
  Searcher local = open(IndexSource::of_folder(*dir_ / "sharded"));
  std::vector<SearchRequest> requests;
  auto words = ShardedSearch::words();
  ASSERT_GE(words.size(), 6u);
  for (std::size_t i = 0; i + 1 < words.size(); i += 2) {
    SearchRequest request;
    request.query = words[i] + " " + words[i + 1];
    request.facets = {"country", "theme", "outcome", "type", "language", "year", "failure_reason"};
    request.per_page = 20;
    requests.push_back(request);
  }
  SearchRequest browse;  // every record: facets over the whole collection, sorted by year
  browse.facets = {"country", "theme", "year"};
  browse.sort = ranking::SortOrder::oldest;
  requests.push_back(browse);
  SearchRequest filtered;
  filtered.query = words[0];
  filtered.filters.values["theme"] = {"mercury", "finance"};
  filtered.facets = {"country"};
  requests.push_back(filtered);
  SearchRequest lessons;  // lessons count once per record in the facets
  lessons.query = lesson_word() + " kind:failed";
  lessons.facets = {"country", "outcome"};
  requests.push_back(lessons);
  SearchRequest naming_a_country;  // the country's fixed-weight lift travels to the shards too
  naming_a_country.query = words[0] + " Peru";
  requests.push_back(naming_a_country);
  SearchRequest page_two = requests[0];
  page_two.page = 2;
  page_two.per_page = 5;
  requests.push_back(page_two);

  for (const auto& request : requests) {
    auto expected = one.search(request);
    ASSERT_TRUE(expected) << expected.error().to_string();
    ASSERT_FALSE(expected->hits.empty()) << request.query;
    auto over_tcp = remote.search(request);
    ASSERT_TRUE(over_tcp) << over_tcp.error().to_string();
    bool sorted = request.sort != ranking::SortOrder::relevance;
    expect_same(*expected, *over_tcp, "tcp: " + request.query, sorted);
    auto over_folders = local.search(request);
    ASSERT_TRUE(over_folders) << over_folders.error().to_string();
    expect_same(*expected, *over_folders, "folders: " + request.query, sorted);
  }
  auto lifted = remote.search(naming_a_country);
  ASSERT_TRUE(lifted) << lifted.error().to_string();
  ASSERT_EQ(lifted->recognised.size(), 1u);
  EXPECT_EQ(lifted->recognised[0].value, "PE");
}

TEST_F(ShardedSearch, SpellingComesFromTheLocalSpellingIndex) {
  Searcher one = single();
  Searcher remote = open(remote_source());
  auto words = ShardedSearch::words();
  SearchRequest request;
  request.query = words[2].substr(0, words[2].size() - 1) + "q";  // a misspelling
  auto expected = one.search(request);
  ASSERT_TRUE(expected);
  ASSERT_TRUE(expected->did_you_mean.has_value()) << request.query;
  auto got = remote.search(request);
  ASSERT_TRUE(got) << got.error().to_string();
  EXPECT_EQ(got->did_you_mean, expected->did_you_mean);

  IndexSource without = remote_source();
  without.spelling.clear();  // remote shards have no spelling dictionary
  auto none = open(without).search(request);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->did_you_mean.has_value());
}

// Similar initiatives over shards are not always the one index's: the recommender's OP_ELITE_SET
// picks its terms per shard (Xapian's documented behaviour). The seed is found on its shard,
// left out, and the suggestions are records of every shard.
TEST_F(ShardedSearch, RecordsAndSimilarInitiativesAreFoundOnEveryShard) {
  Searcher one = single();
  Searcher remote = open(remote_source());
  std::set<unsigned> shards_suggested;
  std::size_t shared = 0, suggested = 0;
  for (const std::string id : {"syn-0000001", "syn-0000002", "syn-0000003", "syn-0000004", "syn-0000300"}) {
    SCOPED_TRACE(id);
    auto record = remote.document(id);
    ASSERT_TRUE(record) << record.error().to_string();
    EXPECT_EQ(record->document.id, id);
    ranking::SimilarRequest similar;
    similar.id = id;
    auto expected = one.similar(similar);
    auto got = remote.similar(similar);
    ASSERT_TRUE(expected);
    ASSERT_TRUE(got) << got.error().to_string();
    ASSERT_EQ(got->similar.size(), expected->similar.size());
    for (const auto& hit : got->similar) {
      EXPECT_NE(hit.id, id);
      EXPECT_TRUE(remote.document(hit.id)) << hit.id;
      shards_suggested.insert(indexer::shard_of(hit.id, kShards));
      ++suggested;
      for (const auto& other : expected->similar) shared += other.id == hit.id;
    }
  }
  EXPECT_EQ(shards_suggested.size(), kShards);
  EXPECT_GE(2 * shared, suggested) << "most suggestions are the one index's";
  EXPECT_EQ(remote.document("syn-9999999").error().code, corpus::ErrorCode::not_found);
  auto stats = remote.stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->documents, kRecords);
  EXPECT_EQ(stats->shards, kShards);
  EXPECT_EQ(stats->counts, one.stats()->counts);
}

TEST_F(ShardedSearch, ShardsThatAreNotOneWholeLayoutAreRefusedByName) {
  IndexSource twice = remote_source();
  twice.shards[2] = twice.shards[0];
  EXPECT_EQ(Searcher::open(twice).error().field, "--shard");
  IndexSource two = remote_source();
  two.shards.pop_back();
  auto missing = Searcher::open(two);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("3 shards"), std::string::npos) << missing.error().message;
  IndexSource mixed = remote_source();
  mixed.shards[1] = (*dir_ / "single").string();
  EXPECT_NE(Searcher::open(mixed).error().message.find("not a shard"), std::string::npos);
  EXPECT_EQ(ranking::parse_shard("tcp://host", "--shard").error().field, "--shard");
}

TEST_F(ShardedSearch, IndexingAgainRoutesTheSameWayAndRefusesAnotherCount) {
  auto other = indexer::open_layout(*dir_ / "sharded", 4);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().field, "--shards");
  auto same = indexer::open_layout(*dir_ / "sharded", 0);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->shards, kShards);
  EXPECT_EQ(same->id, layout_->id);
  EXPECT_FALSE(indexer::open_layout(*dir_ / "single", 3));  // a single index is not made a layout
}

// Three shards of their own, as one of them is stopped.
class ShardFailure : public ShardedSearch {
 protected:
  void SetUp() override {
    for (unsigned shard = 0; shard < kShards; ++shard) servers.push_back(serve_shard(layout_->shard_path(shard)));
    for (const auto& server : servers) source.shards.push_back(address(*server));
    source.spelling = layout_->spelling_path();
    source.timeout = std::chrono::milliseconds(500);
    source.retry = std::chrono::milliseconds(200);
    request.query = words()[0];
    request.facets = {"country"};
  }
  std::vector<std::unique_ptr<ServerProcess>> servers;
  IndexSource source;
  SearchRequest request;
};

TEST_F(ShardFailure, PartialAnswerNamesTheStoppedShardAndItIsUsedAgainOnceBack) {
  Searcher searcher = open(source);
  auto whole = searcher.search(request);
  ASSERT_TRUE(whole) << whole.error().to_string();
  EXPECT_TRUE(whole->missing_shards.empty());

  servers[1]->stop();
  auto partial = searcher.search(request);
  ASSERT_TRUE(partial) << partial.error().to_string();
  EXPECT_EQ(partial->missing_shards, std::vector<std::string>{source.shards[1]});
  EXPECT_LT(partial->total, whole->total);
  for (const auto& hit : partial->hits) EXPECT_NE(indexer::shard_of(hit.id, kShards), 1u) << hit.id;
  EXPECT_EQ(ranking::to_json(*partial)["partial"], true);

  servers[1]->start();
  ASSERT_GT(servers[1]->pid(), 0);
  std::this_thread::sleep_for(source.retry + std::chrono::milliseconds(50));
  auto back = searcher.search(request);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_TRUE(back->missing_shards.empty());
  EXPECT_EQ(back->total, whole->total);
}

TEST_F(ShardFailure, AFrozenShardIsLeftOutWithinTheTimeout) {
  Searcher searcher = open(source);
  ASSERT_TRUE(searcher.search(request));
  servers[2]->pause();
  auto started = std::chrono::steady_clock::now();
  auto partial = searcher.search(request);
  auto took = std::chrono::steady_clock::now() - started;
  servers[2]->resume();
  ASSERT_TRUE(partial) << partial.error().to_string();
  EXPECT_EQ(partial->missing_shards, std::vector<std::string>{source.shards[2]});
  EXPECT_LT(took, 2 * source.timeout + std::chrono::milliseconds(500));
}

TEST_F(ShardFailure, TheServerAnswers503NamingTheShardWhenSoConfigured) {
  server::ServerConfig config;
  config.shards = source.shards;
  config.spelling = source.spelling;
  config.shard_timeout = source.timeout;
  config.shard_retry = std::chrono::seconds(0);
  config.on_shard_failure = "unavailable";
  test_support::RunningServer running(config, /*index_collection=*/false);
  test_support::HttpClient client(running.port());
  std::string url = "/v1/search?q=" + request.query + "&facets=country";
  auto ok = client.get(url);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(nlohmann::json::parse(ok.body)["partial"], false);

  servers[0]->stop();
  auto refused = client.get(url);
  EXPECT_EQ(refused.status, 503) << refused.body;
  auto error = nlohmann::json::parse(refused.body)["error"];
  EXPECT_EQ(error["code"], "shard_unavailable");
  EXPECT_NE(error["message"].get<std::string>().find(source.shards[0]), std::string::npos) << error;
  auto health = client.get("/healthz");
  EXPECT_EQ(health.status, 503);

  // Writes go to the layout, not to shards given one by one.
  auto write = client.request("POST", "/v1/documents", R"({"id": "x", "title": "x"})",
                              {{"Content-Type", "application/json"},
                               {"Authorization", std::string("Bearer ") + test_support::kTestApiKey}});
  EXPECT_EQ(write.status, 403) << write.body;

  servers[0]->start();
  auto back = client.get(url);
  EXPECT_EQ(back.status, 200) << back.body;
}

}  // namespace
