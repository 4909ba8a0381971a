#include "ranking/query_lifts.h"

#include <algorithm>

#include "indexer/country_names.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"
#include "indexer/title_names.h"

namespace ranking {
namespace {

namespace schema = indexer::schema;

Xapian::Query lift(const std::string& term, double weight) {
  // A boolean term weighs nothing; a fixed weight on the records holding it does.
  auto* fixed = new Xapian::FixedWeightPostingSource(weight);
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(fixed->release()), Xapian::Query(term));
}

// A word in more than this share of the records is a common word, even where a title uses it
// as a name.
constexpr double kMaxNameShare = 0.2;
// A name counts when at most this many records have it: it names one initiative (or the few
// records of one, such as a programme's branches).
constexpr Xapian::doccount kMaxNamedRecords = 3;

// The names the query gives, longest first: runs of up to kMaxNameWords words that are a name
// the index holds.
void add_names(const std::string& text, const std::string& unit, const Xapian::Database& db, double weight,
               QueryLifts& out) {
  struct Word {
    std::string folded, written;
  };
  std::vector<Word> words;
  indexer::for_each_word(text, [&](std::size_t begin, std::size_t end) {
    std::string written = text.substr(begin, end - begin);
    std::string folded = indexer::fold(written);
    if (!folded.empty()) words.push_back({std::move(folded), std::move(written)});
  });
  // A lone word names a record only when it is no function word ("who") and few records use it:
  // "GOLD" in "planetGOLD (GEF GOLD)" is a name there, and a word of most records elsewhere.
  const auto& function_words = indexer::stop_words("");
  const double records = std::max<double>(1, indexer::record_count(db));
  auto distinctive = [&](const std::string& word) {
    return word.size() >= 3 && !std::binary_search(function_words.begin(), function_words.end(), word) &&
           db.get_termfreq(word) <= kMaxNameShare * records;
  };
  for (std::size_t start = 0; start < words.size();) {
    std::size_t matched = 0;
    for (std::size_t n = std::min(indexer::kMaxNameWords, words.size() - start); n >= 1 && matched == 0; --n) {
      std::string name, written;
      for (std::size_t i = start; i < start + n; ++i) {
        name += (name.empty() ? "" : " ") + words[i].folded;
        written += (written.empty() ? "" : " ") + words[i].written;
      }
      if (n == 1 && !distinctive(name)) continue;
      std::string term = unit + schema::term(schema::kName, name);
      // A name several titles give ("HIV" in a medical collection) points at no one record.
      Xapian::doccount named = db.get_termfreq(term);
      if (named == 0 || named > kMaxNamedRecords) continue;
      out.lifts.push_back(lift(term, weight));
      out.recognised.push_back({"name", written});
      matched = n;
    }
    start += std::max<std::size_t>(matched, 1);
  }
}

}  // namespace

QueryLifts query_lifts(const std::string& text, const std::string& unit, const Xapian::Database* db,
                       const indexer::RelevanceConfig& relevance) {
  QueryLifts out;
  if (relevance.country_weight > 0) {
    for (const auto& code : indexer::CountryNames::bundled().find(text, /*capitalised=*/false)) {
      std::string term = unit + schema::term(schema::kCountry, indexer::lower(code));
      if (db != nullptr && !db->term_exists(term)) continue;
      out.lifts.push_back(lift(term, relevance.country_weight));
      out.recognised.push_back({"country", code});
    }
  }
  // A commodity the query names lifts its records at the country's weight, unless most records
  // are about it (gold, in an ASM collection): then it tells nothing apart.
  if (relevance.country_weight > 0 && db != nullptr) {
    const double records = std::max<double>(1, indexer::record_count(*db));
    for (const auto& commodity : indexer::Thesaurus::bundled().commodities_named(indexer::words_of(indexer::fold(text)))) {
      std::string record_term = schema::term(schema::kCommodity, commodity);
      Xapian::doccount holding = db->get_termfreq(record_term);
      if (holding == 0 || holding > kMaxNameShare * records) continue;
      std::string term = unit + record_term;
      out.lifts.push_back(lift(term, relevance.country_weight));
      out.recognised.push_back({"commodity", commodity});
    }
  }
  if (relevance.name_weight > 0 && db != nullptr) add_names(text, unit, *db, relevance.name_weight, out);
  return out;
}

}  // namespace ranking
