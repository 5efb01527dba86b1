// String helpers for tests and fuzz targets alike (no dependence on the
// built binary, unlike tests/support.h).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace citex::testing {

// How many times `needle` occurs in `haystack`, overlaps included.
inline size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// One parsed JSON value per line of JSON Lines output.
inline std::vector<nlohmann::json> ParseLines(const std::string& out) {
  std::vector<nlohmann::json> records;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  return records;
}

}  // namespace citex::testing
