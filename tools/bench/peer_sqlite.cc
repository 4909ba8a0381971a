// SqliteEngine: SQLite FTS5 in this process. The text in an FTS5 table (tokenizer unicode61 with
// remove_diacritics 2: case and accents folded, no stemming, as FTS5 has no stemmer for Spanish,
// French or Portuguese), the facet fields in side tables, ranked by FTS5's bm25() with the field
// weights Precedent uses (title 5, summary 2, lessons 2, body 1), set as the table's rank.

#include <sqlite3.h>

#include <chrono>

#include "corpus/walker.h"
#include "tools/bench/measure.h"
#include "tools/bench/peer_engine.h"
#include "tools/bench/peer_process.h"

namespace tools::bench {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

Error sqlite_error(sqlite3* db, const std::string& step) {
  return Error{ErrorCode::internal, "sqlite: " + step + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), "", 0, ""};
}

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(statement_); }

  corpus::Status prepare(sqlite3* db, const char* sql, const std::string& step) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement_, nullptr) != SQLITE_OK)
      return sqlite_error(db, step);
    return corpus::Ok{};
  }
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

// An open database, closed on scope exit (after its statements are finalized).
struct Connection {
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { sqlite3_close(db); }
  sqlite3* db = nullptr;
};

corpus::Status exec(sqlite3* db, const char* sql, const std::string& step) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return Error{ErrorCode::internal, "sqlite: " + step + ": " + text, "", 0, ""};
  }
  return corpus::Ok{};
}

void bind_text(sqlite3_stmt* statement, int at, const std::string& value) {
  sqlite3_bind_text(statement, at, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

// An FTS5 MATCH expression: every word a quoted string, so no word is read as syntax.
std::string match_expression(const PeerQuery& query) {
  auto quoted = [](const std::string& word) {
    std::string out = "\"";
    for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out;
  if (query.op == QueryOperator::phrase) {
    std::string phrase;
    for (const auto& word : query.words) phrase += (phrase.empty() ? "" : " ") + word;
    return quoted(phrase);
  }
  const char* join = query.op == QueryOperator::all_words ? " AND " : " OR ";
  for (const auto& word : query.words) out += (out.empty() ? "" : join) + quoted(word);
  return out;
}

constexpr const char* kSchema = R"sql(
CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, lessons, body,
                                     tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(0, 5, 2, 2, 1)');
CREATE TABLE doc_outcome(doc INTEGER PRIMARY KEY, outcome TEXT NOT NULL);
CREATE TABLE doc_country(doc INTEGER NOT NULL, country TEXT NOT NULL, PRIMARY KEY(doc, country)) WITHOUT ROWID;
CREATE TABLE doc_theme(doc INTEGER NOT NULL, theme TEXT NOT NULL, PRIMARY KEY(doc, theme)) WITHOUT ROWID;
)sql";

// After the load: merge FTS5's segments into one (what a read-mostly index would do) and index the
// filter column.
constexpr const char* kFinish = R"sql(
INSERT INTO docs(docs) VALUES('optimize');
CREATE INDEX doc_country_by_country ON doc_country(country, doc);
ANALYZE;
)sql";

// The facet counts over every match, the MATCH evaluated once.
constexpr const char* kFacets = R"sql(
WITH hits(doc) AS MATERIALIZED (SELECT rowid FROM docs WHERE docs MATCH ?1)
SELECT 'country', country, count(*) FROM hits JOIN doc_country USING (doc) GROUP BY country
UNION ALL SELECT 'theme', theme, count(*) FROM hits JOIN doc_theme USING (doc) GROUP BY theme
UNION ALL SELECT 'outcome', outcome, count(*) FROM hits JOIN doc_outcome USING (doc) GROUP BY outcome
)sql";

