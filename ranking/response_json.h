#pragma once
// JSON forms of the Searcher's results: the shapes of DESIGN.md's HTTP API, shared by
// `precedent ... --json` and the server so both print the same object.

#include <nlohmann/json.hpp>

#include "corpus/result.h"
#include "ranking/recommender.h"
#include "ranking/search_types.h"

namespace ranking {

nlohmann::json to_json(const SearchResponse& response);
nlohmann::json to_json(const SuggestResponse& response);
nlohmann::json to_json(const SimilarResponse& response);
nlohmann::json to_json(const StoredRecord& record);
nlohmann::json to_json(const IndexStats& stats);
// {"error": {"code": ..., "message": ..., "field": ...}}
nlohmann::json to_json(const corpus::Error& error);

}  // namespace ranking
