// peer_bench: the same corpus and the same query mix through SQLite FTS5, Sphinx and PostgreSQL,
// so Precedent's index_bench and search_bench figures have peers measured the same way on the
// same machine. For each --engine in order: start its server (not timed), build its index from
// the corpus (timed, JSON parsing included), run the mix once to warm up and --rounds times
// timed, count every query's matches once (not timed, to check the engines agree), stop the
// server. Prints a table, then one JSON line per engine. Options are checked here once.

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "tools/bench/peer_corpus.h"
#include "tools/bench/peer_engine.h"
#include "tools/bench/peer_process.h"

namespace {

namespace fs = std::filesystem;
using namespace tools::bench;

enum ExitCode : int {
  kExitOk = 0,
  kExitEngineFailed = 1,  // an engine failed at a step; the others were still measured
  kExitUsage = 2,         // bad command line, unreadable corpus or mix, work folder in the way
  kExitInterrupted = 130,
};

std::atomic<bool> interrupted{false};
extern "C" void on_signal(int) { interrupted = true; }

struct TypeFigures {
  std::size_t queries = 0;
  double qps = 0, p50_ms = 0, p99_ms = 0;
};

struct EngineResult {
  std::string engine, setup;
  BuildReport build;
  std::size_t queries = 0;
  double qps = 0, p50_ms = 0, p99_ms = 0;
  std::map<std::string, TypeFigures> by_type;
  std::optional<double> search_rss_mb;
  std::string search_rss_of;
  std::vector<std::uint64_t> counts;  // matches per query of the mix
  std::vector<std::string> facets;    // per query: its facet counts as one sorted string
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * (values.size() - 1) + 0.5)];
}

double sum(const std::vector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  return total;
}

// Runs the mix on `threads` sessions: one warm-up pass each, then `rounds` timed passes, each
// thread starting at another place in the mix. Fills the search figures of `out`.
corpus::Status time_mix(PeerEngine& engine, const std::vector<PeerQuery>& mix, unsigned threads, int rounds,
                        EngineResult& out) {
  std::vector<std::unique_ptr<PeerSession>> sessions;
  for (unsigned t = 0; t < threads; ++t) {
    auto session = engine.open_session();
    if (!session) return session.error();
    sessions.push_back(std::move(*session));
  }
  std::vector<std::map<std::string, std::vector<double>>> per_thread(threads);
  std::vector<std::optional<corpus::Error>> errors(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (const auto& query : mix) {
        if (interrupted) return;
        if (auto hits = sessions[t]->search(query); !hits) {
          errors[t] = hits.error();
          return;
        }
      }
      for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < mix.size(); ++i) {
          if (interrupted) return;
          const PeerQuery& query = mix[(i + t * 97) % mix.size()];
          auto begin = std::chrono::steady_clock::now();
          auto hits = sessions[t]->search(query);
          double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
          if (!hits) {
            errors[t] = hits.error();
            return;
          }
          per_thread[t][query.type].push_back(ms);
        }
      }
    });
  }
  for (auto& thread : pool) thread.join();
  for (const auto& error : errors) {
    if (error) return *error;
  }
  std::map<std::string, std::vector<double>> by_type;
  std::vector<double> all;
  for (const auto& timings : per_thread) {
    for (const auto& [type, ms] : timings) {
      by_type[type].insert(by_type[type].end(), ms.begin(), ms.end());
      all.insert(all.end(), ms.begin(), ms.end());
    }
  }
  // Queries per second of busy time per thread, as search_bench counts them.
  out.queries = all.size();
  out.qps = all.empty() ? 0 : all.size() / (sum(all) / 1000 / threads);
  out.p50_ms = percentile(all, 0.5);
  out.p99_ms = percentile(all, 0.99);
  for (const auto& [type, ms] : by_type) {
    out.by_type[type] = {ms.size(), ms.size() / (sum(ms) / 1000 / threads), percentile(ms, 0.5), percentile(ms, 0.99)};
  }
  out.search_rss_mb = engine.search_peak_rss_mb();
  out.search_rss_of = engine.search_rss_of();
  sessions.clear();
  return corpus::Ok{};
}

