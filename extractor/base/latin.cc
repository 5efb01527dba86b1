#include "extractor/base/latin.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "extractor/base/utf8.h"

namespace citex::latin {

char32_t NextCodePoint(std::string_view s, size_t& pos) {
  size_t length = 1;
  const char32_t cp = DecodeUtf8(s, pos, &length);
  pos += length;
  return cp == kInvalidCodePoint ? kReplacement : cp;
}

namespace {

// Generated from Unicode's canonical decompositions: the base letters give
// the ASCII folding, a single accent gives the LaTeX macro.
constexpr Letter kLetters[] = {
#include "extractor/base/latin_letters.inc"
};

}  // namespace

const Letter* FindLetter(char32_t cp) {
  const auto it = std::lower_bound(std::begin(kLetters), std::end(kLetters), cp,
                                   [](const Letter& l, char32_t c) { return l.cp < c; });
  if (it == std::end(kLetters) || it->cp != cp) return nullptr;
  return &*it;
}

}  // namespace citex::latin

namespace citex::latin {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "{\\'a}" -> U+00E1: the table read backwards, for every letter with a macro.
const std::unordered_map<std::string, char32_t>& ByLatex() {
  static const auto* const by_latex = [] {
    auto* map = new std::unordered_map<std::string, char32_t>;
    for (const Letter& letter : kLetters) {
      if (letter.latex != nullptr && letter.latex[0] == '{') map->emplace(letter.latex, letter.cp);
    }
    map->emplace("{\\aa}", 0x00E5);  // the table spells these as a ring accent
    map->emplace("{\\AA}", 0x00C5);
    return map;
  }();
  return *by_latex;
}

// Reads the letter an accent applies to at s[p]: "a", "{a}", "\\i", "{\\i}".
// Returns the letter as the table spells it ("a", "\\i") and moves p past it.
std::string AccentBase(std::string_view s, size_t& p) {
  const auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  if (at(p) == '{') {
    if (IsAsciiLetter(at(p + 1)) && at(p + 2) == '}') {
      p += 3;
      return std::string(1, s[p - 2]);
    }
    if (at(p + 1) == '\\' && (at(p + 2) == 'i' || at(p + 2) == 'j') && at(p + 3) == '}') {
      p += 4;
      return std::string("\\") + s[p - 2];
    }
    return "";
  }
  if (at(p) == '\\' && (at(p + 1) == 'i' || at(p + 1) == 'j') && !IsAsciiLetter(at(p + 2))) {
    p += 2;
    return std::string("\\") + s[p - 1];
  }
  if (IsAsciiLetter(at(p))) return std::string(1, s[p++]);
  return "";
}

// Decodes the macro starting at the backslash s[pos]; returns 0 when it is
// not an accent or letter macro, else the letter, with `end` past the macro.
char32_t DecodeMacro(std::string_view s, size_t pos, size_t& end) {
  const auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  const char c = at(pos + 1);
  std::string latex;
  size_t p = pos + 2;
  static constexpr std::string_view kSymbolAccents = "`'^~\"=.";
  static constexpr std::string_view kLetterAccents = "crukvHdb";
  if (c != '\0' && kSymbolAccents.find(c) != std::string_view::npos) {
    std::string base = AccentBase(s, p);
    if (base.empty()) return 0;
    if (base == "i" || base == "j") base = "\\" + base;  // the table's dotless form
    latex = std::string("{\\") + c + base + "}";
  } else if (c != '\0' && kLetterAccents.find(c) != std::string_view::npos &&
             (at(p) == '{' || at(p) == ' ')) {
    while (at(p) == ' ') ++p;
    std::string base = AccentBase(s, p);
    if (base.empty()) return 0;
    latex = std::string("{\\") + c + "{" + base + "}}";
  } else {
    // A letter macro: \\ss, \\o, \\AE, ... ended by a non-letter; TeX drops
    // the space or "{}" after it.
    while (IsAsciiLetter(at(p))) ++p;
    latex = "{" + std::string(s.substr(pos, p - pos)) + "}";
    if (at(p) == '{' && at(p + 1) == '}') {
      p += 2;
    } else if (at(p) == ' ') {
      ++p;
    }
  }
  const auto it = ByLatex().find(latex);
  if (it == ByLatex().end()) return 0;
  end = p;
  return it->second;
}

// Table letters all lie in U+00A0..U+FFFF: two or three bytes.
void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  }
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

}  // namespace

std::string DecodeLatexAccents(std::string_view text) {
  if (text.find('\\') == std::string_view::npos) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = 0;
    char32_t cp = 0;
    // "{\\'a}" as one group: the braces go with the macro.
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '\\' &&
        (cp = DecodeMacro(text, i + 1, end)) != 0 && end < text.size() && text[end] == '}') {
      AppendUtf8(cp, out);
      i = end + 1;
    } else if (text[i] == '\\' && (cp = DecodeMacro(text, i, end)) != 0) {
      AppendUtf8(cp, out);
      i = end;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

}  // namespace citex::latin
