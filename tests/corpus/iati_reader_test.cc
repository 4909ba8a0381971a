#include "corpus/iati_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

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
  EXPECT_EQ(pilot.organisations, (std::vector<std::string>{"Fixture Implementing NGO", "Fixture Ministry"}));
  EXPECT_EQ(pilot.publisher, "Fixture Ministry");  // the reporting organisation
  EXPECT_EQ(pilot.iati_identifier, "XX-FIXTURE-1-0001");
  EXPECT_EQ(pilot.source_url, "https://example.org/fixture/pilot-report.pdf");  // its document
  EXPECT_TRUE(pilot.part_of.empty());
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
  EXPECT_EQ(support.part_of, "xx-fixture-1-0001");  // the pilot's child activity
  // The activity's country and its transaction's; region 289 (South of Sahara), not 998
  // (developing countries, unspecified); the transaction's sector (15170) and payee.
  EXPECT_EQ(support.countries, (std::vector<std::string>{"BF", "ML"}));
  EXPECT_EQ(support.regions, std::vector<std::string>{"africa"});
  EXPECT_EQ(support.themes, std::vector<std::string>{"gender"});
  EXPECT_EQ(support.organisations, std::vector<std::string>{"Fixture Cooperative"});
  EXPECT_EQ(support.source_url, "https://example.org/fixture/orpaillage");  // its website
}

// The valid records of a file, by id.
std::map<std::string, Document> records_of(const std::string& name) {
  ReadResult read = read_file(fixture(name));
  EXPECT_FALSE(read.file_error.has_value()) << read.file_error->to_string();
  std::map<std::string, Document> out;
  for (const auto& record : read.records) {
    EXPECT_TRUE(record.has_value()) << record.error().to_string();
    if (record.has_value()) out.emplace(record->id, *record);
  }
  return out;
}

TEST(IatiReaderTest, ARealStateFileGivesCountriesSectorsAndPayeesPerTransaction) {
  auto records = records_of("usg-state-mali.xml");
  ASSERT_EQ(records.size(), 4u);
  const Document& mali = records.at("us-gov-11-slmaqm20ca2402-95493");
  EXPECT_EQ(mali.title, "Mercury-free Mali");
  EXPECT_EQ(mali.iati_identifier, "US-GOV-11-SLMAQM20CA2402-95493");
  EXPECT_EQ(mali.publisher, "Department of State");
  EXPECT_EQ(mali.countries, std::vector<std::string>{"ML"});       // transaction/recipient-country
  EXPECT_EQ(mali.themes, std::vector<std::string>{"environment"});  // transaction/sector 41010
  EXPECT_EQ(mali.donors, std::vector<std::string>{"U.S. Agency for International Development"});
  EXPECT_EQ(mali.organisations, (std::vector<std::string>{"Department of State", "People's Action for Community Transformation"}));
  EXPECT_EQ(mali.outcome, "completed");  // status 3, finalisation
  EXPECT_EQ(mali.start_year, 2019);
  EXPECT_EQ(mali.end_year, 2023);
  EXPECT_TRUE(mali.source_url.empty());  // no document link or website
  EXPECT_TRUE(mali.part_of.empty());
  // The same project reported again under other identifiers (the same description).
  EXPECT_EQ(records.at("us-gov-11-slmaqm20ca2402-96620").part_of, mali.id);
  EXPECT_EQ(records.at("us-gov-11-slmaqm20ca2402-96621").part_of, mali.id);
  // Another project in Mali stays apart.
  const Document& kenieroba = records.at("us-gov-11-70823");
  EXPECT_TRUE(kenieroba.part_of.empty());
  EXPECT_EQ(kenieroba.countries, std::vector<std::string>{"ML"});
  EXPECT_EQ(kenieroba.start_year, 2016);
}

TEST(IatiReaderTest, ALabelTitleDoesNotJoinTwoAwards) {
  auto records = records_of("usg-doi-gabon.xml");
  ASSERT_EQ(records.size(), 8u);
  auto first_of = [&](const std::string& id) {
    const Document& record = records.at(id);
    return record.part_of.empty() ? record.id : record.part_of;
  };
  // Award F12AP00522: a rapid assessment of ASM around protected areas, under two descriptions.
  EXPECT_EQ(first_of("us-gov-9-f12ap00522-62872"), "us-gov-9-f12ap00522-58022");
  EXPECT_EQ(first_of("us-gov-9-f12ap00522-62844"), "us-gov-9-f12ap00522-61726");
  // Award F14AP00551: a monitoring and certification system, four identifiers.
  for (const char* id : {"us-gov-9-f14ap00551-61728", "us-gov-9-f14ap00551-61729", "us-gov-9-f14ap00551-62839"})
    EXPECT_EQ(first_of(id), "us-gov-9-f14ap00551-61727") << id;
  // Both awards have an activity titled "USAID-Gabon": a label, not the same project.
  EXPECT_EQ(records.at("us-gov-9-f12ap00522-62844").title, records.at("us-gov-9-f14ap00551-62839").title);
  EXPECT_NE(first_of("us-gov-9-f12ap00522-62844"), first_of("us-gov-9-f14ap00551-62839"));
  EXPECT_EQ(records.at("us-gov-9-f14ap00551-61727").countries, std::vector<std::string>{"GA"});
}

TEST(IatiReaderTest, ATitleWithSharedWordsJoinsAndARegionStandsForCountries) {
  auto records = records_of("usg-state-nigeria-andes.xml");
  ASSERT_EQ(records.size(), 4u);
  // "[through Environmental Law Institute]" shares a third of its words with the others.
  EXPECT_EQ(records.at("us-gov-11-10082mer01").part_of, "us-gov-11-s-lmaqm-11-gr-1084-94667");
  EXPECT_EQ(records.at("us-gov-11-s-lmaqm-11-gr-1084-94668").part_of, "us-gov-11-s-lmaqm-11-gr-1084-94667");
  const Document& andes = records.at("us-gov-11-s-lmaqm-10-ca-312");
  EXPECT_TRUE(andes.part_of.empty());
  EXPECT_TRUE(andes.countries.empty());
  EXPECT_EQ(andes.regions, std::vector<std::string>{"americas"});  // 489, South America, regional
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
