#include <algorithm>
#include <map>

#include "ranking/recommender.h"

namespace ranking {
namespace {

// The rule: the share of similarity that discontinued records carry among the nearest ones.
constexpr double kHighShare = 0.5;    // half of the similarity or more: high
constexpr double kMediumShare = 0.2;  // a fifth or more, or any discontinued record: medium

struct Phrases {
  const char* discontinued;  // "%zu of the %zu ..."
  const char* none;          // "None of the %zu ..."
  const char* because;       // ", most often because "
  const char* problems;      // " Problems they met: "
  const char* and_word;
  const char* worked;        // " What worked: "
  const char* level;         // " Duplication risk: "
  const char* levels[3];     // high, medium, low
};

const Phrases& phrases(const std::string& language) {
  static const std::map<std::string, Phrases> table = {
      {"en", {"%zu of the %zu most similar past initiatives were discontinued",
              "None of the %zu most similar past initiatives was discontinued", ", most often because ", " Problems they met: ", " and ",
              " What worked: ", " Duplication risk: ", {"high", "medium", "low"}}},
      {"es", {"%zu de las %zu iniciativas anteriores más parecidas se interrumpieron",
              "Ninguna de las %zu iniciativas anteriores más parecidas se interrumpió", ", sobre todo porque ", " Problemas que encontraron: ", " y ",
              " Lo que funcionó: ", " Riesgo de duplicación: ", {"alto", "medio", "bajo"}}},
      {"fr", {"%zu des %zu initiatives passées les plus proches ont été interrompues",
              "Aucune des %zu initiatives passées les plus proches n'a été interrompue", ", le plus souvent parce que ",
              " Problèmes rencontrés : ", " et ", " Ce qui a marché : ", " Risque de doublon : ", {"élevé", "moyen", "faible"}}},
      {"pt", {"%zu das %zu iniciativas anteriores mais semelhantes foram interrompidas",
              "Nenhuma das %zu iniciativas anteriores mais semelhantes foi interrompida", ", sobretudo porque ", " Problemas que enfrentaram: ", " e ",
              " O que funcionou: ", " Risco de duplicação: ", {"alto", "médio", "baixo"}}},
  };
  auto it = table.find(language);
  return it != table.end() ? it->second : table.at("en");
}

// Each failure reason said plainly, per language.
std::string reason_text(const std::string& reason, const std::string& language) {
  static const std::map<std::string, std::map<std::string, std::string>> table = {
      {"funding_ended", {{"en", "donor funding ended"}, {"es", "terminó la financiación de los donantes"},
                         {"fr", "le financement des bailleurs a pris fin"}, {"pt", "o financiamento dos doadores terminou"}}},
      {"no_government_buy_in", {{"en", "the government did not take it up"}, {"es", "el gobierno no lo asumió"},
                                {"fr", "le gouvernement ne l'a pas repris"}, {"pt", "o governo não o assumiu"}}},
      {"too_localized", {{"en", "it stayed too local"}, {"es", "se quedó demasiado local"},
                         {"fr", "il est resté trop local"}, {"pt", "ficou demasiado local"}}},
      {"short_pilot", {{"en", "the pilot was too short"}, {"es", "el piloto fue demasiado corto"},
                       {"fr", "le pilote était trop court"}, {"pt", "o piloto foi curto demais"}}},
      {"no_market_access", {{"en", "miners had no access to markets"}, {"es", "los mineros no tuvieron acceso a mercados"},
                            {"fr", "les mineurs n'avaient pas accès aux marchés"}, {"pt", "os mineiros não tiveram acesso a mercados"}}},
      {"low_miner_uptake", {{"en", "few miners took it up"}, {"es", "pocos mineros lo adoptaron"},
                            {"fr", "peu de mineurs l'ont adopté"}, {"pt", "poucos mineiros o adotaram"}}},
      {"conflict_insecurity", {{"en", "of conflict and insecurity"}, {"es", "hubo conflicto e inseguridad"},
                               {"fr", "il y avait conflit et insécurité"}, {"pt", "houve conflito e insegurança"}}},
      {"high_compliance_costs", {{"en", "compliance cost too much"}, {"es", "cumplir costaba demasiado"},
                                 {"fr", "la conformité coûtait trop cher"}, {"pt", "cumprir as regras custava demais"}}},
      {"weak_enforcement", {{"en", "rules were weakly enforced"}, {"es", "las normas se aplicaron débilmente"},
                            {"fr", "les règles étaient mal appliquées"}, {"pt", "as regras foram mal aplicadas"}}},
      {"policy_instability", {{"en", "policy kept changing"}, {"es", "las políticas cambiaron sin cesar"},
                              {"fr", "la politique changeait sans cesse"}, {"pt", "as políticas mudaram sem parar"}}},
      {"no_local_ownership", {{"en", "there was no local ownership"}, {"es", "no hubo apropiación local"},
                              {"fr", "il n'y avait pas d'appropriation locale"}, {"pt", "não houve apropriação local"}}},
      {"technology_mismatch", {{"en", "the technology did not fit miners' needs"}, {"es", "la tecnología no se ajustaba a los mineros"},
                               {"fr", "la technologie ne convenait pas aux mineurs"}, {"pt", "a tecnologia não servia aos mineiros"}}},
      {"coordination_failure", {{"en", "the actors did not coordinate"}, {"es", "los actores no se coordinaron"},
                                {"fr", "les acteurs ne se sont pas coordonnés"}, {"pt", "os atores não se coordenaram"}}},
      {"community_resistance", {{"en", "communities resisted it"}, {"es", "las comunidades se opusieron"},
                                {"fr", "les communautés s'y sont opposées"}, {"pt", "as comunidades resistiram"}}},
  };
  auto reason_it = table.find(reason);
  if (reason_it == table.end()) return reason;
  auto it = reason_it->second.find(language);
  return it != reason_it->second.end() ? it->second : reason_it->second.at("en");
}

std::string format(const char* pattern, std::size_t a, std::size_t b = 0) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, pattern, a, b);
  return buffer;
}

}  // namespace

