// The bundled IATI collection (corpus/iati/): every file imported, the awards of one project
// grouped and shown once, facets counting a project once, and known activities field by field.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "corpus/reader.h"
#include "tests/ranking/collection_fixture.h"

namespace ranking {
namespace {

std::filesystem::path iati_dir() { return std::filesystem::path(PRECEDENT_SOURCE_DIR) / "corpus" / "iati"; }

class IatiCollectionTest : public IndexedFoldersTest {
 protected:
  static void SetUpTestSuite() {
    for (const auto& entry : std::filesystem::directory_iterator(iati_dir())) {
      if (entry.path().extension() != ".xml") continue;
      ++files_;
      corpus::ReadResult read = corpus::read_file(entry.path());
      if (read.file_error) ADD_FAILURE() << read.file_error->to_string();
      for (const auto& record : read.records) {
        if (!record.has_value()) {
          ++skipped_;
          continue;
        }
        records_->emplace(record->id, *record);
      }
    }
    indexed_ = index_folders({iati_dir()});
  }

  SearchResponse search(const std::string& query, std::vector<std::string> facets = {}) {
    SearchRequest request;
    request.query = query;
    request.per_page = 100;
    request.facets = std::move(facets);
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.has_value()) << query << ": " << response.error().to_string();
    return response.has_value() ? *response : SearchResponse{};
  }

  // The project of a record: the first of its group.
  static std::string project_of(const corpus::Document& record) { return record.part_of.empty() ? record.id : record.part_of; }

