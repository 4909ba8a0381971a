// search_bench: the in-process floor for the HTTP benchmark, and (--similar N) the latency of
// similar-by-id and similar-by-proposal (300 words of a record's text, the record left out). Builds a fixed, seeded mix of
// queries from the index's own vocabulary (single words, 2 to 4 words, AND, phrases, rare words,
// filtered and faceted queries), runs them through ranking::Searcher on 1..N threads, and prints
// queries/s and p50/p99 by query type. --urls-out writes the same mix as /v1/search URLs for wrk.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/schema.h"
#include "indexer/text_normalizer.h"
#include "ranking/searcher.h"

namespace {

// One query of the mix, as words and an operator (what --mix-out writes and --raw and the peer
// engines run), and as the request Precedent's searcher gets.
struct Query {
  std::string type;
  std::vector<std::string> words;
  std::string op;  // "or", "and" or "phrase"
  std::string country;  // a filter, upper case, or empty
  std::vector<std::string> facets;
  ranking::SearchRequest request;
};

struct TermStat {
  std::string term;
  Xapian::doccount df;
};

// Deterministic index in [0, n) (std distributions differ between standard libraries).
std::size_t pick(std::mt19937_64& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

std::string url_encode(const std::string& text) {
  std::string out;
  char hex[4];
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// A record document picked at random (lessons are documents too, and are skipped).
nlohmann::json random_record(const Xapian::Database& db, std::mt19937_64& rng) {
  while (true) {
    Xapian::Document doc = db.get_document(1 + static_cast<Xapian::docid>(pick(rng, db.get_lastdocid())));
    auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (data.is_object() && data.contains("record")) return data["record"];
  }
}

std::vector<Query> build_mix(const std::filesystem::path& db_path, std::size_t per_type, std::uint64_t seed) {
  Xapian::Database db(db_path.string());
  std::vector<TermStat> words;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    const std::string term = *it;
    unsigned char first = static_cast<unsigned char>(term[0]);
    if (!((first >= 'a' && first <= 'z')) || term.size() < 4) continue;
    words.push_back({term, it.get_termfreq()});
  }
  Xapian::doccount n = db.get_doccount();
  std::vector<std::string> common, middling, rare;
  for (const auto& w : words) {
    if (w.df >= n / 20) common.push_back(w.term);
    else if (w.df >= n / 1000 + 2) middling.push_back(w.term);
    else if (w.df <= 3) rare.push_back(w.term);
  }
  std::vector<std::string> countries;
  for (auto it = db.allterms_begin("XC"); it != db.allterms_end("XC"); ++it) countries.push_back((*it).substr(2));
  if (middling.empty() || rare.empty() || common.empty() || countries.empty()) {
    throw std::runtime_error("the index is too small or lacks countries for a query mix");
  }
  std::mt19937_64 rng(seed);
  auto word = [&](const std::vector<std::string>& from) { return from[pick(rng, from.size())]; };
  std::vector<Query> mix;
  auto add = [&](std::string type, std::vector<std::string> words, std::string op = "or", std::string country = "",
                 std::vector<std::string> facets = {}) {
    Query query;
    query.type = std::move(type);
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : op == "and" ? " AND " : " ") + w;
    if (op == "phrase") q = "\"" + q + "\"";
    if (!country.empty()) q += " country:" + country;
    query.words = std::move(words);
    query.op = std::move(op);
    query.country = std::move(country);
    query.facets = facets;
    query.request.query = std::move(q);
    query.request.facets = std::move(facets);
    mix.push_back(std::move(query));
  };
  for (std::size_t i = 0; i < per_type; ++i) {
    add("one_word", {word(middling)});
    std::size_t k = 2 + pick(rng, 3);
    std::vector<std::string> several;
    for (std::size_t j = 0; j < k; ++j) several.push_back(word(j == 0 ? common : middling));
    add("two_to_four_words", several);
    add("and_words", {word(common), word(middling)}, "and");
    // A phrase from a real record: two consecutive words of its title, as the index holds them.
    std::string title = indexer::fold(random_record(db, rng).value("title", std::string()));
    std::vector<std::string> tokens = indexer::words_of(title);
    if (tokens.size() >= 2) {
      std::size_t at = pick(rng, tokens.size() - 1);
      add("phrase", {tokens[at], tokens[at + 1]}, "phrase");
    }
    add("rare_word", {word(rare)});
    std::string country = countries[pick(rng, countries.size())];
    for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    add("filtered", {word(middling)}, "or", country);
    add("faceted", {word(middling)}, "or", "", {"country", "theme", "outcome"});
  }
  return mix;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  std::size_t at = static_cast<std::size_t>(p * (values.size() - 1) + 0.5);
  return values[at];
}

// Completion answers a one-letter word without a lookup (ranking/searcher.cc), so the timing
// starts at two.
constexpr std::size_t kMinPrefixCharacters = 2;

// Times Searcher::suggest on `count` prefixes of title words (2 to 6 letters, after zero or one
// whole word), as a search box sends them while someone types.
int suggest_bench(const Xapian::Database& db, ranking::Searcher& searcher, std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> ms;
  for (std::size_t i = 0; i < count; ++i) {
    std::istringstream title(random_record(db, rng).value("title", std::string()));
    std::vector<std::string> words;
    for (std::string word; title >> word;) words.push_back(word);
    if (words.empty()) continue;
    std::size_t at = pick(rng, words.size());
    std::string typed = at > 0 && pick(rng, 2) == 1 ? words[at - 1] + " " : "";
    // 2 to 6 characters (one is answered without a lookup; UTF-8 continuation bytes stay with
    // their character).
    std::size_t characters = kMinPrefixCharacters + pick(rng, 5), end = 0;
    for (std::size_t seen = 0; end < words[at].size(); ++end) {
      bool starts_character = (static_cast<unsigned char>(words[at][end]) & 0xC0) != 0x80;
      if (starts_character && seen++ == characters) break;
    }
    typed += words[at].substr(0, end);
    ranking::SuggestRequest request;
    request.query = typed;
    auto begin = std::chrono::steady_clock::now();
    auto response = searcher.suggest(request);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    if (!response) {
      std::fprintf(stderr, "search_bench: \"%s\": %s\n", typed.c_str(), response.error().to_string().c_str());
      return 1;
    }
  }
  std::printf("suggest: p50 %.2f ms, p99 %.2f ms (%zu prefixes)\n", percentile(ms, 0.5), percentile(ms, 0.99), ms.size());
  std::printf("%s\n", nlohmann::json{{"engine", "precedent"}, {"suggest_p50_ms", percentile(ms, 0.5)},
                                     {"suggest_p99_ms", percentile(ms, 0.99)}, {"prefixes", ms.size()}}
                           .dump()
                           .c_str());
  return 0;
}

// Times Searcher::similar on `count` seeded records by id, and on 300-word proposals made of
// other records' bodies (their own record excluded by a filter would change the task, so the
// proposal's source record simply competes like any other).
int similar_bench(const Xapian::Database& db, ranking::Searcher& searcher, std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> by_id, by_text;
  for (std::size_t i = 0; i < count; ++i) {
    nlohmann::json record = random_record(db, rng);
    ranking::SimilarRequest request;
    request.id = record["id"];
    auto begin = std::chrono::steady_clock::now();
    auto response = searcher.similar(request);
    by_id.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    if (!response) return 1;
    std::istringstream body(record.value("body", std::string()));
    std::string word, text;
    for (int words = 0; words < 300 && body >> word; ++words) text += word + " ";
    ranking::SimilarRequest proposal;
    proposal.text = text;
    begin = std::chrono::steady_clock::now();
    response = searcher.similar(proposal);
    by_text.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    if (!response) return 1;
  }
  std::printf("similar by id:       p50 %.2f ms, p99 %.2f ms (%zu seeds)\n", percentile(by_id, 0.5),
              percentile(by_id, 0.99), by_id.size());
  std::printf("similar by proposal: p50 %.2f ms, p99 %.2f ms (%zu texts of up to 300 words)\n", percentile(by_text, 0.5),
              percentile(by_text, 0.99), by_text.size());
  std::printf("%s\n", nlohmann::json{{"engine", "precedent"},
                                     {"similar_by_id_p50_ms", percentile(by_id, 0.5)},
                                     {"similar_by_id_p99_ms", percentile(by_id, 0.99)},
                                     {"similar_by_proposal_p50_ms", percentile(by_text, 0.5)},
                                     {"similar_by_proposal_p99_ms", percentile(by_text, 0.99)},
                                     {"seeds", by_id.size()}}
                           .dump()
                           .c_str());
  return 0;
}

// The floor: the same query straight to Xapian on the same index, with none of Precedent's work
// (no query parsing, thesaurus, language variants, proximity, snippets or stored-record
// decoding). Unstemmed words as the index holds them, BM25, the top 10 with their stored data
// read, a country filter as a boolean term, and Xapian's own value counters for facets.
class RawXapian {
 public:
  explicit RawXapian(const std::filesystem::path& db) : db_(db.string()) {}

