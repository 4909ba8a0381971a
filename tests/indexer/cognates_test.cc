// Cognate spellings of learned words the dictionaries lack, between English and each of the other
// three languages, on words of the evaluation sets' questions and of the domain.

#include "indexer/cognates.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "indexer/stemmer.h"

namespace indexer {
namespace {

struct CognateCase {
  const char* from;
  const char* to;
  const char* word;
  const char* expected;  // the word as the other language writes it, folded
};

class Cognates : public ::testing::TestWithParam<CognateCase> {};

// The expected word is among the spellings, or shares a stem with one in the target language
// (which is how a search finds it).
TEST_P(Cognates, ReachTheWordTheOtherLanguageWrites) {
  const CognateCase& c = GetParam();
  auto spellings = cognate_spellings(c.word, c.from, c.to);
  StemmerCache stemmers;
  const auto& stem = stemmers.get(c.to);
  bool reached = std::any_of(spellings.begin(), spellings.end(),
                             [&](const std::string& s) { return s == c.expected || stem(s) == stem(c.expected); });
  std::string all;
  for (const auto& s : spellings) all += s + " ";
  EXPECT_TRUE(reached) << c.word << " -> " << all;
}

INSTANTIATE_TEST_SUITE_P(
    BothWays, Cognates,
    ::testing::Values(CognateCase{"en", "es", "chloroplasts", "cloroplastos"},
                      CognateCase{"en", "es", "immunodeficiency", "inmunodeficiencia"},
                      CognateCase{"en", "es", "ctenophores", "ctenoforos"},
                      CognateCase{"en", "es", "spectrometry", "espectrometria"},
                      CognateCase{"en", "pt", "immunodeficiency", "imunodeficiencia"},
                      CognateCase{"en", "pt", "amalgamation", "amalgamacao"},
                      CognateCase{"en", "fr", "hydrological", "hydrologique"},
                      CognateCase{"es", "en", "inmunodeficiencia", "immunodeficiency"},
                      CognateCase{"pt", "en", "formalizacao", "formalization"},
                      CognateCase{"fr", "en", "bathymetrique", "bathymetric"}),
    [](const ::testing::TestParamInfo<CognateCase>& info) {
      return std::string(info.param.from) + "_" + info.param.to + "_" + info.param.word;
    });

TEST(Cognates, NoneForShortWordsOrPairsWithoutRules) {
  EXPECT_TRUE(cognate_spellings("phot", "en", "es").empty());
  EXPECT_TRUE(cognate_spellings("formalizacion", "es", "pt").empty());
  EXPECT_TRUE(cognate_spellings("chloroplasts", "en", "de").empty());
}

TEST(Cognates, NeverTheWordItself) {
  for (const char* word : {"planetgold", "burkina", "chloroplasts", "tantalite"})
    for (const auto& spelling : cognate_spellings(word, "en", "es")) EXPECT_NE(spelling, word);
}

}  // namespace
}  // namespace indexer
