// Searches over the whole bundled collection, indexed once into a temporary index.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <fstream>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "indexer/ingest.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"
#include "ranking/searcher.h"
#include "tests/ranking/collection_fixture.h"
#include "tests/test_support.h"

namespace ranking {
namespace {

class CollectionSearchTest : public CollectionTest {};

TEST_F(CollectionSearchTest, TheWholeCollectionIsIndexed) {
  EXPECT_GE(documents_, 80u);
  auto stats = searcher_->stats();
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(stats->documents, documents_);
  for (const char* language : {"es", "fr", "pt"}) EXPECT_GE(stats->counts["language"][language], 12u) << language;
  EXPECT_GT(stats->counts["country"]["PE"], 0u);
}

TEST_F(CollectionSearchTest, SpanishQueryFindsSpanishRecords) {
  auto response = search("formalización de la minería artesanal", "es");
  ASSERT_GE(response.hits.size(), 5u);
  auto spanish = std::count_if(response.hits.begin(), response.hits.begin() + 5,
                               [](const Hit& h) { return h.language == "es"; });
  EXPECT_GE(spanish, 3) << "top five should be mostly Spanish";
  EXPECT_EQ(response.languages, std::vector<std::string>{"es"});
}

TEST_F(CollectionSearchTest, AnEnglishQueryFindsTheSpanishRecordThatAnswersIt) {
  // Somos Tesoro, in Spanish, is the collection's child-labour project in Colombia.
  const std::string query = "child labour Colombia mining municipalities";
  auto translated = search(query, "en");
  ASSERT_FALSE(translated.hits.empty());
  EXPECT_EQ(translated.hits.front().id, "la10-somos-tesoro-colombia");
  EXPECT_EQ(translated.translations.size(), 3u);
  EXPECT_TRUE(translated.translations.contains("es"));
  EXPECT_TRUE(translated.translation_unavailable.empty());

  auto untranslated = search(query, "en", 10, false);
  EXPECT_TRUE(untranslated.translations.empty());
  ASSERT_FALSE(untranslated.hits.empty());
  EXPECT_NE(untranslated.hits.front().id, "la10-somos-tesoro-colombia");
}

TEST_F(CollectionSearchTest, AFrenchQueryFindsTheEnglishAndSpanishRecordsOnChildLabour) {
  auto response = search("travail des enfants dans les mines d'or", "fr", 5);
  std::set<std::string> languages;
  for (const auto& hit : response.hits) languages.insert(hit.language);
  EXPECT_TRUE(languages.contains("en") || languages.contains("es")) << "no record in another language in the top five";
  EXPECT_TRUE(has_id(response, "gl32-ilo-caring-gold-mining-project") || has_id(response, "la10-somos-tesoro-colombia"));
}

TEST_F(CollectionSearchTest, ACountryTheQueryNamesRanksItsRecordsFirstInAnyLanguage) {
  for (const std::string query : {"mercury-free gold processing Burkina Faso", "traitement de l'or sans mercure au Burkina Faso"}) {
    auto response = search(query);
    ASSERT_GE(response.hits.size(), 2u) << query;
    for (std::size_t i = 0; i < 2; ++i) {
      const auto& countries = response.hits[i].countries;
      EXPECT_NE(std::find(countries.begin(), countries.end(), "BF"), countries.end()) << query << ": " << response.hits[i].id;
    }
    ASSERT_EQ(response.recognised.size(), 1u) << query;
    EXPECT_EQ(response.recognised[0].field, "country");
    EXPECT_EQ(response.recognised[0].value, "BF");
    EXPECT_TRUE(response.recognised[0].text == "Burkina Faso") << response.recognised[0].text;
    // A preference, not a filter: records elsewhere still answer.
    EXPECT_TRUE(std::any_of(response.hits.begin(), response.hits.end(), [](const Hit& hit) {
      return std::find(hit.countries.begin(), hit.countries.end(), "BF") == hit.countries.end();
    })) << query;
  }
  auto colombia = search("Colombia mercury ban");
  ASSERT_FALSE(colombia.hits.empty());
  EXPECT_EQ(colombia.hits[0].countries, std::vector<std::string>{"CO"}) << colombia.hits[0].id;
  EXPECT_TRUE(search("mercury retorts").recognised.empty());
}

TEST_F(CollectionSearchTest, ACommodityTheQueryNamesLiftsItsRecordsUnlessMostAreAboutIt) {
  for (const std::string query : {"child labour cobalt", "travail des enfants cobalt"}) {
    auto response = search(query);
    ASSERT_GE(response.hits.size(), 3u) << query;
    EXPECT_TRUE(std::any_of(response.recognised.begin(), response.recognised.end(),
                            [](const auto& r) { return r == ranking::Recognised{"commodity", "cobalt", "cobalt"}; }))
        << query;
    for (std::size_t i = 0; i < 3; ++i) {
      auto searcher_record = searcher_->document(response.hits[i].id);
      ASSERT_TRUE(searcher_record.has_value());
      const auto& commodities = searcher_record->document.commodities;
      EXPECT_NE(std::find(commodities.begin(), commodities.end(), "cobalt"), commodities.end()) << query << ": " << response.hits[i].id;
    }
  }
  // Gold is what most records are about: naming it lifts nothing.
  auto gold = search("gold child labour");
  EXPECT_TRUE(std::none_of(gold.recognised.begin(), gold.recognised.end(), [](const auto& r) { return r.field == "commodity"; }));
}

TEST_F(CollectionSearchTest, ATranslationIsShownWithItsOriginal) {
  // The GMP manual in English and in Portuguese: one hit, the other language linked.
  auto response = search("mercury retorts", "en");
  auto manual = std::find_if(response.hits.begin(), response.hits.end(), [](const Hit& hit) { return hit.id.starts_with("gl06-"); });
  ASSERT_NE(manual, response.hits.end());
  EXPECT_EQ(manual->id, "gl06-gmp-training-manual");
  ASSERT_EQ(manual->translations.size(), 1u);
  EXPECT_EQ(manual->translations[0].id, "gl06-manual-formacao-garimpeiros-pt");
  EXPECT_EQ(manual->translations[0].language, "pt");
  EXPECT_EQ(std::count_if(response.hits.begin(), response.hits.end(), [](const Hit& hit) { return hit.id.starts_with("gl06-"); }), 1);
}

TEST_F(CollectionSearchTest, ARecordWhoseTitleTheQueryNamesRanksFirst) {
  auto reinfo = search("REINFO lessons learned");
  ASSERT_FALSE(reinfo.hits.empty());
  EXPECT_EQ(reinfo.hits[0].id, "la14-peru-formalizacion-reinfo");
  EXPECT_EQ(reinfo.recognised, (std::vector<ranking::Recognised>{{"name", "REINFO", "REINFO"}}));
  // The programme itself, not the many records that mention it.
  auto planet = search("planetGOLD");
  ASSERT_FALSE(planet.hits.empty());
  EXPECT_EQ(planet.hits[0].id, "gl16-planetgold");
  auto fair = search("Fair Cobalt Alliance child labour");
  ASSERT_FALSE(fair.hits.empty());
  EXPECT_EQ(fair.hits[0].id, "af24-fair-cobalt-alliance");
  // A function word is no name, though a title starts with it ("WHO: Developing...").
  EXPECT_TRUE(search("who funds retorts").recognised.empty());
  // Nor is a word most records use, though a title writes it as one ("planetGOLD (GEF GOLD)").
  EXPECT_TRUE(search("gold mining").recognised.empty());
}

TEST_F(CollectionSearchTest, TheTotalIsTheNumberOfRecordsThePagesList) {
  // A query matching most of the collection in every language: its total was once 400 of 128.
  for (const char* query : {"artisanal gold mining", "minería artesanal", "Zamfara"}) {
    auto first = search(query, "", 50);
    EXPECT_LE(first.total, documents_) << query;
    std::set<std::string> listed;
    for (std::size_t page = 1;; ++page) {
      SearchRequest request;
      request.query = query;
      request.per_page = 50;
      request.page = page;
      auto response = searcher_->search(request);
      ASSERT_TRUE(response.has_value()) << response.error().to_string();
      EXPECT_EQ(response->total, first.total) << query << " page " << page;
      for (const auto& hit : response->hits) listed.insert(hit.id);
      if (response->hits.size() < 50) break;
    }
    EXPECT_EQ(listed.size(), first.total) << query;
  }
}

TEST_F(CollectionSearchTest, AccentlessQueryFindsAccentedText) {
  auto response = search("formalizacion REINFO");
  ASSERT_FALSE(response.hits.empty());
  EXPECT_EQ(response.hits[0].id, "la14-peru-formalizacion-reinfo");
  EXPECT_NE(response.hits[0].title.find("ó"), std::string::npos);
  auto portuguese = search("mineracao garimpo", "", 10, /*translate=*/false);
  ASSERT_FALSE(portuguese.hits.empty());
  EXPECT_EQ(portuguese.hits[0].language, "pt");
}

TEST_F(CollectionSearchTest, FrenchElisionIsIgnored) {
  auto elided = search("l'orpaillage", "fr");
  auto plain = search("orpaillage", "fr");
  ASSERT_FALSE(plain.hits.empty());
  EXPECT_EQ(elided.total, plain.total);
  EXPECT_EQ(elided.hits[0].id, plain.hits[0].id);
}

TEST_F(CollectionSearchTest, FieldFilterRestricts) {
  auto all = search("mercury", "", 100);
  auto peru = search("mercury country:PE", "", 100);
  ASSERT_FALSE(peru.hits.empty());
  EXPECT_LT(peru.total, all.total);
  for (const auto& hit : peru.hits) {
    EXPECT_NE(std::find(hit.countries.begin(), hit.countries.end(), "PE"), hit.countries.end()) << hit.id;
  }
  auto toolkits = search("mercury type:toolkit", "", 100);
  ASSERT_FALSE(toolkits.hits.empty());
  for (const auto& hit : toolkits.hits) EXPECT_EQ(hit.type, "toolkit") << hit.id;

  SearchRequest request;
  request.query = "mercury";
  request.filters.values["country"] = {"pe", "BO"};
  request.per_page = 100;
  auto filtered = searcher_->search(request);
  ASSERT_TRUE(filtered.has_value());
  ASSERT_FALSE(filtered->hits.empty());
  for (const auto& hit : filtered->hits) {
    bool in_either = std::any_of(hit.countries.begin(), hit.countries.end(),
                                 [](const std::string& c) { return c == "PE" || c == "BO"; });
    EXPECT_TRUE(in_either) << hit.id;
  }
}

TEST_F(CollectionSearchTest, YearRangeKeepsRecordsActiveInIt) {
  auto response = search("mining year:2000..2003", "", 100);
  ASSERT_FALSE(response.hits.empty());
  for (const auto& hit : response.hits) {
    ASSERT_TRUE(hit.start_year || hit.end_year) << hit.id;
    if (hit.start_year) {
      EXPECT_LE(*hit.start_year, 2003) << hit.id;
    }
    if (hit.end_year) {
      EXPECT_GE(*hit.end_year, 2000) << hit.id;
    }
  }
  EXPECT_TRUE(has_id(search("year:2005 country:PE", "", 100), "la01-proyecto-gama"));  // 2000-2008
}

TEST_F(CollectionSearchTest, PhraseMatchesOnlyInOrder) {
  EXPECT_TRUE(has_id(search("\"Global Mercury Project\""), "gl05-global-mercury-project"));
  EXPECT_EQ(search("\"Project Mercury Global\"").total, 0u);
}

TEST_F(CollectionSearchTest, ExclusionAndOr) {
  auto with = search("cobalt", "", 100);
  auto without = search("cobalt -Mutoshi", "", 100);
  EXPECT_TRUE(has_id(with, "af22-mutoshi-cobalt-pilot"));
  EXPECT_FALSE(has_id(without, "af22-mutoshi-cobalt-pilot"));
  EXPECT_LT(without.total, with.total);
  for (const auto& hit : without.hits) {
    auto record = searcher_->document(hit.id);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(corpus::to_json(record->document).dump().find("Mutoshi"), std::string::npos) << hit.id;
  }
  // Each word's own matches: translated, a word's matches depend on the language detected in it.
  auto galamsey = search("galamsey", "", 100, false);
  auto garimpo = search("garimpo", "", 100, false);
  auto either = search("galamsey OR garimpo", "", 100, false);
  ASSERT_FALSE(galamsey.hits.empty());
  ASSERT_FALSE(garimpo.hits.empty());
  EXPECT_GE(either.total, std::max(galamsey.total, garimpo.total));
  EXPECT_LE(either.total, galamsey.total + garimpo.total);
  EXPECT_TRUE(has_id(either, galamsey.hits[0].id));
  EXPECT_TRUE(has_id(either, garimpo.hits[0].id));
}

TEST_F(CollectionSearchTest, RankingBoostsNeverBringBackWhatTheQueryLeftOut) {
  // Several words add ranking boosts (words that stand together, the words as written); a
  // record the query's exclusion or filter leaves out must not come back through them.
  auto excluded = search("retort amalgam -mercury", "", 100);
  for (const auto& hit : excluded.hits) {
    auto record = searcher_->document(hit.id);
    ASSERT_TRUE(record.has_value());
    const corpus::Document& document = record->document;
    std::string text = document.title + " " + document.summary + " " + document.body;
    for (const auto& lesson : document.lessons) text += " " + lesson.text;
    for (const auto& name : document.organisations) text += " " + name;
    for (const auto& name : document.donors) text += " " + name;
    auto words = indexer::words_of(indexer::fold(text));
    EXPECT_EQ(std::find(words.begin(), words.end(), "mercury"), words.end()) << hit.id;
  }
  auto everywhere = search("mercury retort", "", 100);
  auto peru = search("mercury retort country:PE", "", 100);
  ASSERT_FALSE(peru.hits.empty());
  EXPECT_LT(peru.total, everywhere.total);
  for (const auto& hit : peru.hits)
    EXPECT_NE(std::find(hit.countries.begin(), hit.countries.end(), "PE"), hit.countries.end()) << hit.id;
}

TEST_F(CollectionSearchTest, SnippetsMarkContentWordsOnly) {
  // Each language's analysis of a query keeps the other languages' function words ("in" is no
  // Spanish function word), and a concept's terms hold them ("minería de oro").
  std::size_t marked = 0;
  for (const char* query : {"child labour in Colombian gold and coal mining towns", "minería de oro en el Perú",
                            "l'orpaillage et le mercure au Burkina Faso", "mineração de ouro e mercúrio no Brasil"}) {
    for (const auto& hit : search(query).hits) {
      const auto& function_words = indexer::stop_words(hit.language);
      std::vector<std::string> texts = {hit.snippet};
      for (const auto& lesson : hit.lessons) texts.push_back(lesson.text);
      for (const auto& text : texts) {
        for (std::size_t at = text.find("<mark>"); at != std::string::npos; at = text.find("<mark>", at + 1)) {
          std::size_t end = text.find("</mark>", at);
          ASSERT_NE(end, std::string::npos) << text;
          std::string word = indexer::fold(text.substr(at + 6, end - at - 6));
          EXPECT_FALSE(std::binary_search(function_words.begin(), function_words.end(), word))
              << query << ": " << hit.id << " (" << hit.language << ") marks \"" << word << "\"";
          ++marked;
        }
      }
    }
  }
  EXPECT_GT(marked, 40u);
}

TEST_F(CollectionSearchTest, SnippetsMarkTheMatchedWords) {
  auto response = search("retorts");
  ASSERT_FALSE(response.hits.empty());
  for (const auto& hit : response.hits) {
    EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.id << ": " << hit.snippet;
  }
}

TEST_F(CollectionSearchTest, FunctionWordsAreLeftOutUnlessNothingElseIsLeft) {
  EXPECT_EQ(search("the retorts of", "en", 100).total, search("retorts", "en", 100).total);
  EXPECT_EQ(search("las retortas", "es", 100).total, search("retortas", "es", 100).total);
  EXPECT_GT(search("the", "en").total, 0u);
}

TEST_F(CollectionSearchTest, AnEllipsisIsPunctuationNotARange) {
  auto response = search("retorts... mercury…", "", 10);
  EXPECT_FALSE(response.hits.empty());
}

TEST_F(CollectionSearchTest, QuerySyntaxErrorsArePlain) {
  SearchRequest request;
  request.query = "mercury year:20x0";
  auto response = searcher_->search(request);
  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error().field, "q");
  EXPECT_EQ(response.error().message.find("Xapian"), std::string::npos);
  request.query = "mercury";
  request.language = "english";
  response = searcher_->search(request);
  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error().field, "lang");
  request.language = "";
  request.per_page = 101;
  EXPECT_EQ(searcher_->search(request).error().field, "per_page");
}

