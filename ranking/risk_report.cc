#include "ranking/risk_report.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "ranking/similar_types.h"

namespace ranking {
namespace {

// The failure share at which the risk is high.
constexpr double kHighShare = 0.5;

struct Phrases {
  const char* failed;        // "%zu of the %zu ... with a known outcome failed or were discontinued"
  const char* none_failed;   // "None of the %zu ... with a known outcome failed"
  const char* because;       // ", most often because "
  const char* and_word;
  const char* overlap;       // " Work under way in the same place, to coordinate with: "
  const char* worked;        // " What worked: "
  const char* level;         // " Risk: "
  const char* levels[4];     // high, medium, low, not enough evidence
  const char* evidence;      // " Based on %zu close precedents, %zu with a known outcome."
  const char* machine;       // "machine translation"
};

const Phrases& phrases(const std::string& language) {
  static const std::map<std::string, Phrases> table = {
      {"en", {"%zu of the %zu most similar initiatives with a known outcome failed or were discontinued",
              "None of the %zu most similar initiatives with a known outcome failed", ", most often because ", " and ",
              " Work under way in the same place, to coordinate with: ", " What worked", " Risk: ",
              {"high", "medium", "low", "not enough evidence"},
              " Based on %zu close precedents, %zu with a known outcome.", "machine translation"}},
      {"es", {"%zu de las %zu iniciativas más parecidas con resultado conocido fracasaron o se interrumpieron",
              "Ninguna de las %zu iniciativas más parecidas con resultado conocido fracasó", ", sobre todo porque ", " y ",
              " Trabajo en curso en el mismo lugar, con el que coordinarse: ", " Lo que funcionó", " Riesgo: ",
              {"alto", "medio", "bajo", "evidencia insuficiente"},
              " Basado en %zu precedentes cercanos, %zu con resultado conocido.", "traducción automática"}},
      {"fr", {"%zu des %zu initiatives les plus proches au résultat connu ont échoué ou ont été interrompues",
              "Aucune des %zu initiatives les plus proches au résultat connu n'a échoué", ", le plus souvent parce que ",
              " et ", " Travaux en cours au même endroit, avec lesquels se coordonner : ", " Ce qui a marché", " Risque : ",
              {"élevé", "moyen", "faible", "éléments insuffisants"},
              " Sur la base de %zu précédents proches, dont %zu au résultat connu.", "traduction automatique"}},
      {"pt", {"%zu das %zu iniciativas mais semelhantes com resultado conhecido fracassaram ou foram interrompidas",
              "Nenhuma das %zu iniciativas mais semelhantes com resultado conhecido fracassou", ", sobretudo porque ", " e ",
              " Trabalho em curso no mesmo lugar, com o qual se coordenar: ", " O que funcionou", " Risco: ",
              {"alto", "médio", "baixo", "evidência insuficiente"},
              " Com base em %zu precedentes próximos, %zu com resultado conhecido.", "tradução automática"}},
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

bool known_outcome(const SimilarHit& hit) {
  return hit.outcome == "completed" || hit.outcome == "scaled_up" || hit.outcome == "discontinued" ||
         !hit.failure_reasons.empty();
}

bool failed(const SimilarHit& hit) { return hit.outcome == "discontinued" || !hit.failure_reasons.empty(); }

// Still going, or just ended: ongoing; of unknown outcome with no end year; or ended lately.
bool current_or_recent(const SimilarHit& hit, int current_year) {
  if (hit.outcome == "ongoing") return true;
  if (hit.end_year) return *hit.end_year >= current_year - kRecentYears;
  return hit.outcome == "unknown" || hit.outcome.empty();
}

}  // namespace

RiskReport risk_report(const std::vector<SimilarHit>& hits, const std::string& language, int current_year) {
  RiskReport report;
  report.language = (language == "es" || language == "fr" || language == "pt") ? language : "en";
  const Phrases& p = phrases(report.language);
  double known_weight = 0, failed_weight = 0;
  std::map<std::string, ReasonCount> reasons;
  std::vector<const SimilarHit*> overlapping;
  for (std::size_t i = 0; i < hits.size() && i < kRiskDepth; ++i) {
    const SimilarHit& hit = hits[i];
    if (hit.score < kCloseShare * hits.front().score) break;
    if (hit.why.other_commodity) continue;
    ++report.of;
    if (hit.outcome == "discontinued") ++report.discontinued;
    if (known_outcome(hit)) {
      ++report.known_outcomes;
      known_weight += hit.score;
    }
    if (failed(hit)) {
      ++report.failed;
      failed_weight += hit.score;
      report.failing.push_back(hit.id);
      for (const auto& reason : hit.failure_reasons) {
        auto& count = reasons[reason];
        count.reason = reason;
        ++count.count;
        count.weight += hit.score;
      }
    }
    bool same_place = !hit.why.countries.empty() && (!hit.why.themes.empty() || !hit.why.commodities.empty());
    if (same_place && current_or_recent(hit, current_year)) {
      report.overlap.push_back(hit.id);
      overlapping.push_back(&hit);
    }
    for (std::size_t l = 0; l < hit.lessons.size(); ++l) {
      if (hit.lessons[l].kind != "worked") continue;
      // In the reader's language when a machine translation is there, else labelled with its own.
      const auto& translation = hit.machine_translation;
      bool translated = translation && translation->language == report.language && l < translation->lessons.size() &&
                        !translation->lessons[l].empty();
      report.worked.push_back(translated ? translation->lessons[l] + " (" + p.machine + ")"
                              : hit.language.empty() || hit.language == report.language
                                  ? hit.lessons[l].text
                                  : "(" + hit.language + ") " + hit.lessons[l].text);
    }
  }
  report.weighted_share = known_weight > 0 ? failed_weight / known_weight : 0;
  int level;  // index into Phrases::levels
  if (report.failed > 0 && report.weighted_share >= kHighShare) level = 0;
  else if (report.failed > 0 || !overlapping.empty()) level = 1;
  else if (report.known_outcomes < 2) level = 3;
  else level = 2;
  static const char* const kLevels[] = {"high", "medium", "low", "not_enough_evidence"};
  report.level = kLevels[level];
  for (auto& [name, count] : reasons) report.reasons.push_back(count);
  std::sort(report.reasons.begin(), report.reasons.end(), [](const ReasonCount& a, const ReasonCount& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.reason < b.reason;
  });

  std::string summary;
  if (report.known_outcomes > 0)
    summary = (report.failed > 0 ? format(p.failed, report.failed, report.known_outcomes) : format(p.none_failed, report.known_outcomes));
  std::string reasons_text;
  for (std::size_t i = 0; i < std::min<std::size_t>(2, report.reasons.size()); ++i) {
    if (i > 0) reasons_text += p.and_word;
    reasons_text += reason_text(report.reasons[i].reason, report.language) + " (" + std::to_string(report.reasons[i].count) + ")";
  }
  if (!reasons_text.empty()) summary += p.because + reasons_text;
  if (!summary.empty()) summary += ".";
  if (!overlapping.empty()) {
    std::string titles;
    for (const SimilarHit* hit : overlapping) {
      const auto& translation = hit->machine_translation;
      titles += (titles.empty() ? "" : "; ") + (translation && translation->language == report.language ? translation->title : hit->title);
    }
    summary += p.overlap + titles + ".";
  }
  if (!report.worked.empty()) summary += std::string(p.worked) + ": " + report.worked.front();
  summary += std::string(p.level) + p.levels[level] + ".";
  summary += format(p.evidence, report.of, report.known_outcomes);
  // A summary that opens with a space (no known outcome) starts at its first word.
  report.summary = summary.substr(std::min(summary.size(), summary.find_first_not_of(' ')));
  return report;
}

}  // namespace ranking
