#include "indexer/near_duplicates.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/text_normalizer.h"
#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace indexer {
namespace {

namespace fs = std::filesystem;

const char* const kReport =
    "The pilot lent closed retorts to the owners of processing sites in six river camps. Each owner agreed to "
    "burn amalgam only inside the retort and to keep a log of the mercury recovered. After eight months the logs "
    "showed that four of the six sites used the retort for most burns. The two other sites stopped because the "
    "retort took longer than an open pan and buyers paid the same price for gold burnt either way.";

TEST(TextSignature, TheSameWordsGiveTheSameSignatureWhateverTheSpacingAndPunctuation) {
  std::string folded = fold(kReport);
  std::string reflowed = folded;
  std::replace(reflowed.begin(), reflowed.end(), ' ', '\n');
  std::string a = text_signature({folded});
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(signature_similarity(a, text_signature({"\"" + reflowed + ".\""})), 1.0);
  EXPECT_EQ(band_keys(a), band_keys(text_signature({reflowed})));
}

TEST(TextSignature, ARewordedSentenceKeepsMostOfTheSimilarityAndAnotherTextHasNone) {
  std::string folded = fold(kReport);
  std::string reworded = folded;
  reworded.replace(reworded.find("the pilot lent"), 14, "in 2016 the project lent");
  double close = signature_similarity(text_signature({folded}), text_signature({reworded}));
  EXPECT_GE(close, kNearDuplicateSimilarity);
  EXPECT_LT(close, 1.0);
  std::string other = fold(
      "A cooperative built a small cyanidation plant to treat the tailings of its members. The plant recovered "
      "gold that amalgamation had left behind, but it was fed with tailings that still held mercury, which "
      "cyanide dissolves and carries into the river, so the review asks for lined ponds and records.");
  EXPECT_LT(signature_similarity(text_signature({folded}), text_signature({other})), 0.2);
}

TEST(TextSignature, AShortTextHasNone) {
  EXPECT_EQ(text_signature({"mercury retorts in ghana"}), "");
  EXPECT_EQ(signature_similarity("", ""), 0.0);
  EXPECT_TRUE(band_keys("").empty());
}

class NearDuplicateIngestTest : public testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(in());
    for (const auto& entry : fs::directory_iterator(test_support::data_file("duplicates", "")))
      fs::copy_file(entry.path(), in() / entry.path().filename());
  }
  IngestSummary run() {
    auto summary = ingest(db(), {in()}, {}, {});
    EXPECT_TRUE(summary.has_value()) << summary.error().to_string();
    return summary.has_value() ? *summary : IngestSummary{};
  }
  ranking::SearchResponse search(const std::string& query, std::vector<std::string> facets = {}) {
    auto searcher = ranking::Searcher::open(db());
    EXPECT_TRUE(searcher.has_value());
    ranking::SearchRequest request;
    request.query = query;
    request.facets = std::move(facets);
    auto response = searcher->search(request);
    EXPECT_TRUE(response.has_value()) << response.error().to_string();
    return response.has_value() ? *response : ranking::SearchResponse{};
  }
  std::string duplicate_of(const std::string& id) {
    auto searcher = ranking::Searcher::open(db());
    auto record = searcher->document(id);
    EXPECT_TRUE(record.has_value()) << id;
    return record.has_value() ? record->duplicate_of : "?";
  }
  fs::path in() const { return dir_ / "in"; }
  fs::path db() const { return dir_ / "db"; }

  test_support::TempDir dir_;
};

TEST_F(NearDuplicateIngestTest, TheSameReportAsPdfPageAndRepublicationIsReportedLinkedAndShownOnce) {
  auto summary = run();
  EXPECT_EQ(summary.indexed, 4u);
  EXPECT_EQ(summary.documents, 4u);  // nothing is dropped: a duplicate is kept and linked
  // Files are read in name order, so the re-publication is the group's first.
  ASSERT_EQ(summary.duplicates.size(), 2u);
  std::vector<std::string> reported;
  for (const auto& duplicate : summary.duplicates) {
    reported.push_back(duplicate.id);
    EXPECT_EQ(duplicate.duplicate_of, "lessons-from-river-camps");
    EXPECT_GE(duplicate.similarity, kNearDuplicateSimilarity);
    EXPECT_NE(duplicate.file.find("retort-pilot-report."), std::string::npos);
  }
  std::sort(reported.begin(), reported.end());
  EXPECT_EQ(reported, (std::vector<std::string>{"retort-pilot-report-html", "retort-pilot-report-pdf"}));
  EXPECT_EQ(duplicate_of("retort-pilot-report-pdf"), "lessons-from-river-camps");
  EXPECT_EQ(duplicate_of("lessons-from-river-camps"), "");
  EXPECT_EQ(duplicate_of("cyanidation-plant-review"), "");

  auto response = search("retorts amalgam", {"language"});
  ASSERT_EQ(response.hits.size(), 2u);
  std::size_t grouped = response.hits[0].id == "cyanidation-plant-review" ? 1 : 0;
  EXPECT_EQ(response.hits[grouped].duplicates, 2u);
  EXPECT_EQ(response.hits[1 - grouped].id, "cyanidation-plant-review");
  EXPECT_EQ(response.hits[1 - grouped].duplicates, 0u);
  ASSERT_EQ(response.facets["language"].size(), 1u);
  EXPECT_EQ(response.facets["language"][0].count, 2u);  // the group counts once

  // Re-indexing changes nothing: the first stays first.
  auto again = run();
  EXPECT_EQ(again.indexed, 0u);
  EXPECT_EQ(duplicate_of("retort-pilot-report-html"), "lessons-from-river-camps");
}

