// What a Latin letter with diacritics is in ASCII (for BibTeX keys) and in
// LaTeX (for classic bibtex), and a code point decoder that never fails.
// Stateless; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace citex::latin {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[pos] and moves pos past it. An invalid,
// overlong or truncated sequence yields U+FFFD and moves one byte, so every
// byte of the input is looked at and nothing is dropped silently.
// REQUIRES: pos < s.size().
char32_t NextCodePoint(std::string_view s, size_t& pos);

struct Letter {
  char32_t cp;
  const char* ascii;  // folded for keys: "ö" -> "oe", "ç" -> "c", "ß" -> "ss"
  const char* latex;  // "{\"o}", "{\c{c}}"; nullptr when plain LaTeX has none
};

// Replaces LaTeX accent and letter macros with the letters they stand for,
// as arXiv metadata writes names and titles: "Bal\\'azs" -> "Balázs",
// "{\\O}bro" -> "Øbro", "\\v{S}r\\'amek" -> "Šrámek", "Gr\\"obner" -> "Gröbner".
// Everything else (math, unknown macros, a lone backslash) is left as it is.
std::string DecodeLatexAccents(std::string_view text);

// The table entry for a Latin letter with diacritics (Latin-1, Extended-A/B,
// Extended Additional) or a typographic mark; nullptr for anything else.
const Letter* FindLetter(char32_t cp);

}  // namespace citex::latin
