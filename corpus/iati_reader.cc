#include "corpus/iati_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <pugixml.hpp>

#include "corpus/utf8.h"
#include "corpus/vocabulary.h"

namespace corpus {
namespace {

// The narrative of an element in the activity's language, else its first one.
std::string narrative(const pugi::xml_node& element, const std::string& language) {
  std::string first;
  for (pugi::xml_node text : element.children("narrative")) {
    std::string value = utf8::collapse_spaces(text.child_value());
    if (value.empty()) continue;
    std::string lang = text.attribute("xml:lang").value();
    if (lang.empty() || lang == language) return value;
    if (first.empty()) first = value;
  }
  return first;
}

// The element's narratives other than `chosen` (translations), so every language is searchable.
std::vector<std::string> other_narratives(const pugi::xml_node& element, const std::string& chosen) {
  std::vector<std::string> out;
  for (pugi::xml_node text : element.children("narrative")) {
    std::string value = utf8::collapse_spaces(text.child_value());
    if (!value.empty() && value != chosen && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
  }
  return out;
}

// "GB-GOV-1-300123" -> "gb-gov-1-300123": a valid record id.
std::string record_id(std::string_view identifier) {
  std::string id;
  for (char c : identifier) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.' || lower == '_' || lower == '-';
    if (keep) id += lower;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && !std::isalnum(static_cast<unsigned char>(id.front()))) id.erase(0, 1);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.substr(0, 128);
}

std::optional<int> year_of(std::string_view iso_date) {
  if (iso_date.size() < 4 || !std::all_of(iso_date.begin(), iso_date.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return std::stoi(std::string(iso_date.substr(0, 4)));
}

// IATI ActivityStatus codes to outcomes: 1 pipeline, 2 implementation, 3 finalisation,
// 4 closed, 5 cancelled, 6 suspended.
std::string outcome_of(std::string_view status) {
  if (status == "1" || status == "2") return "ongoing";
  if (status == "3" || status == "4") return "completed";
  if (status == "5" || status == "6") return "discontinued";
  return "";
}

// The theme of an OECD DAC sector (vocabulary 1, five digits; or its three-digit category,
// vocabulary 2), for the sectors that name one of ours; "" for the others.
std::string_view theme_of_sector(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kSectors[] = {
      {"32210", "governance"},         // mineral/mining policy and administrative management
      {"15170", "gender"},             // women's rights organisations and government institutions
      {"24030", "finance"},            // formal sector financial intermediaries
      {"24040", "finance"},            // informal/semi-formal financial intermediaries
      {"11330", "capacity_building"},  // vocational training
      {"41010", "environment"},        // environmental policy and administrative management
      {"41020", "environment"},        // environmental protection
      {"121", "health"},               // health, general
      {"122", "health"},               // basic health
      {"410", "environment"},          // general environment protection
  };
  for (const auto& [sector, theme] : kSectors) {
    if (code == sector || (code.size() == 5 && sector.size() == 3 && code.starts_with(sector))) return theme;
  }
  return "";
}

nlohmann::json activity_fields(const pugi::xml_node& activity) {
  nlohmann::json fields = nlohmann::json::object();
  std::string language = activity.attribute("xml:lang").value();
  fields["id"] = record_id(utf8::collapse_spaces(activity.child_value("iati-identifier")));
  fields["type"] = "initiative";
  if (vocabulary::is_language_code(language)) fields["language"] = language;
  std::string title = narrative(activity.child("title"), language);
  if (!title.empty()) fields["title"] = title;

  std::string summary, body;
  for (pugi::xml_node description : activity.children("description")) {
    std::string text = narrative(description, language);
    if (text.empty()) continue;
    if (summary.empty()) summary = text;
    else body += (body.empty() ? "" : "\n\n") + text;
  }
  if (!summary.empty()) fields["summary"] = summary;
  for (pugi::xml_node result : activity.children("result")) {
    std::string text = narrative(result.child("title"), language);
    std::string detail = narrative(result.child("description"), language);
    if (!detail.empty()) text += (text.empty() ? "" : ": ") + detail;
    if (!text.empty()) body += (body.empty() ? "Result: " : "\n\nResult: ") + text;
  }
  // The title and descriptions in the activity's other languages.
  std::vector<std::string> translations = other_narratives(activity.child("title"), title);
  for (pugi::xml_node description : activity.children("description")) {
    for (auto& text : other_narratives(description, narrative(description, language))) translations.push_back(std::move(text));
  }
  for (const auto& text : translations) body += (body.empty() ? "" : "\n\n") + text;
  for (pugi::xml_node related : activity.children("related-activity")) {
    std::string ref = related.attribute("ref").value();
    if (!ref.empty()) body += (body.empty() ? "Related activity: " : "\n\nRelated activity: ") + ref;
  }
  if (!body.empty()) fields["body"] = body;

  std::vector<std::string> organisations, donors;
  for (pugi::xml_node org : activity.children("participating-org")) {
    std::string name = narrative(org, language);
    if (name.empty()) name = utf8::collapse_spaces(org.attribute("ref").value());
    if (name.empty()) continue;
    auto& list = std::string_view(org.attribute("role").value()) == "1" ? donors : organisations;
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  }
  if (!organisations.empty()) fields["organisations"] = organisations;
  if (!donors.empty()) fields["donors"] = donors;

  std::vector<std::string> countries;
  for (pugi::xml_node country : activity.children("recipient-country")) {
    std::string code = country.attribute("code").value();
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    if (vocabulary::is_country_code(code) && std::find(countries.begin(), countries.end(), code) == countries.end())
      countries.push_back(code);
  }
  if (!countries.empty()) fields["countries"] = countries;

  std::vector<std::string> themes;
  for (pugi::xml_node sector : activity.children("sector")) {
    std::string_view vocabulary = sector.attribute("vocabulary").value();
    if (!vocabulary.empty() && vocabulary != "1" && vocabulary != "2") continue;  // another code list
    std::string theme(theme_of_sector(utf8::collapse_spaces(sector.attribute("code").value())));
    if (!theme.empty() && std::find(themes.begin(), themes.end(), theme) == themes.end()) themes.push_back(theme);
  }
  if (!themes.empty()) fields["themes"] = themes;

  std::string outcome = outcome_of(activity.child("activity-status").attribute("code").value());
  if (!outcome.empty()) fields["outcome"] = outcome;

  // Actual dates (types 2 and 4) win over planned ones (1 and 3).
  std::optional<int> start, end;
  for (const char* type : {"1", "2", "3", "4"}) {
    for (pugi::xml_node date : activity.children("activity-date")) {
      if (std::string_view(date.attribute("type").value()) != type) continue;
      auto year = year_of(date.attribute("iso-date").value());
      if (!year) continue;
      (type[0] <= '2' ? start : end) = year;
    }
  }
  if (start) fields["start_year"] = *start;
  if (end) fields["end_year"] = *end;
  return fields;
}

}  // namespace

Result<std::vector<IatiActivity>> iati_activities(std::string_view file_name, std::string_view content) {
  pugi::xml_document document;
  // No entity expansion beyond XML's own, no DTD: nothing is fetched or multiplied.
  pugi::xml_parse_result parsed = document.load_buffer(content.data(), content.size(), pugi::parse_default);
  if (!parsed) {
    std::size_t at = std::min<std::size_t>(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), content.size());
    return Error{ErrorCode::parse_error, std::string("not valid XML: ") + parsed.description(), std::string(file_name),
                 utf8::line_of(content, at), ""};
  }
  pugi::xml_node root = document.child("iati-activities");
  if (!root) {
    return Error{ErrorCode::parse_error, "not an IATI activity file (the root element is not <iati-activities>)",
                 std::string(file_name), 0, ""};
  }
  std::vector<IatiActivity> out;
  for (pugi::xml_node activity : root.children("iati-activity")) {
    std::size_t at = std::min<std::size_t>(static_cast<std::size_t>(activity.offset_debug()), content.size());
    out.push_back({activity_fields(activity), utf8::line_of(content, at)});
  }
  return out;
}

}  // namespace corpus
