// libFuzzer target for every reader: the first byte picks the format (JSON, JSON Lines, Markdown
// with front matter, text, HTML, PDF, Word, IATI), the rest is the file. A reader may refuse any
// input with an Error; it must never crash, hang or read out of bounds (ASan).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr corpus::Format kFormats[] = {corpus::Format::json,     corpus::Format::json_lines,
                                                corpus::Format::markdown, corpus::Format::text,
                                                corpus::Format::html,     corpus::Format::pdf,
                                                corpus::Format::docx,     corpus::Format::iati};
  corpus::Format format = kFormats[data[0] % (sizeof kFormats / sizeof kFormats[0])];
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  corpus::read_records("fuzz-input", content, format);
  return 0;
}
