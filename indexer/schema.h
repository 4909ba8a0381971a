#pragma once
// The index schema: every term prefix and value slot, in one place, following Xapian's
// conventions (xapian-omega/docs/termprefixes.rst): Q for the unique id, S for the title,
// L for the language, Z for stemmed terms, and X-prefixes of our own. Boolean (filter) terms hold
// folded, lower-case values, so no value needs Omega's ':' separator; no prefix is the start of
// another. Indexing and querying both read this header and nothing else about the layout.

#include <string>
#include <string_view>
#include <vector>

namespace indexer::schema {

// Bumped when the layout or the analysis changes; an index of another version is refused.
inline constexpr std::string_view kVersion = "9";
inline constexpr std::string_view kVersionKey = "precedent.schema";
// "1" when the index stores its records' title, summary and lessons machine-translated
// (indexer/record_translation.h): ingestion and API writes then translate every record they write.
inline constexpr std::string_view kTranslatedSummariesKey = "precedent.translated-summaries";

// Boolean terms.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kLanguage = "L";
inline constexpr std::string_view kType = "XK";
inline constexpr std::string_view kCountry = "XC";
inline constexpr std::string_view kRegion = "XR";
inline constexpr std::string_view kTheme = "XT";
inline constexpr std::string_view kCommodity = "XM";
inline constexpr std::string_view kOutcome = "XO";
inline constexpr std::string_view kFailureReason = "XF";
inline constexpr std::string_view kOrganisation = "XG";
inline constexpr std::string_view kDonor = "XD";
// The names a record's title gives it (indexer/title_names.h), folded, words joined by a space.
inline constexpr std::string_view kName = "XN";
// The places within its countries that a record's title or summary names
// (indexer/place_names.h): ISO 3166-2 codes, lower case ("pe-mdd").
inline constexpr std::string_view kPlace = "XS";
// The names an organisation's or a donor's name gives it, as title names give a record's
// ("agc" and "artisanal gold council" for "Artisanal Gold Council (AGC)"), folded: what a query
// naming one is matched against. The whole name stays in kOrganisation / kDonor for filters.
inline constexpr std::string_view kOrganisationName = "XA";
inline constexpr std::string_view kDonorName = "XB";
// The source file a record came from (see source_term()).
inline constexpr std::string_view kSource = "XP";
// Near-duplicates (indexer/near_duplicates.h): a record's locality-sensitive band keys, and, on
// every record of a group of near-duplicates, the group's first record's id.
inline constexpr std::string_view kNearDuplicateBand = "XH";
inline constexpr std::string_view kDuplicateGroup = "XU";
// On a record that translates another (corpus::Document::translation_of): the original's id. The
// two are put in one group, as near-duplicates are, so results show them once.
inline constexpr std::string_view kTranslationOf = "XV";
// On a record that is a part of another's initiative (corpus::Document::part_of: an award or
// sub-award a funder reports apart): that record's id. Grouped the same way.
inline constexpr std::string_view kPartOf = "XW";

// Lessons are searchable units of their own: each lesson is a Xapian document whose every term
// carries kLesson in front ("XLretort", "ZXLretort", "XLXTmercury"), so record queries never
// match a lesson and lesson queries never match a record. A lesson holds its text, its kind
// (kLesson + kLessonKind + kind), a copy of its record's filter terms, its record's year and
// facet values in lesson_slot()s, the link kLesson + kId + record id, and the record id in
// kParentSlot for collapsing results.
inline constexpr std::string_view kLesson = "XL";
inline constexpr std::string_view kLessonKind = "XJ";

// Free-text prefixes: the title's words also go under S, so `title:` searches can target them.
inline constexpr std::string_view kTitle = "S";
// Stemmed forms carry Xapian's Z in front of the field prefix ("Zmercuri", "ZSmercuri").
inline constexpr std::string_view kStemmed = "Z";

// Value slots.
enum Slot : unsigned {
  kStartYearSlot = 0,  // sortable_serialise(start_year), absent when unknown
  kEndYearSlot = 1,    // sortable_serialise(end year used for year filters), see DocumentBuilder
  kOutcomeSlot = 2,    // outcome string
  kTypeSlot = 3,       // type string
  kLanguageSlot = 4,   // language code used for analysis, empty if none
  kSourceHashSlot = 5, // content hash of the source file, for inspection (ingestion reads source_hash_key)
  // Facet slots: the field's values joined by kValueSeparator, counted by ranking's facet spy
  // (values are faster to read per match than term lists).
  kCountriesSlot = 6,
  kRegionsSlot = 7,
  kThemesSlot = 8,
  kCommoditiesSlot = 9,
  kFailureReasonsSlot = 10,
  kParentSlot = 11,  // lessons only: the id of the record the lesson belongs to
  // Records only: what the similar-initiatives recommender compares, in one value (one read per
  // candidate instead of one per slot): the ProfileField parts joined by kProfileSeparator.
  kProfileSlot = 12,
  kSignatureSlot = 13,  // records only: the text's MinHash signature, empty for short texts
  // Records only: in a group of near-duplicates, the id of the group's first record (the one the
  // others duplicate), on every member; empty for a record with no near-duplicate. Results
  // collapse on it, so a report ingested twice is shown once.
  kShownAsSlot = 14,
  // On every lesson and every member of a group of near-duplicates: the unit it counts in for
  // facets (its record, its group) with its facet values, so that stock Xapian match spies,
  // which remote shards run, count the unit once (indexer/facet_units.h).
  kFacetUnitSlot = 15,
};

enum ProfileField : unsigned {
  kProfileType,
  kProfileLanguage,
  kProfileStartYear,  // as in kStartYearSlot
  kProfileEndYear,    // as in kEndYearSlot
  kProfileCountries,  // as in kCountriesSlot, and so on
  kProfileRegions,
  kProfileThemes,
  kProfileCommodities,
  kProfileFields,
};
inline constexpr char kProfileSeparator = '\x1f';

// A lesson keeps its record's values for slots 0 to kFailureReasonsSlot in slots of its own, so
// the records' value streams (read for every facet count and year filter) hold records only.
inline constexpr unsigned kLessonSlotOffset = 32;
inline constexpr unsigned lesson_slot(unsigned record_slot) { return record_slot + kLessonSlotOffset; }

inline constexpr char kValueSeparator = '\n';

// The values of a multi-valued slot (joined by kValueSeparator), in order, empty ones left out.
std::vector<std::string> split_values(std::string_view joined);

// The Xapian term for a field value: prefix + value.
inline std::string term(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  return out;
}

// A record term as it appears on the record's lessons.
inline std::string lesson_term(std::string_view record_term) {
  std::string out(kLesson);
  out += record_term;
  return out;
}

// The term naming a record's source file; long paths are hashed to stay under Xapian's term
// length limit (the path itself is always in the stored data).
std::string source_term(std::string_view path);

// The metadata key holding the content hash of a source file whose records were all written, set
// in the same commit as its last record: a run interrupted in the middle of a file leaves the
// old hash (or none), so the next run reads the file again instead of taking it as indexed.
inline std::string source_hash_key(std::string_view source_term) {
  std::string out("precedent.source:");
  out += source_term;
  return out;
}

}  // namespace indexer::schema
