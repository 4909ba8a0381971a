// The OpenAPI description matches what the server does: the same routes, methods and query
// parameters as the route table.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "server/handlers.h"
#include "server/router.h"

namespace server {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApiTest, DescribesEveryRouteWithItsParameters) {
  auto doc = nlohmann::json::parse(openapi_document());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const auto& route : routes()) {
    std::string path(route.pattern);
    ASSERT_TRUE(doc["paths"].contains(path)) << path;
    std::string method = lower(route.method);
    ASSERT_TRUE(doc["paths"][path].contains(method)) << route.method << " " << path;
    const auto& operation = doc["paths"][path][method];
    std::set<std::string> described;
    for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
      if (parameter["in"] == "query") described.insert(parameter["name"]);
    }
    std::set<std::string> accepted(route.params.begin(), route.params.end());
    if (accepted == std::set<std::string>{"*"}) accepted.clear();  // the web page's own state
    EXPECT_EQ(described, accepted) << route.method << " " << path;
    EXPECT_EQ(operation.contains("security"), route.writes) << route.method << " " << path;
  }
}

TEST(OpenApiTest, DescribesNoRouteTheServerLacks) {
  auto doc = nlohmann::json::parse(openapi_document());
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      bool served = std::any_of(routes().begin(), routes().end(), [&](const Route& r) {
        return r.pattern == path && lower(r.method) == method;
      });
      EXPECT_TRUE(served) << method << " " << path;
    }
  }
}

}  // namespace
}  // namespace server
