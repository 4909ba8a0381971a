#pragma once
// The `precedent` subcommands: each takes its parsed options and returns the process exit code.
// The exit codes are part of the interface scripts rely on (README, `precedent --help`).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpus/result.h"

namespace tools {

enum ExitCode : int {
  kExitOk = 0,
  kExitInputErrors = 1,  // some records or files failed, or the query was invalid
  kExitUsage = 2,        // bad command line
  kExitIndexError = 3,   // the index is missing, locked, corrupt or could not be written
  kExitNotFound = 4,     // no record with that id
};

// The exit code for an error the index or a request returned: a missing record is 4, a
// problem with the index 3, anything about the input 1.
inline int exit_code_for(const corpus::Error& error) {
  switch (error.code) {
    case corpus::ErrorCode::not_found: return kExitNotFound;
    case corpus::ErrorCode::index:
    case corpus::ErrorCode::busy:
    case corpus::ErrorCode::unavailable:
    case corpus::ErrorCode::io: return kExitIndexError;
    default: return kExitInputErrors;
  }
}

struct IndexCommand {
  std::filesystem::path db;
  std::vector<std::filesystem::path> paths;
  unsigned threads = 0;
  std::size_t batch_size = 5000;
  unsigned shards = 0;  // split into this many shards (a new folder); 0: as the folder is
  std::optional<bool> translate_summaries;  // IngestOptions::translate_summaries; unset: as the index is
  bool quiet = false;
  bool json = false;
};
int run_index(const IndexCommand& command);

struct KeysCommand {
  std::filesystem::path file;  // default: $PRECEDENT_API_KEYS_FILE, else ./precedent-keys
  std::string action;          // list, add, revoke
  std::string name;            // add, revoke
  bool read_only = false;      // add: a key that may only read (for a private server)
};
int run_keys(const KeysCommand& command);

struct SearchCommand {
  std::filesystem::path db;
  std::string query;
  std::string language;
  std::size_t page = 1;
  std::size_t per_page = 10;
  std::string sort = "relevance";
  bool translate = true;  // also search the query translated into the collection's other languages
  bool prefer_language = false;  // records in the query's language first, other things equal
  std::string ui_language;  // show hits in another language machine-translated into this one
  bool json = false;
};
int run_search(const SearchCommand& command);

struct ShowCommand {
  std::filesystem::path db;
  std::string id;
  bool json = false;
};
int run_show(const ShowCommand& command);

struct StatsCommand {
  std::filesystem::path db;
  bool json = false;
};
int run_stats(const StatsCommand& command);

struct SimilarCommand {
  std::filesystem::path db;
  std::string id;
  std::string text_file;  // "-" for standard input
  std::string language;
  std::size_t k = 5;
  // A proposal's profile, when known; each replaces what is inferred from the text.
  std::vector<std::string> countries, themes, commodities;
  std::string type;
  std::string ui_language;  // as in SearchCommand
  bool json = false;
};
int run_similar(const SimilarCommand& command);

struct ServeCommand {
  std::optional<std::filesystem::path> db;
  std::optional<std::string> host;
  std::optional<unsigned short> port;
  std::optional<unsigned> threads;
  std::optional<std::filesystem::path> api_keys_file;
  std::vector<std::string> cors_origins;
  std::filesystem::path config_file;
  std::vector<std::string> shards;                // folders or tcp://HOST:PORT, instead of --db
  std::optional<std::filesystem::path> spelling;  // with shards: local spelling index
  std::optional<unsigned> shard_timeout_ms;
  std::optional<std::string> on_shard_failure;
  bool quiet = false;
};
int run_serve(const ServeCommand& command);

}  // namespace tools
