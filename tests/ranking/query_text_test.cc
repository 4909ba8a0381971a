// The query's text before Xapian sees it: folding that keeps operators, year filters, the plain
// query's parts, and the words a translator is given.

#include "ranking/query_text.h"

#include <gtest/gtest.h>

namespace ranking {
namespace {

TEST(QueryText, FoldingKeepsOperatorsAndMakesExclusionsUnstemmed) {
  EXPECT_EQ(fold_query("Minería AND Retortas"), "mineria AND retortas");
  EXPECT_EQ(fold_query("oro -Cianuro"), "oro -Cianuro");
  EXPECT_EQ(fold_query("oro NOT cianuro"), "oro NOT Cianuro");
  // ".." is a range to Xapian, and only year: takes one; a lone dot is punctuation.
  EXPECT_EQ(fold_query("wait... what"), "wait  . what");
}

TEST(QueryText, YearsAreCheckedAndASingleYearBecomesARange) {
  std::string text = "mercury year:2005";
  EXPECT_FALSE(normalise_years(text).has_value());
  EXPECT_EQ(text, "mercury year:2005..2005");
  std::string range = "year:2000..2010";
  EXPECT_FALSE(normalise_years(range).has_value());
  EXPECT_EQ(range, "year:2000..2010");
  std::string bad = "year:2010..2000";
  auto error = normalise_years(bad);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->field, "q");
  EXPECT_NE(error->message.find("2010..2000"), std::string::npos);
}

TEST(QueryText, APlainQuerySplitsIntoWordsExclusionsAndFilters) {
  auto plain = plain_query(fold_query("mercurio retortas -cianuro country:pe OR oro"));
  EXPECT_TRUE(plain.plain);
  EXPECT_EQ(plain.words, (std::vector<std::string>{"mercurio", "retortas", "oro"}));
  EXPECT_EQ(plain.excluded, std::vector<std::string>{"cianuro"});
  EXPECT_EQ(plain.filters.at("country"), std::vector<std::string>{"pe"});
  EXPECT_FALSE(plain_query(fold_query("\"trabajo infantil\" colombia")).plain);
  EXPECT_FALSE(plain_query(fold_query("mercury AND gold")).plain);
}

TEST(QueryText, TheTranslatorGetsTheWordsAsWrittenAndNothingElse) {
  EXPECT_EQ(translatable_text("Minería en Perú -cianuro country:PE OR \"oro\""), "Minería en Perú oro");
  EXPECT_EQ(translatable_text("  (retortas)  "), "retortas");
  EXPECT_EQ(translatable_text("-a b:c OR"), "");
}

}  // namespace
}  // namespace ranking
