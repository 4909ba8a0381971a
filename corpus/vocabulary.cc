#include "corpus/vocabulary.h"

#include <algorithm>
#include <array>

namespace corpus::vocabulary {
namespace {

constexpr std::array<std::string_view, 7> kDocumentTypes = {
    "initiative", "report", "toolkit", "case_study", "evaluation", "policy", "dataset"};

constexpr std::array<std::string_view, 5> kOutcomes = {
    "ongoing", "completed", "discontinued", "scaled_up", "unknown"};

constexpr std::array<std::string_view, 13> kThemes = {
    "mercury",     "formalization", "finance",     "gender",
    "child_labour", "environment",  "health",      "governance",
    "markets_traceability", "technology", "capacity_building", "land_rights",
    "conflict_minerals"};

// Why initiatives end or fall short; each value is documented in corpus/collection/README.md.
constexpr std::array<std::string_view, 14> kFailureReasons = {
    "funding_ended",       "no_government_buy_in", "too_localized",
    "short_pilot",         "no_market_access",     "low_miner_uptake",
    "conflict_insecurity", "high_compliance_costs", "weak_enforcement",
    "policy_instability",  "no_local_ownership",   "technology_mismatch",
    "coordination_failure", "community_resistance"};

constexpr std::array<std::string_view, 19> kCommodities = {
    "gold", "silver", "platinum", "copper", "cobalt", "tin", "tantalum",
    "tungsten", "niobium", "diamonds", "gemstones", "mica", "lithium", "lead",
    "zinc", "manganese", "chromite", "coal", "development_minerals"};

constexpr std::array<std::string_view, 3> kLessonKinds = {"worked", "failed", "recommendation"};

constexpr std::array<std::string_view, 5> kRegions = {"africa", "americas", "asia", "europe", "oceania"};

// Sorted, so that lookups are a binary search.
constexpr std::array<std::string_view, 249> kCountries = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"};

constexpr std::array<std::string_view, 184> kLanguages = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};

}  // namespace

std::span<const std::string_view> document_types() { return kDocumentTypes; }
std::span<const std::string_view> outcomes() { return kOutcomes; }
std::span<const std::string_view> themes() { return kThemes; }
std::span<const std::string_view> failure_reasons() { return kFailureReasons; }
std::span<const std::string_view> commodities() { return kCommodities; }
std::span<const std::string_view> lesson_kinds() { return kLessonKinds; }
std::span<const std::string_view> regions() { return kRegions; }

bool contains(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_country_code(std::string_view code) {
  return std::binary_search(kCountries.begin(), kCountries.end(), code);
}

bool is_language_code(std::string_view code) {
  return std::binary_search(kLanguages.begin(), kLanguages.end(), code);
}

}  // namespace corpus::vocabulary
