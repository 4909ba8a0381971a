#include "indexer/query_translator.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <list>
#include <map>
#include <mutex>
#include <unordered_map>

#include <lttoolbox/fst_processor.h>
#include <lttoolbox/input_file.h>
#include <unicode/unistr.h>
#include <unicode/ustdio.h>

#include "corpus/utf8.h"
#include "indexer/apertium_pairs.h"

namespace indexer {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;

using apertium::kDirectPairs;
using apertium::kLanguages;
using apertium::kPivot;

// Analyses of a word looked up in the bilingual dictionary. Fewer lost relevance: 1, 3 and 6
// scored xquad-en-es 0.8781, 0.8897 and 0.8900, asm-domain 0.8316, 0.8336 and 0.8361.
constexpr std::size_t kMaxAnalyses = 6;

std::string utf8(const UString& text) {
  std::string out;
  icu::UnicodeString(text.data(), static_cast<int32_t>(text.size())).toUTF8String(out);
  return out;
}

UString ustring(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  return UString(u.getBuffer(), static_cast<std::size_t>(u.length()));
}

// The text with every character that Apertium's stream format gives a meaning, and every control
// byte, made a space, cut to the limit at a character boundary.
std::string stream_safe(const std::string& text) {
  std::string out(corpus::utf8::prefix(text, QueryTranslator::kMaxInputBytes));
  for (char& c : out) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || std::string_view("^$/[]\\@*{}<>#").find(c) != std::string_view::npos) c = ' ';
  }
  return out;
}

// Splits Apertium stream text on an unescaped `separator`, dropping the escapes.
std::vector<std::string> split_unescaped(const std::string& text, char separator) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) out.back() += text[++i];
    else if (text[i] == separator) out.emplace_back();
    else out.back() += text[i];
  }
  return out;
}

// The lexical units of analysed text: "^surface/analysis1/analysis2$" each, as their parts.
std::vector<std::vector<std::string>> lexical_units(const std::string& stream) {
  std::vector<std::vector<std::string>> units;
  std::size_t pos = 0;
  while ((pos = stream.find('^', pos)) != std::string::npos) {
    std::size_t end = pos + 1;
    while (end < stream.size() && stream[end] != '$') end += stream[end] == '\\' ? 2 : 1;
    if (end >= stream.size()) break;
    units.push_back(split_unescaped(stream.substr(pos + 1, end - pos - 1), '/'));
    pos = end + 1;
  }
  return units;
}