TEST_F(CollectionSearchTest, SortByYear) {
  SearchRequest request;
  request.query = "mercury";
  request.sort = SortOrder::newest;
  request.per_page = 20;
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.has_value());
  int previous = 10000;
  for (const auto& hit : response->hits) {
    if (!hit.start_year) continue;
    EXPECT_LE(*hit.start_year, previous) << hit.id;
    previous = *hit.start_year;
  }
}

TEST_F(CollectionSearchTest, CompletionIsAccentInsensitiveShowsWordsAsWrittenAndNeedsTwoLetters) {
  SuggestRequest request;
  request.query = "formalizaci";
  auto formal = searcher_->suggest(request);
  ASSERT_TRUE(formal.has_value());
  ASSERT_FALSE(formal->completions.empty());
  EXPECT_EQ(formal->completions[0], "formalización");  // as the collection writes it
  // The words before the one typed stay as typed; a possessive is no completion of its own.
  request.query = "Minería artesanal en Perú, mercur";
  auto typed = searcher_->suggest(request);
  ASSERT_TRUE(typed.has_value());
  ASSERT_FALSE(typed->completions.empty());
  for (const auto& completion : typed->completions) {
    EXPECT_EQ(completion.rfind("Minería artesanal en Perú, ", 0), 0u) << completion;  // then mercury, mercúrio...
    EXPECT_EQ(completion.find('\''), std::string::npos) << completion;
  }
  request.query = "cooperativas garim";
  auto titles = searcher_->suggest(request);
  ASSERT_TRUE(titles.has_value());
  ASSERT_FALSE(titles->titles.empty());
  EXPECT_NE(titles->titles[0].title.find("ooperativas"), std::string::npos) << titles->titles[0].title;
  request.query = "m";
  auto one_letter = searcher_->suggest(request);
  ASSERT_TRUE(one_letter.has_value());
  EXPECT_TRUE(one_letter->completions.empty());
  EXPECT_TRUE(one_letter->titles.empty());
}