  bool search(const Query& query) {
    std::vector<Xapian::Query> words(query.words.begin(), query.words.end());
    Xapian::Query::op op = query.op == "and" ? Xapian::Query::OP_AND
                           : query.op == "phrase" ? Xapian::Query::OP_PHRASE
                                                  : Xapian::Query::OP_OR;
    Xapian::Query q(op, words.begin(), words.end());
    if (!query.country.empty()) {
      std::string country = query.country;
      for (char& c : country) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(indexer::schema::term(indexer::schema::kCountry, country)));
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    if (!query.facets.empty()) {
      for (unsigned slot : {indexer::schema::kCountriesSlot, indexer::schema::kThemesSlot, indexer::schema::kOutcomeSlot}) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        enquire.add_matchspy(spies.back().get());
      }
    }
    Xapian::MSet mset = enquire.get_mset(0, 10, query.facets.empty() ? 100 : db_.get_doccount());
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
    return bytes > 0 || mset.empty();
  }

 private:
  Xapian::Database db_;
};

struct Timing {
  std::vector<double> ms;
  double seconds = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"search_bench: in-process search throughput and latency by query type"};
  std::filesystem::path db;
  std::size_t per_type = 200;
  std::uint64_t seed = 7;
  std::vector<unsigned> thread_counts = {1, 2};
  std::filesystem::path urls_out;
  int rounds = 3;
  std::string language;
  app.add_option("--db", db, "Index to search")->required()->check(CLI::ExistingDirectory);
  app.add_option("--per-type", per_type, "Queries of each type in the mix")->default_val(200);
  app.add_option("--seed", seed, "Seed of the query mix")->default_val(7);
  app.add_option("--threads", thread_counts, "Thread counts to run (repeatable)");
  app.add_option("--rounds", rounds, "Times each thread runs the whole mix")->default_val(3);
  app.add_option("--lang", language, "Query language for every query (default: detected, as users send)");
  bool translate = true;
  app.add_option("--translate", translate,
                 "Also search each query translated into the index's other languages (true/false)")
      ->capture_default_str();
  app.add_option("--urls-out", urls_out, "Write the mix as /v1/search URLs, one per line, for wrk");
  std::filesystem::path mix_out;
  app.add_option("--mix-out", mix_out,
                 "Write the mix as JSON Lines (type, words, operator, country, facets), for other engines");
  std::vector<std::string> only_types;
  app.add_option("--type", only_types, "Run only queries of this type (repeatable), e.g. to profile one");
  bool raw = false;
  app.add_flag("--raw", raw, "Run the mix straight through Xapian on the same index (the floor), not Precedent");
  std::size_t similar = 0;
  app.add_option("--similar", similar, "Instead of searches, time similar-by-id and by-proposal on this many seeds");
  std::size_t suggest = 0;
  app.add_option("--suggest", suggest, "Instead of searches, time completion of this many typed prefixes");
  // The mix always comes from --db; --shard searches the same collection split into shards.
  ranking::IndexSource source;
  app.add_option("--shard", source.shards,
                 "Search these shards (folders or tcp://HOST:PORT, repeatable) instead of --db; the query mix "
                 "still comes from --db, the same collection as one index");
  app.add_option("--spelling", source.spelling, "With --shard: the layout's local spelling index");
  indexer::RelevanceConfig relevance;
  app.add_option("--proximity-weight", relevance.proximity_weight,
                 "Weight of neighbouring query words found near each other (0: off), to measure its cost")
      ->capture_default_str();
  app.add_option("--country-weight", relevance.country_weight,
                 "Weight added to records about a country the query names (0: off), to measure its cost")
      ->capture_default_str();
  app.add_option("--name-weight", relevance.name_weight,
                 "Weight added to records whose title the query names (0: off), to measure its cost")
      ->capture_default_str();
  app.add_option("--exact-word-weight", relevance.exact_word_weight,
                 "Weight of the query's words as written, over their stems (0: off), to measure its cost")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (source.shards.empty()) source = ranking::IndexSource::of_folder(db);
  if (similar > 0 || suggest > 0) {
    Xapian::Database database(db.string());
    auto searcher = ranking::Searcher::open(source, relevance);
    if (!searcher) {
      std::fprintf(stderr, "search_bench: %s\n", searcher.error().to_string().c_str());
      return 1;
    }
    return similar > 0 ? similar_bench(database, *searcher, similar, seed)
                       : suggest_bench(database, *searcher, suggest, seed);
  }

  std::vector<Query> mix;
  try {
    mix = build_mix(db, per_type, seed);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_bench: %s\n", e.what());
    return 1;
  }
  for (auto& query : mix) {
    query.request.language = language;
    query.request.translate = translate;
  }
  if (!only_types.empty()) {
    std::erase_if(mix, [&](const Query& query) {
      return std::find(only_types.begin(), only_types.end(), query.type) == only_types.end();
    });
    if (mix.empty()) {
      std::fprintf(stderr, "search_bench: --type: no query of the mix has that type\n");
      return 2;
    }
  }
  if (!urls_out.empty()) {
    std::ofstream out(urls_out);
    for (const auto& query : mix) {
      std::string url = "/v1/search?q=" + url_encode(query.request.query);
      if (!query.request.facets.empty()) url += "&facets=country,theme,outcome";
      if (!language.empty()) url += "&lang=" + language;
      out << url << "\n";
    }
  }
  if (!mix_out.empty()) {
    std::ofstream out(mix_out);
    for (const auto& query : mix) {
      nlohmann::json line = {{"type", query.type}, {"words", query.words}, {"operator", query.op}};
      if (!query.country.empty()) line["country"] = query.country;
      if (!query.facets.empty()) line["facets"] = query.facets;
      out << line.dump() << "\n";
    }
    if (!out) {
      std::fprintf(stderr, "search_bench: cannot write %s\n", mix_out.string().c_str());
      return 1;
    }
  }
  std::printf("%zu queries (%zu per type) on %s, through %s\n", mix.size(), per_type, db.string().c_str(),
              raw ? "Xapian alone (--raw)" : "Precedent's searcher");

  for (unsigned threads : thread_counts) {
    std::vector<std::map<std::string, Timing>> per_thread(threads);
    std::vector<std::thread> pool;
    std::atomic<bool> failed{false};
    auto started = std::chrono::steady_clock::now();
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        std::function<bool(const Query&)> run;
        if (raw) {
          auto floor = std::make_shared<RawXapian>(db);
          run = [floor](const Query& query) { return floor->search(query); };
        } else {
          auto searcher = ranking::Searcher::open(source, relevance);
          if (!searcher) {
            failed = true;
            return;
          }
          auto shared = std::make_shared<ranking::Searcher>(std::move(searcher).value());
          run = [shared](const Query& query) { return shared->search(query.request).has_value(); };
        }
        for (const auto& query : mix) (void)run(query);  // warm up
        for (int round = 0; round < rounds; ++round) {
          for (std::size_t i = 0; i < mix.size(); ++i) {
            const auto& query = mix[(i + t * 97) % mix.size()];
            auto begin = std::chrono::steady_clock::now();
            bool answered = run(query);
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
            if (!answered) failed = true;
            per_thread[t][query.type].ms.push_back(ms);
          }
        }
      });
    }
    for (auto& thread : pool) thread.join();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (failed) {
      std::fprintf(stderr, "search_bench: a search failed\n");
      return 1;
    }
    std::map<std::string, std::vector<double>> by_type;
    std::vector<double> all;
    for (const auto& timings : per_thread) {
      for (const auto& [type, timing] : timings) {
        by_type[type].insert(by_type[type].end(), timing.ms.begin(), timing.ms.end());
        all.insert(all.end(), timing.ms.begin(), timing.ms.end());
      }
    }
    // Throughput counts the timed rounds only; the warm-up is excluded by timing per query.
    double busy_seconds = 0;
    for (double ms : all) busy_seconds += ms / 1000;
    double qps = all.size() / (busy_seconds / threads);
    std::printf("\n%u thread%s: %.0f queries/s, p50 %.2f ms, p99 %.2f ms (%zu queries, %.1f s wall)\n", threads,
                threads == 1 ? "" : "s", qps, percentile(all, 0.5), percentile(all, 0.99), all.size(), wall);
    std::printf("  %-18s %10s %9s %9s\n", "type", "queries/s", "p50 ms", "p99 ms");
    for (const auto& [type, ms] : by_type) {
      double sum = 0;
      for (double v : ms) sum += v;
      std::printf("  %-18s %10.0f %9.2f %9.2f\n", type.c_str(), ms.size() / (sum / 1000 / threads),
                  percentile(ms, 0.5), percentile(ms, 0.99));
    }
    nlohmann::json line = {{"engine", raw ? "xapian" : "precedent"}, {"threads", threads}, {"queries", all.size()}, {"qps", qps},
                           {"p50_ms", percentile(all, 0.5)}, {"p99_ms", percentile(all, 0.99)}};
    for (const auto& [type, ms] : by_type) {
      double sum = 0;
      for (double v : ms) sum += v;
      line["by_type"][type] = {{"qps", ms.size() / (sum / 1000 / threads)}, {"p50_ms", percentile(ms, 0.5)},
                               {"p99_ms", percentile(ms, 0.99)}};
    }
    std::printf("%s\n", line.dump().c_str());
  }
  return 0;
}