  static inline std::size_t files_ = 0, skipped_ = 0, indexed_ = 0;
  static inline auto* records_ = new std::map<std::string, corpus::Document>();
};

TEST_F(IatiCollectionTest, EveryActivityIsImported) {
  EXPECT_EQ(files_, 6u);
  EXPECT_EQ(records_->size(), 86u);  // corpus/iati/README.md
  EXPECT_EQ(skipped_, 0u);
  EXPECT_EQ(indexed_, 86u);
  for (const auto& [id, record] : *records_) {
    EXPECT_FALSE(record.iati_identifier.empty()) << id;
    EXPECT_FALSE(record.publisher.empty()) << id;
    EXPECT_FALSE(record.donors.empty()) << id;
    EXPECT_FALSE(record.outcome.empty()) << id;
    EXPECT_TRUE(record.start_year.has_value()) << id;
    // Every activity says where: a country (of the activity or its transactions) or a region,
    // except five that give only region 998, developing countries unspecified.
    static const std::set<std::string> kUnplaced = {"us-gov-17-il281051575k11", "us-gov-17-il281051575k15",
                                                    "us-gov-32-160660201", "us-gov-32-x483574601",
                                                    "us-gov-11-s-lmaqm-14-gr-1251-94988"};
    EXPECT_EQ(record.countries.empty() && record.regions.empty(), kUnplaced.contains(id)) << id;
  }
}

TEST_F(IatiCollectionTest, TheAwardsOfOneProjectAreGrouped) {
  std::map<std::string, std::size_t> projects;
  for (const auto& [id, record] : *records_) {
    ++projects[project_of(record)];
    if (!record.part_of.empty()) {
      ASSERT_TRUE(records_->contains(record.part_of)) << id;
      EXPECT_EQ(records_->at(record.part_of).publisher, record.publisher) << id;
      EXPECT_TRUE(records_->at(record.part_of).part_of.empty()) << id;  // a group's first is part of none
    }
  }
  EXPECT_EQ(projects.size(), 44u);
  EXPECT_EQ(std::count_if(projects.begin(), projects.end(), [](const auto& p) { return p.second > 1; }), 22);
  // "Mobile Training Centers to Reduce Mercury Use", five identifiers, two of them spelt apart.
  EXPECT_EQ(projects.at("us-gov-11-slmaqm16ca1186-96625"), 5u);
  EXPECT_EQ(records_->at("us-gov-11-s-lmaqm-16-ca-1186").part_of, "us-gov-11-slmaqm16ca1186-96625");
  // The Inter-American Foundation's project in Canta, Peru, nine grants under two titles.
  EXPECT_EQ(projects.at("us-gov-21-48634"), 9u);
}

TEST_F(IatiCollectionTest, AProjectIsShownOnceWithItsAwards) {
  SearchResponse all = search("type:initiative");
  EXPECT_EQ(all.total, 44u);
  ASSERT_EQ(all.hits.size(), 44u);
  std::set<std::string> seen;
  for (const auto& hit : all.hits) {
    EXPECT_EQ(hit.duplicates, 0u) << hit.id;  // parts are not near-duplicates
    seen.insert(hit.id);
    seen.insert(hit.parts.begin(), hit.parts.end());
  }
  EXPECT_EQ(seen.size(), 86u);  // every activity, once

  SearchResponse mali = search("\"mercury-free Mali\"");
  ASSERT_EQ(mali.hits.size(), 1u);
  std::vector<std::string> group = mali.hits[0].parts;
  group.push_back(mali.hits[0].id);
  std::sort(group.begin(), group.end());
  EXPECT_EQ(group, (std::vector<std::string>{"us-gov-11-slmaqm20ca2402-95493", "us-gov-11-slmaqm20ca2402-96620",
                                             "us-gov-11-slmaqm20ca2402-96621"}));
  EXPECT_EQ(mali.hits[0].publisher, "Department of State");
  EXPECT_TRUE(mali.hits[0].iati_identifier.starts_with("US-GOV-11-SLMAQM20CA2402-"));
}

TEST_F(IatiCollectionTest, FacetsCountAProjectOnce) {
  // Expected: projects (groups) holding each value in any of their activities.
  std::map<std::string, std::set<std::string>> projects_by_country, projects_by_outcome;
  std::map<std::string, std::size_t> activities_by_country;
  for (const auto& [id, record] : *records_) {
    for (const auto& country : record.countries) {
      projects_by_country[country].insert(project_of(record));
      ++activities_by_country[country];
    }
    projects_by_outcome[record.outcome].insert(project_of(record));
  }
  SearchResponse all = search("type:initiative", {"country", "outcome"});
  std::map<std::string, std::uint64_t> countries, outcomes;
  for (const auto& count : all.facets["country"]) countries[count.value] = count.count;
  for (const auto& count : all.facets["outcome"]) outcomes[count.value] = count.count;
  for (const auto& [country, projects] : projects_by_country) EXPECT_EQ(countries[country], projects.size()) << country;
  for (const auto& [outcome, projects] : projects_by_outcome) EXPECT_EQ(outcomes[outcome], projects.size()) << outcome;
  // Peru: 22 activities, 8 projects.
  EXPECT_EQ(activities_by_country.at("PE"), 22u);
  EXPECT_EQ(countries["PE"], 8u);
}

TEST_F(IatiCollectionTest, KnownActivitiesFieldByField) {
  auto stored = [&](const std::string& id) {
    auto record = searcher_->document(id);
    EXPECT_TRUE(record.has_value()) << id;
    return record.has_value() ? record->document : corpus::Document{};
  };
  // Department of Labor, Colombia: country given per transaction.
  corpus::Document colombia = stored("us-gov-17-il31477-239450");
  EXPECT_EQ(colombia.iati_identifier, "US-GOV-17-IL31477-239450");
  EXPECT_EQ(colombia.publisher, "Department of Labor");
  EXPECT_EQ(colombia.countries, std::vector<std::string>{"CO"});
  EXPECT_EQ(colombia.donors, std::vector<std::string>{"Department of Labor"});
  EXPECT_EQ(colombia.outcome, "completed");
  EXPECT_EQ(colombia.start_year, 2017);
  EXPECT_EQ(colombia.end_year, 2025);
  EXPECT_TRUE(colombia.source_url.empty());  // the US files give no document link or website
  // Inter-American Foundation, Peru: a later grant of the Canta project.
  corpus::Document canta = stored("us-gov-21-48641");
  EXPECT_EQ(canta.countries, std::vector<std::string>{"PE"});
  EXPECT_EQ(canta.part_of, "us-gov-21-48634");
  EXPECT_EQ(canta.start_year, 2014);
  EXPECT_EQ(canta.end_year, 2021);
  // Department of State, Mali: funded by USAID, implemented by PACT.
  corpus::Document mali = stored("us-gov-11-slmaqm20ca2402-95493");
  EXPECT_EQ(mali.countries, std::vector<std::string>{"ML"});
  EXPECT_EQ(mali.donors, std::vector<std::string>{"U.S. Agency for International Development"});
  EXPECT_NE(std::find(mali.organisations.begin(), mali.organisations.end(), "People's Action for Community Transformation"),
            mali.organisations.end());
  // Department of State, South America: a region and no country.
  corpus::Document andes = stored("us-gov-11-s-lmaqm-10-ca-312");
  EXPECT_TRUE(andes.countries.empty());
  EXPECT_EQ(andes.regions, std::vector<std::string>{"americas"});
  SearchResponse americas = search("region:americas \"Andean Artisanal Gold Mining Countries\"");
  ASSERT_FALSE(americas.hits.empty());
  EXPECT_EQ(americas.hits[0].id, "us-gov-11-s-lmaqm-10-ca-312");
}

}  // namespace
}  // namespace ranking
