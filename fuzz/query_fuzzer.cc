// libFuzzer target for the query language: the query parser with its filters, run by the real
// Searcher over the bundled collection (the query builder, the thesaurus expansion, the query's
// translation by Apertium's dictionaries, the proximity pairs, did-you-mean, facets and
// snippets), and the same text as a completion prefix and as a proposal. Input lines: the query;
// the language; then filters as NAME=VALUE (any filter name, plus from=YEAR and to=YEAR),
// "facets=", "page=", "sort=", "translate=false" and "prefer_lang=true".
// A query may be refused with invalid_argument or parse_error; anything else that fails, or a
// crash, is a finding.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <optional>
#include <string_view>

#include "fuzz/fuzz_index.h"
#include "ranking/searcher.h"

namespace {

ranking::Searcher& searcher() {
  static ranking::Searcher instance = [] {
    auto opened = ranking::Searcher::open(fuzz::collection_index());
    if (!opened) std::abort();
    return std::move(*opened);
  }();
  return instance;
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Only refusals of the input itself are expected; the message is checked to be non-empty.
void check(const corpus::Error& error, std::string_view what) {
  if ((error.code == corpus::ErrorCode::invalid_argument || error.code == corpus::ErrorCode::parse_error ||
       error.code == corpus::ErrorCode::not_found) && !error.message.empty())
    return;
  std::fprintf(stderr, "%.*s failed: %s\n", static_cast<int>(what.size()), what.data(), error.to_string().c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  searcher();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ranking::SearchRequest request;
  std::size_t line = 0;
  while (!input.empty()) {
    std::size_t end = input.find('\n');
    std::string_view text = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    if (line == 0) request.query = std::string(text);
    else if (line == 1) request.language = std::string(text);
    else if (std::size_t equals = text.find('='); equals != std::string_view::npos) {
      std::string_view name = text.substr(0, equals), value = text.substr(equals + 1);
      if (name == "from") request.filters.year_from = number(value);
      else if (name == "to") request.filters.year_to = number(value);
      else if (name == "facets") request.facets.emplace_back(value);
      else if (name == "page") request.page = static_cast<std::size_t>(number(value).value_or(1));
      else if (name == "sort") request.sort = value == "newest" ? ranking::SortOrder::newest : ranking::SortOrder::oldest;
      else if (name == "translate") request.translate = value != "false";
      else if (name == "prefer_lang") request.prefer_language = value == "true";
      else request.filters.values[std::string(name)].emplace_back(value);
    }
    ++line;
  }
  if (request.page == 0 || request.page > 1000) request.page = 1;

  auto response = searcher().search(request);
  if (!response) check(response.error(), "search");

  ranking::SuggestRequest prefix;
  prefix.query = request.query;
  auto completions = searcher().suggest(prefix);
  if (!completions) check(completions.error(), "suggest");

  ranking::SimilarRequest proposal;
  proposal.text = request.query;
  proposal.language = request.language;
  proposal.filters = request.filters;
  auto similar = searcher().similar(proposal);
  if (!similar) check(similar.error(), "similar");
  return 0;
}
