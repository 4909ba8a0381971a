#include "corpus/reader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/front_matter.h"
#include "corpus/docx_reader.h"
#include "corpus/html_reader.h"
#include "corpus/iati_reader.h"
#include "corpus/pdf_reader.h"
#include "corpus/utf8.h"

namespace corpus {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1,
// column 2: "; we give the line ourselves and keep the part a user can act on.
std::string plain_parse_message(const std::string& what) {
  auto pos = what.find(": ");
  std::string rest = pos == std::string::npos ? what : what.substr(pos + 2);
  if (rest.starts_with("syntax error while parsing ")) rest = rest.substr(27);
  return rest;
}

// Path of the first string value holding U+FFFD, i.e. where an ill-formed byte was.
std::string field_with_replacement(const json& value, const std::string& path) {
  if (value.is_string()) {
    return value.get_ref<const std::string&>().find(utf8::kReplacement) != std::string::npos ? path : "";
  }
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      auto found = field_with_replacement(value[i], path + "[" + std::to_string(i) + "]");
      if (!found.empty()) return found;
    }
  }
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      auto found = field_with_replacement(item, path.empty() ? key : path + "." + key);
      if (!found.empty()) return found;
    }
  }
  return "";
}

Error invalid_utf8_error(std::string_view file_name, int line, std::string field) {
  return Error{ErrorCode::validation, "invalid UTF-8", std::string(file_name), line, std::move(field)};
}

// One JSON text (a whole .json file or one JSON Lines line) into records. `first_line` is the
// file line the text starts on.
void read_json_text(std::string_view file_name, std::string_view text, int first_line,
                    bool allow_array, ReadResult& out) {
  auto bad_byte = utf8::first_invalid(text);
  std::string repaired = bad_byte ? utf8::replace_invalid(text) : std::string();
  std::string_view parse_text = bad_byte ? std::string_view(repaired) : text;
  auto parsed_or_error = parse_json(parse_text, file_name, first_line);
  if (!parsed_or_error) {
    if (allow_array) out.file_error = parsed_or_error.error();
    else out.records.emplace_back(parsed_or_error.error());
    return;
  }
  const json& parsed = *parsed_or_error;
  auto one = [&](const json& record, int index) {
    RecordOrigin origin{std::string(file_name), allow_array ? 0 : first_line, index, {}};
    if (bad_byte) {
      int line = allow_array ? first_line - 1 + utf8::line_of(text, *bad_byte) : first_line;
      auto field = field_with_replacement(record, "");
      if (!field.empty()) {
        out.records.emplace_back(invalid_utf8_error(file_name, line, field));
        return;
      }
    }
    out.records.push_back(document_from_json(record, origin));
  };
  if (parsed.is_array() && allow_array) {
    for (std::size_t i = 0; i < parsed.size(); ++i) one(parsed[i], static_cast<int>(i));
  } else {
    one(parsed, -1);
  }
}

void read_json_lines(std::string_view file_name, std::string_view content, ReadResult& out) {
  int line = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    ++line;
    auto end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    auto text = content.substr(pos, end - pos);
    pos = end + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    read_json_text(file_name, text, line, false, out);
  }
}

std::string first_heading(std::string_view body) {
  std::istringstream lines{std::string(body)};
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("# ")) {
      auto title = line.substr(2);
      while (!title.empty() && (title.back() == '\r' || title.back() == ' ')) title.pop_back();
      return title;
    }
  }
  return "";
}

void read_markdown(std::string_view file_name, std::string_view content, ReadResult& out) {
  auto bad_byte = utf8::first_invalid(content);
  std::string repaired = bad_byte ? utf8::replace_invalid(content) : std::string();
  std::string_view text = bad_byte ? std::string_view(repaired) : content;
  auto front = parse_front_matter(file_name, text);
  if (!front) {
    out.file_error = front.error();
    return;
  }
  json fields = front->fields;
  if (!fields.contains("body") && !front->body.empty()) fields["body"] = std::string(front->body);
  if (!fields.contains("id")) fields["id"] = id_from_file_name(std::string(file_name));
  if (!fields.contains("title")) {
    auto heading = first_heading(front->body);
    if (!heading.empty()) fields["title"] = heading;
  }
  RecordOrigin origin{std::string(file_name), front->present ? 1 : 0, -1, front->field_lines};
  if (bad_byte) {
    auto field = field_with_replacement(fields, "");
    int line = utf8::line_of(content, *bad_byte);
    out.records.emplace_back(invalid_utf8_error(file_name, line, field));
    return;
  }
  out.records.push_back(document_from_json(fields, origin));
}