// A lemma with its tags ("trabajo<n><m><sg>", "take# part<vblex>") as words: tags and the
// multiword marker removed.
std::string lemma_of(const std::string& analysis) {
  std::string out;
  int depth = 0;
  for (char c : analysis) {
    if (c == '<') ++depth;
    else if (c == '>') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0 && c != '#') out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

void add_alternative(TranslatedWord& word, const std::string& alternative) {
  if (alternative.empty() || word.alternatives.size() >= QueryTranslator::kMaxAlternatives) return;
  if (std::find(word.alternatives.begin(), word.alternatives.end(), alternative) == word.alternatives.end())
    word.alternatives.push_back(alternative);
}

// One direction's two dictionaries, used under one lock (lttoolbox's processors keep state).
class Direction {
 public:
  // nullptr, with the reason in `problem`, when a dictionary is missing or unreadable.
  static std::unique_ptr<Direction> load(const fs::path& analyser, const fs::path& bilingual, std::string& problem) {
    auto out = std::make_unique<Direction>();
    for (auto [path, processor] : {std::pair{analyser, &out->analyser_}, std::pair{bilingual, &out->bilingual_}}) {
      FILE* file = std::fopen(path.c_str(), "rb");
      if (file == nullptr) {
        problem = path.string() + " is missing";
        return nullptr;
      }
      try {
        processor->load(file);
      } catch (const std::exception& e) {
        std::fclose(file);
        problem = path.string() + " could not be read (" + e.what() + ")";
        return nullptr;
      }
      std::fclose(file);
    }
    out->analyser_.initAnalysis();
    out->bilingual_.initBiltrans();
    if (!out->analyser_.valid() || !out->bilingual_.valid()) {
      problem = analyser.parent_path().string() + " holds dictionaries this lttoolbox cannot use";
      return nullptr;
    }
    return out;
  }

  corpus::Result<std::vector<TranslatedWord>> translate(const std::string& text) {
    std::string safe = stream_safe(text) + "\n";
    std::lock_guard lock(mutex_);
    try {
      std::string analysed = analyse(safe);
      std::vector<TranslatedWord> out;
      for (const auto& unit : lexical_units(analysed)) {
        if (unit.empty() || unit[0].empty()) continue;
        TranslatedWord word;
        word.source = unit[0];
        for (std::size_t i = 1; i < unit.size() && i <= kMaxAnalyses; ++i) {
          if (unit[i].empty() || unit[i][0] == '*') continue;  // unknown to the analyser
          // A contraction ("du" = de<pr>+le<det>) is looked up part by part.
          for (const auto& part : split_unescaped(unit[i], '+')) {
            UString looked_up = bilingual_.biltrans(ustring("^" + part + "$"));
            std::string result = utf8(looked_up);
            if (result.size() < 2 || result.front() != '^' || result.back() != '$') continue;
            for (const auto& target : split_unescaped(result.substr(1, result.size() - 2), '/')) {
              if (target.empty() || target[0] == '@') continue;  // unknown to the bilingual dictionary
              add_alternative(word, lemma_of(target));
            }
          }
        }
        word.known = !word.alternatives.empty();
        if (!word.known) word.alternatives = {word.source};
        out.push_back(std::move(word));
      }
      return out;
    } catch (const std::exception& e) {
      return Error{ErrorCode::internal, std::string("the translator failed on the text: ") + e.what(), "", 0, "q"};
    }
  }

 private:
  std::string analyse(const std::string& text) {
    FILE* in = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
    if (in == nullptr) throw std::runtime_error("no memory for the input");
    char* buffer = nullptr;
    std::size_t length = 0;
    FILE* out_file = open_memstream(&buffer, &length);
    if (out_file == nullptr) {
      std::fclose(in);
      throw std::runtime_error("no memory for the output");
    }
    UFILE* out = u_finit(out_file, nullptr, "UTF-8");
    InputFile input;
    input.wrap(in);  // InputFile closes it
    std::exception_ptr failure;
    try {
      analyser_.analysis(input, out);
    } catch (...) {
      failure = std::current_exception();
    }
    u_fflush(out);
    u_fclose(out);
    std::fclose(out_file);
    std::string analysed(buffer, length);
    std::free(buffer);
    if (failure) std::rethrow_exception(failure);
    return analysed;
  }

  std::mutex mutex_;
  FSTProcessor analyser_;
  FSTProcessor bilingual_;
};

std::string cache_key(const std::string& text, const std::string& from, const std::string& to) {
  return from + '\x1f' + to + '\x1f' + text;
}

}  // namespace

std::string Translation::text() const {
  std::string out;
  for (const auto& word : words) {
    if (word.alternatives.empty()) continue;
    out += (out.empty() ? "" : " ") + word.alternatives.front();
  }
  return out;
}

// A direction whose dictionaries are installed, loaded on first use: loading all six takes
// about a second, which a command that searches one language, or not at all, should not pay.
struct InstalledDirection {
  fs::path analyser;
  fs::path bilingual;
  std::once_flag once;
  std::unique_ptr<Direction> loaded;
  std::string problem;  // why loading failed

  Direction* get() {
    std::call_once(once, [&] { loaded = Direction::load(analyser, bilingual, problem); });
    return loaded.get();
  }
};

struct QueryTranslator::Impl {
  std::map<std::pair<std::string, std::string>, std::unique_ptr<InstalledDirection>> directions;
  TranslatorStatus status;

  // Least recently used translations, bounded.
  mutable std::mutex cache_mutex;
  mutable std::list<std::pair<std::string, Translation>> recent;
  mutable std::unordered_map<std::string, std::list<std::pair<std::string, Translation>>::iterator> cached;

  bool installed(const std::string& from, const std::string& to) const { return directions.contains({from, to}); }

  // The direction's dictionaries, loaded; an Error when they are not installed or cannot be read.
  corpus::Result<Direction*> direction(const std::string& from, const std::string& to) const {
    auto it = directions.find({from, to});
    if (it == directions.end())
      return Error{ErrorCode::unavailable, "no translation from " + from + " to " + to + " is installed", "", 0, "lang"};
    Direction* loaded = it->second->get();
    if (loaded == nullptr) return Error{ErrorCode::unavailable, it->second->problem, "", 0, "lang"};
    return loaded;
  }