corpus::Status count_matches(PeerEngine& engine, const std::vector<PeerQuery>& mix, EngineResult& out) {
  auto session = engine.open_session();
  if (!session) return session.error();
  for (const auto& query : mix) {
    if (interrupted) return corpus::Ok{};
    auto count = (*session)->count(query);
    if (!count) return count.error();
    out.counts.push_back(*count);
    std::string facets;
    if (!query.facets.empty()) {
      auto hits = (*session)->search(query);
      if (!hits) return hits.error();
      for (const auto& [field, values] : hits->facets) {
        for (const auto& [value, n] : values) facets += field + ":" + value + "=" + std::to_string(n) + " ";
      }
    }
    out.facets.push_back(std::move(facets));
  }
  return corpus::Ok{};
}

// One engine from start to stop. Returns false (after printing why) when a step failed.
bool measure(PeerEngine& engine, const PeerCorpus& corpus, const std::vector<PeerQuery>& mix, unsigned threads,
             int rounds, EngineResult& out) {
  const std::string name = engine.name();
  out.engine = name;
  auto fail = [&](const char* step, const corpus::Error& error) {
    // The engines' own errors name the engine and the step already; the corpus's do not.
    std::string message = error.to_string();
    if (!message.starts_with(name + ": ")) message = name + ": " + step + ": " + message;
    std::fprintf(stderr, "peer_bench: %s\n", message.c_str());
    engine.stop();
    return false;
  };
  std::fprintf(stderr, "[%s] starting\n", name.c_str());
  if (auto started = engine.start(); !started) return fail("start", started.error());
  std::fprintf(stderr, "[%s] building the index from %zu files\n", name.c_str(), corpus.files().size());
  auto built = engine.build(corpus);
  if (!built) return fail("build", built.error());
  out.build = *built;
  out.setup = engine.setup();  // after start(): a server reports its version
  std::fprintf(stderr, "[%s] built %zu docs in %.2f s\n", name.c_str(), out.build.docs, out.build.seconds);
  if (interrupted) return fail("build", {corpus::ErrorCode::internal, "interrupted", "", 0, ""});
  std::fprintf(stderr, "[%s] running %zu queries: 1 warm-up pass and %d timed on %u thread%s\n", name.c_str(),
               mix.size(), rounds, threads, threads == 1 ? "" : "s");
  if (auto timed = time_mix(engine, mix, threads, rounds, out); !timed) return fail("search", timed.error());
  if (auto counted = count_matches(engine, mix, out); !counted) return fail("count matches", counted.error());
  if (interrupted) return fail("search", {corpus::ErrorCode::internal, "interrupted", "", 0, ""});
  engine.stop();
  return true;
}

std::string mb_or_na(const std::optional<double>& mb) {
  if (!mb) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", *mb);
  return text;
}

void print_tables(const std::vector<EngineResult>& results, double input_mb, unsigned threads) {
  std::printf("build (input %.1f MB of JSON Lines) and search (%u thread%s), times in the engines' own units\n",
              input_mb, threads, threads == 1 ? "" : "s");
  std::printf("%-9s %8s %9s %8s %7s %9s %10s %10s %8s %8s %10s\n", "engine", "docs", "build s", "docs/s", "MB/s",
              "index MB", "build RSS", "queries/s", "p50 ms", "p99 ms", "search RSS");
  for (const auto& r : results) {
    std::printf("%-9s %8zu %9.2f %8.0f %7.2f %9.1f %10s %10.0f %8.2f %8.2f %10s\n", r.engine.c_str(), r.build.docs,
                r.build.seconds, r.build.docs / r.build.seconds, input_mb / r.build.seconds, r.build.index_bytes / 1e6,
                mb_or_na(r.build.peak_rss_mb).c_str(), r.qps, r.p50_ms, r.p99_ms, mb_or_na(r.search_rss_mb).c_str());
  }
  for (const auto& r : results) {
    std::printf("\n%s: %s\n", r.engine.c_str(), r.setup.c_str());
    std::printf("  build RSS: %s; search RSS: %s\n", r.build.peak_rss_of.c_str(), r.search_rss_of.c_str());
    std::printf("  %-18s %8s %10s %9s %9s\n", "type", "queries", "queries/s", "p50 ms", "p99 ms");
    for (const auto& [type, f] : r.by_type)
      std::printf("  %-18s %8zu %10.0f %9.2f %9.2f\n", type.c_str(), f.queries, f.qps, f.p50_ms, f.p99_ms);
  }
}

