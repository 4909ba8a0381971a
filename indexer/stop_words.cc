#include "indexer/stop_words.h"

#include <algorithm>
#include <map>

namespace indexer {
namespace {

// Folded: no accents ("mas" is "más" and "mas"). French "or" (gold) is left out on purpose.
constexpr std::string_view kEnglish[] = {
    "a", "an", "the", "of", "in", "on", "at", "to", "is", "are", "was", "were", "be", "been", "being", "by", "for",
    "from", "with", "as", "and", "or", "but", "not", "no", "it", "its", "this", "that", "these", "those", "which",
    "who", "whom", "what", "when", "where", "why", "how", "do", "does", "did", "has", "have", "had", "can", "could",
    "would", "should", "will", "may", "might", "must", "there", "their", "they", "them", "he", "she", "his", "her",
    "we", "our", "you", "your", "i", "my", "me", "than", "then", "so", "such", "into", "about", "after", "before",
    "over", "under", "between", "through", "during", "also", "all", "any", "some", "more", "most", "other", "only",
    "each", "both", "many", "much", "very", "if", "while", "here", "including", "include", "includes"};
constexpr std::string_view kSpanish[] = {
    "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y", "o", "u", "e", "que",
    "como", "por", "para", "con", "sin", "sobre", "entre", "hasta", "desde", "hacia", "tras", "se", "su", "sus", "lo",
    "le", "les", "es", "son", "era", "eran", "fue", "fueron", "ser", "ha", "han", "habia", "este", "esta", "estos",
    "estas", "ese", "esa", "esos", "esas", "aquel", "cual", "cuales", "quien", "quienes", "cuando", "donde", "cuanto",
    "cuantos", "cuantas", "no", "mas", "pero", "muy", "tambien", "ya", "cada", "algo", "otro", "otra", "otros",
    "otras", "mismo", "nos", "yo", "tu", "uno"};
constexpr std::string_view kFrench[] = {
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "au", "aux", "a", "en", "et", "ou", "que", "qui",
    "quoi", "dont", "dans", "par", "pour", "avec", "sans", "sur", "sous", "entre", "vers", "chez", "ce", "cet",
    "cette", "ces", "son", "sa", "ses", "leur", "leurs", "il", "ils", "elle", "elles", "on", "nous", "vous", "je",
    "est", "sont", "etait", "ete", "ont", "avait", "etre", "avoir", "se", "ne", "pas", "plus", "mais", "comme",
    "aussi", "tout", "tous", "toute", "toutes", "quel", "quelle", "quels", "quelles", "lequel", "laquelle", "apres",
    "avant", "y"};
constexpr std::string_view kPortuguese[] = {
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas",
    "num", "numa", "ao", "aos", "e", "ou", "que", "quem", "qual", "quais", "como", "por", "pelo", "pela", "pelos",
    "pelas", "para", "com", "sem", "sob", "sobre", "entre", "ate", "desde", "se", "seu", "sua", "seus", "suas", "ele",
    "ela", "eles", "elas", "foi", "foram", "era", "eram", "ser", "sao", "esta", "este", "estes", "estas", "esse",
    "essa", "isso", "isto", "aquele", "mais", "mas", "nao", "muito", "tambem", "onde", "quando", "cada", "ja", "lhe"};

// Sorted, so callers can binary_search any list.
template <std::size_t N>
std::vector<std::string> list(const std::string_view (&words)[N]) {
  std::vector<std::string> out(std::begin(words), std::end(words));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const std::vector<std::string>& stop_words(std::string_view language) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> lists = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> out{
        {"en", list(kEnglish)}, {"es", list(kSpanish)}, {"fr", list(kFrench)}, {"pt", list(kPortuguese)}};
    std::vector<std::string> all;
    for (const auto& [code, words] : out) all.insert(all.end(), words.begin(), words.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    out.emplace("", std::move(all));
    return out;
  }();
  static const std::vector<std::string> none;
  auto it = lists.find(language);
  return it == lists.end() ? none : it->second;
}

const std::vector<std::string>& number_words() {
  static const std::vector<std::string> sorted = [] {
    std::vector<std::string> words = {
      // en
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
      "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
      "billion", "billions", "dozen", "dozens", "half",
      // es
      "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
      "quince", "veinte", "treinta", "cuarenta", "cincuenta", "cien", "ciento", "cientos", "mil", "miles", "millon",
      "millones", "docena", "medio",
      // fr
      "un", "une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
      "trente", "quarante", "cinquante", "cent", "cents", "mille", "milliers", "milliard", "milliards", "douzaine",
      "moitie",
      // pt
      "um", "uma", "dois", "duas", "quatro", "cinco", "oito", "nove", "dez", "onze", "doze", "quinze", "vinte", "trinta",
      "quarenta", "cinquenta", "cem", "cento", "centenas", "milhao", "milhoes", "milhares", "bilhao", "bilhoes",
      "dezena", "dezenas", "metade"};
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
  }();
  return sorted;
}

bool is_number_word(std::string_view word) {
  const auto& words = number_words();
  return std::binary_search(words.begin(), words.end(), word);
}

const std::vector<std::string>& boilerplate_words() {
  static const std::vector<std::string> sorted = [] {
    std::vector<std::string> words = {
        // en
        "project", "projects", "programme", "programmes", "program", "programs", "proposal", "concept", "note",
        "budget", "dollar", "dollars", "usd", "year", "years", "month", "months", "phase", "phases", "activity",
        "activities", "component", "components", "objective", "objectives", "result", "results", "output", "outputs",
        "implementation", "implement", "beneficiaries", "pilot",
        // es
        "proyecto", "proyectos", "programa", "programas", "propuesta", "nota", "conceptual", "presupuesto", "dolares",
        "ano", "anos", "mes", "meses", "fase", "fases", "actividad", "actividades", "componente", "componentes",
        "objetivo", "objetivos", "resultado", "resultados", "ejecucion", "beneficiarios", "piloto",
        // fr
        "projet", "projets", "programme", "proposition", "conceptuelle", "dollars", "an", "ans", "annee", "annees",
        "mois", "activite", "activites", "composante", "composantes", "objectif", "objectifs", "resultat", "resultats",
        "oeuvre", "beneficiaires", "pilote",
        // pt
        "projeto", "projetos", "projecto", "projectos", "proposta", "conceitual", "conceptual", "orcamento", "anos",
        "meses", "atividade", "atividades", "objetivos", "execucao", "beneficiarios"};
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
  }();
  return sorted;
}

}  // namespace indexer
