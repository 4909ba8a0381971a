#pragma once
// A proposal's profile from its text (infer_profile(), declared in ranking/similar_types.h, is
// defined beside this): the countries, themes and commodities it names, and the countries of
// places the collection knows. Xapian's header: included only by ranking's .cc files.

#include <string>
#include <vector>

#include <xapian.h>

namespace ranking {

// The countries of the places a text names that the collection knows: a capitalised word not at
// a sentence's start ("Puno", "Ilakaka", "Lundas") held by a few records, all about one country.
std::vector<std::string> countries_of_places(const std::string& text, const Xapian::Database& db);

}  // namespace ranking
