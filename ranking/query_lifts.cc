#include "ranking/query_lifts.h"

#include <algorithm>

#include "indexer/country_names.h"
#include "indexer/place_names.h"
#include "indexer/record_writes.h"
#include "indexer/schema.h"
#include "indexer/stop_words.h"
#include "indexer/text_normalizer.h"
#include "indexer/thesaurus.h"
#include "indexer/title_names.h"
#include "ranking/searcher_internal.h"

namespace ranking {
namespace {

namespace schema = indexer::schema;

Xapian::Query lift(const std::string& term, double weight) {
  // A boolean term weighs nothing; a fixed weight on the records holding it does.
  auto* fixed = new Xapian::FixedWeightPostingSource(weight);
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(fixed->release()), Xapian::Query(term));
}

// A word in more than this share of the records is a common word, even where a title uses it
// as a name, and a commodity, organisation or place that many records carry tells none apart.
constexpr double kMaxNameShare = 0.2;
// A title name counts when at most this many records have it: it names one initiative (or the
// few records of one, such as a programme's branches).
constexpr Xapian::doccount kMaxNamedRecords = 3;

struct Word {
  std::string folded;
  std::size_t begin, end;  // bytes in the query
};

// Recognises what the query names and lifts the records holding it, in one pass over the query.
class Lifter {
 public:
  Lifter(const std::string& text, const std::string& unit, const Xapian::Database* db,
         const indexer::RelevanceConfig& relevance)
      : text_(text), unit_(unit), db_(db), relevance_(relevance) {
    indexer::for_each_word(text, [&](std::size_t begin, std::size_t end) {
      std::string folded = indexer::fold(text.substr(begin, end - begin));
      if (!folded.empty()) words_.push_back({std::move(folded), begin, end});
    });
    if (db_ != nullptr) records_ = std::max<double>(1, indexer::record_count(*db_));
  }

  QueryLifts run() {
    // Words that named a country, a place or a record name no organisation or donor.
    if (relevance_.country_weight > 0) countries();
    if (db_ == nullptr) return std::move(out_);
    if (relevance_.country_weight > 0) places();
    if (relevance_.name_weight > 0) title_names();
    if (relevance_.country_weight > 0) {
      commodities();
      organisations(schema::kOrganisationName, "organisation");
      organisations(schema::kDonorName, "donor");
    }
    return std::move(out_);
  }

 private:
  // The index holds the record term (none: every country is taken as held).
  bool held(const std::string& record_term) const {
    return db_ == nullptr || db_->term_exists(unit_ + record_term);
  }
  Xapian::doccount holding(const std::string& record_term) const { return db_->get_termfreq(record_term); }

  void add(const std::string& record_term, double weight, Recognised recognised) {
    out_.lifts.push_back(lift(unit_ + record_term, weight));
    if (std::find(out_.recognised.begin(), out_.recognised.end(), recognised) == out_.recognised.end())
      out_.recognised.push_back(std::move(recognised));
  }
  std::string written(std::size_t begin, std::size_t end) const { return text_.substr(begin, end - begin); }
  void cover(std::size_t begin, std::size_t end) { covered_.emplace_back(begin, end); }
  bool is_covered(std::size_t begin, std::size_t end) const {
    return std::any_of(covered_.begin(), covered_.end(), [&](const auto& span) { return begin < span.second && span.first < end; });
  }
  // A lone word names something only when it is no function word ("who") and few records use it:
  // "GOLD" in "planetGOLD (GEF GOLD)" is a name there, and a word of most records elsewhere.
  bool distinctive(const std::string& word) const {
    const auto& function_words = indexer::stop_words("");
    return word.size() >= 3 && !std::binary_search(function_words.begin(), function_words.end(), word) &&
           db_->get_termfreq(word) <= kMaxNameShare * records_;
  }

  void countries() {
    for (const auto& match : indexer::CountryNames::bundled().matches(text_, /*capitalised=*/false)) {
      const std::string& code = match.keys->front();
      std::string term = schema::term(schema::kCountry, indexer::lower(code));
      if (!held(term)) continue;
      add(term, relevance_.country_weight, {"country", code, written(match.begin, match.end)});
      countries_.push_back(code);
      cover(match.begin, match.end);
    }
  }