TEST_F(CollectionSearchTest, ShowsARecordById) {
  auto record = searcher_->document("la01-proyecto-gama");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->document.language, "es");
  EXPECT_FALSE(record->document.lessons.empty());
  EXPECT_NE(record->source.find("la01-proyecto-gama.md"), std::string::npos);
  auto missing = searcher_->document("no-such-record");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, corpus::ErrorCode::not_found);
}


TEST_F(CollectionSearchTest, KindSearchesLessonsAndShowsEachRecordOnce) {
  auto response = search("retorts kind:failed", "", 50);
  EXPECT_TRUE(response.lessons);
  ASSERT_GE(response.hits.size(), 2u);
  EXPECT_EQ(response.total, response.hits.size());
  std::set<std::string> ids;
  for (const auto& hit : response.hits) {
    EXPECT_TRUE(ids.insert(hit.id).second) << hit.id << " twice";
    ASSERT_EQ(hit.lessons.size(), 1u) << hit.id;
    EXPECT_EQ(hit.lessons[0].kind, "failed") << hit.id;
    EXPECT_NE(hit.lessons[0].text.find("<mark>"), std::string::npos) << hit.lessons[0].text;
  }
  // The GMP training manual's failed lesson is about retorts nobody used.
  EXPECT_TRUE(has_id(response, "gl06-gmp-training-manual"));
  // Words of a failed lesson and of a worked lesson of the same record do not add up.
  auto worked = search("retorts kind:worked", "", 50);
  for (const auto& hit : worked.hits) EXPECT_EQ(hit.lessons.at(0).kind, "worked");
}

