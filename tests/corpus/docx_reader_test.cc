#include "corpus/docx_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "corpus/reader.h"
#include "tests/corpus/read_one.h"
#include "tests/test_support.h"

namespace corpus {
namespace {

std::filesystem::path fixture(const std::string& name) { return test_support::data_file("docx", name); }

TEST(DocxReaderTest, ReadsParagraphsTablesAndCoreProperties) {
  Document evaluation = read_one(fixture("evaluation.docx"));
  EXPECT_EQ(evaluation.id, "evaluation");
  EXPECT_EQ(evaluation.title, "Evaluación final del piloto");
  EXPECT_EQ(evaluation.organisations, std::vector<std::string>{"Fixture Author"});
  EXPECT_EQ(evaluation.body, "Resumen\n\nLas retortas no se usaron después del proyecto.\n\nMiners trained\n\n120");
}

TEST(DocxReaderTest, WithoutPropertiesTheFirstHeadingIsTheTitle) {
  EXPECT_EQ(read_one(fixture("no-properties.docx")).title, "Gravity concentration manual");
}

TEST(DocxReaderTest, HostileAndBrokenFilesAreReportedWithTheirReason) {
  struct Case {
    const char* file;
    const char* reason;
  };
  for (const Case& c : {Case{"zip-bomb.docx", "zip bomb"}, Case{"invalid-xml.docx", "not valid XML"},
                        Case{"renamed-text.docx", "not a Word document"}}) {
    ReadResult read = read_file(fixture(c.file));
    ASSERT_TRUE(read.file_error.has_value()) << c.file;
    EXPECT_NE(read.file_error->message.find(c.reason), std::string::npos) << read.file_error->to_string();
    EXPECT_NE(read.file_error->file.find(c.file), std::string::npos);
  }
}

}  // namespace
}  // namespace corpus
