#include "corpus/document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace corpus {
namespace {

using nlohmann::json;

json minimal() { return {{"id", "casm-2002"}, {"title", "Communities and Small-scale Mining"}}; }

Error validation_error(const json& record, RecordOrigin origin = {"records.jsonl", 7, -1, {}}) {
  auto result = document_from_json(record, origin);
  EXPECT_FALSE(result.has_value()) << record.dump();
  return result.has_value() ? Error{} : result.error();
}

TEST(DocumentTest, AcceptsAFullRecordAndRoundTrips) {
  json record = {{"id", "la01-gama"},
                 {"title", "  Proyecto GAMA  "},
                 {"type", "initiative"},
                 {"language", "ES"},
                 {"summary", "Gestión ambiental"},
                 {"lessons", {{{"kind", "worked"}, {"text", "Retortas locales"}}}},
                 {"outcome", "completed"},
                 {"failure_reasons", {"funding_ended"}},
                 {"countries", {"pe", "PE"}},
                 {"themes", {"mercury", "environment"}},
                 {"commodities", {"gold"}},
                 {"start_year", 2000},
                 {"end_year", 2008},
                 {"organisations", {"COSUDE"}},
                 {"source_url", "https://example.org"}};
  auto doc = document_from_json(record, {});
  ASSERT_TRUE(doc.has_value()) << doc.error().to_string();
  EXPECT_EQ(doc->title, "Proyecto GAMA");
  EXPECT_EQ(doc->language, "es");
  EXPECT_EQ(doc->countries, std::vector<std::string>{"PE"});  // upper-cased, duplicate dropped
  ASSERT_EQ(doc->lessons.size(), 1u);
  EXPECT_EQ(doc->lessons[0].kind, "worked");
  auto again = document_from_json(to_json(*doc), {});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *doc);
}

TEST(DocumentTest, UnknownFieldIsNamed) {
  json record = minimal();
  record["colour"] = "red";
  auto e = validation_error(record);
  EXPECT_EQ(e.field, "colour");
  EXPECT_EQ(e.file, "records.jsonl");
  EXPECT_EQ(e.line, 7);
  EXPECT_NE(e.message.find("unknown field"), std::string::npos);
}

TEST(DocumentTest, WrongTypeIsNamed) {
  json record = minimal();
  record["start_year"] = "2001";
  auto e = validation_error(record);
  EXPECT_EQ(e.field, "start_year");
  EXPECT_NE(e.message.find("integer"), std::string::npos);
}

TEST(DocumentTest, EnumValueOutsideItsListIsNamedWithTheAllowedValues) {
  json record = minimal();
  record["outcome"] = "failed";
  auto e = validation_error(record);
  EXPECT_EQ(e.field, "outcome");
  EXPECT_NE(e.message.find("discontinued"), std::string::npos);

  record = minimal();
  record["themes"] = {"mercury", "mining"};
  EXPECT_EQ(validation_error(record).field, "themes[1]");
}

TEST(DocumentTest, BadIdIsRejected) {
  for (const char* id : {"Bad ID", "-leading-dash", "", "UPPER", "has/slash"}) {
    json record = minimal();
    record["id"] = id;
    EXPECT_EQ(validation_error(record).field, "id") << id;
  }
  EXPECT_TRUE(is_valid_id(std::string(128, 'a')));
  EXPECT_FALSE(is_valid_id(std::string(129, 'a')));
}

TEST(DocumentTest, TranslationOfAndPartOfNameAnotherRecord) {
  for (const char* field : {"translation_of", "part_of"}) {
    json record = minimal();
    record[field] = "the-original";
    auto document = document_from_json(record, RecordOrigin{});
    ASSERT_TRUE(document.has_value()) << field;
    EXPECT_EQ(std::string(field) == "part_of" ? document->part_of : document->translation_of, "the-original");
    EXPECT_EQ(to_json(*document)[field], "the-original");
    record[field] = "Not An Id";
    EXPECT_EQ(validation_error(record).field, field);
    record[field] = record["id"];
    EXPECT_EQ(validation_error(record).field, field);
  }
}

