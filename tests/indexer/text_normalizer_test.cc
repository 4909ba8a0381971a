#include "indexer/text_normalizer.h"

#include <gtest/gtest.h>

#include <vector>

#include "indexer/document_builder.h"
#include "indexer/language_detector.h"

namespace indexer {
namespace {

TEST(TextNormalizerTest, FoldsCaseAndAccents) {
  EXPECT_EQ(fold("MINERÍA"), "mineria");
  EXPECT_EQ(fold("minería"), "mineria");
  EXPECT_EQ(fold("Mineração"), "mineracao");
  EXPECT_EQ(fold("Côte d’Ivoire"), "cote ivoire");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("ﬁnance"), "finance");  // NFKC ligature
  EXPECT_EQ(fold("plain ascii Text"), "plain ascii text");
}

TEST(TextNormalizerTest, DropsFrenchElisionsButKeepsOtherApostrophes) {
  EXPECT_EQ(fold("l'orpaillage"), "orpaillage");
  EXPECT_EQ(fold("L’Orpaillage"), "orpaillage");
  EXPECT_EQ(fold("jusqu'à l'or d'Afrique"), "a or afrique");
  EXPECT_EQ(fold("qu'il"), "il");
  EXPECT_EQ(fold("miners' cooperative"), "miners' cooperative");
  EXPECT_EQ(fold("don't"), "don't");
}

TEST(TextNormalizerTest, KeepsQuerySyntaxCharacters) {
  EXPECT_EQ(fold("\"Minería Artesanal\" -Oro country:PE"), "\"mineria artesanal\" -oro country:pe");
}

TEST(TextNormalizerTest, WordsFollowIcuBoundaries) {
  std::string text = "Small-scale mining, in 2019: l'orpaillage!";
  std::vector<std::string> words;
  for_each_word(text, [&](std::size_t b, std::size_t e) { words.push_back(text.substr(b, e - b)); });
  EXPECT_EQ(words, (std::vector<std::string>{"Small", "scale", "mining", "in", "2019", "l'orpaillage"}));
}

TEST(TextNormalizerTest, ByteScanFindsTheWordsIcuFinds) {
  // The same Latin text alone (byte scan) and followed by Chinese (ICU): the same words.
  std::string latin =
      "L’orpaillage à Kédougou — «minería» (¿artesanal?) 3.5 t/año; don't stop: miners' co-op, "
      "1ª vez, n.º 7, São Tomé e Príncipe… ñandú × 2 — Ελληνικά и русский";
  auto words_of = [](const std::string& text) {
    std::vector<std::string> words;
    for_each_word(text, [&](std::size_t b, std::size_t e) { words.push_back(text.substr(b, e - b)); });
    return words;
  };
  auto scanned = words_of(latin);
  auto with_icu = words_of(latin + " 手工采矿");
  ASSERT_GT(with_icu.size(), scanned.size());
  with_icu.resize(scanned.size());
  EXPECT_EQ(scanned, with_icu);
}

TEST(LanguageDetectorTest, DetectsTheFourCollectionLanguages) {
  EXPECT_EQ(detect_language("The project trained artisanal miners to use retorts and reduce the mercury they "
                            "released into rivers, with support from the national government."),
            "en");
  EXPECT_EQ(detect_language("El proyecto capacitó a los mineros artesanales en el uso de retortas para reducir "
                            "el mercurio que liberaban en los ríos, con apoyo del gobierno nacional."),
            "es");
  EXPECT_EQ(detect_language("Le projet a formé les orpailleurs à l'utilisation des cornues pour réduire le "
                            "mercure rejeté dans les rivières, avec l'appui du gouvernement national."),
            "fr");
  EXPECT_EQ(detect_language("O projeto capacitou os garimpeiros no uso de retortas para reduzir o mercúrio "
                            "lançado nos rios, com o apoio do governo nacional e das cooperativas."),
            "pt");
  EXPECT_EQ(detect_language("ok"), "");
}

TEST(RegionTest, CountriesMapToContinents) {
  EXPECT_EQ(region_of_country("PE"), "americas");
  EXPECT_EQ(region_of_country("BF"), "africa");
  EXPECT_EQ(region_of_country("MN"), "asia");
  EXPECT_EQ(region_of_country("FR"), "europe");
  EXPECT_EQ(region_of_country("PG"), "oceania");
  EXPECT_EQ(region_of_country("ZZ"), "");  // unknown
  EXPECT_EQ(region_of_country(""), "");
}

}  // namespace
}  // namespace indexer
