#pragma once
// Opening the index: the one place that turns Xapian's opening errors (missing, locked, corrupt,
// another schema version) into Errors a user can act on. Included only by .cc files of indexer
// and ranking, which use Xapian directly.

#include <filesystem>
#include <optional>

#include <xapian.h>

#include "corpus/result.h"

namespace indexer {

// Opens the index for writing, creating it if missing; refuses an index of another schema
// version. Xapian allows one writer at a time: a second one gets an index Error.
corpus::Result<Xapian::WritableDatabase> open_writable(const std::filesystem::path& dir);

// Opens an existing index for reading.
corpus::Result<Xapian::Database> open_readable(const std::filesystem::path& dir);

}  // namespace indexer