TEST_F(NearDuplicateIngestTest, SimilarInitiativesShowAGroupOnceAndNeverTheSeedsCopies) {
  // The copies among the bundled collection's real records.
  auto summary = ingest(db(), {in(), test_support::collection_dir()}, {}, {});
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  ASSERT_EQ(summary->duplicates.size(), 2u);
  auto searcher = ranking::Searcher::open(db());
  ASSERT_TRUE(searcher.has_value());
  const std::vector<std::string> group{"lessons-from-river-camps", "retort-pilot-report-html", "retort-pilot-report-pdf"};
  auto in_group = [&](const std::string& id) { return std::find(group.begin(), group.end(), id) != group.end(); };

  ranking::SimilarRequest by_copy;
  by_copy.id = "retort-pilot-report-pdf";
  by_copy.k = 10;
  auto similar = searcher->similar(by_copy);
  ASSERT_TRUE(similar.has_value()) << similar.error().to_string();
  EXPECT_FALSE(similar->similar.empty());
  for (const auto& hit : similar->similar) EXPECT_FALSE(in_group(hit.id)) << hit.id;

  ranking::SimilarRequest proposal;
  proposal.text = "We plan to lend closed retorts to the owners of processing sites in river camps, so that "
                  "amalgam is burnt inside the retort and the mercury recovered is logged and weighed.";
  proposal.k = 10;
  similar = searcher->similar(proposal);
  ASSERT_TRUE(similar.has_value()) << similar.error().to_string();
  ASSERT_FALSE(similar->similar.empty());
  EXPECT_TRUE(in_group(similar->similar[0].id)) << similar->similar[0].id;
  EXPECT_EQ(std::count_if(similar->similar.begin(), similar->similar.end(), [&](const auto& hit) { return in_group(hit.id); }), 1);
}

TEST_F(NearDuplicateIngestTest, WhenTheFirstGoesTheNextTakesItsPlace) {
  run();
  fs::remove(in() / "lessons-from-river-camps.md");
  auto summary = run();
  EXPECT_EQ(summary.removed, 1u);
  std::string first = duplicate_of("retort-pilot-report-html");
  std::string second = duplicate_of("retort-pilot-report-pdf");
  // One of the two copies is now the first, and the other points at it.
  EXPECT_TRUE((first.empty() && second == "retort-pilot-report-html") ||
              (second.empty() && first == "retort-pilot-report-pdf"))
      << first << " / " << second;
  EXPECT_EQ(search("retorts amalgam").hits.size(), 2u);

  fs::remove(in() / "retort-pilot-report.pdf");
  run();
  EXPECT_EQ(duplicate_of("retort-pilot-report-html"), "");  // alone, it is in no group
  auto response = search("retorts amalgam");
  EXPECT_EQ(response.hits.size(), 2u);
  for (const auto& hit : response.hits) EXPECT_EQ(hit.duplicates, 0u);
}

TEST_F(NearDuplicateIngestTest, ARecordPutThroughTheApiIsLinkedToo) {
  run();
  corpus::Document copy;
  copy.id = "uploaded-copy";
  copy.title = "Retort pilot";
  std::ifstream file(in() / "lessons-from-river-camps.md");
  copy.body.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  WriteBatch batch;
  batch.put.push_back(copy);
  auto outcome = apply_writes(db(), batch, std::chrono::milliseconds(1000));
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  ASSERT_EQ(outcome->duplicate_of.size(), 1u);
  EXPECT_EQ(outcome->duplicate_of[0], "lessons-from-river-camps");
}

TEST(NearDuplicates, TheBundledCollectionHasNone) {
  // 128 real records, with translations of one initiative into other languages: none is a copy.
  test_support::TempDir dir;
  auto summary = ingest(dir / "db", {test_support::collection_dir()}, {}, {});
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  EXPECT_GT(summary->indexed, 100u);
  EXPECT_TRUE(summary->duplicates.empty()) << summary->duplicates.front().id << " ~ "
                                           << summary->duplicates.front().duplicate_of;
}

}  // namespace
}  // namespace indexer
