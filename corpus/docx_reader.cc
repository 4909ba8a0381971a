#include "corpus/docx_reader.h"

#include <memory>
#include <optional>
#include <string>

#include <pugixml.hpp>
#include <zip.h>

namespace corpus {
namespace {

using ZipArchive = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// An entry's bytes; an error message when it is missing, too large or too compressed.
std::optional<std::string> read_entry(zip_t* archive, const char* name, std::string& problem) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name, 0, &stat) != 0) {
    problem = std::string("no ") + name + " in the archive";
    return std::nullopt;
  }
  if (stat.size > kMaxDocxXmlBytes) {
    problem = std::string(name) + " unpacks to " + std::to_string(stat.size) + " bytes, over the limit of " +
              std::to_string(kMaxDocxXmlBytes);
    return std::nullopt;
  }
  if (stat.comp_size > 0 && stat.size / stat.comp_size > kMaxDocxRatio && stat.size > (1u << 20)) {
    problem = std::string(name) + " unpacks " + std::to_string(stat.size / stat.comp_size) +
              " times larger than it is packed (a zip bomb?)";
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(archive, name, 0), zip_fclose);
  if (!file) {
    problem = std::string(name) + " cannot be unpacked";
    return std::nullopt;
  }
  std::string out(stat.size, '\0');
  zip_int64_t read = zip_fread(file.get(), out.data(), stat.size);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    problem = std::string(name) + " is damaged";
    return std::nullopt;
  }
  return out;
}

// The text of a paragraph (w:t runs, tabs and breaks as spaces).
std::string paragraph_text(const pugi::xml_node& paragraph) {
  std::string out;
  for (pugi::xpath_node run : paragraph.select_nodes(".//*[local-name()='t' or local-name()='tab' or local-name()='br']")) {
    std::string_view name = run.node().name();
    if (name.ends_with(":t") || name == "t") out += run.node().text().get();
    else out += ' ';
  }
  return out;
}

bool is_heading(const pugi::xml_node& paragraph) {
  pugi::xpath_node style = paragraph.select_node("./*[local-name()='pPr']/*[local-name()='pStyle']");
  if (!style) return false;
  std::string value = style.node().attribute("w:val").value();
  return value.starts_with("Heading") || value == "Title";
}

}  // namespace

Result<nlohmann::json> docx_record_fields(std::string_view file_name, std::string_view content) {
  auto error = [&](std::string message) {
    return Error{ErrorCode::parse_error, std::move(message), std::string(file_name), 0, ""};
  };
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  zip_source_t* source = zip_source_buffer_create(content.data(), content.size(), 0, &zip_error);
  if (source == nullptr) return error("the file cannot be read as a zip archive");
  ZipArchive archive(zip_open_from_source(source, ZIP_RDONLY, &zip_error), zip_discard);
  if (!archive) {
    zip_source_free(source);
    zip_error_fini(&zip_error);
    return error("not a Word document (not a zip archive, or a damaged one)");
  }
  std::string problem;
  auto document_xml = read_entry(archive.get(), "word/document.xml", problem);
  if (!document_xml) return error(problem);
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(document_xml->data(), document_xml->size());
  if (!parsed) return error(std::string("word/document.xml is not valid XML: ") + parsed.description());

  std::string body, first_heading, first_paragraph;
  for (pugi::xpath_node node : document.select_nodes("//*[local-name()='body']//*[local-name()='p']")) {
    std::string text = paragraph_text(node.node());
    if (text.find_first_not_of(" ") == std::string::npos) continue;
    if (first_heading.empty() && is_heading(node.node())) first_heading = text;
    if (first_paragraph.empty()) first_paragraph = text;
    if (!body.empty()) body += "\n\n";
    body += text;
  }
  if (body.empty()) return error("the document has no text");

  nlohmann::json fields = nlohmann::json::object();
  std::string title, author;
  if (auto core_xml = read_entry(archive.get(), "docProps/core.xml", problem)) {
    pugi::xml_document core;
    if (core.load_buffer(core_xml->data(), core_xml->size())) {
      title = core.select_node("//*[local-name()='title']").node().text().get();
      author = core.select_node("//*[local-name()='creator']").node().text().get();
    }
  }
  if (title.find_first_not_of(" ") == std::string::npos) title = !first_heading.empty() ? first_heading : first_paragraph;
  fields["title"] = title.substr(0, 500);
  fields["body"] = body;
  if (author.find_first_not_of(" ") != std::string::npos) fields["organisations"] = nlohmann::json::array({author});
  return fields;
}

}  // namespace corpus
