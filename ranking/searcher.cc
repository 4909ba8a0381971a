#include "ranking/searcher.h"

#include <chrono>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/index_access.h"
#include "indexer/schema.h"
#include "indexer/stemmer.h"
#include "indexer/text_normalizer.h"
#include "ranking/query_builder.h"
#include "ranking/snippet.h"

namespace ranking {
namespace {

using corpus::Error;
using corpus::ErrorCode;
namespace schema = indexer::schema;

// Estimates of the total are exact up to this many matches.
constexpr Xapian::doccount kCheckAtLeast = 1000;

corpus::Result<StoredRecord> parse_stored(const std::string& data) {
  auto json = nlohmann::json::parse(data, nullptr, false);
  if (!json.is_object() || !json.contains("record")) {
    return Error{ErrorCode::index, "a stored record is unreadable; re-index the collection", "", 0, ""};
  }
  auto document = corpus::document_from_json(json["record"], corpus::RecordOrigin{});
  if (!document) return document.error();
  StoredRecord out;
  out.document = std::move(document).value();
  out.source = json.value("source", "");
  out.language = json.value("language", "");
  out.language_detected = json.value("language_detected", false);
  return out;
}

std::uint64_t folder_size(const std::filesystem::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

}  // namespace

struct Searcher::Impl {
  std::filesystem::path dir;
  Xapian::Database db;
  QueryBuilder builder;
  indexer::StemmerCache stemmers;

  void refresh() {
    // Picks up commits made since the last call, by this process or another.
    if (db.reopen()) builder.set_database(db);
  }

  // Whether a folded word of a hit's text matches one of the query's terms.
  bool matches(const std::set<std::string>& terms, const std::vector<std::string>& languages,
               const std::string& word) {
    if (terms.contains(word) || terms.contains(std::string(schema::kTitle) + word)) return true;
    for (const auto& language : languages) {
      std::string stem = stemmers.get(language)(word);
      std::string stemmed = std::string(schema::kStemmed) + stem;
      if (terms.contains(stemmed) ||
          terms.contains(std::string(schema::kStemmed) + std::string(schema::kTitle) + stem))
        return true;
    }
    return false;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

corpus::Result<Searcher> Searcher::open(const std::filesystem::path& index_dir) {
  auto db = indexer::open_readable(index_dir);
  if (!db) return db.error();
  auto impl = std::make_unique<Impl>();
  impl->dir = index_dir;
  impl->db = *db;
  impl->builder.set_database(impl->db);
  return Searcher(std::move(impl));
}

corpus::Result<SearchResponse> Searcher::search(const SearchRequest& request) {
  auto started = std::chrono::steady_clock::now();
  if (request.page < 1) return Error{ErrorCode::invalid_argument, "must be 1 or more", "", 0, "page"};
  if (request.per_page < 1 || request.per_page > kMaxPerPage) {
    return Error{ErrorCode::invalid_argument, "must be between 1 and " + std::to_string(kMaxPerPage), "", 0, "per_page"};
  }
  try {
    impl_->refresh();
    auto built = impl_->builder.build(request.query, request.language, request.filters);
    if (!built) return built.error();

    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(built->query);
    if (request.sort != SortOrder::relevance) {
      enquire.set_sort_by_value_then_relevance(schema::kStartYearSlot, request.sort == SortOrder::newest);
    }
    Xapian::doccount first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
    Xapian::MSet mset = enquire.get_mset(first, static_cast<Xapian::doccount>(request.per_page), kCheckAtLeast);

    std::set<std::string> terms(built->query.get_unique_terms_begin(), built->query.get_unique_terms_end());
    SearchResponse response;
    response.query = request.query;
    response.languages = built->languages;
    response.total = mset.get_matches_estimated();
    response.page = request.page;
    response.per_page = request.per_page;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      auto stored = parse_stored(doc.get_data());
      if (!stored) return stored.error();
      const corpus::Document& record = stored->document;
      Hit hit;
      hit.id = record.id;
      hit.title = record.title;
      hit.type = record.type;
      hit.language = stored->language;
      hit.countries = record.countries;
      hit.start_year = record.start_year;
      hit.end_year = record.end_year;
      hit.outcome = record.outcome;
      hit.score = it.get_percent() / 100.0;
      std::string text = record.summary;
      for (const auto& lesson : record.lessons) text += "\n" + lesson.text;
      text += "\n" + record.body;
      hit.snippet = make_snippet(text, [&](const std::string& word) {
        return impl_->matches(terms, built->languages, word);
      });
      response.hits.push_back(std::move(hit));
    }
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return response;
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "searching the index failed: " + e.get_msg(), "", 0, ""};
  }
}

corpus::Result<StoredRecord> Searcher::document(const std::string& id) {
  try {
    impl_->refresh();
    std::string term = schema::term(schema::kId, id);
    auto posting = impl_->db.postlist_begin(term);
    if (posting == impl_->db.postlist_end(term)) {
      return Error{ErrorCode::not_found, "no record with id \"" + id + "\"", "", 0, "id"};
    }
    return parse_stored(impl_->db.get_document(*posting).get_data());
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

corpus::Result<IndexStats> Searcher::stats() {
  try {
    impl_->refresh();
    IndexStats out;
    out.documents = impl_->db.get_doccount();
    out.revision = impl_->db.get_revision();
    out.size_bytes = folder_size(impl_->dir);
    for (const auto& field : filter_fields()) {
      if (field.name == "lang" || field.name == "organisation" || field.name == "donor") continue;
      auto& counts = out.counts[std::string(field.name)];
      std::string prefix(field.prefix);
      for (auto it = impl_->db.allterms_begin(prefix); it != impl_->db.allterms_end(prefix); ++it) {
        std::string value = (*it).substr(prefix.size());
        if (field.upper_case)
          for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        counts[value] = it.get_termfreq();
      }
    }
    return out;
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "reading the index failed: " + e.get_msg(), "", 0, ""};
  }
}

}  // namespace ranking