  corpus::Result<Translation> translate_uncached(const std::string& text, const std::string& from,
                                                 const std::string& to) const {
    Translation out{from, to, {}};
    if (installed(from, to)) {
      auto direct = direction(from, to);
      if (!direct) return direct.error();
      auto words = (*direct)->translate(text);
      if (!words) return words.error();
      out.words = std::move(words).value();
      return out;
    }
    auto first = direction(from, kPivot);
    if (!first) return first.error();
    auto second = direction(kPivot, to);
    if (!second) return second.error();
    auto pivot_words = (*first)->translate(text);
    if (!pivot_words) return pivot_words.error();
    for (auto& word : *pivot_words) {
      TranslatedWord translated{word.source, {}, false};
      if (word.known) {
        for (const auto& alternative : word.alternatives) {
          auto onward = (*second)->translate(alternative);
          if (!onward) return onward.error();
          if (onward->size() == 1) {
            if ((*onward)[0].known)
              for (const auto& other : (*onward)[0].alternatives) add_alternative(translated, other);
            continue;
          }
          // A pivot alternative of several words ("trabajo infantil") stays one alternative.
          std::string joined;
          bool known = true;
          for (const auto& part : *onward) {
            joined += (joined.empty() ? "" : " ") + part.alternatives.front();
            known = known && part.known;
          }
          if (known) add_alternative(translated, joined);
        }
      }
      translated.known = !translated.alternatives.empty();
      if (!translated.known) translated.alternatives = {word.source};
      out.words.push_back(std::move(translated));
    }
    return out;
  }
};

QueryTranslator::QueryTranslator(const fs::path& data_dir) : impl_(std::make_unique<Impl>()) {
  std::vector<std::string> problems;
  for (const auto& pair : kDirectPairs) {
    auto direction = std::make_unique<InstalledDirection>();
    fs::path folder = data_dir / pair.package;
    direction->analyser = folder / (std::string(pair.mode) + ".automorf.bin");
    direction->bilingual = folder / (std::string(pair.mode) + ".autobil.bin");
    std::error_code ec;
    if (fs::is_regular_file(direction->analyser, ec) && fs::is_regular_file(direction->bilingual, ec))
      impl_->directions[{pair.from, pair.to}] = std::move(direction);
    else problems.push_back(std::string(pair.from) + "-" + pair.to);
  }
  for (const char* from : kLanguages)
    for (const char* to : kLanguages)
      if (std::string(from) != to && can_translate(from, to)) impl_->status.pairs.push_back(std::string(from) + "-" + to);
  impl_->status.available = !impl_->status.pairs.empty();
  if (!problems.empty()) {
    std::string joined;
    for (const auto& problem : problems) joined += (joined.empty() ? "" : ", ") + problem;
    impl_->status.reason = std::string(impl_->status.available ? "some" : "no") + " Apertium dictionaries under " +
                           data_dir.string() + " (missing: " + joined +
                           "); " + apertium::kPackagesHint;
  }
}

QueryTranslator::~QueryTranslator() = default;

std::shared_ptr<QueryTranslator> QueryTranslator::shared(const fs::path& data_dir) {
  return apertium::shared_translator<QueryTranslator>(data_dir);
}

const TranslatorStatus& QueryTranslator::status() const { return impl_->status; }

void QueryTranslator::preload() const {
  for (const auto& [pair, direction] : impl_->directions) direction->get();
}

bool QueryTranslator::can_translate(const std::string& from, const std::string& to) const {
  if (from == to) return false;
  return impl_->installed(from, to) || (impl_->installed(from, kPivot) && impl_->installed(kPivot, to));
}

corpus::Result<Translation> QueryTranslator::translate(const std::string& text, const std::string& from,
                                                       const std::string& to) const {
  std::string key = cache_key(text, from, to);
  {
    std::lock_guard lock(impl_->cache_mutex);
    if (auto it = impl_->cached.find(key); it != impl_->cached.end()) {
      impl_->recent.splice(impl_->recent.begin(), impl_->recent, it->second);
      return it->second->second;
    }
  }
  auto translation = impl_->translate_uncached(text, from, to);
  if (!translation) return translation;
  std::lock_guard lock(impl_->cache_mutex);
  if (!impl_->cached.contains(key)) {
    impl_->recent.emplace_front(key, *translation);
    impl_->cached[key] = impl_->recent.begin();
    if (impl_->recent.size() > kCacheEntries) {
      impl_->cached.erase(impl_->recent.back().first);
      impl_->recent.pop_back();
    }
  }
  return translation;
}

}  // namespace indexer