TEST(DocumentTest, IatiIdentifierAndPublisherAreKeptAsPublished) {
  json record = minimal();
  record["iati_identifier"] = " US-GOV-11-SLMAQM20CA2402-95493 ";
  record["publisher"] = "Department of State";
  auto document = document_from_json(record, RecordOrigin{});
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->iati_identifier, "US-GOV-11-SLMAQM20CA2402-95493");
  EXPECT_EQ(to_json(*document)["publisher"], "Department of State");
  for (const char* bad : {"", "US-GOV-11 95493", "US-GOV-11\n95493"}) {
    record["iati_identifier"] = bad;
    EXPECT_EQ(validation_error(record).field, "iati_identifier") << bad;
  }
  record["iati_identifier"] = std::string(201, 'X');
  EXPECT_EQ(validation_error(record).field, "iati_identifier");
}

TEST(DocumentTest, RegionsAreAClosedList) {
  json record = minimal();
  record["regions"] = {"americas", "asia"};
  auto document = document_from_json(record, RecordOrigin{});
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->regions, (std::vector<std::string>{"americas", "asia"}));
  EXPECT_EQ(to_json(*document)["regions"], json({"americas", "asia"}));
  record["regions"] = {"americas", "south america"};
  EXPECT_EQ(validation_error(record).field, "regions[1]");
}

TEST(DocumentTest, MissingTitleOrIdIsRejected) {
  EXPECT_EQ(validation_error(json{{"id", "x"}}).field, "title");
  EXPECT_EQ(validation_error(json{{"id", "x"}, {"title", "   "}}).field, "title");
  EXPECT_EQ(validation_error(json{{"title", "x"}}).field, "id");
}

TEST(DocumentTest, LessonErrorsNameTheLessonAndItsField) {
  json record = minimal();
  record["lessons"] = {{{"kind", "worked"}, {"text", "a"}}, {{"kind", "success"}, {"text", "b"}}};
  EXPECT_EQ(validation_error(record).field, "lessons[1].kind");
  record["lessons"] = {{{"kind", "failed"}, {"text", "a"}, {"author", "x"}}};
  EXPECT_EQ(validation_error(record).field, "lessons[0].author");
}

TEST(DocumentTest, CountriesAndYearsAreChecked) {
  json record = minimal();
  record["countries"] = {"PE", "XX"};
  EXPECT_EQ(validation_error(record).field, "countries[1]");
  record = minimal();
  record["start_year"] = 2010;
  record["end_year"] = 2001;
  EXPECT_EQ(validation_error(record).field, "end_year");
  record = minimal();
  record["start_year"] = 20100;
  EXPECT_EQ(validation_error(record).field, "start_year");
}

TEST(DocumentTest, FieldLineFromFrontMatterIsUsed) {
  json record = minimal();
  record["type"] = "book";
  RecordOrigin origin{"report.md", 1, -1, {{"type", 5}}};
  auto e = validation_error(record, origin);
  EXPECT_EQ(e.line, 5);
  EXPECT_EQ(e.to_string().substr(0, 12), "report.md:5:");
}

TEST(DocumentTest, ArrayElementErrorsSayWhichRecord) {
  RecordOrigin origin{"batch.json", 0, 2, {}};
  auto e = validation_error(json{{"id", "x"}}, origin);
  EXPECT_NE(e.message.find("record 3"), std::string::npos);
}

TEST(DocumentTest, ARecordWithThreeBadFieldsNamesAllThree) {
  json record = minimal();
  record["type"] = "pamphlet";
  record["start_year"] = "2001";
  record["countries"] = {"PE", "Peru"};
  auto e = validation_error(record);
  // The first keeps the error's own fields; the others follow it, each naming its field.
  std::vector<std::string> fields = {e.field};
  for (const auto& other : e.others) fields.push_back(other.field);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"countries[1]", "start_year", "type"}));
  for (const auto& other : e.others) {
    EXPECT_EQ(other.file, "records.jsonl");
    EXPECT_FALSE(other.message.empty());
  }
  std::string text = e.to_string();
  for (const char* field : {"countries[1]", "start_year", "type"}) EXPECT_NE(text.find(field), std::string::npos) << text;
}

TEST(DocumentTest, ABadFieldIsNotAlsoReportedMissingAndProblemsStopAtTheLimit) {
  auto bad_id = validation_error({{"id", "Not An Id"}});
  EXPECT_EQ(bad_id.field, "id");
  ASSERT_EQ(bad_id.others.size(), 1u);  // title is missing; id is wrong, not also missing
  EXPECT_EQ(bad_id.others[0].field, "title");
  json many = minimal();
  for (int i = 0; i < 30; ++i) many["unknown_" + std::to_string(100 + i)] = i;
  EXPECT_EQ(validation_error(many).others.size() + 1, kMaxProblems);
}

}  // namespace
}  // namespace corpus
