#pragma once
// The ranking choices in one place: how much each field of a record counts (applied when the
// record is indexed, so a change needs a re-index), Xapian's BM25 parameters, and how much the
// query's other-language analyses and the thesaurus's terms weigh. The defaults were chosen by
// tools/eval over English, Spanish, French and Portuguese test sets together, never one alone.
// Plain values: no Xapian here.

namespace indexer {

struct RelevanceConfig {
  // Index time: each word's within-document frequency counts this many times per occurrence in
  // the field (BM25 saturates frequencies, so this lifts records that are *about* a word above
  // records that mention it).
  unsigned title_weight = 5;
  unsigned summary_weight = 2;
  unsigned lesson_weight = 2;
  unsigned body_weight = 1;

  // Query time: Xapian::BM25Weight's k1 (frequency saturation), b (length normalisation) and
  // min_normlen; k2 = 0 and k3 = 1 as Xapian's defaults.
  double bm25_k1 = 1.0;
  double bm25_b = 0.5;
  double bm25_min_normlen = 0.5;

  // Queries leave out the function words of the language they are analysed in
  // (indexer/stop_words.h), except in phrases and when nothing else is left.
  bool stop_words = true;

  // A query analysed in a language other than the one given or detected counts for this much:
  // those analyses still find records (detection on a few words is often wrong), but a
  // language with rarer stems must not outrank the query's own language.
  double other_language_weight = 0.5;

  // Thesaurus terms added to a query count for this much of the query's own words, so records
  // in the query's words rank above records found through a translation or a synonym.
  double expansion_weight = 0.3;

  // A query translated into another of the collection's languages (indexer/query_translator.h)
  // is searched as its own analysis, counting for this much: 1 ranks a record that answers in
  // another language beside one in the query's own.
  double translation_weight = 1.0;

  // Each pair of neighbouring query words (function words left out) also counts when both stand
  // within this many words of each other in a record, scaled by this weight: a record where the
  // words of a question meet ranks above one that holds them apart. 0 turns it off.
  double proximity_weight = 0.2;
  unsigned proximity_window = 16;

  // The query's words as written (function words left out) count again, scaled by this weight:
  // a record that uses the query's own word ranks above one that only shares its stem
  // ("mining" over "mine"). 0 turns it off.
  double exact_word_weight = 0.2;

  // A record about a country the query names (in any of the four languages) gets this much
  // weight added (BM25's scale): a strong preference, not a filter. 0 turns it off.
  double country_weight = 8.0;
  // ...and a record whose title the query names (its head, an acronym, a name in brackets:
  // indexer/title_names.h) gets this much: a query naming a programme finds it first.
  double name_weight = 8.0;
};

}  // namespace indexer
