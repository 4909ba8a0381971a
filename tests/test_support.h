#pragma once
// Helpers shared by the test suites: a temporary folder removed at the end of the test, and
// writing fixture files into it.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace test_support {

// A fresh folder under the system temp dir, deleted with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "precedent-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A fixture file in tests/data/FOLDER.
inline std::filesystem::path data_file(const std::string& folder, const std::string& name) {
  return std::filesystem::path(PRECEDENT_SOURCE_DIR) / "tests" / "data" / folder / name;
}

// The bundled collection, for tests that run on real records.
inline std::filesystem::path collection_dir() {
  return std::filesystem::path(PRECEDENT_SOURCE_DIR) / "corpus" / "collection";
}

}  // namespace test_support
