#include "indexer/title_names.h"

#include <gtest/gtest.h>

namespace indexer {
namespace {

using Names = std::vector<std::string>;

TEST(TitleNamesTest, TheHeadBeforeAColonOrABracket) {
  EXPECT_EQ(title_names("planetGOLD (GEF GOLD): global programme for mercury-free artisanal gold mining"),
            (Names{"planetgold", "gef gold", "gef", "gold"}));
  EXPECT_EQ(title_names("Somos Tesoro: prevención del trabajo infantil en municipios mineros de Boyacá y Antioquia"),
            Names{"somos tesoro"});
  // No separator: the whole title, when it is short enough to be a name.
  EXPECT_EQ(title_names("Fair Cobalt Alliance"), Names{"fair cobalt alliance"});
  EXPECT_TRUE(title_names("Fairtrade and Fairmined Gold, and the later Fairtrade Gold label").empty());
}

TEST(TitleNamesTest, AcronymsAndNamesInBrackets) {
  EXPECT_EQ(title_names("El proceso de formalización minera del Perú y el REINFO"), Names{"reinfo"});
  EXPECT_EQ(title_names("Programme national de rationalisation de l'orpaillage (PNRO), Côte d'Ivoire"), Names{"pnro"});
  EXPECT_EQ(title_names("Ghana Community Mining Scheme (CMS)"), (Names{"ghana community mining scheme", "cms"}));
  // A bracket with a comma is a note ("(Ban Toxics!, 2011)"), and two capitals are no acronym.
  EXPECT_EQ(title_names("The Price of Gold: mercury use in the Philippines (Ban Toxics!, 2011)"),
            Names{"the price of gold"});
  EXPECT_EQ(title_names("ACP-EU Development Minerals Programme"), (Names{"acp eu development minerals programme", "acp"}));
}

TEST(TitleNamesTest, NothingFromAnEmptyTitle) { EXPECT_TRUE(title_names("").empty()); }

}  // namespace
}  // namespace indexer
