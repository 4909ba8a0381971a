#include "indexer/cognates.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace indexer {
namespace {

using Change = std::pair<std::string_view, std::string_view>;

// The regular changes between two languages, on folded words: endings (the first that fits, so
// longer ones come first), spellings anywhere in the word, and Spanish's and Portuguese's e before
// an initial s and a consonant ("spectrum" -> "espectro"), added or taken away.
struct CognateRules {
  std::string_view from;
  std::string_view to;
  std::vector<Change> endings;
  std::vector<Change> spellings;
  int initial_e = 0;  // +1 adds it, -1 takes it away, 0 leaves the word's start alone
};

const std::vector<CognateRules>& all_rules() {
  // Greek spellings English and French keep and Spanish and Portuguese simplify.
  static const std::vector<Change> greek_simplified = {{"ph", "f"}, {"th", "t"}, {"rh", "r"}, {"chl", "cl"}, {"chr", "cr"},
                                                       {"y", "i"},  {"mm", "nm"}, {"ss", "s"}, {"tt", "t"},    {"ff", "f"},
                                                       {"pp", "p"}, {"k", "c"}};
  static const std::vector<CognateRules> rules = {
      {"en", "es",
       {{"tions", "ciones"}, {"tion", "cion"}, {"ities", "idades"}, {"ity", "idad"}, {"ences", "encias"},
        {"ence", "encia"}, {"ency", "encia"}, {"ances", "ancias"}, {"ance", "ancia"}, {"ancy", "ancia"},
        {"isms", "ismos"}, {"ism", "ismo"}, {"ists", "istas"}, {"ist", "ista"}, {"ical", "ico"}, {"ics", "ica"},
        {"ic", "ico"}, {"ous", "oso"}, {"ives", "ivos"}, {"ive", "ivo"}, {"ments", "mentos"}, {"ment", "mento"},
        {"ary", "ario"}, {"ory", "orio"}, {"logy", "logia"}, {"phy", "fia"}, {"ids", "idos"}, {"id", "ido"},
        {"ates", "atos"}, {"ate", "ato"}, {"sts", "stos"}, {"st", "sto"}},
       greek_simplified, +1},
      {"en", "pt",
       {{"tions", "coes"}, {"tion", "cao"}, {"ities", "idades"}, {"ity", "idade"}, {"ences", "encias"},
        {"ence", "encia"}, {"ency", "encia"}, {"ances", "ancias"}, {"ance", "ancia"}, {"ancy", "ancia"},
        {"isms", "ismos"}, {"ism", "ismo"}, {"ists", "istas"}, {"ist", "ista"}, {"ical", "ico"}, {"ics", "ica"},
        {"ic", "ico"}, {"ous", "oso"}, {"ives", "ivos"}, {"ive", "ivo"}, {"ments", "mentos"}, {"ment", "mento"},
        {"ary", "ario"}, {"ory", "orio"}, {"logy", "logia"}, {"phy", "fia"}, {"ids", "idos"}, {"id", "ido"},
        {"ates", "atos"}, {"ate", "ato"}, {"sts", "stos"}, {"st", "sto"}},
       {{"ph", "f"}, {"th", "t"}, {"rh", "r"}, {"chl", "cl"}, {"chr", "cr"}, {"y", "i"}, {"mm", "m"}, {"tt", "t"},
        {"ff", "f"}, {"pp", "p"}, {"k", "c"}},
       +1},
      {"en", "fr",
       {{"ities", "ites"}, {"ity", "ite"}, {"ous", "eux"}, {"ical", "ique"}, {"ics", "ique"}, {"ic", "ique"},
        {"isms", "ismes"}, {"ism", "isme"}, {"ists", "istes"}, {"ist", "iste"}, {"ives", "ifs"}, {"ive", "if"},
        {"ary", "aire"}, {"ory", "oire"}, {"logy", "logie"}, {"phy", "phie"}, {"ency", "ence"}, {"ancy", "ance"},
        {"ids", "ides"}, {"id", "ide"}, {"sts", "stes"}, {"st", "ste"}},
       {},
       0},
      {"es", "en",
       {{"ciones", "tions"}, {"cion", "tion"}, {"idades", "ities"}, {"idad", "ity"}, {"encias", "ences"},
        {"encia", "ence"}, {"ancias", "ances"}, {"ancia", "ance"}, {"ismos", "isms"}, {"ismo", "ism"},
        {"istas", "ists"}, {"ista", "ist"}, {"icos", "ics"}, {"ico", "ic"}, {"ica", "ic"}, {"osos", "ous"},
        {"oso", "ous"}, {"ivos", "ives"}, {"ivo", "ive"}, {"mentos", "ments"}, {"mento", "ment"}, {"ario", "ary"},
        {"orio", "ory"}, {"logia", "logy"}, {"grafia", "graphy"}, {"fia", "phy"}, {"idos", "ids"}, {"ido", "id"},
        {"stos", "sts"}, {"sto", "st"}},
       {{"inm", "imm"}},
       -1},
      {"pt", "en",
       {{"coes", "tions"}, {"cao", "tion"}, {"idades", "ities"}, {"idade", "ity"}, {"encias", "ences"},
        {"encia", "ence"}, {"ancias", "ances"}, {"ancia", "ance"}, {"ismos", "isms"}, {"ismo", "ism"},
        {"istas", "ists"}, {"ista", "ist"}, {"icos", "ics"}, {"ico", "ic"}, {"ica", "ic"}, {"osos", "ous"},
        {"oso", "ous"}, {"ivos", "ives"}, {"ivo", "ive"}, {"mentos", "ments"}, {"mento", "ment"}, {"ario", "ary"},
        {"orio", "ory"}, {"logia", "logy"}, {"grafia", "graphy"}, {"fia", "phy"}, {"idos", "ids"}, {"ido", "id"},
        {"stos", "sts"}, {"sto", "st"}},
       {},
       -1},
      {"fr", "en",
       {{"ites", "ities"}, {"ite", "ity"}, {"eux", "ous"}, {"euse", "ous"}, {"iques", "ics"}, {"ique", "ic"},
        {"ismes", "isms"}, {"isme", "ism"}, {"istes", "ists"}, {"iste", "ist"}, {"ifs", "ives"}, {"if", "ive"},
        {"ive", "ive"}, {"aires", "aries"}, {"aire", "ary"}, {"oire", "ory"}, {"logie", "logy"}, {"graphie", "graphy"},
        {"phie", "phy"}, {"ides", "ids"}, {"ide", "id"}, {"stes", "sts"}, {"ste", "st"}},
       {},
       0},
  };
  return rules;
}

constexpr std::size_t kMinLetters = 5;

bool is_vowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

std::string with_ending(const std::string& word, const CognateRules& rules) {
  for (const auto& [ending, replacement] : rules.endings)
    if (word.size() > ending.size() + 2 && word.ends_with(ending))
      return word.substr(0, word.size() - ending.size()) + std::string(replacement);
  return word;
}

std::string with_spellings(std::string word, const CognateRules& rules) {
  for (const auto& [spelling, replacement] : rules.spellings) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
      if (word.compare(i, spelling.size(), spelling) == 0) {
        out += replacement;
        i += spelling.size();
      } else {
        out += word[i++];
      }
    }
    word = std::move(out);
  }
  if (rules.initial_e > 0 && word.size() > 2 && word[0] == 's' && !is_vowel(word[1])) word = "e" + word;
  if (rules.initial_e < 0 && word.size() > 3 && word[0] == 'e' && word[1] == 's' && !is_vowel(word[2])) word.erase(0, 1);
  return word;
}

}  // namespace

std::vector<std::string> cognate_spellings(const std::string& word, const std::string& from, const std::string& to) {
  std::vector<std::string> out;
  if (word.size() < kMinLetters) return out;
  for (const auto& rules : all_rules()) {
    if (rules.from != from || rules.to != to) continue;
    std::string ending_changed = with_ending(word, rules);
    for (const std::string& spelling : {with_spellings(ending_changed, rules), ending_changed, with_spellings(word, rules)})
      if (spelling != word && std::find(out.begin(), out.end(), spelling) == out.end()) out.push_back(spelling);
  }
  return out;
}

}  // namespace indexer
