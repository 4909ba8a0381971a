// Did-you-mean over the bundled collection: only misspelt words change, corrections are written
// as the collection writes them, and in the query's language.

#include <gtest/gtest.h>

#include "tests/ranking/collection_fixture.h"

namespace ranking {
namespace {

class SpellingTest : public CollectionTest {};

TEST_F(SpellingTest, DidYouMeanCorrectsOnlyTheMisspeltWords) {
  auto response = search("mercurry AND garimpoo -galamsay");
  EXPECT_EQ(response.total, 0u);
  ASSERT_TRUE(response.did_you_mean.has_value());
  EXPECT_EQ(*response.did_you_mean, "mercury AND garimpo -galamsey");
  auto found = search("mercury");
  EXPECT_FALSE(found.did_you_mean.has_value());
  EXPECT_FALSE(search("zzzzqqqq").did_you_mean.has_value());  // nothing close: no suggestion
  // A misspelt word among words that find records is corrected too.
  auto weak = search("mercury retortz");
  EXPECT_GT(weak.total, 0u);
  ASSERT_TRUE(weak.did_you_mean.has_value());
  EXPECT_EQ(*weak.did_you_mean, "mercury retorts");
}

TEST_F(SpellingTest, DidYouMeanWritesACorrectionAsTheCollectionDoes) {
  // Accents come back, an elision is not part of the word, and the user's own words stay as typed.
  EXPECT_EQ(search("formalizasion").did_you_mean.value_or(""), "formalización");
  EXPECT_EQ(search("minerria").did_you_mean.value_or(""), "minería");
  EXPECT_EQ(search("orpaillge").did_you_mean.value_or(""), "orpaillage");
  EXPECT_EQ(search("Minería AND mercurry").did_you_mean.value_or(""), "Minería AND mercury");
}

TEST_F(SpellingTest, ACorrectionIsAWordOfTheQuerysLanguage) {
  // "tantale" is French; "mining" says the query is English, and no English word is close.
  EXPECT_FALSE(search("tantalite mining").did_you_mean.has_value());
  EXPECT_FALSE(search("tantalite", "en").did_you_mean.has_value());
  // Asked in French, the French word is the correction.
  EXPECT_EQ(search("tantalite", "fr").did_you_mean.value_or(""), "tantale");
  // An English word among English words still is.
  EXPECT_EQ(search("mercury retorst").did_you_mean.value_or(""), "mercury retorts");
}

}  // namespace
}  // namespace ranking