TEST_F(CollectionSearchTest, TheYearFacetCountsRecordsByTheYearTheirWorkStarted) {
  // Every record, page by page, gives the expected counts.
  std::map<std::string, std::uint64_t> expected;
  std::optional<SearchResponse> response;
  for (std::size_t page = 1; !response || (page - 1) * kMaxPerPage < response->total; ++page) {
    SearchRequest request;
    request.facets = {"year"};
    request.per_page = kMaxPerPage;
    request.page = page;
    auto answer = searcher_->search(request);
    ASSERT_TRUE(answer.has_value()) << answer.error().to_string();
    response = std::move(answer).value();
    for (const auto& hit : response->hits) {
      if (hit.start_year) ++expected[std::to_string(*hit.start_year)];
    }
  }
  EXPECT_EQ(response->total, shown_);
  std::uint64_t dated = 0;
  ASSERT_FALSE(response->facets["year"].empty());
  for (const auto& count : response->facets["year"]) {
    EXPECT_EQ(count.count, expected[count.value]) << count.value;
    dated += count.count;
  }
  std::uint64_t with_years = 0;
  for (const auto& [year, count] : expected) with_years += count;
  EXPECT_EQ(dated, with_years);
}

TEST_F(CollectionSearchTest, KindFilterParameterAndOtherFiltersApplyToLessons) {
  SearchRequest request;
  request.query = "mercury";
  request.filters.values["kind"] = {"failed"};
  request.filters.values["country"] = {"EC"};
  request.facets = {"country", "outcome"};
  request.per_page = 50;
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.has_value()) << response.error().to_string();
  EXPECT_TRUE(response->lessons);
  ASSERT_FALSE(response->hits.empty());
  std::uint64_t ecuador = 0;
  for (const auto& count : response->facets["country"])
    if (count.value == "EC") ecuador = count.count;
  // Facets count records, however many of their lessons matched.
  EXPECT_EQ(ecuador, response->hits.size());
  for (const auto& hit : response->hits) {
    EXPECT_NE(std::find(hit.countries.begin(), hit.countries.end(), "EC"), hit.countries.end()) << hit.id;
    EXPECT_EQ(hit.lessons.at(0).kind, "failed");
  }
  // Years filter and sort lessons by their record's years.
  SearchRequest by_years;
  by_years.query = "kind:worked year:2010..2030";
  by_years.sort = SortOrder::oldest;
  by_years.per_page = 100;
  auto recent = searcher_->search(by_years);
  ASSERT_TRUE(recent.has_value()) << recent.error().to_string();
  ASSERT_FALSE(recent->hits.empty());
  std::optional<int> previous;
  for (const auto& hit : recent->hits) {
    // Active in the range: an unknown end is the start year, or open while ongoing.
    std::optional<int> end = hit.end_year ? hit.end_year : hit.outcome == "ongoing" ? std::nullopt : hit.start_year;
    if (end) {
      EXPECT_GE(*end, 2010) << hit.id;
    }
    if (previous && hit.start_year) {
      EXPECT_GE(*hit.start_year, *previous) << hit.id;
    }
    if (hit.start_year) previous = hit.start_year;
  }
}

