#include "corpus/walker.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace corpus {
namespace {

TEST(WalkerTest, WalksFoldersSkippingHiddenReadmeAndOtherFormats) {
  test_support::TempDir dir;
  test_support::write_file(dir / "a.md", "# A");
  test_support::write_file(dir / "sub/b.jsonl", "");
  test_support::write_file(dir / "sub/c.odt", "");
  test_support::write_file(dir / "README.md", "# About");
  test_support::write_file(dir / ".git/d.json", "{}");
  test_support::write_file(dir / ".hidden.json", "{}");
  auto list = collect_files({dir.path()});
  ASSERT_EQ(list.files.size(), 2u);
  EXPECT_EQ(list.files[0].filename(), "a.md");
  EXPECT_EQ(list.files[1].filename(), "b.jsonl");
  EXPECT_TRUE(list.errors.empty());
  ASSERT_EQ(list.folders.size(), 1u);
}

TEST(WalkerTest, NamedFilesMustExistAndAreTakenWhateverTheirExtension) {
  test_support::TempDir dir;
  test_support::write_file(dir / "report.download", "%PDF-1.4");
  test_support::write_file(dir / "ok.txt", "Title");
  auto list = collect_files({dir / "nope", dir / "report.download", dir / "ok.txt", dir / "ok.txt"});
  ASSERT_EQ(list.files.size(), 2u);  // named twice, read once; the content tells report's format
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].code, ErrorCode::not_found);
  EXPECT_EQ(list.errors[0].file, (dir / "nope").string());
}

}  // namespace
}  // namespace corpus
