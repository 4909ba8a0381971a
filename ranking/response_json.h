#pragma once
// JSON forms of the Searcher's results: the shapes of DESIGN.md's HTTP API, shared by
// `precedent ... --json` and the server so both print the same object.

#include <nlohmann/json.hpp>

#include "corpus/result.h"
#include "ranking/similar_types.h"
#include "ranking/search_types.h"

namespace ranking {

nlohmann::json to_json(const SearchResponse& response);
nlohmann::json to_json(const SuggestResponse& response);
nlohmann::json to_json(const SimilarResponse& response);
nlohmann::json to_json(const StoredRecord& record);
nlohmann::json to_json(const IndexStats& stats);
// Whether queries are translated, into what, and what is missing (indexer/query_translator.h):
// {"available", "pairs", "problem"}, as /v1/stats and /healthz show it.
nlohmann::json translation_json(const IndexStats& stats);
// {"error": {"code": ..., "message": ..., "field": ...}}
nlohmann::json to_json(const corpus::Error& error);

// The text of `value`, indented when `indent` >= 0. Bytes that are not UTF-8 (a path or a
// parameter as a client sent it) are written as U+FFFD instead of throwing: an answer, a log
// line or a printed error must never fail on what it quotes.
std::string json_text(const nlohmann::json& value, int indent = -1);

}  // namespace ranking