TEST_F(CollectionSearchTest, RecordSearchesNeverReturnLessons) {
  // Browsing, pure exclusions and year ranges match every document of a kind, lessons included,
  // unless the searcher keeps them out.
  for (const std::string query : {"", "-zzzz", "year:1990..2030"}) {
    auto response = search(query, "", 100);
    EXPECT_FALSE(response.lessons);
    EXPECT_LE(response.total, documents_) << query;
    for (const auto& hit : response.hits) EXPECT_FALSE(hit.id.empty()) << query;
  }
  EXPECT_EQ(search("", "", 100).total, shown_);
  EXPECT_LT(shown_, documents_);
  // A record hit lists its lessons that hold a query word.
  auto response = search("retorts");
  ASSERT_FALSE(response.hits.empty());
  bool some_lesson = false;
  for (const auto& hit : response.hits)
    for (const auto& lesson : hit.lessons) some_lesson |= lesson.text.find("<mark>") != std::string::npos;
  EXPECT_TRUE(some_lesson);
  auto stats = searcher_->stats();
  ASSERT_TRUE(stats.has_value());
  EXPECT_GT(stats->counts["kind"]["failed"], 10u);
}


TEST_F(CollectionSearchTest, ThesaurusTakesAnEnglishQueryToOtherLanguages) {
  auto response = search("retort", "en", 20);
  ASSERT_FALSE(response.expansions.empty());
  EXPECT_EQ(response.expansions[0].matched, "retort");
  std::set<std::string> languages;
  for (const auto& hit : response.hits) languages.insert(hit.language);
  EXPECT_TRUE(languages.contains("es") || languages.contains("pt")) << "no Spanish or Portuguese record";
  // Child labour is "trabajo infantil", "travail des enfants", "trabalho infantil".
  auto child = search("child labour", "en", 50);
  std::set<std::string> child_languages;
  for (const auto& hit : child.hits) child_languages.insert(hit.language);
  EXPECT_TRUE(child_languages.contains("es")) << "no Spanish record";
  // A query with syntax keeps its meaning: no alternatives are added to a phrase.
  EXPECT_TRUE(search("\"child labour\"", "en").expansions.empty());
}