RiskReport risk_report(const std::vector<SimilarHit>& hits, const std::string& language) {
  RiskReport report;
  report.language = (language == "es" || language == "fr" || language == "pt") ? language : "en";
  report.of = hits.size();
  double total = 0, discontinued = 0;
  std::map<std::string, ReasonCount> reasons;
  for (const auto& hit : hits) {
    total += hit.score;
    if (hit.outcome == "discontinued") {
      ++report.discontinued;
      discontinued += hit.score;
    }
    for (const auto& reason : hit.failure_reasons) {
      auto& count = reasons[reason];
      count.reason = reason;
      ++count.count;
      count.weight += hit.score;
    }
    for (const auto& lesson : hit.lessons)
      if (lesson.kind == "worked") report.worked.push_back(lesson.text);
  }
  report.weighted_share = total > 0 ? discontinued / total : 0;
  report.level = report.weighted_share >= kHighShare                                  ? "high"
                 : report.weighted_share >= kMediumShare || report.discontinued > 0 ? "medium"
                                                                                    : "low";
  for (auto& [name, count] : reasons) report.reasons.push_back(count);
  std::sort(report.reasons.begin(), report.reasons.end(), [](const ReasonCount& a, const ReasonCount& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.reason < b.reason;
  });

  const Phrases& p = phrases(report.language);
  std::string summary = report.discontinued > 0 ? format(p.discontinued, report.discontinued, report.of)
                                                : format(p.none, report.of);
  std::string reasons_text;
  for (std::size_t i = 0; i < std::min<std::size_t>(2, report.reasons.size()); ++i) {
    if (i > 0) reasons_text += p.and_word;
    reasons_text += reason_text(report.reasons[i].reason, report.language) + " (" +
               std::to_string(report.reasons[i].count) + ")";
  }
  if (!reasons_text.empty() && report.discontinued > 0) summary += p.because + reasons_text;
  summary += ".";
  if (!reasons_text.empty() && report.discontinued == 0) summary += p.problems + reasons_text + ".";
  if (!report.worked.empty()) summary += p.worked + report.worked.front();
  int level = report.level == "high" ? 0 : report.level == "medium" ? 1 : 2;
  summary += std::string(p.level) + p.levels[level] + ".";
  report.summary = std::move(summary);
  return report;
}

}  // namespace ranking
