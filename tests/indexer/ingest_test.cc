#include "indexer/ingest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "ranking/searcher.h"
#include "tests/test_support.h"

namespace indexer {
namespace {

namespace fs = std::filesystem;
using test_support::write_file;

class IngestTest : public testing::Test {
 protected:
  IngestSummary run(std::vector<fs::path> paths = {}) {
    if (paths.empty()) paths = {in()};
    auto summary = ingest(db(), paths, {}, {});
    EXPECT_TRUE(summary.has_value()) << summary.error().to_string();
    return summary.has_value() ? *summary : IngestSummary{};
  }
  fs::path in() const { return dir_ / "in"; }
  fs::path db() const { return dir_ / "db"; }

  // The index as it is now, searched for `query` (up to 100 hits).
  ranking::SearchResponse search_for(const std::string& query, std::vector<std::string> facets = {}) {
    auto searcher = ranking::Searcher::open(db());
    EXPECT_TRUE(searcher.has_value());
    ranking::SearchRequest request;
    request.query = query;
    request.per_page = 100;
    request.facets = std::move(facets);
    auto response = searcher->search(request);
    EXPECT_TRUE(response.has_value()) << response.error().to_string();
    return response.has_value() ? *response : ranking::SearchResponse{};
  }

  std::vector<std::string> ids_for(const std::string& query) {
    std::vector<std::string> ids;
    for (const auto& hit : search_for(query).hits) ids.push_back(hit.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  test_support::TempDir dir_;
};

TEST_F(IngestTest, ReindexingUnchangedFilesIsIdempotent) {
  write_file(in() / "a.md", "---\nid: a\ntitle: Mercury retorts\n---\nBody\n");
  write_file(in() / "b.jsonl", "{\"id\": \"b1\", \"title\": \"Gold\"}\n{\"id\": \"b2\", \"title\": \"Tin\"}\n");
  auto first = run();
  EXPECT_EQ(first.indexed, 3u);
  EXPECT_EQ(first.documents, 3u);
  auto second = run();
  EXPECT_EQ(second.indexed, 0u);
  EXPECT_EQ(second.unchanged, 3u);
  EXPECT_EQ(second.files_unchanged, 2u);
  EXPECT_EQ(second.documents, 3u);
}

TEST_F(IngestTest, ChangedFileIsReindexedAndDroppedRecordsRemoved) {
  write_file(in() / "b.jsonl", "{\"id\": \"b1\", \"title\": \"Gold\"}\n{\"id\": \"b2\", \"title\": \"Tin\"}\n");
  run();
  write_file(in() / "b.jsonl", "{\"id\": \"b1\", \"title\": \"Cobalt\"}\n");
  auto summary = run();
  EXPECT_EQ(summary.indexed, 1u);
  EXPECT_EQ(summary.removed, 1u);
  EXPECT_EQ(summary.documents, 1u);
  EXPECT_EQ(ids_for("cobalt"), std::vector<std::string>{"b1"});
  EXPECT_TRUE(ids_for("gold").empty());
}

TEST_F(IngestTest, DeletedFileRecordsAreRemoved) {
  write_file(in() / "a.md", "---\nid: a\ntitle: A\n---\n");
  write_file(in() / "sub/b.md", "---\nid: b\ntitle: B\n---\n");
  run();
  fs::remove(in() / "sub/b.md");
  auto summary = run();
  EXPECT_EQ(summary.removed, 1u);
  EXPECT_EQ(summary.documents, 1u);
}

TEST_F(IngestTest, FilesOutsideTheWalkedFoldersAreKept) {
  write_file(dir_ / "one/a.md", "---\nid: a\ntitle: A\n---\n");
  write_file(dir_ / "two/b.md", "---\nid: b\ntitle: B\n---\n");
  run({dir_ / "one", dir_ / "two"});
  fs::remove(dir_ / "two/b.md");
  auto summary = run({dir_ / "one"});
  EXPECT_EQ(summary.removed, 0u);  // two/ was not walked this time
  EXPECT_EQ(summary.documents, 2u);
}

TEST_F(IngestTest, AFolderWithABrokenFileStillIndexesTheRest) {
  write_file(in() / "good.md", "---\nid: good\ntitle: Good\n---\n");
  write_file(in() / "broken.json", "[{\"id\": \"x\",");
  write_file(in() / "mixed.jsonl", "{\"id\": \"m1\", \"title\": \"M\"}\n{\"id\": \"m2\", \"title\": \"M\", \"type\": \"book\"}\n");
  auto summary = run();
  EXPECT_EQ(summary.indexed, 2u);
  EXPECT_EQ(summary.failed, 2u);
  ASSERT_EQ(summary.errors.size(), 2u);
  EXPECT_EQ(summary.errors[0].file, fs::weakly_canonical(in() / "broken.json").string());
  EXPECT_EQ(summary.errors[1].line, 2);
  EXPECT_EQ(summary.errors[1].field, "type");
  // A file with errors is read again next time, so its errors are reported until fixed.
  auto again = run();
  EXPECT_EQ(again.failed, 2u);
  EXPECT_EQ(again.documents, 2u);
}

TEST_F(IngestTest, ARecordThatTurnsBadKeepsItsIndexedVersion) {
  write_file(in() / "r.jsonl", "{\"id\": \"r1\", \"title\": \"Retorts\"}\n{\"id\": \"r2\", \"title\": \"Two\"}\n");
  run();
  write_file(in() / "r.jsonl", "{\"id\": \"r1\", \"title\": \"Retorts\", \"outcome\": \"bad\"}\n{\"id\": \"r2\", \"title\": \"Two\"}\n");
  auto summary = run();
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.removed, 0u);
  EXPECT_EQ(ids_for("retorts"), std::vector<std::string>{"r1"});
}

TEST_F(IngestTest, SameIdInAnotherFileReplacesTheRecord) {
  write_file(in() / "a.jsonl", "{\"id\": \"same\", \"title\": \"First version\"}\n");
  run();
  fs::remove(in() / "a.jsonl");
  write_file(in() / "b.jsonl", "{\"id\": \"same\", \"title\": \"Second version\"}\n");
  auto summary = run();
  EXPECT_EQ(summary.documents, 1u);
  EXPECT_EQ(ids_for("second"), std::vector<std::string>{"same"});
  EXPECT_TRUE(ids_for("first").empty());
}

TEST_F(IngestTest, ManyRecordsAcrossThreadsAndCommitsAllArrive) {
  std::string lines;
  for (int i = 0; i < 500; ++i) {
    lines += "{\"id\": \"r" + std::to_string(i) + "\", \"title\": \"Record " + std::to_string(i) +
             "\", \"body\": \"mercury retorts cooperative\"}\n";
  }
  write_file(in() / "many.jsonl", lines);
  IngestOptions options;
  options.threads = 3;
  options.batch_size = 7;
  auto summary = ingest(db(), {in()}, options, {});
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->indexed, 500u);
  EXPECT_EQ(summary->documents, 500u);
}

TEST_F(IngestTest, CancelledRunCommitsWhatItWrote) {
  write_file(in() / "a.md", "---\nid: a\ntitle: A\n---\n");
  std::atomic<bool> cancel{true};
  IngestOptions options;
  options.cancel = &cancel;
  auto summary = ingest(db(), {in()}, options, {});
  ASSERT_TRUE(summary.has_value());
  EXPECT_TRUE(summary->cancelled);
  EXPECT_EQ(summary->documents, 0u);
  auto searcher = ranking::Searcher::open(db());
  EXPECT_TRUE(searcher.has_value());
}

TEST_F(IngestTest, ASecondWriterIsToldTheIndexIsLocked) {
  write_file(in() / "a.md", "---\nid: a\ntitle: A\n---\n");
  run();
  std::atomic<bool> cancel{false};
  std::optional<corpus::Result<IngestSummary>> inner;
  IngestOptions options;
  // While the first ingest holds the lock (inside its progress callback), start another.
  ProgressCallback progress = [&](const IngestProgress&) {
    if (!inner) inner = ingest(db(), {in()}, {}, {});
  };
  write_file(in() / "b.md", "---\nid: b\ntitle: B\n---\n");
  auto outer = ingest(db(), {in()}, options, progress);
  ASSERT_TRUE(outer.has_value());
  ASSERT_TRUE(inner.has_value());
  ASSERT_FALSE(inner->has_value());
  EXPECT_EQ(inner->error().code, corpus::ErrorCode::busy);
  EXPECT_NE(inner->error().message.find("locked"), std::string::npos);
}

TEST_F(IngestTest, MissingIndexIsReportedToReaders) {
  auto searcher = ranking::Searcher::open(dir_ / "nothing-here");
  ASSERT_FALSE(searcher.has_value());
  EXPECT_EQ(searcher.error().code, corpus::ErrorCode::not_found);
}


TEST_F(IngestTest, AWebPageIsARecord) {
  write_file(in() / "sluices.html",
             "<html lang=\"en\"><head><title>Sluice boxes</title></head>"
             "<body><nav>Home</nav><p>Gravity concentration before any mercury.</p></body></html>");
  auto summary = run();
  EXPECT_EQ(summary.indexed, 1u);
  EXPECT_EQ(ids_for("gravity concentration"), std::vector<std::string>{"sluices"});
  EXPECT_TRUE(ids_for("home").empty());
}

TEST_F(IngestTest, EditingASidecarAloneReindexesItsFile) {
  write_file(in() / "page.html", "<html><head><title>Sluice boxes</title></head><body><p>Gravity.</p></body></html>");
  write_file(in() / "page.html.json", R"({"outcome": "completed"})");
  EXPECT_EQ(run().indexed, 1u);
  EXPECT_EQ(ids_for("outcome:completed"), std::vector<std::string>{"page"});
  auto unchanged = run();
  EXPECT_EQ(unchanged.files_unchanged, 1u);
  write_file(in() / "page.html.json", R"({"outcome": "discontinued"})");
  auto changed = run();
  EXPECT_EQ(changed.indexed, 1u);
  EXPECT_EQ(changed.documents, 1u);
  EXPECT_EQ(ids_for("outcome:discontinued"), std::vector<std::string>{"page"});
}

TEST_F(IngestTest, LessonsFollowTheirRecord) {
  auto lesson_ids = [&](const std::string& query) { return ids_for(query); };
  write_file(in() / "a.md",
             "---\nid: a\ntitle: Gold\nlessons:\n  - kind: failed\n    text: Retorts were not used.\n"
             "  - kind: worked\n    text: Cooperatives kept records.\n---\n");
  run();
  EXPECT_EQ(lesson_ids("retorts kind:failed"), std::vector<std::string>{"a"});
  EXPECT_EQ(lesson_ids("cooperatives kind:worked"), std::vector<std::string>{"a"});
  EXPECT_TRUE(lesson_ids("retorts kind:worked").empty());
  // The record changes: its old lessons go with the old version.
  write_file(in() / "a.md", "---\nid: a\ntitle: Gold\nlessons:\n  - kind: failed\n    text: Sluices clogged.\n---\n");
  auto summary = run();
  EXPECT_EQ(summary.documents, 1u);
  EXPECT_TRUE(lesson_ids("retorts kind:failed").empty());
  EXPECT_TRUE(lesson_ids("cooperatives kind:worked").empty());
  EXPECT_EQ(lesson_ids("sluices kind:failed"), std::vector<std::string>{"a"});
  // The file goes: the record and its lessons go.
  fs::remove(in() / "a.md");
  write_file(in() / "b.md", "---\nid: b\ntitle: Tin\n---\n");
  summary = run();
  EXPECT_EQ(summary.documents, 1u);
  EXPECT_TRUE(lesson_ids("sluices kind:failed").empty());
}

TEST_F(IngestTest, ATranslationIsShownOnceWithItsOriginalWhicheverIsIndexedFirst) {
  // The translation's file comes first in the walk, so it is indexed before its original.
  write_file(in() / "a-traducao.md",
             "---\nid: manual-pt\ntitle: Manual de retortas no Tapajós\nlanguage: pt\ntranslation_of: manual-en\n---\n"
             "Como usar retortas no Tapajós.\n");
  write_file(in() / "b-original.md",
             "---\nid: manual-en\ntitle: Retort manual for the Tapajós\nlanguage: en\n---\nHow to use retorts in the Tapajós.\n");
  write_file(in() / "c-other.md", "---\nid: other\ntitle: Other work in the Tapajós\nlanguage: en\n---\nMore.\n");
  run();
  auto search = [&] { return search_for("Tapajós"); };
  auto grouped = search();
  EXPECT_EQ(grouped.total, 2u);
  auto manual = std::find_if(grouped.hits.begin(), grouped.hits.end(),
                             [](const ranking::Hit& hit) { return hit.id.starts_with("manual"); });
  ASSERT_NE(manual, grouped.hits.end());
  ASSERT_EQ(manual->translations.size(), 1u);
  EXPECT_EQ(manual->translations[0].id, manual->id == "manual-en" ? "manual-pt" : "manual-en");
  EXPECT_EQ(manual->duplicates, 0u);
  EXPECT_TRUE(manual->duplicate_of.empty());
  // Without its original, the translation is a record of its own; back, they group again.
  fs::rename(in() / "b-original.md", dir_ / "b-original.md");
  run();
  EXPECT_EQ(search().total, 2u);
  EXPECT_EQ(ids_for("Tapajós"), (std::vector<std::string>{"manual-pt", "other"}));
  fs::rename(dir_ / "b-original.md", in() / "b-original.md");
  run();
  EXPECT_EQ(search().total, 2u);
}

TEST_F(IngestTest, AnInitiativesPartsAreShownOnceWithItWhicheverIsIndexedFirst) {
  // Two sub-awards come first in the walk, before the award they are parts of.
  write_file(in() / "a-sub-1.md", "---\nid: award-2\ntitle: Retorts for Kédougou, second year\noutcome: completed\npart_of: award-1\n---\nRetorts.\n");
  write_file(in() / "a-sub-2.md", "---\nid: award-3\ntitle: Retorts for Kédougou, extension\noutcome: ongoing\npart_of: award-1\n---\nRetorts.\n");
  write_file(in() / "b-award.md", "---\nid: award-1\ntitle: Retorts for Kédougou\noutcome: completed\n---\nRetorts.\n");
  write_file(in() / "c-other.md", "---\nid: other\ntitle: Kédougou mining census\noutcome: completed\n---\nMore.\n");
  run();
  auto search = [&] { return search_for("Kédougou", {"outcome"}); };
  auto grouped = search();
  EXPECT_EQ(grouped.total, 2u);
  auto award = std::find_if(grouped.hits.begin(), grouped.hits.end(),
                            [](const ranking::Hit& hit) { return hit.id.starts_with("award"); });
  ASSERT_NE(award, grouped.hits.end());
  std::vector<std::string> members = award->parts;
  members.push_back(award->id);
  std::sort(members.begin(), members.end());
  EXPECT_EQ(members, (std::vector<std::string>{"award-1", "award-2", "award-3"}));
  EXPECT_EQ(award->duplicates, 0u);
  EXPECT_TRUE(award->duplicate_of.empty());
  // Facets count the initiative once, with every outcome its parts give.
  std::map<std::string, std::uint64_t> outcomes;
  for (const auto& count : grouped.facets["outcome"]) outcomes[count.value] = count.count;
  EXPECT_EQ(outcomes, (std::map<std::string, std::uint64_t>{{"completed", 2}, {"ongoing", 1}}));
  // Without the award, its two parts still name it and stay one group.
  fs::rename(in() / "b-award.md", dir_ / "b-award.md");
  run();
  EXPECT_EQ(search().total, 2u);
  fs::rename(dir_ / "b-award.md", in() / "b-award.md");
  run();
  EXPECT_EQ(search().total, 2u);
}

}  // namespace
}  // namespace indexer
