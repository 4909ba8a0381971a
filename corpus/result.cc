#include "corpus/result.h"

namespace corpus {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::parse_error: return "parse_error";
    case ErrorCode::validation: return "validation";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::io: return "io";
    case ErrorCode::index: return "index";
    case ErrorCode::busy: return "busy";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    out += ": ";
  }
  if (!field.empty()) out += field + ": ";
  out += message;
  for (const auto& other : others) {
    out += "; ";
    if (other.line > 0 && other.line != line) out += "line " + std::to_string(other.line) + ": ";
    if (!other.field.empty()) out += other.field + ": ";
    out += other.message;
  }
  return out;
}

}  // namespace corpus
