#include "corpus/pdf_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "corpus/reader.h"
#include "corpus/walker.h"
#include "tests/corpus/read_one.h"
#include "tests/test_support.h"

namespace corpus {
namespace {

std::filesystem::path fixture(const std::string& name) { return test_support::data_file("pdf", name); }

TEST(PdfReaderTest, ReadsTheTextOfEveryPageAndTheMetadata) {
  Document report = read_one(fixture("mercury-report.pdf"));
  EXPECT_EQ(report.id, "mercury-report");
  EXPECT_EQ(report.title, "Mercury reduction pilot");
  EXPECT_EQ(report.organisations, std::vector<std::string>{"Fixture Author"});
  EXPECT_NE(report.body.find("Retorts were handed to forty miners in 2015."), std::string::npos) << report.body;
  // The second page follows the first.
  EXPECT_LT(report.body.find("Most were unused"), report.body.find("Training on site worked better"));
}

TEST(PdfReaderTest, WithoutMetadataTheFirstLineIsTheTitle) {
  EXPECT_EQ(read_one(fixture("untitled.pdf")).title, "Cyanide tanks in the valley");
}

TEST(PdfReaderTest, UnreadablePdfsAreReportedWithTheirReason) {
  struct Case {
    const char* file;
    const char* reason;
  };
  for (const Case& c : {Case{"scanned.pdf", "no text layer"}, Case{"encrypted.pdf", "encrypted"}}) {
    ReadResult read = read_file(fixture(c.file));
    ASSERT_TRUE(read.file_error.has_value()) << c.file;
    EXPECT_TRUE(read.records.empty()) << c.file;
    EXPECT_NE(read.file_error->message.find(c.reason), std::string::npos) << read.file_error->to_string();
    EXPECT_NE(read.file_error->file.find(c.file), std::string::npos);
  }
  // A truncated file is either reported or read as far as it goes; it never stops the reader.
  ReadResult truncated = read_file(fixture("truncated.pdf"));
  EXPECT_TRUE(truncated.file_error.has_value() || truncated.records.size() == 1u);
  if (truncated.file_error) {
    EXPECT_NE(truncated.file_error->file.find("truncated.pdf"), std::string::npos);
  }
}

TEST(PdfReaderTest, APdfThatTakesTooLongIsRefused) {
  std::ifstream file(fixture("mercury-report.pdf"), std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(pdf_record_fields("report.pdf", content).has_value());
  auto stopped = pdf_record_fields("report.pdf", content, std::chrono::milliseconds(0));
  ASSERT_FALSE(stopped.has_value());
  EXPECT_EQ(stopped.error().file, "report.pdf");
  EXPECT_NE(stopped.error().message.find("stopped at page 2 of 2"), std::string::npos) << stopped.error().message;
}

TEST(PdfReaderTest, AFileUnderAnotherExtensionIsReadByItsContent) {
  // A web page saved with a .pdf name is read as the page it is.
  EXPECT_NE(read_one(fixture("not-really.pdf")).body.find("A web page saved with the wrong name"), std::string::npos);
  // A PDF downloaded under a name without a known extension, and one with a .txt name.
  test_support::TempDir dir;
  std::filesystem::copy_file(fixture("mercury-report.pdf"), dir / "download");
  std::filesystem::copy_file(fixture("mercury-report.pdf"), dir / "report.txt");
  for (const char* name : {"download", "report.txt"}) {
    EXPECT_EQ(read_one(dir / name).title, "Mercury reduction pilot") << name;
  }

  EXPECT_EQ(sniff_format("<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">", Format::json), Format::iati);
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF  <!DOCTYPE html><p>", Format::text), Format::html);
  EXPECT_EQ(sniff_format("<root/>", Format::iati), Format::iati);  // reported as not IATI by its reader
  EXPECT_EQ(sniff_format("# Heading <html>", Format::markdown), Format::markdown);
  EXPECT_EQ(sniff_format("PK\x03\x04 other zip", Format::docx), Format::docx);
}

TEST(SidecarTest, ASidecarGivesWhatTheFileCannotAndIsNotARecordItself) {
  test_support::TempDir dir;
  std::filesystem::copy_file(fixture("mercury-report.pdf"), dir / "report.pdf");
  test_support::write_file(dir / "report.pdf.md",
                           "---\ntype: report\nthemes: [mercury, technology]\noutcome: discontinued\n"
                           "lessons:\n  - kind: failed\n    text: Retorts went unused.\n---\n");
  Document report = read_one(dir / "report.pdf");
  EXPECT_EQ(report.title, "Mercury reduction pilot");  // from the PDF
  EXPECT_EQ(report.type, "report");                     // from the sidecar
  EXPECT_EQ(report.outcome, "discontinued");
  ASSERT_EQ(report.lessons.size(), 1u);
  EXPECT_EQ(report.lessons[0].kind, "failed");
  FileList files = collect_files({dir.path()});
  ASSERT_EQ(files.files.size(), 1u);
  EXPECT_EQ(files.files[0].filename(), "report.pdf");

  // A wrong field is named in the sidecar, at its line.
  test_support::write_file(dir / "report.pdf.md", "---\ntype: report\noutcome: abandoned\n---\n");
  ReadResult bad = read_file(dir / "report.pdf");
  ASSERT_EQ(bad.records.size(), 1u);
  ASSERT_FALSE(bad.records[0].has_value());
  EXPECT_EQ(bad.records[0].error().field, "outcome");
  EXPECT_EQ(bad.records[0].error().file, (dir / "report.pdf.md").string());
  EXPECT_EQ(bad.records[0].error().line, 3);

  // A JSON sidecar, and one that is not JSON.
  std::filesystem::remove(dir / "report.pdf.md");
  test_support::write_file(dir / "report.pdf.json", R"({"type": "evaluation", "countries": ["PE"]})");
  ReadResult json_sidecar = read_file(dir / "report.pdf");
  ASSERT_TRUE(json_sidecar.records.at(0).has_value());
  EXPECT_EQ(json_sidecar.records[0]->type, "evaluation");
  test_support::write_file(dir / "report.pdf.json", "{\n\"type\": report\n}");
  ReadResult broken = read_file(dir / "report.pdf");
  ASSERT_TRUE(broken.file_error.has_value());
  EXPECT_EQ(broken.file_error->file, (dir / "report.pdf.json").string());
  EXPECT_EQ(broken.file_error->line, 2);
}

}  // namespace
}  // namespace corpus
