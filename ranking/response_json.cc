#include "ranking/response_json.h"

namespace ranking {

using nlohmann::json;

namespace {

json optional_year(const std::optional<int>& year) { return year ? json(*year) : json(nullptr); }
json optional_string(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

// `partial` on every answer that reads the index, and the shards that did not answer when some
// did not (ranking/index_source.h).
void add_partial(json& out, const std::vector<std::string>& missing_shards) {
  out["partial"] = !missing_shards.empty();
  if (!missing_shards.empty()) out["missing_shards"] = missing_shards;
}

// A record's machine translation into the reader's language, made at indexing; lessons where
// the answer shows the record's lessons.
json machine_translation_json(const ShownTranslation& translation, bool with_lessons) {
  json out = {{"lang", translation.language}, {"title", translation.title}, {"summary", translation.summary}};
  if (with_lessons) out["lessons"] = translation.lessons;
  return out;
}

json summary_json(const RecordSummary& record, bool with_lessons) {
  json out = {{"id", record.id},
          {"title", record.title},
          {"type", optional_string(record.type)},
          {"language", optional_string(record.language)},
          {"countries", record.countries},
          {"start_year", optional_year(record.start_year)},
          {"end_year", optional_year(record.end_year)},
          {"outcome", optional_string(record.outcome)},
          {"duplicate_of", optional_string(record.duplicate_of)},
          {"source_url", optional_string(record.source_url)},
          {"iati_identifier", optional_string(record.iati_identifier)},
          {"publisher", optional_string(record.publisher)}};
  if (record.machine_translation)
    out["machine_translation"] = machine_translation_json(*record.machine_translation, with_lessons);
  return out;
}

json links_json(const std::vector<RecordLink>& records) {
  json list = json::array();
  for (const auto& link : records) list.push_back({{"id", link.id}, {"language", link.language}});
  return list;
}

}  // namespace

json to_json(const SearchResponse& response) {
  json hits = json::array();
  for (const auto& hit : response.hits) {
    json item = summary_json(hit, false);
    item["score"] = hit.score;
    item["snippet"] = hit.snippet;
    json lessons = json::array();
    for (const auto& lesson : hit.lessons) lessons.push_back({{"kind", lesson.kind}, {"text", lesson.text}});
    item["lessons"] = std::move(lessons);
    if (response.lessons) item["more_lessons"] = hit.more_lessons;
    else item["duplicates"] = hit.duplicates;
    item["translations"] = links_json(hit.translations);
    if (!response.lessons) item["parts"] = hit.parts;
    hits.push_back(std::move(item));
  }
  json facets = json::object();
  for (const auto& [field, counts] : response.facets) {
    json list = json::array();
    for (const auto& count : counts) list.push_back({{"value", count.value}, {"count", count.count}});
    facets[field] = std::move(list);
  }
  json expansions = json::array();
  for (const auto& expansion : response.expansions) {
    expansions.push_back({{"matched", expansion.matched}, {"concept", expansion.concept_id}, {"terms", expansion.terms}});
  }
  json out = {{"query", response.query},
          {"languages", response.languages},
          {"expansions", std::move(expansions)},
          {"translations", response.translations},
          {"unit", response.lessons ? "lessons" : "records"},
          {"facets", std::move(facets)},
          {"total", response.total},
          {"page", response.page},
          {"per_page", response.per_page},
          {"took_ms", response.took_ms},
          {"did_you_mean", response.did_you_mean ? json(*response.did_you_mean) : json(nullptr)},
          {"hits", std::move(hits)}};
  json recognised = json::array();
  for (const auto& item : response.recognised)
    recognised.push_back({{"field", item.field}, {"value", item.value}, {"text", item.text}});
  out["recognised"] = std::move(recognised);
  if (!response.translation_unavailable.empty()) out["translation_unavailable"] = response.translation_unavailable;
  add_partial(out, response.missing_shards);
  return out;
}

json to_json(const SuggestResponse& response) {
  json titles = json::array();
  for (const auto& title : response.titles) titles.push_back({{"id", title.id}, {"title", title.title}});
  json out = {{"query", response.query}, {"completions", response.completions}, {"titles", std::move(titles)}};
  add_partial(out, response.missing_shards);
  return out;
}

json to_json(const SimilarResponse& response) {
  json similar = json::array();
  for (const auto& hit : response.similar) {
    json lessons = json::array();
    for (const auto& lesson : hit.lessons) lessons.push_back({{"kind", lesson.kind}, {"text", lesson.text}});
    json item = summary_json(hit, true);
    item["failure_reasons"] = hit.failure_reasons;
    item["score"] = hit.score;
    item["why"] = {{"themes", hit.why.themes},
                   {"countries", hit.why.countries},
                   {"commodities", hit.why.commodities},
                   {"same_type", hit.why.same_type},
                   {"terms", hit.why.terms}};
    item["lessons"] = std::move(lessons);
    similar.push_back(std::move(item));
  }
  json reasons = json::array();
  for (const auto& reason : response.risk.reasons)
    reasons.push_back({{"reason", reason.reason}, {"count", reason.count}, {"weight", reason.weight}});
  json out = {{"similar", std::move(similar)},
              {"risk", {{"level", response.risk.level},
                        {"of", response.risk.of},
                        {"known_outcomes", response.risk.known_outcomes},
                        {"failed", response.risk.failed},
                        {"discontinued", response.risk.discontinued},
                        {"weighted_share", response.risk.weighted_share},
                        {"failing", response.risk.failing},
                        {"overlap", response.risk.overlap},
                        {"reasons", std::move(reasons)},
                        {"worked", response.risk.worked},
                        {"language", response.risk.language},
                        {"summary", response.risk.summary}}},
              {"took_ms", response.took_ms}};
  if (!response.seed_id.empty()) out["seed"] = response.seed_id;
  if (response.profile) {
    const ProposalProfile& profile = *response.profile;
    out["profile"] = {{"countries", profile.countries}, {"themes", profile.themes}, {"commodities", profile.commodities},
                      {"type", optional_string(profile.type)}, {"inferred", profile.inferred}};
  }
  add_partial(out, response.missing_shards);
  return out;
}

json to_json(const StoredRecord& record) {
  json out = corpus::to_json(record.document);
  out["language"] = record.language.empty() ? json(nullptr) : json(record.language);
  out["language_detected"] = record.language_detected;
  if (!record.source.empty()) out["source"] = record.source;
  if (!record.duplicate_of.empty()) out["duplicate_of"] = record.duplicate_of;
  out["duplicates"] = links_json(record.group_duplicates);
  out["translations"] = links_json(record.group_translations);
  out["parts"] = record.group_parts;
  if (!record.translations.empty()) out["machine_translations"] = indexer::translations_to_json(record.translations);
  return out;
}

json translation_json(const IndexStats& stats) {
  json out = {{"available", !stats.translation_pairs.empty()}, {"pairs", stats.translation_pairs}};
  if (!stats.translation_problem.empty()) out["problem"] = stats.translation_problem;
  return out;
}

json to_json(const IndexStats& stats) {
  json out = {{"documents", stats.documents},
              {"revision", stats.revision},
              {"size_bytes", stats.size_bytes},
              {"counts", stats.counts},
              {"shards", stats.shards},
              {"translation", translation_json(stats)}};
  add_partial(out, stats.missing_shards);
  return out;
}

json to_json(const corpus::Error& error) {
  json body = {{"code", std::string(corpus::to_string(error.code))}, {"message", error.message}};
  if (!error.field.empty()) body["field"] = error.field;
  return {{"error", body}};
}

std::string json_text(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ranking
