#include "corpus/document.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "corpus/vocabulary.h"

namespace corpus {
namespace {

using nlohmann::json;

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;
constexpr std::size_t kMaxTitleBytes = 1000;
// IATI identifiers are an organisation identifier and the publisher's own activity id; the
// longest in the bundled files has 34 characters.
constexpr std::size_t kMaxIatiIdentifierBytes = 200;

const std::set<std::string, std::less<>>& known_fields() {
  static const std::set<std::string, std::less<>> fields = {
      "id",       "title",           "type",          "language", "summary",
      "body",     "lessons",         "outcome",       "failure_reasons",
      "organisations", "donors",     "countries",     "themes",   "commodities",
      "start_year", "end_year",      "source_url",    "translation_of", "file",
      "regions",  "part_of",         "iati_identifier", "publisher"};
  return fields;
}

std::string json_type_name(const json& value) {
  if (value.is_number_integer()) return "integer";
  if (value.is_number()) return "number";
  return value.type_name();
}

std::string quoted_list(std::span<const std::string_view> list) {
  std::string out;
  for (auto item : list) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

// Builds errors that carry the record's origin; the line is the field's own where known.
class Validator {
 public:
  explicit Validator(const RecordOrigin& origin) : origin_(origin) {}

  Error error(std::string field, std::string message) const {
    Error e;
    e.code = ErrorCode::validation;
    e.file = origin_.file;
    e.line = origin_.line;
    auto top = field.substr(0, field.find_first_of(".["));
    if (auto it = origin_.field_lines.find(top); it != origin_.field_lines.end()) e.line = it->second;
    e.field = std::move(field);
    if (origin_.index >= 0) message = "record " + std::to_string(origin_.index + 1) + ": " + message;
    e.message = std::move(message);
    return e;
  }

  std::optional<Error> string(const json& value, const std::string& field, std::string& out) const {
    if (!value.is_string()) return error(field, "expected a string, got " + json_type_name(value));
    out = value.get<std::string>();
    return std::nullopt;
  }

  // A record id: the record's own, or one it links to.
  std::optional<Error> record_id(const json& value, const std::string& field, std::string& out) const {
    if (auto e = string(value, field, out)) return e;
    if (!is_valid_id(out)) return error(field, "\"" + out + "\" is not a valid id ([a-z0-9][a-z0-9._-]{0,127})");
    return std::nullopt;
  }

  std::optional<Error> enum_value(const json& value, const std::string& field,
                                  std::span<const std::string_view> allowed,
                                  std::string& out) const {
    if (auto e = string(value, field, out)) return e;
    if (!vocabulary::contains(allowed, out))
      return error(field, "\"" + out + "\" is not one of: " + quoted_list(allowed));
    return std::nullopt;
  }

  // A list of strings; each item checked by `check` (which may rewrite it). Duplicates dropped.
  template <typename Check>
  std::optional<Error> string_list(const json& value, const std::string& field,
                                   std::vector<std::string>& out, Check check) const {
    if (!value.is_array()) return error(field, "expected a list, got " + json_type_name(value));
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string item_field = field + "[" + std::to_string(i) + "]";
      std::string item;
      if (auto e = string(value[i], item_field, item)) return e;
      if (item.empty()) return error(item_field, "empty value");
      if (auto e = check(item, item_field)) return e;
      if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
    }
    return std::nullopt;
  }

  std::optional<Error> enum_list(const json& value, const std::string& field,
                                 std::span<const std::string_view> allowed,
                                 std::vector<std::string>& out) const {
    return string_list(value, field, out,
                       [&](std::string& item, const std::string& item_field) -> std::optional<Error> {
                         if (vocabulary::contains(allowed, item)) return std::nullopt;
                         return error(item_field,
                                      "\"" + item + "\" is not one of: " + quoted_list(allowed));
                       });
  }

  std::optional<Error> year(const json& value, const std::string& field,
                            std::optional<int>& out) const {
    if (!value.is_number_integer())
      return error(field, "expected an integer year, got " + json_type_name(value));
    auto year = value.get<long long>();
    if (year < kMinYear || year > kMaxYear)
      return error(field, std::to_string(year) + " is outside " + std::to_string(kMinYear) +
                              ".." + std::to_string(kMaxYear));
    out = static_cast<int>(year);
    return std::nullopt;
  }

  std::optional<Error> lessons(const json& value, std::vector<Lesson>& out) const {
    if (!value.is_array()) return error("lessons", "expected a list, got " + json_type_name(value));
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string base = "lessons[" + std::to_string(i) + "]";
      const json& item = value[i];
      if (!item.is_object())
        return error(base, "expected an object with kind and text, got " + json_type_name(item));
      Lesson lesson;
      for (const auto& [key, field_value] : item.items()) {
        if (key == "kind") {
          if (auto e = enum_value(field_value, base + ".kind", vocabulary::lesson_kinds(), lesson.kind))
            return e;
        } else if (key == "text") {
          if (auto e = string(field_value, base + ".text", lesson.text)) return e;
        } else {
          return error(base + "." + key, "unknown field (a lesson has kind and text)");
        }
      }
      if (lesson.kind.empty()) return error(base + ".kind", "missing");
      if (lesson.text.empty()) return error(base + ".text", "missing or empty");
      out.push_back(std::move(lesson));
    }
    return std::nullopt;
  }

