#include "corpus/reader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace corpus {
namespace {

std::vector<Document> valid(const ReadResult& result) {
  std::vector<Document> out;
  for (const auto& record : result.records)
    if (record) out.push_back(*record);
  return out;
}

std::vector<Error> errors(const ReadResult& result) {
  std::vector<Error> out;
  for (const auto& record : result.records)
    if (!record) out.push_back(record.error());
  return out;
}

TEST(ReaderTest, FormatFollowsTheExtension) {
  EXPECT_EQ(format_of("a/B.JSON"), Format::json);
  EXPECT_EQ(format_of("x.jsonl"), Format::json_lines);
  EXPECT_EQ(format_of("x.ndjson"), Format::json_lines);
  EXPECT_EQ(format_of("x.md"), Format::markdown);
  EXPECT_EQ(format_of("x.txt"), Format::text);
  EXPECT_EQ(format_of("x.pdf"), Format::pdf);
  EXPECT_EQ(format_of("x.docx"), Format::docx);
  EXPECT_EQ(format_of("x.odt"), Format::unsupported);
}

TEST(ReaderTest, JsonObjectAndArray) {
  auto one = read_records("one.json", R"({"id": "a", "title": "A"})", Format::json);
  ASSERT_EQ(valid(one).size(), 1u);
  auto many = read_records("many.json", R"([{"id": "a", "title": "A"}, {"id": "b", "title": "B"}])", Format::json);
  ASSERT_EQ(valid(many).size(), 2u);
  EXPECT_EQ(valid(many)[1].id, "b");
}

TEST(ReaderTest, JsonSyntaxErrorNamesTheLine) {
  auto result = read_records("broken.json", "[\n{\"id\": \"a\", \"title\": \"A\"},\n{\"id\": ,}\n]", Format::json);
  ASSERT_TRUE(result.file_error.has_value());
  EXPECT_EQ(result.file_error->file, "broken.json");
  EXPECT_EQ(result.file_error->line, 3);
  EXPECT_EQ(result.file_error->column, 8);  // the comma where a value was due
  EXPECT_EQ(result.file_error->message.find("json.exception"), std::string::npos);
  EXPECT_EQ(result.file_error->to_string().rfind("broken.json:3:8: not valid JSON", 0), 0u) << result.file_error->to_string();
}

TEST(ReaderTest, JsonSyntaxErrorColumnsCountCharactersNotBytes) {
  // "ç", "ã" and "é" are two bytes each; the stray brace is the 27th character of line 2.
  auto error = parse_json("{\n  \"title\": \"Mineração é\" }}", "body").error();
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 27);
  auto lines = read_records("batch.jsonl", "{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"b\" \"title\": \"B\"}\n", Format::json_lines);
  ASSERT_EQ(lines.records.size(), 2u);
  ASSERT_FALSE(lines.records[1].has_value());
  EXPECT_EQ(lines.records[1].error().line, 2);
  EXPECT_EQ(lines.records[1].error().column, 18);  // the end of "title", read where a comma or } was due
}

TEST(ReaderTest, JsonLinesReportsEachBadLineAndKeepsTheRest) {
  std::string content =
      "{\"id\": \"a\", \"title\": \"A\"}\n"
      "\n"
      "{\"id\": \"b\", \"title\": \"B\", \"colour\": \"red\"}\n"
      "{\"id\": \"c\", \"title\": \"C\", \"outcome\": \"failed\"}\n"
      "not json\n"
      "{\"id\": \"d\", \"title\": \"D\"}\n";
  auto result = read_records("batch.jsonl", content, Format::json_lines);
  auto docs = valid(result);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "d");
  auto errs = errors(result);
  ASSERT_EQ(errs.size(), 3u);
  EXPECT_EQ(errs[0].line, 3);
  EXPECT_EQ(errs[0].field, "colour");
  EXPECT_EQ(errs[1].line, 4);
  EXPECT_EQ(errs[1].field, "outcome");
  EXPECT_EQ(errs[2].line, 5);
  EXPECT_EQ(errs[2].code, ErrorCode::parse_error);
}

TEST(ReaderTest, InvalidUtf8NamesLineAndField) {
  std::string content = "{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"b\", \"title\": \"B\", \"summary\": \"caf\xE9\"}\n";
  auto result = read_records("latin1.jsonl", content, Format::json_lines);
  auto errs = errors(result);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].line, 2);
  EXPECT_EQ(errs[0].field, "summary");
  EXPECT_NE(errs[0].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(valid(result).size(), 1u);
}

