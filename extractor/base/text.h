// Small text helpers shared by the readers.
#pragma once

#include <string>
#include <string_view>

namespace citex {

// Space, tab, CR or LF: JSON's whitespace, and what line-wrapped text holds.
inline bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Also form feed and vertical tab: what C's isspace() calls space, minus
// its locale.
inline bool IsWhitespace(char c) {
  // One test for the six: tab to carriage return (9-13) and space (32).
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' && ((0x100003E00ull >> u) & 1) != 0;
}

inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `s` with ASCII capitals lowered; other bytes unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Runs of ASCII whitespace (arXiv's hard wraps: "and\n  LHC") become one
// space; leading and trailing whitespace is dropped.
std::string CollapseWhitespace(std::string_view text);
// The same written over `out`, which keeps its buffer.
void CollapseWhitespaceInto(std::string_view text, std::string& out);

}  // namespace citex