 private:
  const RecordOrigin& origin_;
};

std::string trimmed(std::string_view text) {
  auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::optional<Error> check_field(const Validator& v, const std::string& key, const json& value,
                                 Document& doc) {
  if (key == "id") {
    return v.record_id(value, key, doc.id);
  } else if (key == "title") {
    if (auto e = v.string(value, key, doc.title)) return e;
    doc.title = trimmed(doc.title);
    if (doc.title.size() > kMaxTitleBytes)
      return v.error(key, "longer than " + std::to_string(kMaxTitleBytes) + " bytes");
  } else if (key == "type") {
    return v.enum_value(value, key, vocabulary::document_types(), doc.type);
  } else if (key == "language") {
    if (auto e = v.string(value, key, doc.language)) return e;
    std::transform(doc.language.begin(), doc.language.end(), doc.language.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (!vocabulary::is_language_code(doc.language))
      return v.error(key, "\"" + doc.language + "\" is not an ISO 639-1 language code");
  } else if (key == "summary") {
    return v.string(value, key, doc.summary);
  } else if (key == "body") {
    return v.string(value, key, doc.body);
  } else if (key == "lessons") {
    return v.lessons(value, doc.lessons);
  } else if (key == "outcome") {
    return v.enum_value(value, key, vocabulary::outcomes(), doc.outcome);
  } else if (key == "failure_reasons") {
    return v.enum_list(value, key, vocabulary::failure_reasons(), doc.failure_reasons);
  } else if (key == "themes") {
    return v.enum_list(value, key, vocabulary::themes(), doc.themes);
  } else if (key == "commodities") {
    return v.enum_list(value, key, vocabulary::commodities(), doc.commodities);
  } else if (key == "organisations" || key == "donors") {
    auto& out = key == "donors" ? doc.donors : doc.organisations;
    return v.string_list(value, key, out, [](std::string& item, const std::string&) {
      item = trimmed(item);
      return std::optional<Error>{};
    });
  } else if (key == "countries") {
    return v.string_list(value, key, doc.countries,
                         [&](std::string& item, const std::string& item_field) -> std::optional<Error> {
                           std::transform(item.begin(), item.end(), item.begin(),
                                          [](unsigned char c) { return std::toupper(c); });
                           if (vocabulary::is_country_code(item)) return std::nullopt;
                           return v.error(item_field, "\"" + item +
                                                          "\" is not an ISO 3166-1 alpha-2 code");
                         });
  } else if (key == "regions") {
    return v.enum_list(value, key, vocabulary::regions(), doc.regions);
  } else if (key == "start_year") {
    return v.year(value, key, doc.start_year);
  } else if (key == "end_year") {
    return v.year(value, key, doc.end_year);
  } else if (key == "source_url") {
    return v.string(value, key, doc.source_url);
  } else if (key == "translation_of") {
    return v.record_id(value, key, doc.translation_of);
  } else if (key == "part_of") {
    return v.record_id(value, key, doc.part_of);
  } else if (key == "iati_identifier") {
    if (auto e = v.string(value, key, doc.iati_identifier)) return e;
    doc.iati_identifier = trimmed(doc.iati_identifier);
    bool spaced = std::any_of(doc.iati_identifier.begin(), doc.iati_identifier.end(),
                              [](unsigned char c) { return c <= ' '; });
    if (doc.iati_identifier.empty() || spaced || doc.iati_identifier.size() > kMaxIatiIdentifierBytes)
      return v.error(key, "not an IATI identifier (1 to " + std::to_string(kMaxIatiIdentifierBytes) +
                              " bytes, no spaces)");
  } else if (key == "publisher") {
    if (auto e = v.string(value, key, doc.publisher)) return e;
    doc.publisher = trimmed(doc.publisher);
  } else if (key == "file") {
    return v.string(value, key, doc.file);
  }
  return std::nullopt;
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id[0])) return false;
  return std::all_of(id.begin() + 1, id.end(), [&](char c) {
    return lower_or_digit(c) || c == '.' || c == '_' || c == '-';
  });
}

Result<Document> document_from_json(const json& record, const RecordOrigin& origin) {
  Validator v(origin);
  if (!record.is_object())
    return v.error("", "a record must be a JSON object, got " + json_type_name(record));
  // Every field is checked, so one answer names every bad field (up to kMaxProblems).
  std::vector<Error> problems;
  std::set<std::string, std::less<>> bad_fields;
  auto problem = [&](Error e, std::string_view field) {
    bad_fields.emplace(field);
    if (problems.size() < kMaxProblems) problems.push_back(std::move(e));
  };
  Document doc;
  for (const auto& [key, value] : record.items()) {
    if (!known_fields().contains(key)) {
      problem(v.error(key, "unknown field"), key);
    } else if (value.is_null()) {
      continue;  // an explicit null is the same as leaving the field out
    } else if (auto e = check_field(v, key, value, doc)) {
      problem(std::move(*e), key);
    }
  }
  // A field already reported as wrong is not reported again as missing.
  if (doc.id.empty() && !bad_fields.contains("id")) problem(v.error("id", "missing (every record needs an id)"), "id");
  if (doc.title.empty() && !bad_fields.contains("title")) problem(v.error("title", "missing or empty"), "title");
  if (!doc.translation_of.empty() && doc.translation_of == doc.id)
    problem(v.error("translation_of", "a record cannot be a translation of itself"), "translation_of");
  if (!doc.part_of.empty() && doc.part_of == doc.id) problem(v.error("part_of", "a record cannot be a part of itself"), "part_of");
  if (doc.start_year && doc.end_year && *doc.end_year < *doc.start_year)
    problem(v.error("end_year", std::to_string(*doc.end_year) + " is before start_year " + std::to_string(*doc.start_year)),
            "end_year");
  if (!problems.empty()) {
    Error first = std::move(problems.front());
    first.others.assign(std::make_move_iterator(problems.begin() + 1), std::make_move_iterator(problems.end()));
    return first;
  }
  return doc;
}

json to_json(const Document& doc) {
  json out = json::object();
  auto put_string = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  auto put_list = [&](const char* key, const std::vector<std::string>& value) {
    if (!value.empty()) out[key] = value;
  };
  put_string("id", doc.id);
  put_string("title", doc.title);
  put_string("type", doc.type);
  put_string("language", doc.language);
  put_string("summary", doc.summary);
  put_string("body", doc.body);
  if (!doc.lessons.empty()) {
    json lessons = json::array();
    for (const auto& lesson : doc.lessons) lessons.push_back({{"kind", lesson.kind}, {"text", lesson.text}});
    out["lessons"] = std::move(lessons);
  }
  put_string("outcome", doc.outcome);
  put_list("failure_reasons", doc.failure_reasons);
  put_list("organisations", doc.organisations);
  put_list("donors", doc.donors);
  put_list("countries", doc.countries);
  put_list("regions", doc.regions);
  put_list("themes", doc.themes);
  put_list("commodities", doc.commodities);
  if (doc.start_year) out["start_year"] = *doc.start_year;
  if (doc.end_year) out["end_year"] = *doc.end_year;
  put_string("source_url", doc.source_url);
  put_string("translation_of", doc.translation_of);
  put_string("part_of", doc.part_of);
  put_string("iati_identifier", doc.iati_identifier);
  put_string("publisher", doc.publisher);
  put_string("file", doc.file);
  return out;
}

}  // namespace corpus
