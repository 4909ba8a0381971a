#include "indexer/thesaurus.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <toml++/toml.h>

#include "corpus/vocabulary.h"
#include "indexer/stemmer.h"
#include "indexer/text_normalizer.h"

namespace indexer {

std::string_view bundled_thesaurus_toml();  // thesaurus_data.cc, generated

namespace {

using corpus::Error;
using corpus::ErrorCode;

constexpr const char* kLanguages[] = {"en", "es", "fr", "pt"};

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

corpus::Result<Thesaurus> Thesaurus::parse(std::string_view text, const std::string& origin) {
  toml::table table;
  try {
    table = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return Error{ErrorCode::parse_error, std::string(e.description()), origin, static_cast<int>(e.source().begin.line), ""};
  }
  const toml::array* concepts = table["concept"].as_array();
  if (concepts == nullptr) return Error{ErrorCode::parse_error, "expected [[concept]] tables", origin, 1, "concept"};

  Thesaurus out;
  std::map<std::string, std::string> owner_of_term;  // folded term -> concept id, to refuse a term in two concepts
  std::map<std::string, int> line_of_id;
  for (std::size_t i = 0; i < concepts->size(); ++i) {
    const toml::table* entry = (*concepts)[i].as_table();
    int line = static_cast<int>((*concepts)[i].source().begin.line);
    std::string where = "concept[" + std::to_string(i) + "]";
    if (entry == nullptr) return Error{ErrorCode::parse_error, "expected a table", origin, line, where};
    for (const auto& [key, node] : *entry) {
      std::string name(key.str());
      bool known = name == "id" || name == "theme" || name == "commodity" ||
                   std::any_of(std::begin(kLanguages), std::end(kLanguages),
                               [&](const char* language) { return name == language; });
      if (!known) {
        return Error{ErrorCode::validation, "unknown field (expected id, en, es, fr, pt, theme, commodity)", origin,
                     static_cast<int>(node.source().begin.line), where + "." + name};
      }
    }
    ThesaurusConcept concept_entry;
    auto id = (*entry)["id"].value<std::string>();
    if (!id || id->empty()) return Error{ErrorCode::validation, "expected a non-empty string", origin, line, where + ".id"};
    concept_entry.id = *id;
    where = "concept \"" + *id + "\"";
    if (auto [it, inserted] = line_of_id.emplace(*id, line); !inserted) {
      return Error{ErrorCode::validation, "this id is also used at line " + std::to_string(it->second), origin, line, where};
    }
    for (auto [field, list, value] : {std::tuple{"theme", corpus::vocabulary::themes(), &concept_entry.theme},
                                      std::tuple{"commodity", corpus::vocabulary::commodities(), &concept_entry.commodity}}) {
      const toml::node_view<const toml::node> node = (*entry)[field];
      if (!node) continue;
      auto text = node.value<std::string>();
      if (!text || !corpus::vocabulary::contains(list, *text))
        return Error{ErrorCode::validation, "expected one of the vocabulary's values (corpus/vocabulary.cc)", origin,
                     static_cast<int>(node.node()->source().begin.line), where + "." + field};
      *value = *text;
    }
    for (const char* language : kLanguages) {
      const toml::node_view<const toml::node> node = (*entry)[language];
      const toml::array* terms = node.as_array();
      std::string field = where + "." + language;
      int field_line = node ? static_cast<int>(node.node()->source().begin.line) : line;
      if (terms == nullptr || terms->empty()) {
        return Error{ErrorCode::validation, "expected a non-empty list of terms", origin, field_line, field};
      }
      for (const auto& term_node : *terms) {
        auto term = term_node.value<std::string>();
        std::vector<std::string> words = term ? words_of(fold(*term)) : std::vector<std::string>{};
        if (words.empty()) return Error{ErrorCode::validation, "expected terms with words", origin, field_line, field};
        std::string key = joined(words);
        if (auto [it, inserted] = owner_of_term.emplace(key, *id); !inserted && it->second != *id) {
          return Error{ErrorCode::validation, "\"" + *term + "\" is also a term of concept \"" + it->second + "\"",
                       origin, field_line, field};
        }
        concept_entry.terms.push_back({language, *term, std::move(words), {}});  // stems: below
      }
    }
    out.concepts_.push_back(std::move(concept_entry));
  }
  StemmerCache stemmers;
  for (std::size_t c = 0; c < out.concepts_.size(); ++c) {
    auto& terms = out.concepts_[c].terms;
    for (std::size_t t = 0; t < terms.size(); ++t) {
      for (const auto& word : terms[t].words) terms[t].stems.push_back(stemmers.get(terms[t].language)(word));
      out.by_first_stem_[terms[t].language + ":" + terms[t].stems.front()].push_back({c, t});
    }
  }
  return out;
}

const Thesaurus& Thesaurus::bundled() {
  static const Thesaurus thesaurus = [] {
    auto parsed = parse(bundled_thesaurus_toml(), "indexer/thesaurus/asm-thesaurus.toml");
    // The file is checked by the test suite; a broken one must not reach a build that runs.
    if (!parsed) throw std::logic_error("the bundled thesaurus is invalid: " + parsed.error().to_string());
    return std::move(parsed).value();
  }();
  return thesaurus;
}

std::vector<std::string> Thesaurus::commodities_named(const std::vector<std::string>& words) const {
  std::vector<std::string> out;
  for (const auto& word : words) {
    for (const auto& match : find({word})) {
      const std::string& commodity = concept_at(match.concept_index).commodity;
      if (!commodity.empty() && std::find(out.begin(), out.end(), commodity) == out.end()) out.push_back(commodity);
    }
  }
  return out;
}

std::vector<ConceptMatch> Thesaurus::find(const std::vector<std::string>& words) const {
  // Stemmers are not thread-safe and the thesaurus is shared: one cache per thread.
  thread_local StemmerCache stemmers;
  std::map<std::string, std::vector<std::string>> stems;  // language -> the words' stems
  for (const char* language : kLanguages) {
    auto& list = stems[language];
    for (const auto& word : words) list.push_back(stemmers.get(language)(word));
  }
  std::vector<ConceptMatch> out;
  std::size_t i = 0;
  while (i < words.size()) {
    ConceptMatch best;
    for (const char* language : kLanguages) {
      const auto& own = stems[language];
      auto candidates = by_first_stem_.find(std::string(language) + ":" + own[i]);
      if (candidates == by_first_stem_.end()) continue;
      for (const Entry& entry : candidates->second) {
        const ThesaurusTerm& term = concepts_[entry.concept_index].terms[entry.term_index];
        std::size_t n = term.stems.size();
        if (i + n > words.size() || !std::equal(term.stems.begin(), term.stems.end(), own.begin() + static_cast<std::ptrdiff_t>(i)))
          continue;
        if (n > best.word_count) {
          best = ConceptMatch{i, n, entry.concept_index, {term.language}};
        } else if (n == best.word_count && entry.concept_index == best.concept_index &&
                   std::find(best.languages.begin(), best.languages.end(), term.language) == best.languages.end()) {
          best.languages.push_back(term.language);
        }
      }
    }
    if (best.word_count == 0) {
      ++i;
      continue;
    }
    i += best.word_count;
    out.push_back(std::move(best));
  }
  return out;
}

std::string Thesaurus::common_language(const std::vector<ConceptMatch>& matches) {
  if (matches.empty()) return "";
  std::vector<std::string> common = matches.front().languages;
  for (const auto& match : matches) {
    std::erase_if(common, [&](const std::string& language) {
      return std::find(match.languages.begin(), match.languages.end(), language) == match.languages.end();
    });
  }
  return common.size() == 1 ? common.front() : "";
}

}  // namespace indexer
