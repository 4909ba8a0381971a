#include "corpus/iati_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "corpus/reader.h"
#include "tests/test_support.h"

namespace corpus {
namespace {

std::filesystem::path fixture(const std::string& name) { return test_support::data_file("iati", name); }

TEST(IatiReaderTest, EachActivityIsARecord) {
  ReadResult read = read_file(fixture("activities.xml"));
  ASSERT_FALSE(read.file_error.has_value()) << read.file_error->to_string();
  ASSERT_EQ(read.records.size(), 2u);
  ASSERT_TRUE(read.records[0].has_value()) << read.records[0].error().to_string();
  const Document& pilot = read.records[0].value();
  EXPECT_EQ(pilot.id, "xx-fixture-1-0001");
  EXPECT_EQ(pilot.type, "initiative");
  EXPECT_EQ(pilot.language, "en");
  EXPECT_EQ(pilot.title, "Mercury-free gold processing pilot");  // the activity's own language
  EXPECT_EQ(pilot.summary, "Demonstration plants for gravity concentration in two mining districts.");
  EXPECT_NE(pilot.body.find("Train miners and their cooperatives"), std::string::npos);
  EXPECT_NE(pilot.body.find("Result: Plants running: One of the two plants ran"), std::string::npos);
  EXPECT_NE(pilot.body.find("Related activity: XX-FIXTURE-1-0002"), std::string::npos);
  // Narratives in the activity's other languages are searchable too.
  EXPECT_NE(pilot.body.find("Piloto de procesamiento de oro sin mercurio"), std::string::npos);
  EXPECT_EQ(pilot.donors, std::vector<std::string>{"Fixture Donor Agency"});
  EXPECT_EQ(pilot.organisations, std::vector<std::string>{"Fixture Implementing NGO"});
  EXPECT_EQ(pilot.countries, (std::vector<std::string>{"PE", "BO"}));
  EXPECT_EQ(pilot.themes, (std::vector<std::string>{"governance"}));  // DAC sector 32210, mining policy
  EXPECT_EQ(pilot.outcome, "discontinued");
  EXPECT_EQ(pilot.start_year, 2014);
  EXPECT_EQ(pilot.end_year, 2016);  // the actual end, not the planned 2018

  ASSERT_TRUE(read.records[1].has_value()) << read.records[1].error().to_string();
  const Document& support = read.records[1].value();
  EXPECT_EQ(support.language, "fr");
  EXPECT_EQ(support.outcome, "ongoing");
  EXPECT_EQ(support.start_year, 2019);
  EXPECT_FALSE(support.end_year.has_value());
}

TEST(IatiReaderTest, BrokenAndForeignXmlIsReported) {
  ReadResult malformed = read_file(fixture("malformed.xml"));
  ASSERT_TRUE(malformed.file_error.has_value());
  EXPECT_NE(malformed.file_error->message.find("not valid XML"), std::string::npos);
  EXPECT_GE(malformed.file_error->line, 5);
  ReadResult foreign = read_file(fixture("not-iati.xml"));
  ASSERT_TRUE(foreign.file_error.has_value());
  EXPECT_NE(foreign.file_error->message.find("not an IATI activity file"), std::string::npos);
  EXPECT_NE(foreign.file_error->file.find("not-iati.xml"), std::string::npos);
}

}  // namespace
}  // namespace corpus
