// The server end to end: real sockets on loopback, real index, a Beast client.

#include "server/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <iterator>
#include <set>
#include <thread>

#include "indexer/index_access.h"
#include "ranking/risk_report.h"
#include "server/api_keys.h"
#include "server/write_queue.h"
#include "tests/server/http_client.h"
#include "tests/server/running_server.h"

namespace server {
namespace {

using test_support::HttpClient;
using test_support::kTestApiKey;

class HttpServerTest : public test_support::RunningServerTest {
 protected:
  static void SetUpTestSuite() {
    ServerConfig config;
    config.cors_origins = {"https://portal.example.org"};
    config.max_body_bytes = 64 * 1024;
    config.max_header_bytes = 4 * 1024;
    config.max_target_bytes = 2 * 1024;
    server_ = new test_support::RunningServer(config);
  }
};

TEST_F(HttpServerTest, SearchAnswersTheDesignShape) {
  auto response = client().get("/v1/search?q=mercury+retorts&facets=theme,outcome&per_page=5");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("Content-Type"), "application/json");
  auto body = response.json();
  EXPECT_EQ(body["query"], "mercury retorts");
  EXPECT_GT(body["total"].get<int>(), 5);
  EXPECT_EQ(body["hits"].size(), 5u);
  EXPECT_TRUE(body["took_ms"].is_number());
  EXPECT_TRUE(body["did_you_mean"].is_null());
  EXPECT_FALSE(body["facets"]["theme"].empty());
  EXPECT_EQ(body["facets"]["theme"][0]["value"], "mercury");
  EXPECT_NE(body["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(HttpServerTest, FiltersAsParametersAndInTheQueryAgree) {
  auto in_query = client().get("/v1/search?q=mercury+country:PE&per_page=100").json();
  auto as_parameter = client().get("/v1/search?q=mercury&country=PE&per_page=100").json();
  EXPECT_EQ(in_query["total"], as_parameter["total"]);
  // A country by its name in any of the four languages is the same filter as its code.
  for (const char* name : {"Peru", "P%C3%A9rou", "per%C3%BA", "pe"}) {
    auto by_name = client().get(std::string("/v1/search?q=mercury&per_page=100&country=") + name).json();
    EXPECT_EQ(by_name["total"], as_parameter["total"]) << name;
  }
  // A value that matches nothing known is refused, naming the parameter, never an empty answer.
  for (const char* bad : {"country=Atlantis", "theme=mercurie", "outcome=maybe"}) {
    auto refused = client().get(std::string("/v1/search?q=mercury&") + bad);
    EXPECT_EQ(refused.status, 400) << bad;
    std::string field(bad, std::string_view(bad).find('='));
    EXPECT_EQ(refused.json()["error"]["field"], field) << bad;
  }
  EXPECT_NE(client().get("/v1/search?q=mercury&theme=mercurie").json()["error"]["message"].get<std::string>().find("mercury"),
            std::string::npos);
  auto several = client().get("/v1/search?q=mercury&country=PE&country=ID&per_page=100").json();
  auto several_in_query = client().get("/v1/search?q=mercury+country:PE+country:ID&per_page=100").json();
  EXPECT_GT(several["total"].get<int>(), as_parameter["total"].get<int>());
  EXPECT_EQ(several["total"], several_in_query["total"]);
  auto years = client().get("/v1/search?q=mining&year_from=2000&year_to=2003&per_page=100").json();
  for (const auto& hit : years["hits"]) {
    if (hit["start_year"].is_number()) {
      EXPECT_LE(hit["start_year"].get<int>(), 2003);
    }
  }
}

TEST_F(HttpServerTest, KindSearchesLessonsAsParameterAndInTheQuery) {
  auto in_query = client().get("/v1/search?q=retorts+kind:failed&per_page=100").json();
  auto as_parameter = client().get("/v1/search?q=retorts&kind=failed&per_page=100").json();
  EXPECT_EQ(in_query["unit"], "lessons");
  EXPECT_EQ(in_query["total"], as_parameter["total"]);
  ASSERT_FALSE(as_parameter["hits"].empty());
  EXPECT_EQ(as_parameter["hits"][0]["lessons"][0]["kind"], "failed");
  EXPECT_TRUE(as_parameter["hits"][0]["more_lessons"].is_number());
  auto records = client().get("/v1/search?q=retorts").json();
  EXPECT_EQ(records["unit"], "records");
  auto similar = client().get("/v1/documents/gl06-gmp-training-manual/similar?kind=failed");
  EXPECT_EQ(similar.status, 400) << similar.body;
}

TEST_F(HttpServerTest, SpellingSuggestionWhenTheQueryFindsLittle) {
  auto body = client().get("/v1/search?q=mercurry").json();
  EXPECT_EQ(body["total"], 0);
  EXPECT_EQ(body["did_you_mean"], "mercury");
}

TEST_F(HttpServerTest, EveryReadRoute) {
  auto c = client();
  auto suggest = c.get("/v1/suggest?q=orpa");
  ASSERT_EQ(suggest.status, 200);
  EXPECT_EQ(suggest.json()["completions"][0], "orpaillage");
  auto document = c.get("/v1/documents/la01-proyecto-gama");
  ASSERT_EQ(document.status, 200);
  EXPECT_EQ(document.json()["language"], "es");
  EXPECT_FALSE(document.json().contains("source")) << "no server paths in answers";
  auto stats = c.get("/v1/stats").json();
  EXPECT_GE(stats["documents"].get<int>(), 80);
  EXPECT_GE(stats["counts"]["language"]["pt"].get<int>(), 12);
  auto openapi = c.get("/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  EXPECT_EQ(openapi.json()["openapi"], "3.0.3");
  auto health = c.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["status"], "ok");
  auto metrics = c.get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("precedent_http_requests_total{route=\"stats\",status=\"200\"} "), std::string::npos);
  EXPECT_NE(metrics.body.find("precedent_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("precedent_index_documents "), std::string::npos);
  EXPECT_EQ(c.get("/").status, 200);
}

TEST_F(HttpServerTest, TheWebPageAndWidgetAreServedWithETagsAndAStrictPolicy) {
  auto c = client();
  // The page keeps its own state in its query string.
  auto page = c.get("/?q=mercury&view=proposal&country=PE");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(page.body.find("<script src=\"/app.js\""), std::string::npos);
  std::string etag = page.header("ETag");
  ASSERT_FALSE(etag.empty());
  auto unchanged = c.get("/", {{"If-None-Match", etag}});
  EXPECT_EQ(unchanged.status, 304);
  EXPECT_TRUE(unchanged.body.empty());
  auto widget = c.get("/widget.js");
  ASSERT_EQ(widget.status, 200);
  EXPECT_EQ(widget.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(widget.body.find("customElements.define(\"precedent-search\""), std::string::npos);
  EXPECT_NE(widget.body.find("PRECEDENT_STRINGS"), std::string::npos);  // the text travels with it
  EXPECT_LT(widget.body.size(), 30u * 1024);
  EXPECT_EQ(c.get("/app.css").header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(c.get("/app.js?x=1").status, 400);  // assets take no parameters
  EXPECT_EQ(c.get("/web/app.js").status, 404);
}

TEST_F(HttpServerTest, EveryErrorStatusIsTheJsonError) {
  auto c = client();
  auto expect_error = [](const test_support::ClientResponse& response, int status, const std::string& code) {
    EXPECT_EQ(response.status, status) << response.body;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << response.body;
    EXPECT_EQ(body["error"]["code"], code) << response.body;
  };
  expect_error(c.get("/v1/search?q=mercury&per_page=500"), 400, "bad_parameter");
  expect_error(c.get("/v1/search?q=mercury&colour=red"), 400, "unknown_parameter");
  expect_error(c.get("/v1/search?q=year:soon"), 400, "invalid_query");
  expect_error(c.get("/v1/search?q=mercury&facets=colour"), 400, "bad_parameter");
  expect_error(c.get("/v1/search?q=%ZZ"), 400, "bad_parameter");
  expect_error(c.get("/v1/documents/no-such-record"), 404, "not_found");
  expect_error(c.get("/v2/search"), 404, "not_found");
  expect_error(c.request("PUT", "/v1/search"), 405, "method_not_allowed");
  expect_error(c.request("POST", "/v1/documents", "{}", {{"Content-Type", "application/json"}}), 401, "unauthorized");
  expect_error(c.request("POST", "/v1/documents", "{}", {{"Content-Type", "application/json"}, {"Authorization", "Bearer wrong-key-0123456789"}}),
               401, "unauthorized");
  expect_error(c.request("POST", "/v1/documents", "x", {{"Content-Type", "text/plain"}, auth()}), 415, "unsupported_media_type");
  expect_error(c.request("POST", "/v1/documents", "{not json", {{"Content-Type", "application/json"}, auth()}), 400, "invalid_body");
  expect_error(c.get("/v1/search?q=" + std::string(3000, 'a')), 414, "uri_too_long");
  auto too_big = client().request("POST", "/v1/documents", std::string(70 * 1024, ' '), {{"Content-Type", "application/json"}, auth()});
  expect_error(too_big, 413, "payload_too_large");
  auto huge_header = client().get("/v1/stats", {{"X-Padding", std::string(8 * 1024, 'x')}});
  expect_error(huge_header, 431, "header_too_large");
}

TEST_F(HttpServerTest, SimilarToARecordAndToAProposal) {
  auto c = client();
  auto by_id = c.get("/v1/documents/af22-mutoshi-cobalt-pilot/similar?k=3");
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  auto body = by_id.json();
  ASSERT_EQ(body["similar"].size(), 3u);
  EXPECT_EQ(body["seed"], "af22-mutoshi-cobalt-pilot");
  for (const auto& hit : body["similar"]) {
    EXPECT_NE(hit["id"], "af22-mutoshi-cobalt-pilot");
    for (const char* key : {"title", "score", "outcome", "failure_reasons", "why", "lessons"}) EXPECT_TRUE(hit.contains(key)) << key;
  }
  for (const char* key : {"level", "of", "known_outcomes", "failed", "failing", "overlap", "reasons", "summary"})
    EXPECT_TRUE(body["risk"].contains(key)) << key;
  // The risk rests on the close precedents, however many are asked for.
  EXPECT_GE(body["risk"]["of"].get<int>(), 1);
  EXPECT_LE(body["risk"]["of"].get<std::size_t>(), ranking::kRiskDepth);

  auto by_text = c.request("POST", "/v1/similar",
                           R"({"text": "Formalizar a los mineros artesanales de oro en el Perú y reducir el mercurio", "k": 4, "country": "PE"})",
                           {{"Content-Type", "application/json"}});
  ASSERT_EQ(by_text.status, 200) << by_text.body;
  auto proposal = by_text.json();
  ASSERT_FALSE(proposal["similar"].empty());
  for (const auto& hit : proposal["similar"]) {
    EXPECT_NE(std::find(hit["countries"].begin(), hit["countries"].end(), "PE"), hit["countries"].end()) << hit["id"];
  }
  EXPECT_EQ(proposal["risk"]["language"], "es");
  EXPECT_EQ(proposal["profile"]["countries"], nlohmann::json::array({"PE"}));
  EXPECT_FALSE(proposal["profile"]["themes"].empty());
}

TEST_F(HttpServerTest, SimilarErrorsAreTheJsonError) {
  auto c = client();
  EXPECT_EQ(c.get("/v1/documents/no-such-record/similar").status, 404);
  auto bad_k = c.get("/v1/documents/la01-proyecto-gama/similar?k=99");
  EXPECT_EQ(bad_k.status, 400);
  EXPECT_EQ(bad_k.json()["error"]["field"], "k");
  std::vector<std::pair<std::string, std::string>> json_type = {{"Content-Type", "application/json"}};
  auto no_text = c.request("POST", "/v1/similar", R"({"k": 3})", json_type);
  EXPECT_EQ(no_text.status, 400);
  EXPECT_EQ(no_text.json()["error"]["field"], "text");
  auto unknown = c.request("POST", "/v1/similar", R"({"text": "mercury", "colour": 1})", json_type);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json()["error"]["code"], "unknown_parameter");
  EXPECT_EQ(unknown.json()["error"]["field"], "colour");
  for (const std::string& path : {"/v1/search?q=mercury&ui_lang=english", "/v1/documents/la01-proyecto-gama/similar?ui_lang=english"}) {
    auto bad_reader_language = c.get(path);
    EXPECT_EQ(bad_reader_language.status, 400) << path;
    EXPECT_EQ(bad_reader_language.json()["error"]["field"], "ui_lang") << path;
  }
  auto bad_proposal_reader = c.request("POST", "/v1/similar", R"({"text": "mercury", "ui_lang": "english"})", json_type);
  EXPECT_EQ(bad_proposal_reader.json()["error"]["field"], "ui_lang");
  EXPECT_EQ(c.request("POST", "/v1/similar", "[1, 2]", json_type).json()["error"]["code"], "invalid_body");
  EXPECT_EQ(c.request("POST", "/v1/similar", "text", {{"Content-Type", "text/plain"}}).status, 415);
}

TEST_F(HttpServerTest, WritesAreForbiddenWithoutConfiguredKeys) {
  ServerConfig config;
  config.api_keys = {};
  test_support::RunningServer no_keys(config, /*index_collection=*/false, /*with_test_key=*/false);
  auto response = HttpClient(no_keys.port()).request("DELETE", "/v1/documents/x", "", {auth()});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.json()["error"]["code"], "forbidden");
}

TEST_F(HttpServerTest, KeysFromTheKeysFileWorkByRoleAndARevokedKeyStopsAtOnce) {
  test_support::TempDir dir;
  std::string writer = server::new_key(), reader = server::new_key();
  std::vector<server::StoredKey> keys = {{server::key_hash(writer), server::KeyRole::write, "portal", "2026-11-29"},
                                         {server::key_hash(reader), server::KeyRole::read, "analyst", "2026-11-29"}};
  ASSERT_TRUE(server::write_keys_file(dir / "keys", keys).has_value());
  ServerConfig config;
  config.api_keys_file = dir / "keys";
  config.private_search = true;
  test_support::RunningServer private_server(config, /*index_collection=*/false, /*with_test_key=*/false);
  HttpClient c(private_server.port());
  auto bearer = [](const std::string& key) { return std::pair<std::string, std::string>{"Authorization", "Bearer " + key}; };
  EXPECT_EQ(c.get("/v1/search?q=mercury").status, 401);  // private: reads need a key
  EXPECT_EQ(c.get("/v1/search?q=mercury", {bearer(reader)}).status, 200);
  EXPECT_EQ(c.get("/v1/search?q=mercury", {bearer(writer)}).status, 200);
  EXPECT_EQ(c.get("/healthz").status, 200);
  EXPECT_EQ(c.request("DELETE", "/v1/documents/x", "", {bearer(reader)}).status, 401);  // a read key cannot write
  EXPECT_EQ(c.request("DELETE", "/v1/documents/x", "", {bearer(writer)}).status, 404);
  // Revoking rewrites the file; the running server reads it again at the next request, however
  // soon (no pause for the file system's clock to tick).
  keys.erase(keys.begin());
  ASSERT_TRUE(server::write_keys_file(dir / "keys", keys).has_value());
  EXPECT_EQ(c.request("DELETE", "/v1/documents/x", "", {bearer(writer)}).status, 403);  // no write key is left
  EXPECT_EQ(c.get("/v1/search?q=mercury", {bearer(writer)}).status, 401);
  EXPECT_EQ(c.get("/v1/search?q=mercury", {bearer(reader)}).status, 200);
}

TEST(WriteQueueTest, ConcurrentWritersShareCommitsAndEachGetsItsOwnOutcome) {
  test_support::TempDir dir;
  server::WriteQueue queue(dir / "db", std::chrono::milliseconds(5000));
  std::vector<std::thread> writers;
  std::atomic<int> acknowledged = 0;
  for (int w = 0; w < 16; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 10; ++i) {
        indexer::WriteBatch batch;
        corpus::Document record;
        record.id = "w" + std::to_string(w) + "-" + std::to_string(i);
        record.title = "Writer " + std::to_string(w) + " record " + std::to_string(i);
        batch.put.push_back(record);
        if (i == 9) batch.remove.push_back("w" + std::to_string(w) + "-0");  // each writer removes its first
        auto outcome = queue.write(batch);
        ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
        EXPECT_EQ(outcome->duplicate_of.size(), 1u);
        EXPECT_EQ(outcome->removed.size(), batch.remove.size());
        if (i == 9) {
          EXPECT_TRUE(outcome->removed.at(0));
        }
        ++acknowledged;
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(acknowledged.load(), 160);
  auto searcher = ranking::Searcher::open(dir / "db");
  ASSERT_TRUE(searcher.has_value());
  EXPECT_EQ(searcher->stats()->documents, 16u * 9);
  EXPECT_FALSE(searcher->document("w3-0").has_value());
  EXPECT_TRUE(searcher->document("w3-9").has_value());
}

TEST_F(HttpServerTest, OverDeepJsonIsRefusedAndTheServerGoesOn) {
  // 30,000 nested arrays (just under the test server's 64 KB body limit): enough to break a
  // recursive parser or printer's stack in a server thread.
  std::string deep = std::string(30000, '[') + std::string(30000, ']');
  auto c = client();
  auto posted = c.request("POST", "/v1/documents", deep, {{"Content-Type", "application/json"}, auth()});
  EXPECT_EQ(posted.status, 400);
  auto in_field = c.request("POST", "/v1/documents", R"({"id": "deep", "title": "t", "countries": )" + deep + "}",
                            {{"Content-Type", "application/json"}, auth()});
  EXPECT_EQ(in_field.status, 400);
  EXPECT_EQ(in_field.json()["results"][0]["error"]["field"], "countries[0]");
  auto proposal = c.request("POST", "/v1/similar", R"({"text": )" + deep + "}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(proposal.status, 400);
  EXPECT_EQ(c.get("/healthz").status, 200);
}

TEST_F(HttpServerTest, BytesThatAreNotUtf8InThePathAreAnsweredAndTheServerGoesOn) {
  // Found by the HTTP fuzzer: the 404 message quotes the path, and printing it as JSON threw,
  // out of the session and the server's thread. The bytes now print as U+FFFD.
  auto c = client();
  for (const std::string target : {"/%C0%AF", "/v1/%FF%FE/x", "/\xC3\x28", "/v1/documents/%E2%82"}) {
    auto response = c.get(target);
    EXPECT_EQ(response.status, 404) << target;
    nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << target;
    EXPECT_TRUE(body["error"]["message"].is_string()) << target;
  }
  EXPECT_EQ(c.get("/healthz").status, 200);
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  auto c = client();
  for (int i = 0; i < 5; ++i) {
    auto response = c.get("/v1/search?q=gold&per_page=1");
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(response.raw.keep_alive());
  }
  auto closing = c.get("/healthz", {{"Connection", "close"}});
  EXPECT_EQ(closing.status, 200);
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(HttpServerTest, CorsForConfiguredOriginsOnly) {
  auto c = client();
  auto allowed = c.get("/v1/search?q=gold", {{"Origin", "https://portal.example.org"}});
  EXPECT_EQ(allowed.header("Access-Control-Allow-Origin"), "https://portal.example.org");
  auto other = c.get("/v1/search?q=gold", {{"Origin", "https://elsewhere.example.com"}});
  EXPECT_EQ(other.header("Access-Control-Allow-Origin"), "");
  auto preflight = c.request("OPTIONS", "/v1/documents", "",
                             {{"Origin", "https://portal.example.org"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_NE(preflight.header("Access-Control-Allow-Methods").find("POST"), std::string::npos);
  EXPECT_NE(preflight.header("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
  auto refused = c.request("OPTIONS", "/v1/documents", "", {{"Origin", "https://elsewhere.example.com"}});
  EXPECT_EQ(refused.header("Access-Control-Allow-Methods"), "");
}

TEST_F(HttpServerTest, AWriteIsFoundBySearchAndADeleteRemovesIt) {
  auto c = client();
  std::string records =
      "{\"id\": \"api-written-1\", \"title\": \"Borax smelting trial for glacier miners\", \"language\": \"en\"}\n"
      "{\"id\": \"api-written-2\", \"title\": \"Bad\", \"themes\": [\"astrology\"]}\n";
  auto posted = c.request("POST", "/v1/documents", records, {{"Content-Type", "application/x-ndjson"}, auth()});
  ASSERT_EQ(posted.status, 200) << posted.body;
  auto body = posted.json();
  EXPECT_EQ(body["indexed"], 1);
  EXPECT_EQ(body["failed"], 1);
  EXPECT_EQ(body["results"][1]["error"]["field"], "themes[0]");
  EXPECT_EQ(body["results"][1]["error"]["line"], 2);
  // Another connection (another server thread) sees it at once.
  auto found = client().get("/v1/search?q=borax+glacier").json();
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["hits"][0]["id"], "api-written-1");

  auto array = c.request("POST", "/v1/documents", R"([{"id": "api-written-3", "title": "Glacier borax B"}])",
                         {{"Content-Type", "application/json; charset=utf-8"}, auth()});
  EXPECT_EQ(array.status, 200) << array.body;

  EXPECT_EQ(c.request("DELETE", "/v1/documents/api-written-1", "", {auth()}).status, 200);
  EXPECT_EQ(c.request("DELETE", "/v1/documents/api-written-3", "", {auth()}).status, 200);
  EXPECT_EQ(client().get("/v1/search?q=borax+glacier").json()["total"], 0);
  EXPECT_EQ(c.request("DELETE", "/v1/documents/api-written-1", "", {auth()}).status, 404);
}

TEST_F(HttpServerTest, AllInvalidRecordsIsABadRequestNamingRecordAndField) {
  auto response = client().request("POST", "/v1/documents", R"([{"id": "ok-id", "title": "T"}, {"id": "Bad Id", "title": "T"}])",
                                   {{"Content-Type", "application/json"}, auth()});
  ASSERT_EQ(response.status, 200);
  auto body = response.json();
  EXPECT_EQ(body["results"][1]["error"]["field"], "id");
  EXPECT_NE(body["results"][1]["error"]["message"].get<std::string>().find("record 2"), std::string::npos);
  auto none = client().request("POST", "/v1/documents", R"({"id": "x", "title": 5})", {{"Content-Type", "application/json"}, auth()});
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.json()["results"][0]["error"]["field"], "title");
  client().request("DELETE", "/v1/documents/ok-id", "", {auth()});
}

TEST_F(HttpServerTest, AWebPageIsUploadedUnderTheIdGiven) {
  const std::string page =
      "<html lang=\"fr\"><head><title>Comptoirs d'achat d'or</title></head>"
      "<body><nav>Accueil</nav><main><p>Les comptoirs payaient les orpailleurs au gramme.</p></main></body></html>";
  auto missing_id = client().request("POST", "/v1/documents", page, {{"Content-Type", "text/html; charset=utf-8"}, auth()});
  EXPECT_EQ(missing_id.status, 400);
  EXPECT_EQ(missing_id.json()["error"]["field"], "id");
  auto uploaded = client().request("POST", "/v1/documents?id=comptoirs-or", page,
                                   {{"Content-Type", "text/html; charset=utf-8"}, auth()});
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  auto shown = client().get("/v1/documents/comptoirs-or").json();
  EXPECT_EQ(shown["title"], "Comptoirs d'achat d'or");
  EXPECT_EQ(shown["language"], "fr");
  EXPECT_EQ(client().get("/v1/search?q=comptoirs+gramme").json()["hits"][0]["id"], "comptoirs-or");
  client().request("DELETE", "/v1/documents/comptoirs-or", "", {auth()});
}

TEST_F(HttpServerTest, APdfIsUploadedByItsContentAndACopyIsLinked) {
  std::ifstream file(test_support::data_file("duplicates", "retort-pilot-report.pdf"), std::ios::binary);
  std::string pdf((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // application/octet-stream: the content says it is a PDF.
  auto uploaded = client().request("POST", "/v1/documents?id=retort-report", pdf,
                                   {{"Content-Type", "application/octet-stream"}, auth()});
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  EXPECT_FALSE(uploaded.json()["results"][0].contains("duplicate_of"));
  EXPECT_EQ(client().get("/v1/documents/retort-report").json()["title"], "Retort pilot in the river camps: field report");
  auto missing_id = client().request("POST", "/v1/documents", pdf, {{"Content-Type", "application/pdf"}, auth()});
  EXPECT_EQ(missing_id.status, 400);
  EXPECT_EQ(missing_id.json()["error"]["field"], "id");

  // The same report as a web page is kept, linked to the PDF, and shown once.
  std::ifstream page_file(test_support::data_file("duplicates", "retort-pilot-report.html"), std::ios::binary);
  std::string page((std::istreambuf_iterator<char>(page_file)), std::istreambuf_iterator<char>());
  auto copy = client().request("POST", "/v1/documents?id=retort-page", page, {{"Content-Type", "text/html"}, auth()});
  ASSERT_EQ(copy.status, 200) << copy.body;
  EXPECT_EQ(copy.json()["results"][0]["duplicate_of"], "retort-report");
  EXPECT_EQ(client().get("/v1/documents/retort-page").json()["duplicate_of"], "retort-report");
  auto hits = client().get("/v1/search?q=retort+river+camps+amalgam").json()["hits"];
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["duplicates"], 1);
  for (std::size_t i = 1; i < hits.size(); ++i) {
    EXPECT_NE(hits[i]["id"], hits[0]["id"] == "retort-page" ? "retort-report" : "retort-page");
  }
  client().request("DELETE", "/v1/documents/retort-page", "", {auth()});
  client().request("DELETE", "/v1/documents/retort-report", "", {auth()});
}

TEST_F(HttpServerTest, AnExternalReindexIsPickedUp) {
  auto before = client().get("/v1/search?q=zebu+yak").json();
  EXPECT_EQ(before["total"], 0);
  test_support::write_file(server_->dir() / "external/new.md", "---\nid: external-yak\ntitle: Zebu and yak herders\n---\nBody.\n");
  auto summary = indexer::ingest(server_->db(), {server_->dir() / "external"}, {}, {});
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  auto after = client().get("/v1/search?q=zebu+yak").json();
  EXPECT_EQ(after["total"], 1);
  client().request("DELETE", "/v1/documents/external-yak", "", {auth()});
}

TEST_F(HttpServerTest, SixteenConcurrentClientsGetConsistentAnswers) {
  const std::vector<std::string> queries = {"/v1/search?q=mercury&per_page=20", "/v1/search?q=garimpo&per_page=20",
                                            "/v1/search?q=orpaillage+country:BF", "/v1/search?q=cobalt&facets=country",
                                            // Every record: once a copy of Xapian's one global
                                            // MatchAll, whose count is not atomic (tools/sanitize tsan).
                                            "/v1/search?q=&facets=country,theme"};
  std::map<std::string, std::string> expected;
  for (const auto& q : queries) {
    auto body = client().get(q).json();
    body.erase("took_ms");
    expected[q] = body.dump();
  }
  std::vector<std::future<int>> clients;
  for (int t = 0; t < 16; ++t) {
    clients.push_back(std::async(std::launch::async, [&, t] {
      HttpClient c(server_->port());
      int mismatches = 0;
      for (int i = 0; i < 20; ++i) {
        const auto& q = queries[(t + i) % queries.size()];
        auto response = c.get(q);
        if (response.status != 200) return -1;
        auto body = response.json();
        body.erase("took_ms");
        if (body.dump() != expected[q]) ++mismatches;
      }
      return mismatches;
    }));
  }
  for (auto& f : clients) EXPECT_EQ(f.get(), 0);
}

TEST(HttpServerLifecycleTest, StopFinishesAndRunReturns) {
  test_support::RunningServer running({}, /*index_collection=*/false);
  HttpClient idle(running.port());  // an idle keep-alive connection must not hold up shutdown
  EXPECT_EQ(idle.get("/healthz").status, 200);
  auto started = std::chrono::steady_clock::now();
  running.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));  // under the 5 s grace
  EXPECT_TRUE(idle.closed_by_server());
}

TEST(HttpServerLifecycleTest, AWriteWhileAnotherProcessWritesGets503) {
  ServerConfig config;
  config.write_lock_wait = std::chrono::milliseconds(200);
  test_support::RunningServer running(config, /*index_collection=*/false);
  std::string record = R"({"id": "locked-out", "title": "Waiting for the lock"})";
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + test_support::kTestApiKey}};
  {
    auto other_writer = indexer::open_writable(running.db());  // as `precedent index` would hold it
    ASSERT_TRUE(other_writer.has_value());
    auto refused = HttpClient(running.port()).request("POST", "/v1/documents", record, headers);
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.header("Retry-After"), "1");
  }
  EXPECT_EQ(HttpClient(running.port()).request("POST", "/v1/documents", record, headers).status, 200);
}

TEST(HttpServerLifecycleTest, WritesWaitingForTheIndexDoNotHoldUpSearches) {
  // Two I/O threads and three writes stuck behind another process's writer lock: the writes wait
  // on threads of their own, so a search on a fourth connection is answered meanwhile (with the
  // writes on the I/O threads, it waited for the lock to be freed).
  ServerConfig config;
  config.write_lock_wait = std::chrono::seconds(60);
  test_support::RunningServer running(config);
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + test_support::kTestApiKey}};
  auto other_writer = std::make_optional(indexer::open_writable(running.db()));
  ASSERT_TRUE(other_writer->has_value());
  std::vector<std::future<int>> writes;
  for (int i = 0; i < 3; ++i) {
    writes.push_back(std::async(std::launch::async, [&, i] {
      std::string record = R"({"id": "waiting-)" + std::to_string(i) + R"(", "title": "Waiting for the lock"})";
      return HttpClient(running.port()).request("POST", "/v1/documents", record, headers).status;
    }));
  }
  // Time for the three requests to reach the server over loopback (if they had not, the search
  // would pass without showing anything; it cannot fail because of the wait).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto search = HttpClient(running.port()).get("/v1/search?q=mercury");
  EXPECT_EQ(search.status, 200);
  for (auto& write : writes) EXPECT_EQ(write.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
  other_writer.reset();  // the other process finishes
  for (auto& write : writes) EXPECT_EQ(write.get(), 200);
  EXPECT_TRUE(running.service().searcher().value()->document("waiting-2").has_value());
}

TEST(HttpServerLifecycleTest, ConnectionsOverTheLimitGet503) {
  ServerConfig config;
  config.max_connections = 1;
  test_support::RunningServer running(config, /*index_collection=*/false);
  HttpClient first(running.port());
  EXPECT_EQ(first.get("/healthz").status, 200);
  HttpClient second(running.port());
  auto refused = second.get("/healthz");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("Retry-After"), "1");
}

}  // namespace
}  // namespace server
