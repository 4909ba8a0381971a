// Routes and handlers without sockets: dispatch() on plain request structs.

#include "server/router.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "indexer/ingest.h"
#include "server/errors.h"
#include "server/handlers.h"
#include "server/rate_limiter.h"
#include "server/url.h"
#include "tests/test_support.h"

namespace server {
namespace {

HttpRequest get(const std::string& target) {
  HttpRequest request;
  request.method = "GET";
  request.target = target;
  auto parsed = parse_target(target);
  EXPECT_TRUE(parsed.has_value()) << target;
  request.path = parsed->path;
  request.params = parsed->params;
  return request;
}

class RouterTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir();
    test_support::write_file(dir_->path() / "in/r.jsonl",
                             "{\"id\": \"r1\", \"title\": \"Mercury retorts in Peru\", \"countries\": [\"PE\"], \"language\": \"en\"}\n");
    ASSERT_TRUE(indexer::ingest(dir_->path() / "db", {dir_->path() / "in"}, {}, {}).has_value());
    ServerConfig config;
    config.db = dir_->path() / "db";
    config.api_keys = {"router-test-key-0123456789"};
    service_ = Service::open(config).value().release();
  }
  static void TearDownTestSuite() {
    delete service_;
    delete dir_;
  }
  HttpResponse dispatch(const HttpRequest& request) {
    std::string_view route;
    return server::dispatch(request, *service_, route);
  }
  static nlohmann::json body(const HttpResponse& response) { return nlohmann::json::parse(response.body); }

  static inline test_support::TempDir* dir_ = nullptr;
  static inline Service* service_ = nullptr;
};

TEST_F(RouterTest, RoutesToHandlers) {
  auto response = dispatch(get("/v1/search?q=retorts"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(body(response)["hits"][0]["id"], "r1");
  EXPECT_EQ(body(dispatch(get("/v1/documents/r1")))["title"], "Mercury retorts in Peru");
  std::string_view route;
  server::dispatch(get("/v1/documents/r1"), *service_, route);
  EXPECT_EQ(route, "get_document");
}

TEST_F(RouterTest, UnknownRouteMethodAndParameter) {
  EXPECT_EQ(dispatch(get("/nope")).status, 404);
  HttpRequest put = get("/v1/stats");
  put.method = "PUT";
  auto response = dispatch(put);
  EXPECT_EQ(response.status, 405);
  bool has_allow = false;
  for (const auto& [name, value] : response.headers) has_allow |= name == "Allow" && value == "GET, HEAD";
  EXPECT_TRUE(has_allow);
  auto unknown = dispatch(get("/v1/stats?verbose=1"));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(body(unknown)["error"]["field"], "verbose");
}

TEST_F(RouterTest, APathThatIsNotUtf8GetsA404InValidJson) {
  auto response = dispatch(get("/v1/%C0%AFx"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(body(response)["error"]["message"], "no such route: /v1/\uFFFD\uFFFDx");
}

TEST_F(RouterTest, WritesNeedTheKey) {
  HttpRequest request = get("/v1/documents/r1");
  request.method = "DELETE";
  EXPECT_EQ(dispatch(request).status, 401);
  request.authorization = "Bearer router-test-key-012345678";  // one character short
  EXPECT_EQ(dispatch(request).status, 401);
  request.authorization = "Basic router-test-key-0123456789";
  EXPECT_EQ(dispatch(request).status, 401);
}

TEST(SearchParametersTest, ParsesEveryParameter) {
  auto parsed = parse_search_request(get(
      "/v1/search?q=mina+de+oro&lang=es&country=PE,BO&country=EC&theme=mercury&year_from=2000&year_to=2010"
      "&facets=country&facets=theme&page=2&per_page=25&sort=newest"));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->query, "mina de oro");
  EXPECT_EQ(parsed->language, "es");
  EXPECT_EQ(parsed->filters.values.at("country"), (std::vector<std::string>{"PE", "BO", "EC"}));
  EXPECT_EQ(parsed->filters.values.at("theme"), std::vector<std::string>{"mercury"});
  EXPECT_EQ(parsed->filters.year_from, 2000);
  EXPECT_EQ(parsed->filters.year_to, 2010);
  EXPECT_EQ(parsed->facets, (std::vector<std::string>{"country", "theme"}));
  EXPECT_EQ(parsed->page, 2u);
  EXPECT_EQ(parsed->per_page, 25u);
  EXPECT_EQ(parsed->sort, ranking::SortOrder::newest);
}

TEST(SearchParametersTest, BadValuesNameTheParameter) {
  for (const auto& [target, field] : std::vector<std::pair<std::string, std::string>>{
           {"/v1/search?per_page=0", "per_page"},
           {"/v1/search?per_page=101", "per_page"},
           {"/v1/search?page=x", "page"},
           {"/v1/search?year_from=99", "year_from"},
           {"/v1/search?sort=random", "sort"},
           {"/v1/search?q=a&q=b", "q"}}) {
    auto parsed = parse_search_request(get(target));
    ASSERT_FALSE(parsed.has_value()) << target;
    EXPECT_EQ(parsed.error().field, field) << target;
    EXPECT_EQ(error_response(parsed.error()).status, 400);
  }
}

TEST(UrlTest, DecodesPathAndParameters) {
  auto parsed = parse_target("/v1/search?q=miner%C3%ADa+artesanal&country=PE&empty=&flag");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->path, "/v1/search");
  ASSERT_EQ(parsed->params.size(), 4u);
  EXPECT_EQ(parsed->params[0].second, "minería artesanal");
  EXPECT_EQ(parsed->params[2].second, "");
  EXPECT_EQ(parsed->params[3].first, "flag");
  EXPECT_FALSE(parse_target("/v1/search?q=%E").has_value());
  EXPECT_FALSE(parse_target("/v1/%zz").has_value());
}

TEST(ErrorTableTest, EveryErrorHasItsStatus) {
  EXPECT_EQ(error_response(ApiError::unauthorized, "x").status, 401);
  EXPECT_EQ(error_response(ApiError::header_too_large, "x").status, 431);
  auto overloaded = error_response(ApiError::overloaded, "x");
  EXPECT_EQ(overloaded.status, 503);
  EXPECT_EQ(overloaded.headers.at(0).first, "Retry-After");
  auto internal = error_response(corpus::Error{corpus::ErrorCode::index, "cannot open /secret/path", "/secret/path", 0, ""});
  EXPECT_EQ(internal.status, 503);
  EXPECT_EQ(internal.body.find("/secret"), std::string::npos) << "no internal paths in answers";
}

TEST(AuthTest, ConstantTimeEqualCompares) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("", "a"));
}

