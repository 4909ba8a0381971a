// The query translator on Apertium's real dictionaries (installed by tools/setup): every direct
// pair, the pairs through Spanish, words the dictionaries do not know, hostile input, and the
// translator with no data at all.

#include "indexer/apertium_pairs.h"
#include "indexer/query_translator.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace indexer {
namespace {

const QueryTranslator& translator() {
  static auto shared = QueryTranslator::shared(apertium::kDefaultDataDir);
  return *shared;
}

// The alternatives of the word written `source` in a translation; empty when it is not there.
std::vector<std::string> alternatives_of(const Translation& translation, const std::string& source) {
  for (const auto& word : translation.words)
    if (word.source == source) return word.alternatives;
  return {};
}

bool has(const std::vector<std::string>& alternatives, const std::string& wanted) {
  return std::find(alternatives.begin(), alternatives.end(), wanted) != alternatives.end();
}

TEST(QueryTranslator, KnowsEveryPairOfTheFourLanguages) {
  const auto& status = translator().status();
  ASSERT_TRUE(status.available) << status.reason;
  EXPECT_TRUE(status.reason.empty()) << status.reason;
  EXPECT_EQ(status.pairs.size(), 12u);
  for (const char* from : {"en", "es", "fr", "pt"})
    for (const char* to : {"en", "es", "fr", "pt"})
      EXPECT_EQ(translator().can_translate(from, to), std::string(from) != to) << from << "-" << to;
}

struct PairCase {
  const char* from;
  const char* to;
  const char* text;
  const char* word;      // a word of `text`
  const char* expected;  // one of its translations
};

class DirectAndPivotPairs : public ::testing::TestWithParam<PairCase> {};

TEST_P(DirectAndPivotPairs, TranslatesTheWord) {
  const PairCase& c = GetParam();
  auto translation = translator().translate(c.text, c.from, c.to);
  ASSERT_TRUE(translation) << translation.error().to_string();
  EXPECT_EQ(translation->from, c.from);
  EXPECT_EQ(translation->to, c.to);
  auto alternatives = alternatives_of(*translation, c.word);
  EXPECT_TRUE(has(alternatives, c.expected)) << c.word << " -> " << translation->text();
}

INSTANTIATE_TEST_SUITE_P(
    Pairs, DirectAndPivotPairs,
    ::testing::Values(PairCase{"en", "es", "mercury pollution of rivers", "mercury", "mercurio"},
                      PairCase{"es", "en", "contaminación por mercurio", "mercurio", "mercury"},
                      PairCase{"fr", "es", "le travail des enfants", "travail", "trabajo"},
                      PairCase{"es", "fr", "el trabajo de los niños", "niños", "enfant"},
                      PairCase{"es", "pt", "las cooperativas mineras", "mineras", "mineiro"},
                      PairCase{"pt", "es", "o trabalho infantil", "trabalho", "trabajo"},
                      // Through Spanish:
                      PairCase{"en", "fr", "gold and mercury", "gold", "or"},
                      PairCase{"en", "pt", "child labour", "labour", "trabalho"},
                      PairCase{"fr", "pt", "le travail des enfants", "travail", "trabalho"},
                      PairCase{"pt", "en", "o ouro", "ouro", "gold"}),
    [](const ::testing::TestParamInfo<PairCase>& info) {
      return std::string(info.param.from) + "_" + info.param.to;
    });

TEST(QueryTranslator, KeepsWordsItDoesNotKnowAsWritten) {
  auto translation = translator().translate("planetGOLD Burkina Faso", "en", "es");
  ASSERT_TRUE(translation) << translation.error().to_string();
  auto alternatives = alternatives_of(*translation, "planetGOLD");
  ASSERT_EQ(alternatives.size(), 1u);
  EXPECT_EQ(alternatives.front(), "planetGOLD");
  for (const auto& word : translation->words)
    if (word.source == "planetGOLD") EXPECT_FALSE(word.known);
}

TEST(QueryTranslator, KeepsEachWordsAlternativesBounded) {
  auto translation = translator().translate("the mine works and the miners work", "en", "es");
  ASSERT_TRUE(translation);
  ASSERT_FALSE(translation->words.empty());
  for (const auto& word : translation->words) {
    EXPECT_GE(word.alternatives.size(), 1u);
    EXPECT_LE(word.alternatives.size(), QueryTranslator::kMaxAlternatives);
  }
}

TEST(QueryTranslator, StreamCharactersAndControlBytesAreOnlySpaces) {
  // Apertium's stream format gives these a meaning; unescaped, lt-proc refuses the input or
  // reads words as tags.
  std::string hostile = std::string("mercury ^retort$ [x] \\y @z *w {v} <n> # /u ") + '\0' + "\x01" + " gold";
  auto translation = translator().translate(hostile, "en", "es");
  ASSERT_TRUE(translation) << translation.error().to_string();
  EXPECT_TRUE(has(alternatives_of(*translation, "mercury"), "mercurio"));
  EXPECT_TRUE(has(alternatives_of(*translation, "gold"), "oro"));
  for (const auto& word : translation->words)
    for (const auto& alternative : word.alternatives)
      EXPECT_EQ(alternative.find_first_of("^$@*<>{}[]\\"), std::string::npos) << alternative;
}

TEST(QueryTranslator, AWordEndingInAnAccentedLetterStaysWhole) {
  auto translation = translator().translate("minería en Perú", "es", "en");
  ASSERT_TRUE(translation) << translation.error().to_string();
  EXPECT_TRUE(has(alternatives_of(*translation, "Perú"), "Peru")) << translation->text();
}

TEST(QueryTranslator, CutsLongInputAtACharacterBoundary) {
  std::string long_text;
  while (long_text.size() < 3 * QueryTranslator::kMaxInputBytes) long_text += "minería ";
  // A two-byte letter across the limit.
  long_text = std::string(QueryTranslator::kMaxInputBytes - 2, 'a') + " ñ " + long_text;
  auto translation = translator().translate(long_text, "es", "en");
  ASSERT_TRUE(translation) << translation.error().to_string();
  ASSERT_EQ(translation->words.size(), 1u) << "the limit falls inside the ñ, which is left out whole";
  EXPECT_EQ(translation->words.front().source, std::string(QueryTranslator::kMaxInputBytes - 2, 'a'));
}

TEST(QueryTranslator, AnswersTheSameFromItsCache) {
  auto first = translator().translate("artisanal gold mining", "en", "pt");
  auto second = translator().translate("artisanal gold mining", "en", "pt");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->text(), second->text());
}

TEST(QueryTranslator, WithoutApertiumSaysWhyAndTranslatesNothing) {
  QueryTranslator none("/nonexistent/apertium");
  EXPECT_FALSE(none.status().available);
  EXPECT_TRUE(none.status().pairs.empty());
  EXPECT_NE(none.status().reason.find("/nonexistent/apertium"), std::string::npos) << none.status().reason;
  EXPECT_NE(none.status().reason.find("apertium-eng-spa"), std::string::npos) << none.status().reason;
  EXPECT_FALSE(none.can_translate("en", "es"));
  auto translation = none.translate("mercury", "en", "es");
  ASSERT_FALSE(translation);
  EXPECT_EQ(translation.error().code, corpus::ErrorCode::unavailable);
}

TEST(QueryTranslator, UnknownLanguagesAreRefused) {
  EXPECT_FALSE(translator().can_translate("en", "de"));
  EXPECT_FALSE(translator().translate("gold", "en", "de"));
  EXPECT_FALSE(translator().can_translate("en", "en"));
}

}  // namespace
}  // namespace indexer
