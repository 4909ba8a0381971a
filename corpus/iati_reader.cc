#include "corpus/iati_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

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

// The region of an OECD DAC region code (the IATI Region vocabulary 1, the default), for the codes
// that lie within one of ours; "" for the others ("998", developing countries unspecified).
std::string_view region_of_dac_region(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kRegions[] = {
      {"88", "europe"},    {"89", "europe"},     {"189", "africa"},   {"289", "africa"},
      {"298", "africa"},   {"1027", "africa"},   {"1028", "africa"},  {"1029", "africa"},
      {"1030", "africa"},  {"380", "americas"},  {"389", "americas"}, {"489", "americas"},
      {"498", "americas"}, {"1031", "americas"}, {"1032", "americas"}, {"589", "asia"},
      {"619", "asia"},     {"679", "asia"},      {"689", "asia"},     {"789", "asia"},
      {"798", "asia"},     {"889", "oceania"},   {"1033", "oceania"}, {"1034", "oceania"},
      {"1035", "oceania"},
  };
  for (const auto& [dac, region] : kRegions)
    if (code == dac) return region;
  return "";
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// The activity and its transactions: the standard lets a publisher give recipient countries,
// regions and sectors at either level (the US government gives them per transaction).
std::vector<pugi::xml_node> activity_and_transactions(const pugi::xml_node& activity) {
  std::vector<pugi::xml_node> out{activity};
  for (pugi::xml_node transaction : activity.children("transaction")) out.push_back(transaction);
  return out;
}

// The activity's description narratives, summary first, then the body: other descriptions,
// results, the title and descriptions in the activity's other languages, related activities.
void put_texts(const pugi::xml_node& activity, const std::string& language, const std::string& title, nlohmann::json& fields) {
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
}

// Participating organisations by role (1 funding: donors; the others: organisations), the
// reporting organisation (also the publisher) and the organisations transactions pay.
void put_organisations(const pugi::xml_node& activity, const std::string& language, nlohmann::json& fields) {
  std::vector<std::string> organisations, donors;
  auto name_of = [&](const pugi::xml_node& org) {
    std::string name = narrative(org, language);
    return name.empty() ? utf8::collapse_spaces(org.attribute("ref").value()) : name;
  };
  for (pugi::xml_node org : activity.children("participating-org")) {
    add_unique(std::string_view(org.attribute("role").value()) == "1" ? donors : organisations, name_of(org));
  }
  std::string publisher = name_of(activity.child("reporting-org"));
  if (!publisher.empty()) fields["publisher"] = publisher;
  add_unique(organisations, publisher);
  for (pugi::xml_node transaction : activity.children("transaction")) add_unique(organisations, name_of(transaction.child("receiver-org")));
  if (!organisations.empty()) fields["organisations"] = organisations;
  if (!donors.empty()) fields["donors"] = donors;
}

// Recipient countries and regions, and the themes of sectors, of the activity and its transactions.
void put_places_and_themes(const pugi::xml_node& activity, nlohmann::json& fields) {
  std::vector<std::string> countries, regions, themes;
  for (const pugi::xml_node& level : activity_and_transactions(activity)) {
    for (pugi::xml_node country : level.children("recipient-country")) {
      std::string code = utf8::collapse_spaces(country.attribute("code").value());
      std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
      if (vocabulary::is_country_code(code)) add_unique(countries, code);
    }
    for (pugi::xml_node region : level.children("recipient-region")) {
      std::string_view vocabulary = region.attribute("vocabulary").value();
      if (!vocabulary.empty() && vocabulary != "1") continue;  // UN M49 or a publisher's own list
      add_unique(regions, std::string(region_of_dac_region(utf8::collapse_spaces(region.attribute("code").value()))));
    }
    for (pugi::xml_node sector : level.children("sector")) {
      std::string_view vocabulary = sector.attribute("vocabulary").value();
      if (!vocabulary.empty() && vocabulary != "1" && vocabulary != "2") continue;  // another code list
      add_unique(themes, std::string(theme_of_sector(utf8::collapse_spaces(sector.attribute("code").value()))));
    }
  }
  if (!countries.empty()) fields["countries"] = countries;
  if (!regions.empty()) fields["regions"] = regions;
  if (!themes.empty()) fields["themes"] = themes;
}

// The first web address of the activity's documents, else its website.
std::string source_url_of(const pugi::xml_node& activity) {
  for (pugi::xml_node link : activity.children("document-link")) {
    std::string url = utf8::collapse_spaces(link.attribute("url").value());
    if (url.starts_with("http://") || url.starts_with("https://")) return url;
  }
  for (pugi::xml_node website : activity.children("activity-website")) {
    std::string url = utf8::collapse_spaces(website.child_value());
    if (url.starts_with("http://") || url.starts_with("https://")) return url;
  }
  return "";
}

nlohmann::json activity_fields(const pugi::xml_node& activity) {
  nlohmann::json fields = nlohmann::json::object();
  std::string language = activity.attribute("xml:lang").value();
  std::string identifier = utf8::collapse_spaces(activity.child_value("iati-identifier"));
  fields["id"] = record_id(identifier);
  if (!identifier.empty()) fields["iati_identifier"] = identifier;
  fields["type"] = "initiative";
  if (vocabulary::is_language_code(language)) fields["language"] = language;
  std::string title = narrative(activity.child("title"), language);
  if (!title.empty()) fields["title"] = title;
  put_texts(activity, language, title, fields);
  put_organisations(activity, language, fields);
  put_places_and_themes(activity, fields);

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
  std::string url = source_url_of(activity);
  if (!url.empty()) fields["source_url"] = url;
  return fields;
}

// The words of a text, lower case (ASCII letters and digits, and any byte of a multi-byte
// character), so spacing, case and punctuation do not tell two copies apart.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) word += static_cast<char>(std::tolower(byte));
    else if (!word.empty()) out.push_back(std::exchange(word, {}));
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// What tells that two activities of one file are one project.
struct ProjectKeys {
  std::string publisher_ref;                  // reporting-org/@ref
  std::vector<std::string> title;              // the title's words
  std::vector<std::string> description;        // the descriptions' words
  std::vector<std::string> parents_children;   // related-activity refs of types 1 (parent) and 2 (child)
  std::string identifier;
};

ProjectKeys project_keys(const pugi::xml_node& activity, const nlohmann::json& fields) {
  ProjectKeys keys;
  keys.publisher_ref = utf8::collapse_spaces(activity.child("reporting-org").attribute("ref").value());
  keys.title = words_of(fields.value("title", ""));
  std::string language = activity.attribute("xml:lang").value();
  std::string description;
  for (pugi::xml_node element : activity.children("description")) description += narrative(element, language) + " ";
  keys.description = words_of(description);
  for (pugi::xml_node related : activity.children("related-activity")) {
    std::string_view type = related.attribute("type").value();
    if (type == "1" || type == "2") keys.parents_children.push_back(utf8::collapse_spaces(related.attribute("ref").value()));
  }
  keys.identifier = utf8::collapse_spaces(activity.child_value("iati-identifier"));
  return keys;
}

// Whether the longer word list has at least a third of the shorter one's distinct words (in
// whole numbers: a third exactly, 3 of 9, counts).
bool shares_a_third(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  std::set<std::string_view> in_longer(longer.begin(), longer.end());
  std::set<std::string_view> distinct(shorter.begin(), shorter.end());
  std::size_t shared = std::count_if(distinct.begin(), distinct.end(), [&](std::string_view w) { return in_longer.contains(w); });
  return !distinct.empty() && 3 * shared >= distinct.size();
}

// Activities of one publisher in one file are one project, each the report of one award,
// modification or sub-award, when (a) their descriptions have the same words, at least
// kMinSameDescriptionWords of them; or (b) their titles have the same words, at least
// kMinSameTitleWords (shorter titles are labels such as "USAID-Gabon", which the Department of
// the Interior gives two different awards), and their descriptions share at least a third of the
// shorter one's words (or one has none). (c) An activity and its
// parent or child (related-activity types 1 and 2) in the same file are one project whoever
// publishes them.
constexpr std::size_t kMinSameDescriptionWords = 5;
constexpr std::size_t kMinSameTitleWords = 4;

std::string joined(const std::string& publisher, const std::vector<std::string>& words) {
  std::string out = publisher;
  for (const auto& word : words) out += '\x1f' + word;
  return out;
}

// Each group of activities that are one project: its members after the first (in file order)
// get part_of, the first's id.
void link_parts(std::vector<IatiActivity>& activities, const std::vector<ProjectKeys>& keys) {
  std::vector<std::size_t> parent(activities.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto first_of = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto unite = [&](std::size_t a, std::size_t b) {
    a = first_of(a), b = first_of(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  std::map<std::string, std::size_t> by_description, by_identifier;
  std::map<std::string, std::vector<std::size_t>> by_title;
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const ProjectKeys& key = keys[i];
    if (!key.identifier.empty()) by_identifier.emplace(key.identifier, i);
    if (key.publisher_ref.empty()) continue;
    if (key.description.size() >= kMinSameDescriptionWords) {
      auto [it, added] = by_description.emplace(joined(key.publisher_ref, key.description), i);
      if (!added) unite(it->second, i);
    }
    if (key.title.size() >= kMinSameTitleWords) {
      auto& same_title = by_title[joined(key.publisher_ref, key.title)];
      for (std::size_t other : same_title) {
        const auto& description = keys[other].description;
        if (key.description.empty() || description.empty() || shares_a_third(key.description, description))
          unite(other, i);
      }
      same_title.push_back(i);
    }
  }
  for (std::size_t i = 0; i < activities.size(); ++i) {
    for (const auto& ref : keys[i].parents_children) {
      if (auto it = by_identifier.find(ref); it != by_identifier.end()) unite(it->second, i);
    }
  }
  for (std::size_t i = 0; i < activities.size(); ++i) {
    std::size_t first = first_of(i);
    if (first == i) continue;
    std::string head = activities[first].fields.value("id", "");
    if (!head.empty() && head != activities[i].fields.value("id", "")) activities[i].fields["part_of"] = head;
  }
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
  std::vector<ProjectKeys> keys;
  for (pugi::xml_node activity : root.children("iati-activity")) {
    std::size_t at = std::min<std::size_t>(static_cast<std::size_t>(activity.offset_debug()), content.size());
    out.push_back({activity_fields(activity), utf8::line_of(content, at)});
    keys.push_back(project_keys(activity, out.back().fields));
  }
  link_parts(out, keys);
  return out;
}

}  // namespace corpus
