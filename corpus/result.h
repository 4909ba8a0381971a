#pragma once
// Result<T> and Error: how the project reports expected failures (bad input, unknown ids,
// unreadable files) as values. Library exceptions are caught where we call the library and
// turned into an Error; bugs are assertions. Result keeps std::expected's member names so that
// the later move to it is a rename.

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace corpus {

enum class ErrorCode {
  invalid_argument,  // a parameter or option is wrong
  parse_error,       // a file or query could not be parsed
  validation,        // a record breaks the document model
  not_found,         // an id, file or index that does not exist
  io,                // the operating system refused a read or write
  index,             // the index is missing, corrupt or from another version
  busy,              // another process holds the index's writer lock; try again later
  unavailable,       // a shard of the index does not answer; try again later
  internal,          // a bug or an unexpected library failure
};

std::string_view to_string(ErrorCode code);

// Where a problem is and what it is. Every field but code and message is optional; to_string()
// joins what is known as "file:line:column: field: message", then the other problems found.
struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string file;
  int line = 0;  // 1-based; 0 when the format has no useful line (a JSON array element)
  std::string field;
  int column = 0;  // 1-based, in characters; 0 when unknown (only syntax errors know it)
  // The further problems of the same input, so one round of fixes can mend them all: a record's
  // other bad fields (at most kMaxProblems in all). This error is the first, and is not repeated.
  std::vector<Error> others = {};

  std::string to_string() const;
};

// At most this many problems are reported for one input; past it, the input is refused all the
// same on those found.
inline constexpr std::size_t kMaxProblems = 20;

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(state_); }
  const T& value() const& { assert(has_value()); return std::get<0>(state_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(state_)); }
  const Error& error() const { assert(!has_value()); return std::get<1>(state_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace corpus
