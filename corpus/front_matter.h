#pragma once
// Front matter: the YAML block between "---" lines at the top of a Markdown file. Parsed with
// yaml-cpp (kept out of this header) into a JSON object, with the file line of each top-level
// field so validation errors can point at it.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "corpus/result.h"

namespace corpus {

struct FrontMatter {
  bool present = false;     // the file starts with a front matter block
  nlohmann::json fields;    // the block as a JSON object
  std::string_view body;    // what follows the closing delimiter
  int first_line = 0;       // file line of the block's first field line
  int body_line = 0;        // file line where the body starts
  std::map<std::string, int, std::less<>> field_lines;
};

// Splits and parses. Errors (YAML syntax, a block that is not a mapping, no closing delimiter)
// name the file and line.
Result<FrontMatter> parse_front_matter(std::string_view file_name, std::string_view content);

}  // namespace corpus