TEST(ReaderTest, MarkdownFrontMatterGivesFieldsAndBody) {
  std::string content =
      "---\n"
      "id: la01-gama\n"
      "title: \"Proyecto GAMA: minería\"\n"
      "language: es\n"
      "countries: [PE]\n"
      "start_year: 2000\n"
      "lessons:\n"
      "  - kind: worked\n"
      "    text: >-\n"
      "      Retortas hechas\n"
      "      localmente.\n"
      "---\n"
      "# Heading\n"
      "Body text.\n";
  auto result = read_records("gama.md", content, Format::markdown);
  ASSERT_FALSE(result.file_error) << result.file_error->to_string();
  auto docs = valid(result);
  ASSERT_EQ(docs.size(), 1u) << errors(result)[0].to_string();
  EXPECT_EQ(docs[0].title, "Proyecto GAMA: minería");
  EXPECT_EQ(docs[0].start_year, 2000);
  EXPECT_EQ(docs[0].lessons.at(0).text, "Retortas hechas localmente.");
  EXPECT_EQ(docs[0].body, "# Heading\nBody text.\n");
}

TEST(ReaderTest, FrontMatterErrorsPointAtTheFieldLine) {
  std::string content = "---\nid: x1\ntitle: T\ntype: book\n---\nbody\n";
  auto errs = errors(read_records("x1.md", content, Format::markdown));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].line, 4);
  EXPECT_EQ(errs[0].field, "type");

  // A quoted year is a string, and the error says so at its line.
  content = "---\nid: x2\ntitle: T\n\nstart_year: \"1999\"\n---\n";
  errs = errors(read_records("x2.md", content, Format::markdown));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].line, 5);
  EXPECT_EQ(errs[0].field, "start_year");
}

TEST(ReaderTest, FrontMatterSyntaxErrorsNameTheLine) {
  auto result = read_records("bad.md", "---\nid: x\ntitle: [unclosed\nlanguage: en\n---\nbody", Format::markdown);
  ASSERT_TRUE(result.file_error.has_value());
  EXPECT_EQ(result.file_error->file, "bad.md");
  EXPECT_GE(result.file_error->line, 3);
  auto unclosed = read_records("open.md", "---\nid: x\ntitle: y\n", Format::markdown);
  ASSERT_TRUE(unclosed.file_error.has_value());
  EXPECT_EQ(unclosed.file_error->line, 1);
}

TEST(ReaderTest, MarkdownWithoutFrontMatterTakesIdFromFileAndTitleFromHeading) {
  auto docs = valid(read_records("/x/Informe Final 2019.md", "Intro\n# Informe final\ntexto", Format::markdown));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "informe-final-2019");
  EXPECT_EQ(docs[0].title, "Informe final");
}

TEST(ReaderTest, InvalidUtf8InMarkdownBodyNamesTheBody) {
  auto errs = errors(read_records("r.md", "---\nid: r\ntitle: R\n---\nline one\nbad \xC3\x28 byte\n", Format::markdown));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].field, "body");
  EXPECT_EQ(errs[0].line, 6);
}

TEST(ReaderTest, TheSameNameWithAnotherExtensionKeepsEachFilesRecord) {
  test_support::TempDir dir;
  test_support::write_file(dir / "Field Report.txt", "Field report\nText\n");
  EXPECT_EQ(id_from_file_name(dir / "Field Report.txt"), "field-report");
  test_support::write_file(dir / "Field Report.html", "<title>Field report</title>");
  EXPECT_EQ(id_from_file_name(dir / "Field Report.txt"), "field-report-txt");
  EXPECT_EQ(id_from_file_name(dir / "Field Report.html"), "field-report-html");
  // A sidecar is not a sibling, and a name without a folder is taken as it is.
  test_support::write_file(dir / "other.pdf.json", "{}");
  EXPECT_EQ(id_from_file_name(dir / "other.pdf"), "other");
  EXPECT_EQ(id_from_file_name("Field Report.txt"), "field-report");
}

TEST(ReaderTest, TextFileFirstLineIsTheTitle) {
  auto docs = valid(read_records("notes/field-visit.txt", "\n  Field visit to Madre de Dios\nWe met miners.\n", Format::text));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "field-visit");
  EXPECT_EQ(docs[0].title, "Field visit to Madre de Dios");
  EXPECT_EQ(docs[0].body, "We met miners.\n");
  auto empty = errors(read_records("empty.txt", "  \n", Format::text));
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].field, "title");
}

TEST(ReaderTest, FilesOverTheLimitAreRefused) {
  test_support::TempDir dir;
  auto path = dir / "missing.json";
  auto result = read_file(path);
  ASSERT_TRUE(result.file_error.has_value());
  EXPECT_EQ(result.file_error->code, ErrorCode::io);
  EXPECT_EQ(result.file_error->file, path.string());
}

}  // namespace
}  // namespace corpus
