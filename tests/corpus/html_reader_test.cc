#include "corpus/html_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "corpus/reader.h"
#include "corpus/walker.h"
#include "tests/corpus/read_one.h"
#include "tests/test_support.h"

namespace corpus {
namespace {

std::filesystem::path fixture(const std::string& name) { return test_support::data_file("html", name); }


TEST(HtmlReaderTest, ReadsTheMainTextAndTheHeadOfAPage) {
  Document page = read_one(fixture("retortas-madre-de-dios.html"));
  EXPECT_EQ(page.id, "retortas-madre-de-dios");
  EXPECT_EQ(page.title, "Retortas en Madre de Dios: lecciones de un piloto");
  EXPECT_EQ(page.summary, "Qué funcionó y qué no al introducir retortas en la minería aurífera artesanal.");
  EXPECT_EQ(page.language, "es");
  EXPECT_EQ(page.source_url, "https://example.org/retortas-madre-de-dios");
  EXPECT_NE(page.body.find("Los mineros recibieron retortas de acero para recuperar el mercurio."), std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("Falló: el costo del transporte."), std::string::npos);
  // Navigation, scripts, styles, asides and footers are not content.
  for (const char* noise : {"Inicio", "tracking", "font-family", "Publicidad", "Pie de página"})
    EXPECT_EQ(page.body.find(noise), std::string::npos) << noise;
}

TEST(HtmlReaderTest, DeclaredCharsetsBecomeUtf8) {
  Document latin1 = read_one(fixture("orpaillage-latin1.html"));
  EXPECT_EQ(latin1.title, "Orpaillage au Burkina Faso : leçons apprises");
  EXPECT_EQ(latin1.language, "fr");
  EXPECT_NE(latin1.body.find("adopté le traitement sans mercure après une démonstration"), std::string::npos)
      << latin1.body;
  Document cp1252 = read_one(fixture("fair-gold-cp1252.htm"));
  EXPECT_EQ(cp1252.title, "\u201cFair\u201d gold \u2013 lessons");
  EXPECT_NE(cp1252.body.find("Miners\u2019 cooperatives"), std::string::npos) << cp1252.body;
}

TEST(HtmlReaderTest, BrokenPagesAreReadAsFarAsTheyGoOrRefusedByName) {
  Document truncated = read_one(fixture("truncated.html"));
  EXPECT_EQ(truncated.title, "Cyanide leaching pilot");
  EXPECT_NE(truncated.body.find("Tanks were built in 2010"), std::string::npos);

  ReadResult untitled = read_file(fixture("no-title.html"));
  ASSERT_EQ(untitled.records.size(), 1u);
  ASSERT_FALSE(untitled.records[0].has_value());
  EXPECT_EQ(untitled.records[0].error().field, "title");
  EXPECT_NE(untitled.records[0].error().file.find("no-title.html"), std::string::npos);

  Document deep = read_one(fixture("deeply-nested.html"));
  EXPECT_EQ(deep.title, "Deep");
  // libxml2 stops at its nesting limit: what lies past it is not read, and nothing crashes.
  EXPECT_EQ(deep.body.find("deep text"), std::string::npos);

  auto empty = html_record_fields("empty.html", "");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().file, "empty.html");
  auto binary = html_record_fields("binary.html", std::string("\x00\x01\x02\xff", 4));
  // Bytes that are no page give no title to index under.
  EXPECT_TRUE(!binary.has_value() || !binary->contains("title"));
}

TEST(HtmlReaderTest, PagesAreFoundInFoldersByExtension) {
  EXPECT_EQ(format_of("a/Page.HTML"), Format::html);
  EXPECT_EQ(format_of("page.htm"), Format::html);
  FileList files = collect_files({fixture("")});
  EXPECT_EQ(files.files.size(), 6u);  // the README is skipped
}

}  // namespace
}  // namespace corpus
