#include "indexer/text_translator.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "corpus/utf8.h"
#include "indexer/apertium_pairs.h"

extern char** environ;

namespace indexer {
namespace {

namespace fs = std::filesystem;
using corpus::Error;
using corpus::ErrorCode;
using Clock = std::chrono::steady_clock;

// A translation may be longer than its text, never by this much: more means a pipeline gone wrong.
constexpr std::size_t kMaxOutputFactor = 8;
constexpr std::size_t kMaxOutputSlack = 64 * 1024;

// The text made safe for Apertium's stream format: its special characters escaped, control
// bytes (NUL, line ends) made spaces, cut to the limit at a character boundary.
std::string stream_escaped(const std::string& text) {
  std::string_view kept = corpus::utf8::prefix(text, TextTranslator::kMaxTextBytes);
  std::string out;
  out.reserve(kept.size() + 16);
  for (char c : kept) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
    else if (std::string_view("^$/[]\\@*{}<>#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// Pipeline output as text: escapes dropped, spaces at the ends trimmed.
std::string stream_unescaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// The marker that follows text `index` of a request: a superblank, which every stage passes on
// untouched, so its return shows the translation that precedes it belongs to that text.
std::string marker(std::size_t index) { return "[PRECEDENT-" + std::to_string(index) + "]"; }

// The shell command of a direction's mode file with every stage in null-flush mode (-z), the
// generator leaving unknown words unmarked ($1 = -n, as `apertium -u`) and the tagger's default
// options ($2).
corpus::Result<std::string> null_flush_command(const fs::path& mode_file) {
  std::ifstream in(mode_file);
  if (!in) return Error{ErrorCode::unavailable, mode_file.string() + " is missing", "", 0, ""};
  std::stringstream content;
  content << in.rdbuf();
  std::string mode = content.str();
  std::replace(mode.begin(), mode.end(), '\n', ' ');
  std::string command;
  std::size_t start = 0;
  while (start <= mode.size()) {
    std::size_t bar = mode.find('|', start);
    std::string stage = mode.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    auto first = stage.find_first_not_of(' ');
    if (first == std::string::npos) return Error{ErrorCode::unavailable, mode_file.string() + " has an empty stage", "", 0, ""};
    stage = stage.substr(first);
    auto program_end = stage.find(' ');
    stage.insert(program_end == std::string::npos ? stage.size() : program_end, " -z");
    for (auto [placeholder, value] : {std::pair{"$1", "-n"}, std::pair{"$2", ""}})
      for (auto at = stage.find(placeholder); at != std::string::npos; at = stage.find(placeholder))
        stage.replace(at, 2, value);
    command += (command.empty() ? "" : " | ") + stage;
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return command;
}

// One direction's pipeline: a shell running the mode's programs in a process group of their own,
// fed and read through a socket (so a write to a pipeline that died fails with EPIPE instead of
// raising SIGPIPE in the caller).
class Pipeline {
 public:
  Pipeline(std::string name, std::string command) : name_(std::move(name)), command_(std::move(command)) {}
  ~Pipeline() { stop(); }

  corpus::Result<std::vector<std::string>> run(const std::vector<std::string>& texts, Clock::duration time_limit) {
    std::lock_guard lock(mutex_);
    if (pid_ < 0) {
      if (auto started = start(); !started) return started.error();
    }
    auto result = exchange(texts, Clock::now() + time_limit);
    if (!result) stop();  // whatever state it is in, the next request gets a fresh one
    return result;
  }

 private:
  corpus::Result<bool> start() {
    int sockets[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
      return failure(std::string("cannot make a socket: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    std::string shell = "/bin/sh", dash_c = "-c";
    char* argv[] = {shell.data(), dash_c.data(), command_.data(), nullptr};
    pid_t pid = -1;
    int error = posix_spawn(&pid, shell.c_str(), &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(sockets[1]);
    if (error != 0) {
      close(sockets[0]);
      return failure(std::string("cannot start it: ") + std::strerror(error));
    }
    pid_ = pid;
    socket_ = sockets[0];
    fcntl(socket_, F_SETFL, fcntl(socket_, F_GETFL) | O_NONBLOCK);
    return true;
  }

  void stop() {
    if (socket_ >= 0) close(socket_);
    socket_ = -1;
    if (pid_ > 0) {
      kill(-pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
  }

  Error failure(const std::string& what) const {
    return Error{ErrorCode::unavailable, "Apertium's " + name_ + " pipeline: " + what, "", 0, ""};
  }

  // Writes every text with its marker and a NUL while reading the answers, until each text's
  // answer is back or the deadline passes.
  corpus::Result<std::vector<std::string>> exchange(const std::vector<std::string>& texts, Clock::time_point deadline) {
    std::string input;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      input += stream_escaped(texts[i]) + marker(i);
      input += '\0';
    }
    const std::size_t max_output = input.size() * kMaxOutputFactor + kMaxOutputSlack;
    std::size_t written = 0;
    std::string output;
    std::vector<std::string> out;
    std::size_t answer_start = 0;
    char buffer[16384];
    while (out.size() < texts.size()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return failure("no answer within the time limit");
      pollfd fd{socket_, static_cast<short>(POLLIN | (written < input.size() ? POLLOUT : 0)), 0};
      int ready = poll(&fd, 1, static_cast<int>(left));
      if (ready < 0 && errno != EINTR) return failure(std::string("poll failed: ") + std::strerror(errno));
      if (ready <= 0) continue;
      if ((fd.revents & POLLOUT) && written < input.size()) {
        ssize_t n = send(socket_, input.data() + written, input.size() - written, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR) return failure("it stopped");
        if (n > 0) written += static_cast<std::size_t>(n);
      }
      if (fd.revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t n = recv(socket_, buffer, sizeof buffer, 0);
        // A pipeline that exits with input unread resets the connection.
        if (n == 0 || (n < 0 && errno == ECONNRESET)) return failure("it stopped");
        if (n < 0 && errno != EAGAIN && errno != EINTR) return failure(std::string("read failed: ") + std::strerror(errno));
        if (n > 0) output.append(buffer, static_cast<std::size_t>(n));
        if (output.size() > max_output) return failure("it answered far more than it was given");
        for (std::size_t nul; (nul = output.find('\0', answer_start)) != std::string::npos; answer_start = nul + 1) {
          std::string_view answer(output.data() + answer_start, nul - answer_start);
          std::string expected = marker(out.size());
          auto at = answer.rfind(expected);
          if (out.size() >= texts.size() || at == std::string_view::npos ||
              answer.find_first_not_of(" \n", at + expected.size()) != std::string_view::npos)
            return failure("it answered out of step");
          out.push_back(stream_unescaped(answer.substr(0, at)));
        }
      }
    }
    return out;
  }

  std::mutex mutex_;
  std::string name_;
  std::string command_;
  pid_t pid_ = -1;
  int socket_ = -1;
};

}  // namespace

struct TextTranslator::Impl {
  std::chrono::milliseconds time_limit;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Pipeline>> pipelines;
  std::string problem;

  bool installed(const std::string& from, const std::string& to) const { return pipelines.contains({from, to}); }

  corpus::Result<std::vector<std::string>> run(const std::vector<std::string>& texts, const std::string& from,
                                               const std::string& to) const {
    auto it = pipelines.find({from, to});
    if (it == pipelines.end())
      return Error{ErrorCode::unavailable, "no translation from " + from + " to " + to + " is installed", "", 0, ""};
    // Empty texts are not sent: they stay empty.
    std::vector<std::string> sent;
    for (const auto& text : texts)
      if (!text.empty()) sent.push_back(text);
    std::vector<std::string> out(texts.size());
    if (sent.empty()) return out;
    auto translated = it->second->run(sent, time_limit);
    if (!translated) return translated.error();
    std::size_t next = 0;
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (!texts[i].empty()) out[i] = std::move((*translated)[next++]);
    return out;
  }
};

TextTranslator::TextTranslator(const fs::path& data_dir, std::chrono::milliseconds time_limit)
    : impl_(std::make_unique<Impl>()) {
  impl_->time_limit = time_limit;
  std::vector<std::string> missing;
  for (const auto& pair : apertium::kDirectPairs) {
    auto command = null_flush_command(data_dir / "modes" / (std::string(pair.mode) + ".mode"));
    if (command) impl_->pipelines[{pair.from, pair.to}] = std::make_unique<Pipeline>(pair.mode, *command);
    else missing.push_back(std::string(pair.from) + "-" + pair.to);
  }
  if (!missing.empty()) {
    std::string joined;
    for (const auto& pair : missing) joined += (joined.empty() ? "" : ", ") + pair;
    impl_->problem = "no Apertium modes for " + joined + " under " + (data_dir / "modes").string() + "; " +
                     apertium::kPackagesHint;
  }
}

TextTranslator::~TextTranslator() = default;

std::shared_ptr<TextTranslator> TextTranslator::shared(const fs::path& data_dir) {
  return apertium::shared_translator<TextTranslator>(data_dir);
}

bool TextTranslator::can_translate(const std::string& from, const std::string& to) const {
  if (from == to) return false;
  return impl_->installed(from, to) || (impl_->installed(from, apertium::kPivot) && impl_->installed(apertium::kPivot, to));
}

bool TextTranslator::can_translate_from(const std::string& from) const {
  return std::any_of(std::begin(apertium::kLanguages), std::end(apertium::kLanguages),
                     [&](const char* to) { return can_translate(from, to); });
}

const std::string& TextTranslator::problem() const { return impl_->problem; }

corpus::Result<std::vector<std::string>> TextTranslator::translate(const std::vector<std::string>& texts,
                                                                   const std::string& from, const std::string& to) const {
  if (impl_->installed(from, to) || from == apertium::kPivot || to == apertium::kPivot) return impl_->run(texts, from, to);
  auto pivot = impl_->run(texts, from, apertium::kPivot);
  if (!pivot) return pivot.error();
  return impl_->run(*pivot, apertium::kPivot, to);
}

std::map<std::string, std::vector<std::string>> TextTranslator::translate_to_all(const std::vector<std::string>& texts,
                                                                                 const std::string& from,
                                                                                 std::string* problem) const {
  std::map<std::string, std::vector<std::string>> out;
  auto note = [&](const Error& error) {
    if (problem != nullptr && problem->empty()) *problem = error.message;
  };
  if (from != apertium::kPivot && impl_->installed(from, apertium::kPivot)) {
    if (auto pivot = impl_->run(texts, from, apertium::kPivot)) out[apertium::kPivot] = std::move(*pivot);
    else note(pivot.error());
  }
  for (const char* to : apertium::kLanguages) {
    if (to == from || out.contains(to) || !can_translate(from, to)) continue;
    auto translated = impl_->installed(from, to) ? impl_->run(texts, from, to)
                      : out.contains(apertium::kPivot)
                          ? impl_->run(out[apertium::kPivot], apertium::kPivot, to)
                          : corpus::Result<std::vector<std::string>>(
                                Error{ErrorCode::unavailable, "the translation to Spanish failed", "", 0, ""});
    if (translated) out[to] = std::move(*translated);
    else note(translated.error());
  }
  return out;
}

}  // namespace indexer