TEST_F(CollectionSearchTest, ThesaurusTellsTheLanguageOfAShortQuery) {
  // Searched in its own language only, the query's detected language decides what comes first.
  auto orpaillage = search("orpaillage", "", 10, false);
  ASSERT_FALSE(orpaillage.languages.empty());
  EXPECT_EQ(orpaillage.languages.front(), "fr");
  EXPECT_EQ(orpaillage.hits.at(0).language, "fr");
  auto garimpo = search("garimpo", "", 10, false);
  EXPECT_EQ(garimpo.languages.front(), "pt");
  EXPECT_EQ(garimpo.hits.at(0).language, "pt");
  // Translated, it is the detected language that the other languages are searched from.
  auto translated = search("orpaillage");
  EXPECT_EQ(translated.languages.front(), "fr");
  EXPECT_FALSE(translated.translations.contains("fr"));
  EXPECT_TRUE(translated.translations.contains("es"));
  // A user who prefers their own language gets its records first, and the others after them.
  SearchRequest preferring;
  preferring.query = "orpaillage";
  preferring.prefer_language = true;
  preferring.per_page = 30;
  auto preferred = searcher_->search(preferring);
  ASSERT_TRUE(preferred);
  EXPECT_EQ(preferred->hits.at(0).language, "fr");
  EXPECT_FALSE(preferred->translations.empty());
  EXPECT_TRUE(std::any_of(preferred->hits.begin(), preferred->hits.end(), [](const Hit& h) { return h.language != "fr"; }));
}


TEST_F(CollectionSearchTest, EveryThesaurusConceptSearchesSafelyAtTheLargestPage) {
  // Xapian 1.4.22 reads freed memory when an OP_MAX lies under an OP_OR and the matcher prunes
  // it (a large page makes it prune): the query builder must never build that shape. Each
  // concept's first term in each language, with the next concept's, a page of 100.
  const auto& thesaurus = indexer::Thesaurus::bundled();
  std::size_t searches = 0;
  for (std::size_t i = 0; i < thesaurus.size(); ++i) {
    const auto& next = thesaurus.concept_at((i + 1) % thesaurus.size());
    std::set<std::string> languages;
    for (const auto& term : thesaurus.concept_at(i).terms) {
      if (!languages.insert(term.language).second) continue;
      std::string query = term.text + " " + next.terms.front().text;
      SCOPED_TRACE(query);
      SearchResponse response = search(query, "", kMaxPerPage);
      EXPECT_LE(response.hits.size(), kMaxPerPage);
      ++searches;
    }
  }
  EXPECT_GE(searches, thesaurus.size() * 4);
}

}  // namespace
}  // namespace ranking