// One read-only connection to the FTS5 file and its prepared statements; one thread at a time.
class SqliteSession : public PeerSession {
 public:
  static corpus::Result<std::unique_ptr<PeerSession>> open(const fs::path& file, std::size_t top) {
    auto session = std::unique_ptr<SqliteSession>(new SqliteSession(top));
    if (sqlite3_open_v2(file.c_str(), &session->db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
      return sqlite_error(session->db_, "open " + file.string());
    if (auto s = session->top_.prepare(session->db_, "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2",
                                       "prepare the search");
        !s)
      return s.error();
    if (auto s = session->filtered_.prepare(
            session->db_,
            "SELECT id FROM docs JOIN doc_country ON doc_country.doc = docs.rowid "
            "WHERE docs MATCH ?1 AND doc_country.country = ?3 ORDER BY rank LIMIT ?2",
            "prepare the filtered search");
        !s)
      return s.error();
    if (auto s = session->facets_.prepare(session->db_, kFacets, "prepare the facet counts"); !s) return s.error();
    if (auto s = session->count_.prepare(session->db_, "SELECT count(*) FROM docs WHERE docs MATCH ?1", "prepare count");
        !s)
      return s.error();
    if (auto s = session->count_filtered_.prepare(
            session->db_,
            "SELECT count(*) FROM docs JOIN doc_country ON doc_country.doc = docs.rowid "
            "WHERE docs MATCH ?1 AND doc_country.country = ?2",
            "prepare count");
        !s)
      return s.error();
    return std::unique_ptr<PeerSession>(std::move(session));
  }

  corpus::Result<PeerHits> search(const PeerQuery& query) override {
    PeerHits hits;
    std::string match = match_expression(query);
    sqlite3_stmt* statement = query.country.empty() ? top_.get() : filtered_.get();
    sqlite3_reset(statement);
    bind_text(statement, 1, match);
    sqlite3_bind_int64(statement, 2, static_cast<sqlite3_int64>(top_count_));
    if (!query.country.empty()) bind_text(statement, 3, query.country);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
      hits.ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    if (rc != SQLITE_DONE) return sqlite_error(db_, "search " + match);
    if (!query.facets.empty()) {
      sqlite3_stmt* facets = facets_.get();
      sqlite3_reset(facets);
      bind_text(facets, 1, match);
      while ((rc = sqlite3_step(facets)) == SQLITE_ROW) {
        hits.facets[reinterpret_cast<const char*>(sqlite3_column_text(facets, 0))]
                   [reinterpret_cast<const char*>(sqlite3_column_text(facets, 1))] =
            static_cast<std::uint64_t>(sqlite3_column_int64(facets, 2));
      }
      if (rc != SQLITE_DONE) return sqlite_error(db_, "facet counts " + match);
    }
    return hits;
  }

  corpus::Result<std::uint64_t> count(const PeerQuery& query) override {
    sqlite3_stmt* statement = query.country.empty() ? count_.get() : count_filtered_.get();
    sqlite3_reset(statement);
    bind_text(statement, 1, match_expression(query));
    if (!query.country.empty()) bind_text(statement, 2, query.country);
    if (sqlite3_step(statement) != SQLITE_ROW) return sqlite_error(db_, "count");
    return static_cast<std::uint64_t>(sqlite3_column_int64(statement, 0));
  }

 private:
  explicit SqliteSession(std::size_t top) : top_count_(top) {}

  std::size_t top_count_;
  Connection connection_;  // declared before the statements, so it closes after they finalize
  sqlite3*& db_ = connection_.db;
  Statement top_, filtered_, facets_, count_, count_filtered_;
};

// Owns the FTS5 file in its work folder; no server.
class SqliteEngine : public PeerEngine {
 public:
  explicit SqliteEngine(const PeerOptions& options) : options_(options), file_(options.work / "fts5.db") {}

  std::string name() const override { return "sqlite"; }
  std::string setup() const override {
    return std::string("SQLite ") + sqlite3_libversion() +
           " FTS5, in process; unicode61 remove_diacritics 2, no stemming; bm25 weights title 5, summary 2, "
           "lessons 2, body 1";
  }
  corpus::Status start() override { return corpus::Ok{}; }
  void stop() override {}

  corpus::Result<BuildReport> build(const PeerCorpus& corpus) override {
    BuildReport report;
    reset_self_peak_rss();
    auto started = std::chrono::steady_clock::now();
    Connection connection;
    if (sqlite3_open_v2(file_.c_str(), &connection.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK)
      return sqlite_error(connection.db, "create " + file_.string());
    sqlite3* db = connection.db;
    if (auto s = exec(db, kSchema, "create the tables"); !s) return s.error();
    if (auto s = exec(db, "BEGIN", "begin the load"); !s) return s.error();
    {
      Statement doc, outcome, country, theme;
      if (auto s = doc.prepare(db, "INSERT INTO docs(rowid, id, title, summary, lessons, body) VALUES(?,?,?,?,?,?)",
                               "prepare the insert");
          !s)
        return s.error();
      if (auto s = outcome.prepare(db, "INSERT INTO doc_outcome VALUES(?,?)", "prepare the insert"); !s) return s.error();
      if (auto s = country.prepare(db, "INSERT INTO doc_country VALUES(?,?)", "prepare the insert"); !s) return s.error();
      if (auto s = theme.prepare(db, "INSERT INTO doc_theme VALUES(?,?)", "prepare the insert"); !s) return s.error();
      auto step = [&](sqlite3_stmt* statement) -> corpus::Status {
        int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) return sqlite_error(db, "insert");
        return corpus::Ok{};
      };
      auto loaded = corpus.for_each([&](const PeerRecord& record) -> corpus::Status {
        auto number = static_cast<sqlite3_int64>(record.number);
        sqlite3_bind_int64(doc.get(), 1, number);
        bind_text(doc.get(), 2, record.id);
        bind_text(doc.get(), 3, record.title);
        bind_text(doc.get(), 4, record.summary);
        bind_text(doc.get(), 5, record.lessons);
        bind_text(doc.get(), 6, record.body);
        if (auto s = step(doc.get()); !s) return s;
        sqlite3_bind_int64(outcome.get(), 1, number);
        bind_text(outcome.get(), 2, record.outcome);
        if (auto s = step(outcome.get()); !s) return s;
        for (const auto& code : record.countries) {
          sqlite3_bind_int64(country.get(), 1, number);
          bind_text(country.get(), 2, code);
          if (auto s = step(country.get()); !s) return s;
        }
        for (const auto& name : record.themes) {
          sqlite3_bind_int64(theme.get(), 1, number);
          bind_text(theme.get(), 2, name);
          if (auto s = step(theme.get()); !s) return s;
        }
        report.docs = record.number;
        return corpus::Ok{};
      });
      if (!loaded) return loaded.error();
    }
    if (auto s = exec(db, "COMMIT", "commit the load"); !s) return s.error();
    if (auto s = exec(db, kFinish, "optimize and index"); !s) return s.error();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.peak_rss_mb = self_peak_rss_mb();
    report.peak_rss_of = "peer_bench (SQLite runs in process; JSON parsing included)";
    report.index_bytes = corpus::folder_bytes(options_.work);
    return report;
  }

  corpus::Result<std::unique_ptr<PeerSession>> open_session() override {
    if (!search_rss_reset_) search_rss_reset_ = reset_self_peak_rss();
    return SqliteSession::open(file_, options_.top);
  }

  std::optional<double> search_peak_rss_mb() override { return self_peak_rss_mb(); }
  std::string search_rss_of() const override { return "peer_bench (in process, the mix included)"; }

 private:
  PeerOptions options_;
  fs::path file_;
  bool search_rss_reset_ = false;
};

}  // namespace

std::unique_ptr<PeerEngine> make_sqlite_engine(const PeerOptions& options) {
  return std::make_unique<SqliteEngine>(options);
}

}  // namespace tools::bench
