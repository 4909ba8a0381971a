#include "ranking/snippet.h"

#include <gtest/gtest.h>

#include "indexer/text_normalizer.h"

namespace ranking {
namespace {

TEST(SnippetTest, MarksFoldedMatchesAndEscapesHtml) {
  auto snippet = make_snippet("La <b>minería</b> & el MERCURIO.", [](std::string_view word) {
    std::string folded = indexer::fold(word);
    return folded == "mineria" || folded == "mercurio";
  });
  EXPECT_EQ(snippet, "La &lt;b&gt;<mark>minería</mark>&lt;/b&gt; &amp; el <mark>MERCURIO</mark>.");
}

TEST(SnippetTest, PicksTheDensestWindow) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "filler ";
  text += "retorts reduce mercury use ";
  for (int i = 0; i < 100; ++i) text += "filler ";
  SnippetOptions options;
  options.words = 10;
  auto snippet = make_snippet(text, [](std::string_view w) { return w == "retorts" || w == "mercury"; }, options);
  EXPECT_EQ(snippet.rfind("… ", 0), 0u);
  EXPECT_NE(snippet.find("<mark>retorts</mark> reduce <mark>mercury</mark>"), std::string::npos);
  EXPECT_NE(snippet.find(" …"), std::string::npos);
}

TEST(SnippetTest, StartOfTextWhenNothingMatches) {
  SnippetOptions options;
  options.words = 3;
  EXPECT_EQ(make_snippet("one two three four", [](std::string_view) { return false; }, options), "one two three …");
  EXPECT_EQ(make_snippet("", [](std::string_view) { return true; }), "");
}

}  // namespace
}  // namespace ranking
