#pragma once
// The one record a page, PDF or Word fixture holds, for the reader tests: a failure is recorded
// (no file error, exactly one record, and that record valid) and an empty Document returned.

#include <filesystem>

#include <gtest/gtest.h>

#include "corpus/reader.h"

namespace corpus {

inline Document read_one(const std::filesystem::path& file) {
  ReadResult read = read_file(file);
  EXPECT_FALSE(read.file_error.has_value()) << read.file_error->to_string();
  EXPECT_EQ(read.records.size(), 1u) << file;
  if (read.records.empty() || !read.records[0]) {
    if (!read.records.empty()) ADD_FAILURE() << read.records[0].error().to_string();
    return Document{};
  }
  return read.records[0].value();
}

}  // namespace corpus
