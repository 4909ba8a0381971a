#include "indexer/thesaurus.h"

#include <gtest/gtest.h>

#include <set>

#include "indexer/text_normalizer.h"

namespace indexer {
namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::string folded = fold(text);
  std::vector<std::string> out;
  for_each_word(folded, [&](std::size_t b, std::size_t e) { out.push_back(folded.substr(b, e - b)); });
  return out;
}

TEST(ThesaurusTest, TheBundledThesaurusCoversTheFourLanguages) {
  const Thesaurus& thesaurus = Thesaurus::bundled();
  EXPECT_GE(thesaurus.size(), 200u);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < thesaurus.size(); ++i) {
    const auto& concept_entry = thesaurus.concept_at(i);
    EXPECT_TRUE(ids.insert(concept_entry.id).second) << concept_entry.id;
    std::set<std::string> languages;
    for (const auto& term : concept_entry.terms) languages.insert(term.language);
    EXPECT_EQ(languages, (std::set<std::string>{"en", "es", "fr", "pt"})) << concept_entry.id;
  }
}

TEST(ThesaurusTest, LocalTermsFindTheirConceptInflectedAndAccentless) {
  const Thesaurus& thesaurus = Thesaurus::bundled();
  for (const std::string query : {"orpaillage", "garimpo", "galamsey", "creuseurs", "retortas", "mercurio", "cianuración",
                                  "cianuracion", "formalisation"}) {
    auto matches = thesaurus.find(words_of(query));
    ASSERT_EQ(matches.size(), 1u) << query;
    EXPECT_EQ(matches[0].word_count, 1u) << query;
  }
  // "garimpo" (Portuguese) and "orpaillage" (French) are artisanal mining, and say so in English.
  for (const std::string local : {"garimpo", "orpaillage"}) {
    const auto& concept_entry = thesaurus.concept_at(thesaurus.find(words_of(local)).at(0).concept_index);
    bool english = false;
    for (const auto& term : concept_entry.terms)
      english |= term.language == "en" && term.text.find("artisanal") != std::string::npos;
    EXPECT_TRUE(english) << local << " -> " << concept_entry.id;
  }
}

TEST(ThesaurusTest, TheLongestTermWinsAndTheLanguageIsTold) {
  auto parsed = Thesaurus::parse(R"(
[[concept]]
id = "mining"
en = ["mining"]
es = ["minería"]
fr = ["exploitation minière"]
pt = ["mineração"]

[[concept]]
id = "artisanal-mining"
en = ["artisanal mining"]
es = ["minería artesanal"]
fr = ["orpaillage"]
pt = ["garimpo"]
)", "t.toml");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  auto matches = parsed->find(words_of("Minería artesanal en Bolivia, orpaillage"));
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(parsed->concept_at(matches[0].concept_index).id, "artisanal-mining");
  EXPECT_EQ(matches[0].word_count, 2u);
  EXPECT_EQ(matches[0].languages, std::vector<std::string>{"es"});
  EXPECT_EQ(matches[1].first_word, 4u);
  EXPECT_EQ(Thesaurus::common_language(parsed->find(words_of("orpaillage"))), "fr");
  EXPECT_EQ(Thesaurus::common_language(matches), "");
}

TEST(ThesaurusTest, ErrorsNameTheLineAndTheField) {
  auto bad_toml = Thesaurus::parse("[[concept]]\nid = \"a\nen = []\n", "t.toml");
  ASSERT_FALSE(bad_toml.has_value());
  EXPECT_EQ(bad_toml.error().file, "t.toml");
  EXPECT_EQ(bad_toml.error().line, 2);

  auto empty = Thesaurus::parse("[[concept]]\nid = \"a\"\nen = [\"x\"]\nes = []\nfr = [\"y\"]\npt = [\"z\"]\n", "t.toml");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().field, "concept \"a\".es");
  EXPECT_EQ(empty.error().line, 4);

  auto unknown = Thesaurus::parse("[[concept]]\nid = \"a\"\nde = [\"x\"]\n", "t.toml");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().field, "concept[0].de");

  auto twice = Thesaurus::parse(
      "[[concept]]\nid = \"a\"\nen = [\"gold\"]\nes = [\"oro\"]\nfr = [\"métal jaune\"]\npt = [\"ouro\"]\n"
      "[[concept]]\nid = \"b\"\nen = [\"bullion\"]\nes = [\"Oro\"]\nfr = [\"lingot\"]\npt = [\"lingote\"]\n",
      "t.toml");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().field, "concept \"b\".es");
  EXPECT_NE(twice.error().message.find("concept \"a\""), std::string::npos);
}

}  // namespace
}  // namespace indexer
