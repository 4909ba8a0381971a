// The text translator on Apertium's real pipelines (installed by tools/setup): each direct pair
// and the pairs through Spanish, order and empty texts kept, Apertium's stream characters carried
// through as text. Pipelines that hang, die or answer out of step are made from GNU sed in
// null-data mode (`sed -z`, which the translator's -z turns every stage into), in a data folder of
// the test's own: the translator must give up within its time limit, say why, and start a fresh
// pipeline for the next request.

#include "indexer/text_translator.h"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/apertium_pairs.h"
#include "tests/test_support.h"

namespace indexer {
namespace {

using namespace std::chrono_literals;

const TextTranslator& translator() {
  static auto shared = TextTranslator::shared(apertium::kDefaultDataDir);
  return *shared;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

struct TextCase {
  const char* from;
  const char* to;
  const char* text;
  const char* expected;  // a word the translation holds
};

class TextPairs : public ::testing::TestWithParam<TextCase> {};

TEST_P(TextPairs, TranslatesTheSentence) {
  const TextCase& c = GetParam();
  ASSERT_TRUE(translator().can_translate(c.from, c.to)) << translator().problem();
  auto translated = translator().translate({c.text}, c.from, c.to);
  ASSERT_TRUE(translated) << translated.error().to_string();
  ASSERT_EQ(translated->size(), 1u);
  EXPECT_NE(lower(translated->front()).find(c.expected), std::string::npos) << c.text << " -> " << translated->front();
}

INSTANTIATE_TEST_SUITE_P(
    DirectAndThroughSpanish, TextPairs,
    ::testing::Values(TextCase{"en", "es", "The miners stopped using mercury.", "mercurio"},
                      TextCase{"es", "en", "Las mineras recibieron créditos.", "credit"},
                      TextCase{"fr", "es", "Le projet a formé des femmes.", "mujeres"},
                      TextCase{"es", "fr", "El proyecto formó a las mujeres.", "femmes"},
                      TextCase{"es", "pt", "El proyecto cerró en 2019.", "projecto"},
                      TextCase{"pt", "es", "O projeto terminou em 2019.", "proyecto"},
                      TextCase{"en", "pt", "The project trained women.", "mulheres"},
                      TextCase{"fr", "en", "Les femmes ont reçu des crédits.", "women"},
                      TextCase{"pt", "fr", "As mulheres receberam créditos.", "femmes"}),
    [](const ::testing::TestParamInfo<TextCase>& info) { return std::string(info.param.from) + "_" + info.param.to; });

TEST(TextTranslator, KeepsOrderAndEmptyTexts) {
  std::vector<std::string> texts = {"The river.", "", "The school.", "The mine.", ""};
  auto translated = translator().translate(texts, "en", "es");
  ASSERT_TRUE(translated) << translated.error().to_string();
  ASSERT_EQ(translated->size(), texts.size());
  EXPECT_NE(lower((*translated)[0]).find("río"), std::string::npos) << (*translated)[0];
  EXPECT_EQ((*translated)[1], "");
  EXPECT_NE(lower((*translated)[2]).find("escuela"), std::string::npos) << (*translated)[2];
  EXPECT_NE(lower((*translated)[3]).find("mina"), std::string::npos) << (*translated)[3];
  EXPECT_EQ((*translated)[4], "");
}

TEST(TextTranslator, CarriesStreamCharactersAsText) {
  // Each has a meaning in Apertium's stream format; a NUL and a line end would end the text early.
  std::string text = std::string("A [note] with ^carets$, a \\ slash/ and @ {braces} <tags> # * the end") + '\0' +
                     "\nstill the same text.";
  auto translated = translator().translate({text, "The school."}, "en", "es");
  ASSERT_TRUE(translated) << translated.error().to_string();
  ASSERT_EQ(translated->size(), 2u);
  for (const char* kept : {"[", "]", "^", "$", "\\", "@", "{", "}", "<", ">", "#"})
    EXPECT_NE((*translated)[0].find(kept), std::string::npos) << kept << " in " << (*translated)[0];
  EXPECT_EQ((*translated)[0].find('\0'), std::string::npos);
  EXPECT_NE(lower((*translated)[1]).find("escuela"), std::string::npos) << (*translated)[1];
}

TEST(TextTranslator, TranslatesIntoEveryOtherLanguageThroughOneSpanishTranslation) {
  std::string problem;
  auto all = translator().translate_to_all({"The women miners received loans.", ""}, "en", &problem);
  EXPECT_TRUE(problem.empty()) << problem;
  ASSERT_EQ(all.size(), 3u);
  for (const char* language : {"es", "fr", "pt"}) {
    ASSERT_TRUE(all.contains(language)) << language;
    ASSERT_EQ(all[language].size(), 2u);
    EXPECT_FALSE(all[language][0].empty()) << language;
    EXPECT_EQ(all[language][1], "") << language;
  }
  EXPECT_NE(lower(all["es"][0]).find("mujeres"), std::string::npos) << all["es"][0];
  EXPECT_NE(lower(all["fr"][0]).find("femmes"), std::string::npos) << all["fr"][0];
  EXPECT_NE(lower(all["pt"][0]).find("mulheres"), std::string::npos) << all["pt"][0];
}

TEST(TextTranslator, WithoutApertiumTranslatesNothingAndSaysWhy) {
  test_support::TempDir empty;
  TextTranslator nothing(empty.path());
  EXPECT_FALSE(nothing.can_translate("en", "es"));
  EXPECT_FALSE(nothing.can_translate_from("en"));
  EXPECT_NE(nothing.problem().find("apertium-eng-spa"), std::string::npos) << nothing.problem();
  auto translated = nothing.translate({"The school."}, "en", "es");
  ASSERT_FALSE(translated);
  EXPECT_EQ(translated.error().code, corpus::ErrorCode::unavailable);
  std::string problem;
  EXPECT_TRUE(nothing.translate_to_all({"The school."}, "en", &problem).empty());
}

// A data folder whose en->es mode runs `stages` instead of Apertium.
void write_mode(const test_support::TempDir& dir, const std::string& stages) {
  test_support::write_file(dir / "modes" / "eng-spa.mode", stages + "\n");
}

TEST(TextTranslator, APipelineThatHangsIsKilledAtTheTimeLimit) {
  test_support::TempDir dir;
  write_mode(dir, "sed -n d");  // reads every text, answers none
  TextTranslator hanging(dir.path(), 300ms);
  auto started = std::chrono::steady_clock::now();
  auto translated = hanging.translate({"The school."}, "en", "es");
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(translated);
  EXPECT_NE(translated.error().message.find("time limit"), std::string::npos) << translated.error().message;
  EXPECT_LT(took, 5s);
}

TEST(TextTranslator, APipelineThatDiesFailsItsRequestAndTheNextGetsAFreshOne) {
  test_support::TempDir dir;
  // Echoes each text back (a translation into the same words), then quits after the second.
  write_mode(dir, "sed -u 2q");
  TextTranslator dying(dir.path(), 5s);
  auto first = dying.translate({"one"}, "en", "es");
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->front(), "one");
  auto second = dying.translate({"two", "three"}, "en", "es");
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message.find("stopped"), std::string::npos) << second.error().message;
  auto third = dying.translate({"four"}, "en", "es");
  ASSERT_TRUE(third) << third.error().to_string();
  EXPECT_EQ(third->front(), "four");
}

TEST(TextTranslator, AnAnswerOutOfStepIsRefused) {
  test_support::TempDir dir;
  write_mode(dir, "sed -u s/PRECEDENT/X/");  // loses the marker that ties an answer to its text
  TextTranslator confused(dir.path(), 5s);
  auto translated = confused.translate({"one"}, "en", "es");
  ASSERT_FALSE(translated);
  EXPECT_NE(translated.error().message.find("out of step"), std::string::npos) << translated.error().message;
}

}  // namespace
}  // namespace indexer
