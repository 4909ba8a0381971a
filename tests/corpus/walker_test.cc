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

TEST(WalkerTest, NamedFilesMustExistAndBeReadable) {
  test_support::TempDir dir;
  test_support::write_file(dir / "report.odt", "");
  test_support::write_file(dir / "ok.txt", "Title");
  auto list = collect_files({dir / "nope", dir / "report.odt", dir / "ok.txt", dir / "ok.txt"});
  ASSERT_EQ(list.files.size(), 1u);  // named twice, read once
  ASSERT_EQ(list.errors.size(), 2u);
  EXPECT_EQ(list.errors[0].code, ErrorCode::not_found);
  EXPECT_EQ(list.errors[0].file, (dir / "nope").string());
  EXPECT_EQ(list.errors[1].code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace corpus
