#include "corpus/front_matter.h"

#include <cctype>

#include <yaml-cpp/yaml.h>

namespace corpus {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 32;

bool is_integer(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i >= s.size() || s.size() - i > 18) return false;
  for (; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// YAML 1.2 core schema for plain scalars; quoted scalars stay strings.
json scalar_to_json(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return text;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (is_integer(text)) return std::stoll(text);
  return text;
}

json node_to_json(const YAML::Node& node, int depth) {
  if (depth > kMaxDepth) throw std::runtime_error("nested deeper than " + std::to_string(kMaxDepth) + " levels");
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return scalar_to_json(node);
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(node_to_json(item, depth + 1));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& item : node) out[item.first.as<std::string>()] = node_to_json(item.second, depth + 1);
      return out;
    }
  }
  return nullptr;
}

// The end of the line starting at `pos` (the offset of '\n', or content.size()).
std::size_t line_end(std::string_view content, std::size_t pos) {
  auto end = content.find('\n', pos);
  return end == std::string_view::npos ? content.size() : end;
}

std::string_view strip_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

Result<FrontMatter> parse_front_matter(std::string_view file_name, std::string_view content) {
  FrontMatter out;
  std::size_t start = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // byte order mark
  if (strip_cr(content.substr(start, line_end(content, start) - start)) != "---") {
    out.body = content.substr(start);
    out.body_line = 1;
    return out;
  }
  out.present = true;
  out.first_line = 2;
  std::size_t block_begin = line_end(content, start) + 1;
  std::size_t pos = block_begin;
  int line = 2;
  std::size_t block_end = std::string_view::npos;
  while (pos <= content.size()) {
    std::size_t end = line_end(content, pos);
    auto text = strip_cr(content.substr(pos, end - pos));
    if (text == "---" || text == "...") {
      block_end = pos;
      out.body = end < content.size() ? content.substr(end + 1) : std::string_view{};
      out.body_line = line + 1;
      break;
    }
    if (end == content.size()) break;
    pos = end + 1;
    ++line;
  }
  if (block_end == std::string_view::npos) {
    Error e{ErrorCode::parse_error, "front matter opened with --- on line 1 is never closed",
            std::string(file_name), 1, ""};
    return e;
  }
  std::string block(content.substr(block_begin, block_end - block_begin));
  try {
    YAML::Node root = YAML::Load(block);
    if (root.IsNull()) {
      out.fields = json::object();
      return out;
    }
    if (!root.IsMap()) {
      return Error{ErrorCode::parse_error, "front matter must be a mapping of field: value",
                   std::string(file_name), out.first_line, ""};
    }
    out.fields = json::object();
    for (const auto& item : root) {
      std::string key = item.first.as<std::string>();
      out.field_lines[key] = out.first_line + item.first.Mark().line;
      out.fields[key] = node_to_json(item.second, 1);
    }
  } catch (const YAML::Exception& e) {
    int at = e.mark.is_null() ? out.first_line : out.first_line + e.mark.line;
    return Error{ErrorCode::parse_error, "front matter is not valid YAML: " + e.msg,
                 std::string(file_name), at, ""};
  } catch (const std::exception& e) {
    return Error{ErrorCode::parse_error, std::string("front matter: ") + e.what(),
                 std::string(file_name), out.first_line, ""};
  }
  return out;
}

}  // namespace corpus