void read_text(std::string_view file_name, std::string_view content, ReadResult& out) {
  if (auto bad_byte = utf8::first_invalid(content)) {
    int line = utf8::line_of(content, *bad_byte);
    out.records.emplace_back(invalid_utf8_error(file_name, line, line == 1 ? "title" : "body"));
    return;
  }
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  auto begin = content.find_first_not_of(" \t\r\n");
  json fields = json::object();
  fields["id"] = id_from_file_name(std::string(file_name));
  if (begin != std::string_view::npos) {
    auto end = content.find('\n', begin);
    if (end == std::string_view::npos) end = content.size();
    fields["title"] = std::string(content.substr(begin, end - begin));
    if (end < content.size()) fields["body"] = std::string(content.substr(end + 1));
  }
  out.records.push_back(document_from_json(fields, RecordOrigin{std::string(file_name), 0, -1, {}}));
}

void read_iati(std::string_view file_name, std::string_view content, ReadResult& out) {
  auto activities = iati_activities(file_name, content);
  if (!activities) {
    out.file_error = activities.error();
    return;
  }
  for (const auto& activity : *activities) {
    out.records.push_back(document_from_json(activity.fields, RecordOrigin{std::string(file_name), activity.line, -1, {}}));
  }
}

// The fields of a sidecar (a JSON object, or a Markdown file's front matter), with the line of
// each field when the format has lines.
Result<FrontMatter> sidecar_fields(const Sidecar& sidecar) {
  std::string name = sidecar.path.string();
  if (format_of(sidecar.path) == Format::markdown) return parse_front_matter(name, sidecar.content);
  FrontMatter out;
  auto parsed = parse_json(sidecar.content, name);
  if (!parsed) return parsed.error();
  out.fields = std::move(parsed).value();
  if (!out.fields.is_object()) return Error{ErrorCode::parse_error, "a sidecar is one JSON object", name, 1, ""};
  out.present = true;
  return out;
}

// A web page, a PDF or a Word document is one record; its id comes from the file name, like a text file's, and
// its sidecar's fields replace what the file gave. A field the sidecar got wrong is named there.
void read_page(std::string_view file_name, Result<json> fields, const Sidecar* sidecar, ReadResult& out) {
  if (!fields) {
    out.file_error = fields.error();
    return;
  }
  (*fields)["id"] = id_from_file_name(std::string(file_name));
  FrontMatter extra;
  if (sidecar != nullptr) {
    auto parsed = sidecar_fields(*sidecar);
    if (!parsed) {
      out.file_error = parsed.error();
      return;
    }
    extra = std::move(parsed).value();
    for (const auto& [key, value] : extra.fields.items()) (*fields)[key] = value;
  }
  auto record = document_from_json(*fields, RecordOrigin{std::string(file_name), 0, -1, {}});
  if (!record && sidecar != nullptr) {
    Error error = record.error();
    std::string field = error.field.substr(0, error.field.find_first_of(".["));
    if (extra.fields.contains(field)) {
      error.file = sidecar->path.string();
      auto line = extra.field_lines.find(field);
      error.line = line == extra.field_lines.end() ? 0 : line->second;
      record = error;
    }
  }
  out.records.push_back(std::move(record));
}

}  // namespace

Format format_of(const std::filesystem::path& path) {
  auto extension = lower(path.extension().string());
  if (extension == ".json") return Format::json;
  if (extension == ".jsonl" || extension == ".ndjson") return Format::json_lines;
  if (extension == ".md" || extension == ".markdown") return Format::markdown;
  if (extension == ".txt") return Format::text;
  if (extension == ".html" || extension == ".htm") return Format::html;
  if (extension == ".pdf") return Format::pdf;
  if (extension == ".docx") return Format::docx;
  if (extension == ".xml") return Format::iati;
  return Format::unsupported;
}

Format sniff_format(std::string_view content, Format declared) {
  if (content.starts_with("%PDF-")) return Format::pdf;
  // Zip entry names are stored uncompressed, so a Word document's main part shows in the bytes.
  if (content.starts_with("PK\x03\x04")) {
    return content.find("word/document.xml") != std::string_view::npos ? Format::docx : declared;
  }
  std::string_view markup = content;
  if (markup.starts_with("\xEF\xBB\xBF")) markup.remove_prefix(3);
  auto first = markup.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || markup[first] != '<') return declared;
  std::string head = lower(std::string(markup.substr(first, 2048)));
  if (head.find("<iati-activities") != std::string::npos || head.find("<iati-activity") != std::string::npos) {
    return Format::iati;
  }
  if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos) return Format::html;
  return declared;
}