// The engines analyse text alike (case and accents folded, no stemming), so each query should
// match as many records in each, with the same facet counts; prints how many do not, and the
// first few.
void print_agreement(const std::vector<EngineResult>& results, const std::vector<PeerQuery>& mix) {
  if (results.size() < 2) return;
  std::size_t differ = 0;
  std::map<std::string, std::size_t> differ_by_type;
  std::string examples;
  for (std::size_t i = 0; i < mix.size(); ++i) {
    bool same = true;
    for (const auto& r : results) {
      same = same && i < r.counts.size() && r.counts[i] == results[0].counts[i] && r.facets[i] == results[0].facets[i];
    }
    if (same) continue;
    ++differ_by_type[mix[i].type];
    if (++differ > 5) continue;
    std::string words;
    for (const auto& w : mix[i].words) words += (words.empty() ? "" : " ") + w;
    examples += "  " + mix[i].type + " \"" + words + "\":";
    for (const auto& r : results) {
      examples += " " + r.engine + " " + (i < r.counts.size() ? std::to_string(r.counts[i]) : "?");
      if (i < r.facets.size() && r.facets[i] != results[0].facets[i]) examples += " (other facet counts)";
    }
    examples += "\n";
  }
  std::string by_type;
  for (const auto& [type, n] : differ_by_type) by_type += (by_type.empty() ? " (differ: " : ", ") + type + " " + std::to_string(n);
  if (!by_type.empty()) by_type += ")";
  std::printf("\nmatch and facet counts: the engines agree on %zu of %zu queries%s\n%s", mix.size() - differ,
              mix.size(), by_type.c_str(), examples.c_str());
}

