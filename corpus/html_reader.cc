#include "corpus/html_reader.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "corpus/utf8.h"
#include "corpus/vocabulary.h"

namespace corpus {
namespace {

// Elements whose text is not the page's content.
const std::unordered_set<std::string_view> kSkipped = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "select", "svg", "iframe", "object", "canvas", "head"};
// Elements that start a new line of text.
const std::unordered_set<std::string_view> kBlocks = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2",
    "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "figcaption", "address", "hr"};
// Deeper markup than this is hostile or broken; its text is left out.
constexpr int kMaxDepth = 256;

std::string_view name_of(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// Appends text with runs of white space made one space; `text` is UTF-8.
void append_collapsed(std::string_view text, std::string& out) {
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out += c;
    }
  }
}

void new_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && !out.ends_with("\n\n")) out += out.back() == '\n' ? "\n" : "\n\n";
}

void collect_text(const xmlNode* node, int depth, std::string& out) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      if (kSkipped.contains(name_of(n))) continue;
      bool block = kBlocks.contains(name_of(n));
      if (block) new_line(out);
      collect_text(n->children, depth + 1, out);
      if (block) new_line(out);
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr) {
      append_collapsed(reinterpret_cast<const char*>(n->content), out);
    }
  }
}

std::string text_of(const xmlNode* node) {
  std::string out;
  collect_text(node->children, 0, out);
  return utf8::collapse_spaces(out);
}

// The first element with this name, depth first.
const xmlNode* find_element(const xmlNode* node, std::string_view name, int depth = 0) {
  if (depth > kMaxDepth) return nullptr;
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (name_of(n) == name) return n;
    if (const xmlNode* found = find_element(n->children, name, depth + 1)) return found;
  }
  return nullptr;
}

// <meta name=NAME content=...> or <meta property=NAME ...>, case-insensitive names.
std::string meta_content(const xmlNode* head, std::string_view wanted) {
  for (const xmlNode* n = head ? head->children : nullptr; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || name_of(n) != "meta") continue;
    for (const char* key : {"name", "property"}) {
      std::string name = attribute(n, key);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      if (name == wanted) return attribute(n, "content");
    }
  }
  return "";
}

void ignore_libxml2_message(void*, const char*, ...) {}

}  // namespace

Result<nlohmann::json> html_record_fields(std::string_view file_name, std::string_view content) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });  // libxml2's global set-up, before threads use it
  // libxml2 prints encoding and I/O complaints to stderr even with HTML_PARSE_NOERROR; what
  // matters reaches the user as an Error. Its error handler is per thread.
  thread_local bool quiet = [] {
    xmlSetGenericErrorFunc(nullptr, ignore_libxml2_message);
    return true;
  }();
  (void)quiet;
  if (content.empty()) return Error{ErrorCode::parse_error, "the page is empty", std::string(file_name), 0, ""};
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(content.data(), static_cast<int>(content.size()), nullptr, nullptr, kOptions), xmlFreeDoc);
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return Error{ErrorCode::parse_error, "not an HTML page", std::string(file_name), 0, ""};

  const xmlNode* head = find_element(root, "head");
  const xmlNode* body = find_element(root, "body");
  nlohmann::json fields = nlohmann::json::object();

  std::string title;
  if (const xmlNode* element = head ? find_element(head->children, "title") : nullptr) title = text_of(element);
  if (title.empty() && body != nullptr) {
    if (const xmlNode* heading = find_element(body->children, "h1")) title = text_of(heading);
  }
  if (!title.empty()) fields["title"] = title;

  std::string description = utf8::collapse_spaces(meta_content(head, "description"));
  if (description.empty()) description = utf8::collapse_spaces(meta_content(head, "og:description"));
  if (!description.empty()) fields["summary"] = description;

  // "es-PE" is Spanish; a tag that is not a language code is left for detection.
  std::string language = attribute(root, "lang");
  language = language.substr(0, language.find_first_of("-_"));
  std::transform(language.begin(), language.end(), language.begin(), [](unsigned char c) { return std::tolower(c); });
  if (vocabulary::is_language_code(language)) fields["language"] = language;

  for (const xmlNode* n = head ? head->children : nullptr; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && name_of(n) == "link" && attribute(n, "rel") == "canonical") {
      std::string href = attribute(n, "href");
      if (href.starts_with("http://") || href.starts_with("https://")) fields["source_url"] = href;
    }
  }

  const xmlNode* main = body ? find_element(body->children, "main") : nullptr;
  if (main == nullptr && body != nullptr) main = find_element(body->children, "article");
  if (main == nullptr) main = body;
  if (main != nullptr) {
    std::string text;
    collect_text(main->children, 0, text);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (!text.empty()) fields["body"] = text;
  }
  return fields;
}

}  // namespace corpus
