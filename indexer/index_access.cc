#include "indexer/index_access.h"

#include "indexer/schema.h"

namespace indexer {
namespace {

using corpus::Error;
using corpus::ErrorCode;

std::optional<Error> check_version(const Xapian::Database& db, const std::filesystem::path& dir) {
  std::string version = db.get_metadata(std::string(schema::kVersionKey));
  if (version == schema::kVersion) return std::nullopt;
  return Error{ErrorCode::index,
               "the index was built by another version of precedent (schema " +
                   (version.empty() ? std::string("unknown") : version) + ", this one reads " +
                   std::string(schema::kVersion) + "); remove it and index again",
               dir.string(), 0, ""};
}

}  // namespace

corpus::Result<Xapian::WritableDatabase> open_writable(const std::filesystem::path& dir) {
  try {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Error{ErrorCode::io, "cannot create the index folder: " + ec.message(), dir.string(), 0, ""};
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    if (db.get_doccount() == 0 && db.get_metadata(std::string(schema::kVersionKey)).empty()) {
      db.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
      db.commit();
    }
    if (auto error = check_version(db, dir)) return *error;
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    return Error{ErrorCode::busy, "the index is being written by another process (it is locked); "
                 "try again when that finishes", dir.string(), 0, ""};
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "cannot open the index for writing: " + e.get_msg(), dir.string(), 0, ""};
  }
}

corpus::Result<Xapian::Database> open_readable(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    return Error{ErrorCode::not_found, "no index here; create one with `precedent index PATH...`",
                 dir.string(), 0, ""};
  }
  try {
    Xapian::Database db(dir.string());
    if (auto error = check_version(db, dir)) return *error;
    return db;
  } catch (const Xapian::Error& e) {
    return Error{ErrorCode::index, "cannot open the index: " + e.get_msg(), dir.string(), 0, ""};
  }
}

}  // namespace indexer
