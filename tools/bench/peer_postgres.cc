// PostgresEngine: PostgreSQL full-text search on a private cluster. initdb and pg_ctl from the
// Debian packages make and start a cluster in the work folder on 127.0.0.1 (as the postgres user
// when we are root: initdb refuses root), stopped at the end. One table: the text, the facet
// fields as arrays, and a stored tsvector (configuration "peer": the simple configuration with
// unaccent in front, so case and accents folded, no stemming) with a GIN index, built after the
// COPY as a bulk load is done. Ranking: ts_rank with title weighted A, summary and lessons B,
// body D and weights {D 0.2, C 0.2, B 0.4, A 1.0}, the 5:2:1 of Precedent's fields.

#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>

#include "tools/bench/peer_engine.h"
#include "tools/bench/peer_process.h"

namespace tools::bench {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

Error pg_error(const std::string& step, const std::string& message) {
  std::string text = message;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return Error{ErrorCode::internal, "postgres: " + step + ": " + text, "", 0, ""};
}

// A query result, cleared on scope exit.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult() { PQclear(result_); }
  PGresult* get() const { return result_; }
  bool ok() const {
    auto status = PQresultStatus(result_);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  }

 private:
  PGresult* result_;
};

corpus::Status exec(PGconn* conn, const char* sql, const std::string& step) {
  PgResult result(PQexec(conn, sql));
  if (!result.ok()) return pg_error(step, PQerrorMessage(conn));
  return corpus::Ok{};
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

// A tsquery of the words, each a quoted lexeme so that no word is read as syntax; to_tsquery
// passes each through the configuration, as to_tsvector did the text.
std::string tsquery(const PeerQuery& query) {
  const char* join = query.op == QueryOperator::any_word ? " | " : query.op == QueryOperator::all_words ? " & " : " <-> ";
  std::string out;
  for (const auto& word : query.words) {
    if (!out.empty()) out += join;
    out += '\'';
    for (char c : word) {
      if (c == '\'' || c == '\\') out += c == '\'' ? '\'' : '\\';
      out += c;
    }
    out += '\'';
  }
  return out;
}

// COPY's text format: backslash, tab and line breaks escaped.
void append_copy(std::string& line, const std::string& value, bool first = false) {
  if (!first) line += '\t';
  for (char c : value) {
    switch (c) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line += c;
    }
  }
}

std::string array_literal(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& value : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

constexpr const char* kSchema = R"sql(
CREATE EXTENSION unaccent;
CREATE TEXT SEARCH CONFIGURATION peer (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION peer ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
CREATE TABLE docs (
  n integer NOT NULL,
  id text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  lessons text NOT NULL,
  body text NOT NULL,
  outcome text NOT NULL,
  countries text[] NOT NULL,
  themes text[] NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('peer', title), 'A') || setweight(to_tsvector('peer', summary), 'B') ||
    setweight(to_tsvector('peer', lessons), 'B') || to_tsvector('peer', body)) STORED
);
)sql";

constexpr const char* kFinish = R"sql(
CREATE INDEX docs_tsv ON docs USING gin (tsv);
CREATE INDEX docs_countries ON docs USING gin (countries);
ANALYZE docs;
)sql";

constexpr const char* kRank = "ts_rank('{0.2,0.2,0.4,1.0}', tsv, to_tsquery('peer', $1))";

// One libpq connection (owned) with the mix's statements prepared on it; one thread at a time.
class PostgresSession : public PeerSession {
 public:
  PostgresSession(PGconn* conn, std::size_t top) : conn_(conn), top_(std::to_string(top)) {}
  ~PostgresSession() override { PQfinish(conn_); }

  corpus::Status prepare() {
    const std::string match = "tsv @@ to_tsquery('peer', $1)";
    const std::string filter = " AND countries @> ARRAY[$3::text]";
    const std::string top = "SELECT id FROM docs WHERE " + match;
    const std::string order = std::string(" ORDER BY ") + kRank + " DESC LIMIT $2::integer";
    const std::string facets =
        "WITH hits AS MATERIALIZED (SELECT countries, themes, outcome FROM docs WHERE " + match +
        ") SELECT 'country', c, count(*) FROM hits, unnest(hits.countries) AS c GROUP BY c "
        "UNION ALL SELECT 'theme', t, count(*) FROM hits, unnest(hits.themes) AS t GROUP BY t "
        "UNION ALL SELECT 'outcome', outcome, count(*) FROM hits GROUP BY outcome";
    const std::pair<const char*, std::string> statements[] = {
        {"top", top + order},
        {"filtered", top + filter + order},
        {"facets", facets},
        {"count", "SELECT count(*) FROM docs WHERE " + match},
        {"count_filtered", "SELECT count(*) FROM docs WHERE " + match + " AND countries @> ARRAY[$2::text]"},
    };
    for (const auto& [name, sql] : statements) {
      PgResult result(PQprepare(conn_, name, sql.c_str(), 0, nullptr));
      if (!result.ok()) return pg_error(std::string("prepare ") + name, PQerrorMessage(conn_));
    }
    return corpus::Ok{};
  }

