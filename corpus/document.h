#pragma once
// Document: one record of the collection, the canonical model every reader produces and the
// indexer consumes (fields in DESIGN.md and corpus/collection/README.md). A plain value type.
//
// document_from_json() is the one validator: every reader turns its format into a JSON object
// and passes it here, so a rule is written once and its error names the same file, line and field
// whatever the format.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corpus/result.h"

namespace corpus {

struct Lesson {
  std::string kind;  // "worked", "failed" or "recommendation"
  std::string text;

  bool operator==(const Lesson&) const = default;
};

struct Document {
  std::string id;        // [a-z0-9][a-z0-9._-]{0,127}; re-ingesting an id replaces the record
  std::string title;
  std::string type;      // vocabulary::document_types(), empty when not given
  std::string language;  // ISO 639-1; empty when not given (the indexer detects it)
  std::string summary;
  std::string body;
  std::vector<Lesson> lessons;
  std::string outcome;   // vocabulary::outcomes(), empty when not given
  std::vector<std::string> failure_reasons;
  std::vector<std::string> organisations;
  std::vector<std::string> donors;
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, upper case
  // vocabulary::regions(), for a record about a region rather than its countries; the regions of
  // its countries are added at indexing.
  std::vector<std::string> regions;
  std::vector<std::string> themes;
  std::vector<std::string> commodities;
  std::optional<int> start_year;
  std::optional<int> end_year;
  std::string source_url;
  // The id of the record this one translates: the same initiative in another language. Searches
  // show the two once, linked; empty when it translates none.
  std::string translation_of;
  // The id of a record of the same initiative that this one is another part of: an award, a
  // modification or a sub-award that a funder reports under its own identifier. Searches show the
  // group once, listing its parts; empty when it is part of none.
  std::string part_of;
  // Where a funder published the record as an IATI activity: its IATI identifier as published
  // ("US-GOV-11-SLMAQM20CA2402-95493"), and the publisher (the reporting organisation's name).
  std::string iati_identifier;
  std::string publisher;
  std::string file;

  bool operator==(const Document&) const = default;
};

// Where a record came from, for error messages.
struct RecordOrigin {
  std::string file;
  int line = 0;    // the record's line (JSON Lines) or the front matter's first line; 0 if none
  int index = -1;  // position in a JSON array; -1 if not in an array
  // Front matter: the line of each top-level field, so errors point at the field itself.
  std::map<std::string, int, std::less<>> field_lines;
};

// Validates a JSON object against the document model. A record with problems is returned as a
// validation Error naming the origin's file, the field's line and the field ("lessons[1].kind"),
// for the first problem, with one Error per other bad field in `others` (kMaxProblems in all).
Result<Document> document_from_json(const nlohmann::json& record, const RecordOrigin& origin);

// The canonical JSON form: the fields that are set, in the model's order.
nlohmann::json to_json(const Document& document);

bool is_valid_id(std::string_view id);

}  // namespace corpus
