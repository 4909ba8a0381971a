// What the server answers beyond the routes' own work, end to end over real sockets: HEAD on
// every GET route, and errors that point at the fault (JSON syntax errors with line and column,
// every bad field of a record at once).

#include "server/router.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/server/http_client.h"
#include "tests/server/running_server.h"

namespace server {
namespace {

using test_support::HttpClient;
using test_support::kTestApiKey;

class HttpAnswerTest : public test_support::RunningServerTest {
 protected:
  static void SetUpTestSuite() { server_ = new test_support::RunningServer(); }
};

TEST_F(HttpAnswerTest, ARecordWithThreeBadFieldsGetsEachNamedInOneAnswer) {
  auto response = client().request("POST", "/v1/documents",
                                   R"({"id": "three-bad", "title": "T", "type": "pamphlet", "start_year": "2001", "themes": ["mercury", "weather"]})",
                                   {{"Content-Type", "application/json"}, auth()});
  ASSERT_EQ(response.status, 400) << response.body;
  auto error = response.json()["results"][0]["error"];
  EXPECT_EQ(error["code"], "validation_failed");
  std::set<std::string> fields;
  for (const auto& problem : error["errors"]) {
    fields.insert(problem["field"].get<std::string>());
    EXPECT_FALSE(problem["message"].get<std::string>().empty());
  }
  EXPECT_EQ(fields, (std::set<std::string>{"type", "start_year", "themes[1]"}));
  EXPECT_EQ(error["field"], error["errors"][0]["field"]);  // the first problem keeps its place
  EXPECT_EQ(error["message"], error["errors"][0]["message"]);
}

TEST_F(HttpAnswerTest, AJsonSyntaxErrorGivesItsLineAndColumn) {
  auto c = client();
  std::pair<std::string, std::string> json_type{"Content-Type", "application/json"};
  auto similar = c.request("POST", "/v1/similar", "{\n  \"text\": \"mercury retorts\",\n  \"k\": 5,,\n}", {json_type});
  ASSERT_EQ(similar.status, 400);
  auto error = similar.json()["error"];
  EXPECT_EQ(error["code"], "invalid_body");
  EXPECT_EQ(error["line"], 3);
  EXPECT_EQ(error["column"], 10);
  EXPECT_NE(error["message"].get<std::string>().find("body:3:10: not valid JSON"), std::string::npos) << error.dump();
  auto documents = c.request("POST", "/v1/documents", "[\n  {\"id\": \"x\", \"title\": \"T\"}\n  {\"id\": \"y\"}\n]", {json_type, auth()});
  ASSERT_EQ(documents.status, 400);
  EXPECT_EQ(documents.json()["error"]["line"], 3);
  EXPECT_EQ(documents.json()["error"]["column"], 3);
}

TEST_F(HttpAnswerTest, HeadIsAnsweredOnEveryGetRouteWithGetsHeadersAndNoBody) {
  auto c = client();
  int get_routes = 0;
  for (const auto& route : routes()) {
    if (route.method != "GET") continue;
    ++get_routes;
    std::string path(route.pattern);
    if (auto brace = path.find("{id}"); brace != std::string::npos) path.replace(brace, 4, "la01-proyecto-gama");
    if (route.name == "search" || route.name == "suggest") path += "?q=mercury";
    auto get = c.get(path);
    auto head = c.head(path);  // on the same connection: a body sent after HEAD would break the next answer
    EXPECT_EQ(head.status, get.status) << path;
    EXPECT_EQ(head.status, 200) << path;
    EXPECT_TRUE(head.body.empty()) << path;
    EXPECT_EQ(head.header("Content-Type"), get.header("Content-Type")) << path;
    EXPECT_EQ(head.header("ETag"), get.header("ETag")) << path;
    EXPECT_GT(std::stoul(head.header("Content-Length")), 0u) << path;
    // Where two GETs answer alike, HEAD's length is theirs to the byte (a search's took_ms, the
    // metrics' counters and such change between requests).
    if (c.get(path).body == get.body) {
      EXPECT_EQ(head.header("Content-Length"), std::to_string(get.body.size())) << path;
    }
  }
  EXPECT_GE(get_routes, 10);
  EXPECT_EQ(c.get("/healthz").status, 200);  // the connection still reads answers in step
  auto refused = c.head("/v1/similar");
  EXPECT_EQ(refused.status, 405);
  EXPECT_EQ(refused.header("Allow"), "POST");
  EXPECT_EQ(c.head("/v1/stats?verbose=1").status, 400);  // HEAD checks parameters as GET does
}

}  // namespace
}  // namespace server
