#include "corpus/walker.h"

#include <algorithm>
#include <cctype>

#include "corpus/reader.h"

namespace corpus {
namespace {

namespace fs = std::filesystem;

bool is_skipped_name(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.empty() || name[0] == '.') return true;
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  for (const char* skipped : {"README", "LICENSE", "CHANGELOG"}) {
    if (upper.starts_with(skipped)) return true;
  }
  return false;
}

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal() : canonical;
}

void walk(const fs::path& folder, FileList& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.errors.push_back(Error{ErrorCode::io, "cannot read folder: " + ec.message(), folder.string(), 0, ""});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.errors.push_back(Error{ErrorCode::io, "cannot read folder: " + ec.message(), folder.string(), 0, ""});
      break;
    }
    const auto& entry = *it;
    if (is_skipped_name(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(ec) && format_of(entry.path()) != Format::unsupported && !is_sidecar(entry.path())) {
      out.files.push_back(absolute_normal(entry.path()));
    }
  }
}

}  // namespace

FileList collect_files(const std::vector<fs::path>& paths) {
  FileList out;
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(Error{ErrorCode::not_found, "no such file or folder", path.string(), 0, ""});
    } else if (fs::is_directory(status)) {
      out.folders.push_back(absolute_normal(path));
      walk(path, out);
    } else {
      // A file named explicitly is read whatever its extension: its content may show its format.
      out.files.push_back(absolute_normal(path));
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

std::uint64_t folder_bytes(const std::filesystem::path& folder) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

}  // namespace corpus