  // A place within a country; when the query names countries, only theirs ("Central" of Ghana is
  // not asked for by "central Mozambique").
  void places() {
    for (const auto& match : indexer::PlaceNames::bundled().matches(text_, /*capitalised=*/false)) {
      if (is_covered(match.begin, match.end)) continue;
      std::string name = indexer::fold(written(match.begin, match.end));
      if (name.find(' ') == std::string::npos && name.find('-') == std::string::npos && !distinctive(name)) continue;
      bool found = false;
      for (const auto& code : *match.keys) {
        if (!countries_.empty() &&
            std::find(countries_.begin(), countries_.end(), indexer::country_of_place(code)) == countries_.end())
          continue;
        std::string term = schema::term(schema::kPlace, indexer::lower(code));
        if (!held(term) || holding(term) > kMaxNameShare * records_) continue;
        add(term, relevance_.country_weight, {"place", code, written(match.begin, match.end)});
        found = true;
      }
      if (found) cover(match.begin, match.end);
    }
  }

  // A commodity lifts its records, unless most records are about it (gold, in an ASM collection):
  // then it tells nothing apart.
  void commodities() {
    for (const auto& word : words_) {
      for (const auto& commodity : indexer::Thesaurus::bundled().commodities_named({word.folded})) {
        std::string term = schema::term(schema::kCommodity, commodity);
        Xapian::doccount count = holding(term);
        if (count == 0 || count > kMaxNameShare * records_) continue;
        add(term, relevance_.country_weight, {"commodity", commodity, written(word.begin, word.end)});
      }
    }
  }

  // Runs of up to kMaxNameWords words, longest first at each word, that `accept` takes: it gets
  // the folded run and its bytes and says whether it named something. `past_covered`: runs may
  // hold words that named something already (a record's name holds its country: "planetGOLD Peru").
  template <typename Accept>
  void each_run(bool past_covered, Accept accept) {
    for (std::size_t start = 0; start < words_.size();) {
      std::size_t matched = 0;
      for (std::size_t n = std::min(indexer::kMaxNameWords, words_.size() - start); n >= 1 && matched == 0; --n) {
        std::size_t begin = words_[start].begin, end = words_[start + n - 1].end;
        if (!past_covered && is_covered(begin, end)) continue;
        std::string name;
        for (std::size_t i = start; i < start + n; ++i) name += (name.empty() ? "" : " ") + words_[i].folded;
        if (n == 1 && !distinctive(name)) continue;
        if (accept(name, begin, end)) matched = n;
      }
      start += std::max<std::size_t>(matched, 1);
    }
  }

  // An organisation or a donor by a name its whole name gives ("AGC", "Artisanal Gold Council"):
  // its records lift; the answer names it as the filter takes it, its whole name as a record
  // writes it.
  void organisations(std::string_view name_prefix, const char* field) {
    each_run(/*past_covered=*/false, [&](const std::string& name, std::size_t begin, std::size_t end) {
      std::string term = schema::term(name_prefix, name);
      Xapian::doccount count = holding(term);
      if (count == 0 || count > kMaxNameShare * records_ || !held(term)) return false;
      add(term, relevance_.country_weight, {field, whole_name(term, name, field), written(begin, end)});
      return true;
    });
  }

  // The whole name, as a record holding `term` writes it, that gives the name `name`.
  std::string whole_name(const std::string& term, const std::string& name, std::string_view field) const {
    auto posting = db_->postlist_begin(term);
    if (posting == db_->postlist_end(term)) return name;
    auto stored = parse_stored(db_->get_document(*posting));
    if (!stored) return name;
    const auto& names = field == "donor" ? stored->document.donors : stored->document.organisations;
    for (const auto& whole : names) {
      auto parts = indexer::title_names(whole);
      if (std::find(parts.begin(), parts.end(), name) != parts.end()) return whole;
    }
    return name;
  }

  // The names titles give records ("REINFO", "planetGOLD"): a name several titles give ("HIV" in a
  // medical collection) points at no one record.
  void title_names() {
    each_run(/*past_covered=*/true, [&](const std::string& name, std::size_t begin, std::size_t end) {
      std::string term = schema::term(schema::kName, name);
      Xapian::doccount named = db_->get_termfreq(unit_ + term);
      if (named == 0 || named > kMaxNamedRecords) return false;
      add(term, relevance_.name_weight, {"name", written(begin, end), written(begin, end)});
      cover(begin, end);
      return true;
    });
  }

  const std::string& text_;
  const std::string& unit_;
  const Xapian::Database* db_;
  const indexer::RelevanceConfig& relevance_;
  double records_ = 1;
  std::vector<Word> words_;
  std::vector<std::string> countries_;                        // codes the query names
  std::vector<std::pair<std::size_t, std::size_t>> covered_;  // bytes that named a country, place or record
  QueryLifts out_;
};

}  // namespace

QueryLifts query_lifts(const std::string& text, const std::string& unit, const Xapian::Database* db,
                       const indexer::RelevanceConfig& relevance) {
  return Lifter(text, unit, db, relevance).run();
}

}  // namespace ranking