  corpus::Result<PeerHits> search(const PeerQuery& query) override {
    std::string q = tsquery(query);
    PeerHits hits;
    {
      const char* params[] = {q.c_str(), top_.c_str(), query.country.c_str()};
      bool filtered = !query.country.empty();
      PgResult result(PQexecPrepared(conn_, filtered ? "filtered" : "top", filtered ? 3 : 2, params, nullptr, nullptr, 0));
      if (!result.ok()) return pg_error("search " + q, PQerrorMessage(conn_));
      for (int i = 0; i < PQntuples(result.get()); ++i) hits.ids.emplace_back(PQgetvalue(result.get(), i, 0));
    }
    if (!query.facets.empty()) {
      const char* params[] = {q.c_str()};
      PgResult result(PQexecPrepared(conn_, "facets", 1, params, nullptr, nullptr, 0));
      if (!result.ok()) return pg_error("facet counts " + q, PQerrorMessage(conn_));
      for (int i = 0; i < PQntuples(result.get()); ++i) {
        hits.facets[PQgetvalue(result.get(), i, 0)][PQgetvalue(result.get(), i, 1)] =
            std::stoull(PQgetvalue(result.get(), i, 2));
      }
    }
    return hits;
  }

  corpus::Result<std::uint64_t> count(const PeerQuery& query) override {
    std::string q = tsquery(query);
    const char* params[] = {q.c_str(), query.country.c_str()};
    bool filtered = !query.country.empty();
    PgResult result(
        PQexecPrepared(conn_, filtered ? "count_filtered" : "count", filtered ? 2 : 1, params, nullptr, nullptr, 0));
    if (!result.ok() || PQntuples(result.get()) != 1) return pg_error("count " + q, PQerrorMessage(conn_));
    return std::stoull(PQgetvalue(result.get(), 0, 0));
  }

 private:
  PGconn* conn_;
  std::string top_;
};

// Owns the cluster in its work folder, started by pg_ctl and stopped by it (pid file) in stop() or
// the destructor, and the connection that loads it.
class PostgresEngine : public PeerEngine {
 public:
  explicit PostgresEngine(const PeerOptions& options) : options_(options) {}
  ~PostgresEngine() override { stop(); }

  std::string name() const override { return "postgres"; }
  std::string setup() const override {
    return "PostgreSQL " + version_ +
           " on loopback; configuration simple with unaccent (case and accents folded, no stemming); "
           "GIN index; ts_rank, title A, summary and lessons B, body D, weights {0.2,0.2,0.4,1.0}";
  }

  corpus::Status start() override {
    if (!fs::exists(fs::path(kBin) / "initdb"))
      return pg_error("start", std::string(kBin) + "/initdb is missing (run tools/bench/peers/install)");
    if (port_answers(options_.pg_port))
      return pg_error("start", "port " + std::to_string(options_.pg_port) +
                                   " on 127.0.0.1 is in use (choose another with --pg-port)");
    if (geteuid() == 0) {
      passwd* user = getpwnam("postgres");
      if (!user) return pg_error("start", "we are root and there is no postgres user to run the server as");
      if (chown(options_.work.c_str(), user->pw_uid, user->pw_gid) != 0)
        return pg_error("start", "cannot hand " + options_.work.string() + " to the postgres user");
    }
    fs::path log = options_.work / "initdb.log";
    auto initdb = run_process(as_server_user({std::string(kBin) + "/initdb", "-D", data_dir().string(), "-A", "trust",
                                              "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"}),
                              log);
    if (!initdb) return pg_error("initdb", initdb.error().message);
    if (initdb->status != 0) return pg_error("initdb", "exited with " + std::to_string(initdb->status) + ": " + log_tail(log));
    // Debian's defaults but for maintenance_work_mem (64 MB), raised for the GIN build, as a
    // bulk load would.
    std::string server_options = "-p " + std::to_string(options_.pg_port) + " -k " + options_.work.string() +
                                 " -c listen_addresses=127.0.0.1 -c maintenance_work_mem=256MB";
    log = options_.work / "pg_ctl.log";
    auto started = run_process(as_server_user({std::string(kBin) + "/pg_ctl", "-D", data_dir().string(), "-l",
                                               (options_.work / "postgres.log").string(), "-w", "-t", "60", "-o",
                                               server_options, "start"}),
                               log);
    if (!started) return pg_error("pg_ctl start", started.error().message);
    if (started->status != 0)
      return pg_error("pg_ctl start", "exited with " + std::to_string(started->status) + ": " + log_tail(log) + "\n" +
                                          log_tail(options_.work / "postgres.log"));
    running_ = true;
    auto conn = connect();
    if (!conn) return conn.error();
    admin_ = *conn;
    version_ = std::to_string(PQserverVersion(admin_) / 10000) + "." + std::to_string(PQserverVersion(admin_) % 100);
    return corpus::Ok{};
  }

