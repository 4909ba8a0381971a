#pragma once
// Near-duplicate detection: the same report ingested twice (as a PDF and as a web page, or
// re-published under another name). A record's text is summarised by a MinHash signature of its
// word 3-shingles (the Jaccard similarity of two shingle sets is estimated by the share of equal
// signature positions). Locality-sensitive hashing turns the signature into band terms, so the
// records that may be near-duplicates of a new one are found by a term lookup rather than by
// comparing against every record. No Xapian here: record_writes stores and looks up the results.

#include <string>
#include <string_view>
#include <vector>

namespace indexer {

// Estimated shingle similarity at which two records are the same text.
inline constexpr double kNearDuplicateSimilarity = 0.8;

// A record with fewer shingles than this gets no signature: a short text is too easily similar
// to another one by chance to call it a copy.
inline constexpr std::size_t kMinShingles = 40;

// The MinHash signature of folded texts (title, summary, body...) taken as one word sequence;
// empty when the text has fewer than kMinShingles shingles. A fixed-size binary string.
std::string text_signature(const std::vector<std::string_view>& folded_texts);

// The locality-sensitive band keys of a signature, one per band (ASCII, for terms): records
// whose similarity is at or above kNearDuplicateSimilarity share at least one key with a
// probability above 0.999.
std::vector<std::string> band_keys(std::string_view signature);

// Estimated Jaccard similarity of the shingle sets behind two signatures, 0..1; 0 when either is
// empty or they differ in size.
double signature_similarity(std::string_view a, std::string_view b);

}  // namespace indexer
