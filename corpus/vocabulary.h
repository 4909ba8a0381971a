#pragma once
// The closed lists of the document model: document types, outcomes, themes, failure reasons,
// commodities, lesson kinds, regions and ISO 3166-1 alpha-2 country codes. One place, so that the
// validator, the collection README, the API description and the facets agree. Immutable and
// thread-safe.

#include <span>
#include <string_view>

namespace corpus::vocabulary {

std::span<const std::string_view> document_types();
std::span<const std::string_view> outcomes();
std::span<const std::string_view> themes();
std::span<const std::string_view> failure_reasons();
std::span<const std::string_view> commodities();
std::span<const std::string_view> lesson_kinds();
// The world regions records are filtered and counted by (the continents of their countries).
std::span<const std::string_view> regions();

bool contains(std::span<const std::string_view> list, std::string_view value);

// ISO 3166-1 alpha-2, upper case, officially assigned codes.
bool is_country_code(std::string_view code);

// ISO 639-1 language code, lower case ("en", "es", ...).
bool is_language_code(std::string_view code);

}  // namespace corpus::vocabulary
