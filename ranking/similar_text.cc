#include "ranking/similar_text.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "indexer/apertium_pairs.h"
#include "indexer/query_translator.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/stemmer.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"

namespace ranking {
namespace {

namespace schema = indexer::schema;

// A proposal's word in more than this share of the records is not worth translating: it would
// find everything there too ("project", "train", "government").
constexpr double kMaxTranslatedShare = 0.1;

}  // namespace

ContentStemDecider::ContentStemDecider() {
  static const std::set<std::string> stems = [] {
    std::set<std::string> out;
    for (const char* language : {"en", "es", "fr", "pt", ""}) {
      Xapian::Stem stem = indexer::stemmer_for(language);
      for (const auto& word : indexer::stop_words("")) out.insert("Z" + stem(word));
      for (const auto& word : indexer::number_words()) out.insert("Z" + stem(word));
      for (const auto& word : indexer::boilerplate_words()) out.insert("Z" + stem(word));
    }
    return out;
  }();
  stop_stems_ = &stems;
}

bool ContentStemDecider::operator()(const std::string& term) const {
  if (term.size() < 4 || term[0] != 'Z' || stop_stems_->contains(term)) return false;
  unsigned char first = static_cast<unsigned char>(term[1]);
  if (!((first >= 'a' && first <= 'z') || first >= 0x80)) return false;  // ZS title stems and the like
  return !std::all_of(term.begin() + 1, term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> telling_stems(const Xapian::Document& analysed, const Xapian::Database& db, std::size_t count) {
  ContentStemDecider decider;
  std::vector<std::pair<double, std::string>> weighted;
  double documents = std::max<double>(1, indexer::record_count(db));
  for (auto it = analysed.termlist_begin(); it != analysed.termlist_end(); ++it) {
    const std::string stem = *it;
    if (!decider(stem)) continue;
    Xapian::doccount df = db.get_termfreq(stem);
    if (df == 0) continue;
    weighted.emplace_back(it.get_wdf() * std::log(documents / df + 1), stem);
  }
  std::sort(weighted.rbegin(), weighted.rend());
  if (weighted.size() > count) weighted.resize(count);
  std::vector<std::string> out;
  for (auto& [weight, stem] : weighted) out.push_back(std::move(stem));
  return out;
}

std::vector<std::string> translated_stems(const std::string& text, const std::string& language, const Xapian::Database& db,
                                          std::size_t concepts) {
  std::vector<std::string> words = indexer::words_of(indexer::fold(text));
  const auto& thesaurus = indexer::Thesaurus::bundled();
  std::map<std::size_t, std::size_t> named;  // concept -> times named
  for (const auto& match : thesaurus.find(words)) ++named[match.concept_index];
  std::vector<std::pair<std::size_t, std::size_t>> by_count;
  for (const auto& [concept_index, count] : named) by_count.emplace_back(count, concept_index);
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (by_count.size() > concepts) by_count.resize(concepts);
  indexer::StemmerCache stemmers;
  std::vector<std::string> out;
  for (const auto& [count, concept_index] : by_count) {
    for (const auto& term : thesaurus.concept_at(concept_index).terms) {
      if (term.language == language || term.words.size() != 1) continue;
      std::string stem = std::string(schema::kStemmed) + stemmers.get(term.language)(term.words.front());
      if (std::find(out.begin(), out.end(), stem) == out.end() && db.term_exists(stem)) out.push_back(stem);
    }
  }
  return out;
}

std::vector<Xapian::Query> translated_words(const Xapian::Document& analysed, const std::string& language,
                                            const Xapian::Database& db, const indexer::QueryTranslator& translator,
                                            std::size_t count, std::vector<std::string>& stems) {
  std::vector<Xapian::Query> out;
  if (language.empty() || !translator.status().available) return out;
  const auto& stop = indexer::stop_words(language);
  indexer::StemmerCache stemmers;
  const Xapian::Stem& own_stem = stemmers.get(language);
  double documents = std::max<double>(1, indexer::record_count(db));
  std::vector<std::pair<double, std::string>> weighted;
  for (auto it = analysed.termlist_begin(); it != analysed.termlist_end(); ++it) {
    const std::string word = *it;
    unsigned char first = static_cast<unsigned char>(word[0]);
    if (word.size() < 4 || !((first >= 'a' && first <= 'z') || first >= 0x80)) continue;  // prefixed terms, numbers
    const auto& boilerplate = indexer::boilerplate_words();
    if (std::binary_search(stop.begin(), stop.end(), word) || indexer::is_number_word(word) ||
        std::binary_search(boilerplate.begin(), boilerplate.end(), word))
      continue;
    Xapian::doccount df = db.get_termfreq(std::string(schema::kStemmed) + own_stem(word));
    if (df > kMaxTranslatedShare * documents) continue;
    weighted.emplace_back(it.get_wdf() * std::log(documents / (df + 1.0) + 1), word);
  }
  std::sort(weighted.rbegin(), weighted.rend());
  if (weighted.size() > count) weighted.resize(count);
  std::string text;
  for (const auto& [weight, word] : weighted) text += (text.empty() ? "" : " ") + word;
  for (const char* target : indexer::apertium::kLanguages) {
    if (target == language || !translator.can_translate(language, target) ||
        !db.term_exists(schema::term(schema::kLanguage, target)))
      continue;
    auto translation = translator.translate(text, language, target);
    if (!translation) continue;
    const Xapian::Stem& stem = stemmers.get(target);
    for (const auto& word : translation->words) {
      if (!word.known) continue;
      std::vector<std::string> alternatives;
      for (const auto& alternative : word.alternatives) {
        auto parts = indexer::words_of(indexer::fold(alternative));
        if (parts.size() != 1) continue;
        std::string term = std::string(schema::kStemmed) + stem(parts.front());
        if (db.term_exists(term) && std::find(alternatives.begin(), alternatives.end(), term) == alternatives.end())
          alternatives.push_back(term);
      }
      if (alternatives.empty()) continue;
      stems.insert(stems.end(), alternatives.begin(), alternatives.end());
      out.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
    }
  }
  return out;
}

std::string word_for_stem(const Xapian::Document& doc, const std::string& stem) {
  std::string prefix = stem.size() > 4 ? stem.substr(0, stem.size() - 1) : stem;
  std::string best;
  auto it = doc.termlist_begin();
  it.skip_to(prefix);
  for (int looked = 0; it != doc.termlist_end() && looked < 20; ++it, ++looked) {
    const std::string term = *it;
    if (!term.starts_with(prefix)) break;
    if (best.empty() || term.size() < best.size()) best = term;
  }
  return best.empty() ? stem : best;
}

std::vector<std::string> as_written(const corpus::Document& record, const std::vector<std::string>& folded) {
  std::vector<std::string> out = folded;
  std::vector<bool> found(folded.size(), false);
  std::size_t missing = folded.size();
  auto look = [&](const std::string& text) {
    if (missing == 0) return;
    indexer::for_each_word(text, [&](std::size_t begin, std::size_t end) {
      if (missing == 0) return;
      std::string_view written(text.data() + begin, end - begin);
      std::string word = indexer::fold(written);
      for (std::size_t i = 0; i < folded.size(); ++i) {
        if (found[i] || folded[i] != word) continue;
        out[i] = written;
        found[i] = true;
        --missing;
      }
    });
  };
  look(record.title);
  look(record.summary);
  for (const auto& lesson : record.lessons) look(lesson.text);
  look(record.body);
  return out;
}

}  // namespace ranking