TEST(ConfigTest, FileThenEnvironmentThenValidation) {
  test_support::TempDir dir;
  test_support::write_file(dir / "server.toml", "port = 9090\nthreads = 3\ncors_origins = [\"https://a.example\"]\nidle_timeout = 12\n");
  ServerConfig config;
  ASSERT_TRUE(apply_config_file(dir / "server.toml", config).has_value());
  EXPECT_EQ(config.port, 9090);
  EXPECT_EQ(config.threads, 3u);
  EXPECT_EQ(config.cors_origins, std::vector<std::string>{"https://a.example"});
  EXPECT_EQ(config.idle_timeout, std::chrono::seconds(12));
  test_support::write_file(dir / "waits.toml", "write_lock_wait = 250\nshard_timeout = 1500\n");
  ASSERT_TRUE(apply_config_file(dir / "waits.toml", config).has_value());
  EXPECT_EQ(config.write_lock_wait, std::chrono::milliseconds(250));
  EXPECT_EQ(config.shard_timeout, std::chrono::milliseconds(1500));
  test_support::write_file(dir / "negative.toml", "shard_timeout = -5\n");
  auto negative = apply_config_file(dir / "negative.toml", config);
  ASSERT_FALSE(negative.has_value());
  EXPECT_EQ(negative.error().field, "shard_timeout");
  EXPECT_EQ(negative.error().message, "expected a number of milliseconds");

  test_support::write_file(dir / "bad.toml", "port = 9090\n\ncolour = \"red\"\n");
  auto unknown = apply_config_file(dir / "bad.toml", config);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().line, 3);
  EXPECT_EQ(unknown.error().field, "colour");
  test_support::write_file(dir / "typed.toml", "port = \"eighty\"\n");
  EXPECT_EQ(apply_config_file(dir / "typed.toml", config).error().field, "port");
  test_support::write_file(dir / "syntax.toml", "port = \n");
  EXPECT_EQ(apply_config_file(dir / "syntax.toml", config).error().line, 1);

  test_support::write_file(dir / "keys", "# keys\nshort\n");
  config.api_keys_file = dir / "keys";
  auto invalid = validate(config);
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().line, 2);
}