std::string id_from_file_name(const std::filesystem::path& path) {
  std::string stem = lower(path.stem().string());
  // "report.pdf" next to "report.html" (the same report saved twice): both would be "report", and
  // one would replace the other, so each keeps its extension ("report-pdf", "report-html").
  if (path.has_parent_path()) {
    std::string extension = lower(path.extension().string());
    std::error_code ec;
    for (std::string_view other : {".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx"}) {
      if (other == extension) continue;
      auto sibling = path.parent_path() / (path.stem().string() + std::string(other));
      if (std::filesystem::is_regular_file(sibling, ec)) {
        stem += "-" + extension.substr(extension.empty() ? 0 : 1);
        break;
      }
    }
  }
  std::string id;
  for (char c : stem) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) id.erase(0, 1);
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 128) id.resize(128);
  return id;
}

ReadResult read_records(std::string_view file_name, std::string_view content, Format declared, const Sidecar* sidecar) {
  ReadResult out;
  switch (sniff_format(content, declared)) {
    case Format::json:
      read_json_text(file_name, content, 1, true, out);
      break;
    case Format::json_lines:
      read_json_lines(file_name, content, out);
      break;
    case Format::markdown:
      read_markdown(file_name, content, out);
      break;
    case Format::text:
      read_text(file_name, content, out);
      break;
    case Format::html:
      read_page(file_name, html_record_fields(file_name, content), sidecar, out);
      break;
    case Format::pdf:
      read_page(file_name, pdf_record_fields(file_name, content), sidecar, out);
      break;
    case Format::docx:
      read_page(file_name, docx_record_fields(file_name, content), sidecar, out);
      break;
    case Format::iati:
      read_iati(file_name, content, out);
      break;
    case Format::unsupported:
      out.file_error = Error{ErrorCode::invalid_argument, std::string(kUnsupportedFileType), std::string(file_name), 0, ""};
      break;
  }
  return out;
}

Result<json> parse_json(std::string_view text, std::string_view file_name, int first_line) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte counts from 1 and points one past the character at fault at the end of the text.
    std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    Error error{ErrorCode::parse_error, "not valid JSON: " + plain_parse_message(e.what()), std::string(file_name),
                first_line - 1 + utf8::line_of(text, at), ""};
    error.column = utf8::column_of(text, at);
    return error;
  }
}

Result<std::string> read_file_bytes(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error{ErrorCode::io, ec.message(), path.string(), 0, ""};
  if (size > kMaxFileBytes) {
    return Error{ErrorCode::invalid_argument,
                 "file is " + std::to_string(size) + " bytes, over the limit of " +
                     std::to_string(kMaxFileBytes), path.string(), 0, ""};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io, "cannot open for reading", path.string(), 0, ""};
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<std::size_t>(in.gcount()));
  return content;
}

ReadResult read_file(const std::filesystem::path& path) {
  auto content = read_file_bytes(path);
  if (!content) {
    ReadResult out;
    out.file_error = content.error();
    return out;
  }
  std::optional<Sidecar> sidecar;
  if (auto sidecar_path = sidecar_of(path)) {
    auto sidecar_content = read_file_bytes(*sidecar_path);
    if (!sidecar_content) {
      ReadResult out;
      out.file_error = sidecar_content.error();
      return out;
    }
    sidecar = Sidecar{*sidecar_path, std::move(sidecar_content).value()};
  }
  return read_records(path.string(), *content, format_of(path), sidecar ? &*sidecar : nullptr);
}

std::optional<std::filesystem::path> sidecar_of(const std::filesystem::path& file) {
  Format format = format_of(file);
  if (format != Format::html && format != Format::pdf && format != Format::docx) return std::nullopt;
  for (const char* extension : {".json", ".md"}) {
    std::filesystem::path candidate = file;
    candidate += extension;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

bool is_sidecar(const std::filesystem::path& file) {
  Format format = format_of(file);
  if (format != Format::json && format != Format::markdown) return false;
  std::filesystem::path described = file.parent_path() / file.stem();
  Format described_format = format_of(described);
  std::error_code ec;
  return (described_format == Format::html || described_format == Format::pdf || described_format == Format::docx) &&
         std::filesystem::is_regular_file(described, ec);
}

}  // namespace corpus
