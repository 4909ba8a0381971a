#include "corpus/pdf_reader.h"

#include <memory>
#include <mutex>
#include <string>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

namespace corpus {
namespace {

std::string utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Runs of white space within a line become one space; lines keep their breaks.
std::string tidy(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\r' || c == '\f') c = '\n';
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      if (c == '\n' && !out.empty() && out.back() == ' ') out.pop_back();
      out += c;
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

void ignore_poppler_message(const std::string&, void*) {}

}  // namespace

Result<nlohmann::json> pdf_record_fields(std::string_view file_name, std::string_view content,
                                         std::chrono::milliseconds time_limit) {
  auto started = std::chrono::steady_clock::now();
  static std::once_flag quiet;
  // poppler prints its complaints about broken files to stderr; the Error says what matters.
  std::call_once(quiet, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
  auto error = [&](std::string message) {
    return Error{ErrorCode::parse_error, std::move(message), std::string(file_name), 0, ""};
  };
  if (!content.starts_with("%PDF-")) return error("not a PDF (no %PDF- header)");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(content.data(), static_cast<int>(content.size())));
  if (!document) return error("the PDF could not be opened (damaged or truncated)");
  if (document->is_locked()) return error("the PDF is encrypted and needs a password");

  std::string body;
  int pages = std::min(document->pages(), kMaxPdfPages);
  for (int i = 0; i < pages; ++i) {
    if (i > 0 && std::chrono::steady_clock::now() - started > time_limit) {
      return error("reading the PDF took over " + std::to_string(time_limit.count() / 1000) +
                   " s; stopped at page " + std::to_string(i + 1) + " of " + std::to_string(document->pages()));
    }
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    std::string text = tidy(utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
    if (text.empty()) continue;
    if (!body.empty()) body += "\n\n";
    body += text;
  }
  if (body.find_first_not_of(" \n") == std::string::npos) {
    return error("the PDF has no text layer (" + std::to_string(document->pages()) +
                 " pages of images?); run OCR on it first");
  }

  nlohmann::json fields = nlohmann::json::object();
  std::string title = tidy(utf8(document->get_title()));
  if (title.find('\n') != std::string::npos) title = title.substr(0, title.find('\n'));
  if (title.empty()) title = body.substr(0, std::min(body.find('\n'), std::size_t{200}));
  fields["title"] = title;
  fields["body"] = body;
  std::string author = tidy(utf8(document->get_author()));
  if (!author.empty() && author.find('\n') == std::string::npos) fields["organisations"] = nlohmann::json::array({author});
  return fields;
}

}  // namespace corpus
