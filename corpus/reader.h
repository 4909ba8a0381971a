#pragma once
// Readers: turn a file's bytes into validated Documents. Each format becomes JSON objects that
// document_from_json() validates, so every format reports errors the same way. A bad record is
// returned as an Error next to the good ones; a file that cannot be parsed at all sets
// file_error. Stateless and thread-safe.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "corpus/result.h"

namespace corpus {

enum class Format {
  json,        // .json: one record object, or an array of them
  json_lines,  // .jsonl, .ndjson: one record object per line
  markdown,    // .md, .markdown: front matter (YAML) for the fields, the rest is the body
  text,        // .txt: first line is the title, the rest is the body
  html,        // .html, .htm: one record from the page (corpus/html_reader.h)
  pdf,         // .pdf: one record from the report's text and metadata (corpus/pdf_reader.h)
  docx,        // .docx: one record from the document's text and properties (corpus/docx_reader.h)
  iati,        // .xml: IATI activities, one record each (corpus/iati_reader.h)
  unsupported,
};

// What an unsupported file is told: the extensions that are read.
inline constexpr std::string_view kUnsupportedFileType =
    "unsupported file type (expected .json, .jsonl, .ndjson, .md, .markdown, .txt, .html, .htm, .pdf, .docx or IATI .xml)";

// The format a file is read as, from its extension (case-insensitive).
Format format_of(const std::filesystem::path& path);

// The format `content` shows by its first bytes when it is one with a signature: a PDF
// ("%PDF-"), a Word document (a zip holding word/document.xml), IATI activities or a web page
// (markup naming <iati-activities> or <html>); else `declared`. Content wins over the extension
// or the declared type, so a report saved under the wrong name is still read.
Format sniff_format(std::string_view content, Format declared);

// Files larger than this are refused rather than read into memory.
inline constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

struct ReadResult {
  std::vector<Result<Document>> records;  // in file order, valid and invalid
  std::optional<Error> file_error;        // set when the file as a whole could not be read
};

// A web page, PDF or Word document can have a sidecar next to it, "report.pdf.json" (a JSON object) or
// "report.pdf.md" (front matter), with the fields the file cannot give (type, themes, outcome,
// lessons...); its fields replace what was read from the file.
struct Sidecar {
  std::filesystem::path path;
  std::string content;
};

// The sidecar file of `file`, when `file` is a page, a PDF or a Word document and one exists.
std::optional<std::filesystem::path> sidecar_of(const std::filesystem::path& file);

// Whether `file` is the sidecar of a file next to it (folders are walked without them).
bool is_sidecar(const std::filesystem::path& file);

// Reads records from content already in memory, in the format sniff_format() gives;
// `file_name` names the file in errors and, for
// Markdown, text, pages and PDFs, gives the id when the record does not. `sidecar`: the file's
// sidecar, for pages and PDFs.
ReadResult read_records(std::string_view file_name, std::string_view content, Format format,
                        const Sidecar* sidecar = nullptr);

// Parses JSON text. A syntax error (ErrorCode::parse_error) names `file_name`, the line and the
// column where the parser stopped (the character at fault, or the last of an unexpected token;
// lines counted from `first_line`, for a text that starts inside a file such as a JSON Lines
// line) and what was expected there.
Result<nlohmann::json> parse_json(std::string_view text, std::string_view file_name, int first_line = 1);

// A file's bytes, refused when over kMaxFileBytes; errors name the path.
Result<std::string> read_file_bytes(const std::filesystem::path& path);

// Reads a file from disk (and its sidecar) and its records.
ReadResult read_file(const std::filesystem::path& path);

// A valid id made from a file name ("Informe Final 2019.md" -> "informe-final-2019"). When a file
// of the same name with another extension that is read as one record lies next to it
// ("report.pdf" and "report.html"), the extension is kept ("report-pdf"), so neither replaces the
// other.
std::string id_from_file_name(const std::filesystem::path& path);

}  // namespace corpus
