#pragma once
// The folder walker: expands the paths a user names into the record files to read, in a stable
// (sorted) order. Folders are walked recursively; hidden entries and README, LICENSE and
// CHANGELOG files are skipped, and so are files whose extension is not one we read. A file named
// explicitly must exist; the reader tells its format by its content when the extension does not
// (sniff_format). Stateless and thread-safe.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "corpus/result.h"

namespace corpus {

struct FileList {
  std::vector<std::filesystem::path> files;    // absolute, normalised, sorted, no duplicates
  std::vector<std::filesystem::path> folders;  // the folders walked, absolute
  std::vector<Error> errors;                   // paths that do not exist or cannot be read
};

FileList collect_files(const std::vector<std::filesystem::path>& paths);

// The bytes of every regular file under `folder`, recursively (an index's size on disk); 0 for
// a folder that cannot be read.
std::uint64_t folder_bytes(const std::filesystem::path& folder);

}  // namespace corpus
