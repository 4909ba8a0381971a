#pragma once
// The translation directions Debian's Apertium packages hold, in one place for the query
// translator (dictionaries in process) and the text translator (whole pipelines): en<->es
// (apertium-eng-spa), fr<->es (apertium-fr-es), es<->pt (apertium-es-pt). en, fr and pt reach one
// another through Spanish. Also where their data is.

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace indexer::apertium {

// Where Debian's Apertium packages put their data.
inline constexpr const char* kDefaultDataDir = "/usr/share/apertium";

// Where the translators' data is: $PRECEDENT_APERTIUM_DIR when set, else kDefaultDataDir.
inline std::filesystem::path configured_data_dir() {
  const char* configured = std::getenv("PRECEDENT_APERTIUM_DIR");
  return configured != nullptr && *configured != '\0' ? std::filesystem::path(configured)
                                                       : std::filesystem::path(kDefaultDataDir);
}

struct DirectPair {
  const char* from;
  const char* to;
  const char* package;  // folder under the data directory
  const char* mode;     // the direction's name: its mode file and its dictionaries' file-name stem
};

inline constexpr DirectPair kDirectPairs[] = {
    {"en", "es", "apertium-eng-spa", "eng-spa"}, {"es", "en", "apertium-eng-spa", "spa-eng"},
    {"fr", "es", "apertium-fr-es", "fr-es"},     {"es", "fr", "apertium-fr-es", "es-fr"},
    {"es", "pt", "apertium-es-pt", "es-pt"},     {"pt", "es", "apertium-es-pt", "pt-es"},
};

// The language every other pair goes through.
inline constexpr const char* kPivot = "es";
inline constexpr const char* kLanguages[] = {"en", "es", "fr", "pt"};
inline constexpr const char* kPackagesHint = "install the Debian packages apertium-eng-spa, apertium-fr-es and apertium-es-pt";

// The process's one `Translator` for `data_dir`, made on first use and shared by every thread
// after (a translator loads dictionaries or starts pipelines, which is worth doing once).
template <typename Translator>
std::shared_ptr<Translator> shared_translator(const std::filesystem::path& data_dir) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::shared_ptr<Translator>> made;
  std::lock_guard lock(mutex);
  auto& slot = made[data_dir];
  if (!slot) slot = std::make_shared<Translator>(data_dir);
  return slot;
}

}  // namespace indexer::apertium
