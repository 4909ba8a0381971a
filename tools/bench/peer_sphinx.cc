// SphinxEngine: Sphinx search 2.2 as a user runs it. peer_bench converts the corpus to TSV (timed:
// a user needs a converter too), `indexer` builds a plain index from it through a tsvpipe source,
// and a `searchd` of our own, started from the work folder on 127.0.0.1, answers SphinxQL over
// the MySQL protocol (libmariadb). Text: case and the accents of Latin-1 letters folded by the
// charset_table, morphology as --sphinx-morphology (default none); ranking: the default ranker
// (proximity_bm25) with field weights title 5, summary 2, lessons 2, body 1. Facets: FACET
// clauses; countries and themes are multi-valued attributes (ids; names kept here).

#include <arpa/inet.h>
#include <mysql.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <unordered_map>

#include "corpus/walker.h"
#include "tools/bench/measure.h"
#include "tools/bench/peer_engine.h"
#include "tools/bench/peer_process.h"

namespace tools::bench {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

Error sphinx_error(const std::string& step, const std::string& message) {
  return Error{ErrorCode::internal, "sphinx: " + step + ": " + message, "", 0, ""};
}

bool port_answers(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool answers = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return answers;
}

// charset_table: ASCII letters and digits, and the Latin-1 letters folded to their base letter
// as FTS5's remove_diacritics and PostgreSQL's unaccent do (æ, ð, þ, ß and œ stay letters of
// their own). Sphinx's default table knows only ASCII and Cyrillic, and splits "minería" in two.
std::string charset_table() {
  // The base letter of U+00C0..U+00FF; '=' keeps the letter (folding the capital to it), ' '
  // leaves the character out (× and ÷).
  static const char kBase[] = "aaaaaa=ceeeeiiii=nooooo ouuuuy=="
                              "aaaaaa=ceeeeiiii=nooooo ouuuuy=y";
  std::string out = "0..9, A..Z->a..z, a..z";
  char entry[32];
  for (int i = 0; i < 64; ++i) {
    int code = 0xC0 + i;
    char base = kBase[i];
    if (base == ' ') continue;
    if (base != '=') {
      std::snprintf(entry, sizeof entry, ", U+%X->%c", code, base);
    } else if (code < 0xE0 && code != 0xDF) {
      std::snprintf(entry, sizeof entry, ", U+%X->U+%X", code, code + 0x20);
    } else {
      std::snprintf(entry, sizeof entry, ", U+%X", code);
    }
    out += entry;
  }
  return out + ", U+152->U+153, U+153";
}

// A word for MATCH(): the query syntax's characters escaped.
std::string match_word(const std::string& word) {
  std::string out;
  for (char c : word) {
    if (std::string_view("\\()|-!@~\"&/^$=<").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A SphinxQL string literal.
std::string sql_string(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string match_expression(const PeerQuery& query) {
  std::string out;
  const char* join = query.op == QueryOperator::any_word ? " | " : " ";
  for (const auto& word : query.words) out += (out.empty() ? "" : join) + match_word(word);
  return query.op == QueryOperator::phrase ? "\"" + out + "\"" : out;
}

// Value <-> small integer for the multi-valued attributes, which Sphinx 2.2 keeps as integers.
// Filled while the TSV is written, read-only afterwards.
class Dictionary {
 public:
  unsigned id(const std::string& name) {
    auto [it, added] = ids_.try_emplace(name, static_cast<unsigned>(names_.size() + 1));
    if (added) names_.push_back(name);
    return it->second;
  }
  unsigned find(const std::string& name) const {
    auto it = ids_.find(name);
    return it == ids_.end() ? 0 : it->second;  // 0: no record has it
  }
  std::string name(unsigned long long id) const {
    return id >= 1 && id <= names_.size() ? names_[id - 1] : std::to_string(id);
  }

 private:
  std::unordered_map<std::string, unsigned> ids_;
  std::vector<std::string> names_;
};

struct Dictionaries {
  Dictionary countries, themes, outcomes;
};

// TSV allows no tab or line break inside a value.
void append_tsv(std::string& line, const std::string& value) {
  line += '\t';
  for (char c : value) line += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

std::string id_list(Dictionary& dictionary, const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ",") + std::to_string(dictionary.id(value));
  return out;
}

// One SphinxQL connection (owned) to our searchd; reads the engine's dictionaries, which no longer
// change once the index is built. One thread at a time.
class SphinxSession : public PeerSession {
 public:
  SphinxSession(MYSQL* mysql, const Dictionaries& dictionaries, std::size_t top)
      : mysql_(mysql), dictionaries_(dictionaries), top_(top) {}
  ~SphinxSession() override { mysql_close(mysql_); }

  corpus::Result<PeerHits> search(const PeerQuery& query) override {
    std::string sql = "SELECT rid FROM corpus WHERE MATCH(" + sql_string(match_expression(query)) + ")" +
                      filter(query) + " LIMIT " + std::to_string(top_) +
                      " OPTION field_weights=(title=5, summary=2, lessons=2, body=1)";
    for (const auto& facet : query.facets) {
      sql += facet == "country" ? " FACET countries" : facet == "theme" ? " FACET themes" : " FACET outcome";
      sql += " LIMIT 1000";
    }
    if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return sphinx_error("search", mysql_error(mysql_));
    PeerHits hits;
    for (std::size_t result = 0;; ++result) {
      MYSQL_RES* rows = mysql_store_result(mysql_);
      if (!rows) return sphinx_error("search", mysql_error(mysql_));
      while (MYSQL_ROW row = mysql_fetch_row(rows)) {
        if (result == 0) {
          hits.ids.emplace_back(row[0] ? row[0] : "");
        } else if (result <= query.facets.size() && row[0] && row[1]) {
          const std::string& facet = query.facets[result - 1];
          const Dictionary& names = facet == "country" ? dictionaries_.countries
                                    : facet == "theme"  ? dictionaries_.themes
                                                        : dictionaries_.outcomes;
          hits.facets[facet][names.name(std::stoull(row[0]))] = std::stoull(row[1]);
        }
      }
      mysql_free_result(rows);
      int next = mysql_next_result(mysql_);
      if (next == -1) break;
      if (next > 0) return sphinx_error("search", mysql_error(mysql_));
    }
    return hits;
  }

  corpus::Result<std::uint64_t> count(const PeerQuery& query) override {
    std::string sql = "SELECT id FROM corpus WHERE MATCH(" + sql_string(match_expression(query)) + ")" +
                      filter(query) + " LIMIT 1";
    if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return sphinx_error("count", mysql_error(mysql_));
    if (MYSQL_RES* rows = mysql_store_result(mysql_)) mysql_free_result(rows);
    const std::string meta = "SHOW META LIKE 'total_found'";
    if (mysql_real_query(mysql_, meta.data(), meta.size()) != 0) return sphinx_error("count", mysql_error(mysql_));
    MYSQL_RES* rows = mysql_store_result(mysql_);
    if (!rows) return sphinx_error("count", mysql_error(mysql_));
    std::uint64_t total = 0;
    if (MYSQL_ROW row = mysql_fetch_row(rows); row && row[1]) total = std::stoull(row[1]);
    mysql_free_result(rows);
    return total;
  }

 private:
  std::string filter(const PeerQuery& query) const {
    if (query.country.empty()) return "";
    return " AND countries = " + std::to_string(dictionaries_.countries.find(query.country));
  }

  MYSQL* mysql_;
  const Dictionaries& dictionaries_;
  std::size_t top_;
};

// Owns sphinx.conf, the TSV and the index in its work folder, and the searchd it started (stopped
// by its pid in stop() or the destructor).
class SphinxEngine : public PeerEngine {
 public:
  explicit SphinxEngine(const PeerOptions& options) : options_(options) {}
  ~SphinxEngine() override { stop(); }

  std::string name() const override { return "sphinx"; }
  std::string setup() const override {
    return "Sphinx " + version_ + " (indexer, searchd over SphinxQL on loopback); Latin-1 accents and case folded, morphology " +
           options_.sphinx_morphology +
           "; default ranker proximity_bm25, field weights title 5, summary 2, lessons 2, body 1";
  }

  corpus::Status start() override {
    if (port_answers(options_.sphinx_port))
      return sphinx_error("start", "port " + std::to_string(options_.sphinx_port) +
                                       " on 127.0.0.1 is in use (choose another with --sphinx-port)");
    fs::create_directories(options_.work / "index");
    std::ofstream config(config_path());
    config << config_text();
    config.close();
    if (!config) return sphinx_error("start", "cannot write " + config_path().string());
    return corpus::Ok{};
  }

  corpus::Result<BuildReport> build(const PeerCorpus& corpus) override {
    BuildReport report;
    auto started = std::chrono::steady_clock::now();
    if (auto written = write_tsv(corpus, report); !written) return written.error();
    report.prepare_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fs::path log = options_.work / "indexer.log";
    auto indexed = run_process({"indexer", "--config", config_path().string(), "--all"}, log);
    if (!indexed) return sphinx_error("indexer", indexed.error().message);
    if (indexed->status != 0)
      return sphinx_error("indexer", "exited with " + std::to_string(indexed->status) + ": " + log_tail(log));
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.peak_rss_mb = indexed->peak_rss_mb;
    report.peak_rss_of = "indexer (the TSV conversion in peer_bench not included)";
    report.index_bytes = corpus::folder_bytes(options_.work / "index");
    if (auto served = start_searchd(); !served) return served.error();
    return report;
  }

  corpus::Result<std::unique_ptr<PeerSession>> open_session() override {
    auto mysql = connect();
    if (!mysql) return mysql.error();
    return std::unique_ptr<PeerSession>(new SphinxSession(*mysql, dictionaries_, options_.top));
  }

  std::optional<double> search_peak_rss_mb() override {
    return searchd_ > 0 ? process_peak_rss_mb(searchd_) : std::nullopt;
  }
  std::string search_rss_of() const override { return "searchd (VmHWM)"; }

  void stop() override {
    stop_child(searchd_, 20);
    searchd_ = -1;
  }

 private:
  fs::path config_path() const { return options_.work / "sphinx.conf"; }
  fs::path tsv_path() const { return options_.work / "corpus.tsv"; }

  std::string config_text() const {
    const std::string work = options_.work.string();
    return "# Written by peer_bench; the columns of corpus.tsv in this order.\n"
           "source corpus\n{\n"
           "  type = tsvpipe\n"
           "  tsvpipe_command = cat '" + tsv_path().string() + "'\n"
           "  tsvpipe_attr_string = rid\n"
           "  tsvpipe_field = title\n"
           "  tsvpipe_field = summary\n"
           "  tsvpipe_field = lessons\n"
           "  tsvpipe_field = body\n"
           "  tsvpipe_attr_multi = countries\n"
           "  tsvpipe_attr_multi = themes\n"
           "  tsvpipe_attr_uint = outcome\n"
           "}\n\n"
           "index corpus\n{\n"
           "  source = corpus\n"
           "  path = " + work + "/index/corpus\n"
           "  charset_table = " + charset_table() + "\n"
           "  morphology = " + options_.sphinx_morphology + "\n"
           "  min_word_len = 1\n"
           "}\n\n"
           "indexer\n{\n"
           "  mem_limit = 256M\n"
           "}\n\n"
           "searchd\n{\n"
           "  listen = 127.0.0.1:" + std::to_string(options_.sphinx_port) + ":mysql41\n"
           "  log = " + work + "/searchd.log\n"
           "  query_log = " + work + "/query.log\n"
           "  pid_file = " + work + "/searchd.pid\n"
           "  binlog_path =\n"
           "  workers = threads\n"
           "}\n";
  }

  corpus::Status write_tsv(const PeerCorpus& corpus, BuildReport& report) {
    std::ofstream out(tsv_path(), std::ios::binary | std::ios::trunc);
    std::string line;
    auto written = corpus.for_each([&](const PeerRecord& record) -> corpus::Status {
      line = std::to_string(record.number);
      append_tsv(line, record.id);
      append_tsv(line, record.title);
      append_tsv(line, record.summary);
      append_tsv(line, record.lessons);
      append_tsv(line, record.body);
      append_tsv(line, id_list(dictionaries_.countries, record.countries));
      append_tsv(line, id_list(dictionaries_.themes, record.themes));
      append_tsv(line, std::to_string(dictionaries_.outcomes.id(record.outcome)));
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
      report.docs = record.number;
      return corpus::Ok{};
    });
    if (!written) return written.error();
    out.close();
    if (!out) return sphinx_error("convert", "cannot write " + tsv_path().string());
    return corpus::Ok{};
  }

  corpus::Status start_searchd() {
    fs::path log = options_.work / "searchd.out";
    auto pid = spawn_process({"searchd", "--config", config_path().string(), "--nodetach"}, log);
    if (!pid) return sphinx_error("start searchd", pid.error().message);
    searchd_ = *pid;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      if (!child_running(searchd_)) {
        searchd_ = -1;
        return sphinx_error("start searchd", "exited: " + log_tail(log));
      }
      if (auto mysql = connect()) {
        version_ = mysql_get_server_info(*mysql);
        mysql_close(*mysql);
        return corpus::Ok{};
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return sphinx_error("start searchd", "no answer on port " + std::to_string(options_.sphinx_port) + " in 30 s");
  }

  corpus::Result<MYSQL*> connect() const {
    MYSQL* mysql = mysql_init(nullptr);
    if (!mysql) return sphinx_error("connect", "out of memory");
    if (!mysql_real_connect(mysql, "127.0.0.1", "", "", nullptr, static_cast<unsigned>(options_.sphinx_port), nullptr,
                            CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS)) {
      std::string message = mysql_error(mysql);
      mysql_close(mysql);
      return sphinx_error("connect", message);
    }
    return mysql;
  }

  PeerOptions options_;
  Dictionaries dictionaries_;
  pid_t searchd_ = -1;
  std::string version_ = "2.2";  // until searchd tells
};

}  // namespace

std::unique_ptr<PeerEngine> make_sphinx_engine(const PeerOptions& options) {
  return std::make_unique<SphinxEngine>(options);
}

}  // namespace tools::bench
