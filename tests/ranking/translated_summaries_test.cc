// Records stored with their title, summary and lessons machine-translated (index
// --translate-summaries), on real records of the bundled collection and Apertium's real
// pipelines: a reader of another language sees hits and similar initiatives in theirs, the
// original stays beside it, the setting stays with the index for later runs and API writes, and
// turning it off removes the translations.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "ranking/response_json.h"
#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace ranking {
namespace {

namespace fs = std::filesystem;

class TranslatedSummariesTest : public testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(in());
    // Spanish, French and Portuguese records, and an English one.
    for (const char* name : {"la10-somos-tesoro-colombia.md", "af02-raf99023-yaounde-vision.md",
                             "af42-manica-geoide-2010.md", "gl32-ilo-caring-gold-mining-project.md"})
      fs::copy_file(test_support::collection_dir() / name, in() / name);
  }

  indexer::IngestSummary index(std::optional<bool> translate) {
    indexer::IngestOptions options;
    options.translate_summaries = translate;
    auto summary = indexer::ingest(db(), {in()}, options, {});
    EXPECT_TRUE(summary) << summary.error().to_string();
    return summary ? *summary : indexer::IngestSummary{};
  }

  Hit hit_for(const std::string& query, const std::string& ui_language, const std::string& id) {
    auto searcher = Searcher::open(db());
    EXPECT_TRUE(searcher) << searcher.error().to_string();
    SearchRequest request;
    request.query = query;
    request.ui_language = ui_language;
    auto response = searcher->search(request);
    EXPECT_TRUE(response) << response.error().to_string();
    for (const auto& hit : response->hits)
      if (hit.id == id) return hit;
    ADD_FAILURE() << id << " not found for " << query;
    return {};
  }

  fs::path in() const { return dir_ / "in"; }
  fs::path db() const { return dir_ / "db"; }

  test_support::TempDir dir_;
};

TEST_F(TranslatedSummariesTest, AReaderSeesARecordOfAnotherLanguageInTheirs) {
  auto summary = index(true);
  EXPECT_EQ(summary.indexed, 4u);
  EXPECT_TRUE(summary.summaries_translated);
  EXPECT_EQ(summary.translations_failed, 0u) << summary.translation_problem;

  Hit somos = hit_for("Somos Tesoro", "en", "la10-somos-tesoro-colombia");
  EXPECT_EQ(somos.language, "es");
  EXPECT_EQ(somos.title.rfind("Somos Tesoro: prevención del trabajo infantil", 0), 0u) << "the original stays";
  ASSERT_TRUE(somos.machine_translation);
  EXPECT_EQ(somos.machine_translation->language, "en");
  EXPECT_NE(somos.machine_translation->title, somos.title);
  EXPECT_NE(somos.machine_translation->title.find("Boyacá"), std::string::npos) << somos.machine_translation->title;
  EXPECT_NE(somos.machine_translation->summary.find("United States"), std::string::npos)
      << somos.machine_translation->summary;

  // The API's hit carries it, marked as a machine translation; lessons are for similar initiatives.
  nlohmann::json hit_json = to_json(SearchResponse{.hits = {somos}})["hits"][0];
  EXPECT_EQ(hit_json["machine_translation"]["lang"], "en");
  EXPECT_FALSE(hit_json["machine_translation"].contains("lessons"));

  // A record in the reader's language, or a reader who gave none, gets no translation.
  EXPECT_FALSE(hit_for("Somos Tesoro", "es", "la10-somos-tesoro-colombia").machine_translation);
  EXPECT_FALSE(hit_for("Somos Tesoro", "", "la10-somos-tesoro-colombia").machine_translation);
  EXPECT_FALSE(hit_for("CARING", "en", "gl32-ilo-caring-gold-mining-project").machine_translation);
  ASSERT_TRUE(hit_for("CARING", "fr", "gl32-ilo-caring-gold-mining-project").machine_translation);

  // Similar initiatives carry their lessons translated, one for each of the record's lessons.
  auto searcher = Searcher::open(db());
  ASSERT_TRUE(searcher);
  SimilarRequest similar;
  similar.id = "gl32-ilo-caring-gold-mining-project";
  similar.ui_language = "en";
  auto response = searcher->similar(similar);
  ASSERT_TRUE(response) << response.error().to_string();
  bool saw_translated = false;
  for (const auto& other : response->similar) {
    if (other.language == "en") {
      EXPECT_FALSE(other.machine_translation) << other.id;
      continue;
    }
    ASSERT_TRUE(other.machine_translation) << other.id;
    EXPECT_EQ(other.machine_translation->lessons.size(), other.lessons.size()) << other.id;
    saw_translated = true;
  }
  EXPECT_TRUE(saw_translated);

  // The record as stored holds every translation.
  auto record = searcher->document("la10-somos-tesoro-colombia");
  ASSERT_TRUE(record) << record.error().to_string();
  nlohmann::json record_json = to_json(*record);
  for (const char* language : {"en", "fr", "pt"})
    EXPECT_TRUE(record_json["machine_translations"].contains(language)) << language;
  EXPECT_FALSE(record_json["machine_translations"].contains("es"));
}

TEST_F(TranslatedSummariesTest, TheSettingStaysWithTheIndexUntilTurnedOff) {
  index(true);
  // A later run without the option keeps it: unchanged files are not read again.
  auto again = index(std::nullopt);
  EXPECT_TRUE(again.summaries_translated);
  EXPECT_EQ(again.indexed, 0u);

  // An API write to that index translates the record it writes.
  indexer::WriteBatch batch;
  batch.put.push_back(corpus::Document{.id = "api-fr", .title = "Les femmes orpailleuses et le crédit", .language = "fr",
                                       .summary = "Le projet a donné des crédits aux femmes."});
  auto written = indexer::apply_writes(db(), batch, std::chrono::seconds(5));
  ASSERT_TRUE(written) << written.error().to_string();
  auto api_hit = hit_for("orpailleuses", "en", "api-fr");
  ASSERT_TRUE(api_hit.machine_translation);
  EXPECT_NE(api_hit.machine_translation->summary.find("women"), std::string::npos) << api_hit.machine_translation->summary;

  // Turning it off writes every record again, without translations.
  auto off = index(false);
  EXPECT_FALSE(off.summaries_translated);
  EXPECT_EQ(off.indexed, 4u);
  EXPECT_FALSE(hit_for("Somos Tesoro", "en", "la10-somos-tesoro-colombia").machine_translation);
}

}  // namespace
}  // namespace ranking
