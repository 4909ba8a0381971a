#include "corpus/pdf_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "corpus/reader.h"

namespace corpus {
namespace {

std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(PRECEDENT_SOURCE_DIR) / "tests/data/pdf" / name;
}

TEST(PdfReaderTest, ReadsTheTextOfEveryPageAndTheMetadata) {
  ReadResult read = read_file(fixture("mercury-report.pdf"));
  ASSERT_FALSE(read.file_error.has_value()) << read.file_error->to_string();
  ASSERT_EQ(read.records.size(), 1u);
  ASSERT_TRUE(read.records[0].has_value()) << read.records[0].error().to_string();
  const Document& report = read.records[0].value();
  EXPECT_EQ(report.id, "mercury-report");
  EXPECT_EQ(report.title, "Mercury reduction pilot");
  EXPECT_EQ(report.organisations, std::vector<std::string>{"Fixture Author"});
  EXPECT_NE(report.body.find("Retorts were handed to forty miners in 2015."), std::string::npos) << report.body;
  // The second page follows the first.
  EXPECT_LT(report.body.find("Most were unused"), report.body.find("Training on site worked better"));
}

TEST(PdfReaderTest, WithoutMetadataTheFirstLineIsTheTitle) {
  ReadResult read = read_file(fixture("untitled.pdf"));
  ASSERT_EQ(read.records.size(), 1u);
  ASSERT_TRUE(read.records[0].has_value());
  EXPECT_EQ(read.records[0]->title, "Cyanide tanks in the valley");
}

TEST(PdfReaderTest, UnreadablePdfsAreReportedWithTheirReason) {
  struct Case {
    const char* file;
    const char* reason;
  };
  for (const Case& c : {Case{"scanned.pdf", "no text layer"}, Case{"encrypted.pdf", "encrypted"},
                        Case{"not-really.pdf", "not a PDF"}}) {
    ReadResult read = read_file(fixture(c.file));
    ASSERT_TRUE(read.file_error.has_value()) << c.file;
    EXPECT_TRUE(read.records.empty()) << c.file;
    EXPECT_NE(read.file_error->message.find(c.reason), std::string::npos) << read.file_error->to_string();
    EXPECT_NE(read.file_error->file.find(c.file), std::string::npos);
  }
  // A truncated file is either reported or read as far as it goes; it never stops the reader.
  ReadResult truncated = read_file(fixture("truncated.pdf"));
  EXPECT_TRUE(truncated.file_error.has_value() || truncated.records.size() == 1u);
  if (truncated.file_error) EXPECT_NE(truncated.file_error->file.find("truncated.pdf"), std::string::npos);
}

}  // namespace
}  // namespace corpus