nlohmann::ordered_json to_json(const EngineResult& r, double input_mb, unsigned threads, int rounds) {
  auto optional = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
  nlohmann::ordered_json by_type = nlohmann::ordered_json::object();
  for (const auto& [type, f] : r.by_type)
    by_type[type] = {{"queries", f.queries}, {"qps", f.qps}, {"p50_ms", f.p50_ms}, {"p99_ms", f.p99_ms}};
  std::uint64_t matches = 0;
  for (auto c : r.counts) matches += c;
  return {{"engine", r.engine},
          {"setup", r.setup},
          {"docs", r.build.docs},
          {"input_mb", input_mb},
          {"index_seconds", r.build.seconds},
          {"prepare_seconds", r.build.prepare_seconds},
          {"docs_per_s", r.build.docs / r.build.seconds},
          {"mb_per_s", input_mb / r.build.seconds},
          {"index_mb", r.build.index_bytes / 1e6},
          {"peak_rss_mb", optional(r.build.peak_rss_mb)},
          {"peak_rss_of", r.build.peak_rss_of},
          {"threads", threads},
          {"rounds", rounds},
          {"queries", r.queries},
          {"qps", r.qps},
          {"p50_ms", r.p50_ms},
          {"p99_ms", r.p99_ms},
          {"by_type", by_type},
          {"search_rss_mb", optional(r.search_rss_mb)},
          {"search_rss_of", r.search_rss_of},
          {"matches", matches},
          {"cores", std::thread::hardware_concurrency()}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "peer_bench: build and search the same corpus and query mix with SQLite FTS5, Sphinx and PostgreSQL\n"
      "Exit codes: 0 measured; 1 an engine failed at a step (the others still measured); 2 bad command line,\n"
      "unreadable corpus or mix, or a work folder in the way; 130 interrupted."};
  fs::path corpus_dir, mix_path, work;
  std::vector<std::string> engines;
  unsigned threads = 1;
  int rounds = 3;
  bool keep = false;
  PeerOptions options;
  app.add_option("--corpus", corpus_dir, "Folder of part-*.jsonl written by generate_corpus")
      ->required()
      ->check(CLI::ExistingDirectory);
  app.add_option("--mix", mix_path, "Query mix, JSON Lines (search_bench --mix-out)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--engine", engines, "sqlite, sphinx or postgres; repeat for several, run in the order given")
      ->required()
      ->check(CLI::IsMember({"sqlite", "sphinx", "postgres"}));
  app.add_option("--work", work, "Folder for the indexes, servers' data and logs (default: a new temp folder)");
  app.add_flag("--keep", keep, "Keep the work folder");
  app.add_option("--threads", threads, "Search threads, one connection each")->check(CLI::Range(1u, 64u))->capture_default_str();
  app.add_option("--rounds", rounds, "Timed passes over the mix after the warm-up")->check(CLI::Range(1, 1000))->capture_default_str();
  app.add_option("--top", options.top, "Results per search")->check(CLI::Range(std::size_t{1}, std::size_t{1000}))->capture_default_str();
  app.add_option("--sphinx-port", options.sphinx_port, "SphinxQL port for searchd on 127.0.0.1")
      ->check(CLI::Range(1024, 65535))
      ->capture_default_str();
  app.add_option("--pg-port", options.pg_port, "PostgreSQL port on 127.0.0.1")->check(CLI::Range(1024, 65535))->capture_default_str();
  app.add_option("--sphinx-morphology", options.sphinx_morphology,
                 "Sphinx morphology (none keeps its analysis the same as the other peers')")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  auto corpus = PeerCorpus::open(corpus_dir);
  if (!corpus) {
    std::fprintf(stderr, "peer_bench: corpus: %s\n", corpus.error().to_string().c_str());
    return kExitUsage;
  }
  auto mix = read_mix(mix_path);
  if (!mix) {
    std::fprintf(stderr, "peer_bench: mix: %s\n", mix.error().to_string().c_str());
    return kExitUsage;
  }

  bool own_work = work.empty();
  if (own_work) work = fs::temp_directory_path() / ("precedent-peers-" + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(work, ec);
  if (ec) {
    std::fprintf(stderr, "peer_bench: cannot create %s: %s\n", work.c_str(), ec.message().c_str());
    return kExitUsage;
  }
  work = fs::absolute(work);
  for (const auto& name : engines) {
    if (fs::exists(work / name)) {
      std::fprintf(stderr, "peer_bench: %s exists; remove it or choose another --work\n", (work / name).c_str());
      return kExitUsage;
    }
  }
  // PostgreSQL runs as its own user when we are root, and must reach its folder.
  chmod(work.c_str(), 0755);

  struct sigaction action {};
  action.sa_handler = on_signal;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  double input_mb = corpus->bytes() / 1e6;
  std::vector<EngineResult> results;
  int status = kExitOk;
  for (const auto& name : engines) {
    if (interrupted) break;
    PeerOptions engine_options = options;
    engine_options.work = work / name;
    fs::create_directories(engine_options.work, ec);
    chmod(engine_options.work.c_str(), 0755);
    auto engine = name == "sqlite" ? make_sqlite_engine(engine_options)
                  : name == "sphinx" ? make_sphinx_engine(engine_options)
                                     : make_postgres_engine(engine_options);
    EngineResult result;
    if (measure(*engine, *corpus, *mix, threads, rounds, result)) results.push_back(std::move(result));
    else status = kExitEngineFailed;
  }
  if (keep) std::fprintf(stderr, "indexes and logs kept in %s\n", work.c_str());
  else if (own_work) fs::remove_all(work, ec);
  else for (const auto& name : engines) fs::remove_all(work / name, ec);

  if (!results.empty()) {
    print_tables(results, input_mb, threads);
    print_agreement(results, *mix);
    for (const auto& r : results) std::printf("%s\n", to_json(r, input_mb, threads, rounds).dump().c_str());
  }
  if (interrupted) return kExitInterrupted;
  return status;
}