// The package's documented configuration: its settings parse, and every setting it shows
// commented out is written with the default the server really has.
TEST(ConfigTest, ThePackagedConfigParsesAndItsCommentedSettingsAreTheDefaults) {
  auto packaged = std::filesystem::path(PRECEDENT_SOURCE_DIR) / "packaging" / "debian" / "precedent.toml";
  ServerConfig set;
  auto applied = apply_config_file(packaged, set);
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  EXPECT_EQ(set.db, "/var/lib/precedent/index");
  EXPECT_EQ(set.api_keys_file, "/etc/precedent/precedent-keys");

  std::ifstream in(packaged);
  std::string text, line;
  int shown = 0;
  while (std::getline(in, line)) {
    // "#port = 8080" is a setting shown with its default; "# text" is a comment.
    if (line.size() > 1 && line[0] == '#' && line[1] != ' ') {
      line = line.substr(1);
      ++shown;
    }
    text += line + "\n";
  }
  EXPECT_GE(shown, 20);
  test_support::TempDir dir;
  test_support::write_file(dir / "all.toml", text);
  ServerConfig all;
  applied = apply_config_file(dir / "all.toml", all);
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
  ServerConfig expected;
  expected.db = set.db;
  expected.api_keys_file = set.api_keys_file;
  EXPECT_TRUE(all == expected) << "a commented-out setting in packaging/debian/precedent.toml is not the default";
}

TEST(RateLimiterTest, ABucketPerAddressRefillsAtItsRate) {
  RateLimiter limit(2, 3);  // 2 a second, 3 at once
  auto start = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limit.take("10.0.0.1", start), 0u) << i;
  EXPECT_EQ(limit.take("10.0.0.1", start), 1u);                                    // wait a second
  EXPECT_EQ(limit.take("10.0.0.2", start), 0u);                                    // another address
  EXPECT_EQ(limit.take("10.0.0.1", start + std::chrono::milliseconds(500)), 0u);  // one token back
  EXPECT_EQ(limit.take("10.0.0.1", start + std::chrono::milliseconds(500)), 1u);
  RateLimiter off(0, 10);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(off.take("10.0.0.1", start), 0u);
}

TEST_F(RouterTest, AClientPastItsRateGets429WithRetryAfter) {
  ServerConfig config;
  config.db = dir_->path() / "db";
  config.api_keys = {"router-test-key-0123456789"};
  config.search_rate = 1;
  config.search_burst = 2;
  config.write_rate = 1;
  config.write_burst = 1;
  auto limited = Service::open(config);
  ASSERT_TRUE(limited.has_value());
  std::string_view route;
  auto search = get("/v1/search?q=retorts");
  search.remote = "192.0.2.7";
  EXPECT_EQ(server::dispatch(search, **limited, route).status, 200);
  EXPECT_EQ(server::dispatch(search, **limited, route).status, 200);
  auto refused = server::dispatch(search, **limited, route);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(body(refused)["error"]["code"], "rate_limited");
  auto retry = std::find_if(refused.headers.begin(), refused.headers.end(), [](const auto& h) { return h.first == "Retry-After"; });
  ASSERT_NE(retry, refused.headers.end());
  EXPECT_EQ(retry->second, "1");
  search.remote = "192.0.2.8";  // another client is not held back
  EXPECT_EQ(server::dispatch(search, **limited, route).status, 200);
  // The page and health checks are never limited.
  auto page = get("/");
  page.remote = "192.0.2.7";
  EXPECT_EQ(server::dispatch(page, **limited, route).status, 200);
  // Writes have their own budget.
  HttpRequest write;
  write.method = "DELETE";
  write.path = "/v1/documents/none";
  write.target = write.path;
  write.remote = "192.0.2.9";
  write.authorization = "Bearer router-test-key-0123456789";
  EXPECT_EQ(server::dispatch(write, **limited, route).status, 404);
  EXPECT_EQ(server::dispatch(write, **limited, route).status, 429);
}

}  // namespace
}  // namespace server