  corpus::Result<BuildReport> build(const PeerCorpus& corpus) override {
    BuildReport report;
    auto started = std::chrono::steady_clock::now();
    if (auto s = exec(admin_, kSchema, "create the table"); !s) return s.error();
    {
      PgResult copy(PQexec(admin_, "COPY docs (n, id, title, summary, lessons, body, outcome, countries, themes) FROM STDIN"));
      if (PQresultStatus(copy.get()) != PGRES_COPY_IN) return pg_error("copy", PQerrorMessage(admin_));
    }
    std::string buffer;
    auto flush = [&]() -> corpus::Status {
      if (PQputCopyData(admin_, buffer.data(), static_cast<int>(buffer.size())) != 1)
        return pg_error("copy", PQerrorMessage(admin_));
      buffer.clear();
      return corpus::Ok{};
    };
    auto loaded = corpus.for_each([&](const PeerRecord& record) -> corpus::Status {
      append_copy(buffer, std::to_string(record.number), true);
      append_copy(buffer, record.id);
      append_copy(buffer, record.title);
      append_copy(buffer, record.summary);
      append_copy(buffer, record.lessons);
      append_copy(buffer, record.body);
      append_copy(buffer, record.outcome);
      append_copy(buffer, array_literal(record.countries));
      append_copy(buffer, array_literal(record.themes));
      buffer += '\n';
      report.docs = record.number;
      return buffer.size() >= (1 << 20) ? flush() : corpus::Status(corpus::Ok{});
    });
    if (!loaded) {
      PQputCopyEnd(admin_, "the corpus could not be read");
      PgResult ended(PQgetResult(admin_));
      return loaded.error();
    }
    if (!buffer.empty()) {
      if (auto s = flush(); !s) return s.error();
    }
    if (PQputCopyEnd(admin_, nullptr) != 1) return pg_error("copy", PQerrorMessage(admin_));
    {
      PgResult ended(PQgetResult(admin_));
      if (!ended.ok()) return pg_error("copy", PQerrorMessage(admin_));
    }
    if (auto s = exec(admin_, kFinish, "index"); !s) return s.error();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.peak_rss_mb = process_peak_rss_mb(PQbackendPID(admin_));
    report.peak_rss_of = "the backend that ran COPY and CREATE INDEX (VmHWM, shared buffers it touched included)";
    PgResult size(PQexec(admin_, "SELECT pg_total_relation_size('docs')"));
    if (!size.ok()) return pg_error("index size", PQerrorMessage(admin_));
    report.index_bytes = std::stoull(PQgetvalue(size.get(), 0, 0));
    return report;
  }

  corpus::Result<std::unique_ptr<PeerSession>> open_session() override {
    auto conn = connect();
    if (!conn) return conn.error();
    backends_.push_back(PQbackendPID(*conn));
    auto session = std::make_unique<PostgresSession>(*conn, options_.top);
    if (auto prepared = session->prepare(); !prepared) return prepared.error();
    return std::unique_ptr<PeerSession>(std::move(session));
  }

  std::optional<double> search_peak_rss_mb() override {
    std::optional<double> peak;
    for (pid_t pid : backends_) {
      if (auto mb = process_peak_rss_mb(pid); mb && (!peak || *mb > *peak)) peak = mb;
    }
    return peak;
  }
  std::string search_rss_of() const override { return "the busiest search backend (VmHWM, shared buffers included)"; }

  void stop() override {
    if (admin_) PQfinish(admin_);
    admin_ = nullptr;
    if (!running_) return;
    running_ = false;
    auto stopped = run_process(as_server_user({std::string(kBin) + "/pg_ctl", "-D", data_dir().string(), "-m", "fast",
                                               "-w", "stop"}),
                               options_.work / "pg_ctl.log");
    if (!stopped || stopped->status != 0)
      std::fprintf(stderr, "peer_bench: postgres: pg_ctl stop failed: %s\n",
                   log_tail(options_.work / "pg_ctl.log").c_str());
  }

 private:
  fs::path data_dir() const { return options_.work / "data"; }

  static std::vector<std::string> as_server_user(std::vector<std::string> argv) {
    if (geteuid() != 0) return argv;
    argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    return argv;
  }

  corpus::Result<PGconn*> connect() const {
    std::string info = "host=127.0.0.1 port=" + std::to_string(options_.pg_port) + " user=postgres dbname=postgres";
    PGconn* conn = PQconnectdb(info.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn);
      PQfinish(conn);
      return pg_error("connect", message);
    }
    return conn;
  }

  PeerOptions options_;
  PGconn* admin_ = nullptr;
  bool running_ = false;
  std::string version_;
  std::vector<pid_t> backends_;
};

}  // namespace

std::unique_ptr<PeerEngine> make_postgres_engine(const PeerOptions& options) {
  return std::make_unique<PostgresEngine>(options);
}

}  // namespace tools::bench
