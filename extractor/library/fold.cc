// Folding names, titles and years so that a library and a text compare
// equal however each writes accents, braces, particles and case.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/base/latin.h"
#include "extractor/base/text.h"
#include "extractor/library/library.h"

namespace citex {
namespace {

// Particles dropped from the front of a surname: "van der Maaten" is cited
// as "van der Maaten", "Van der Maaten" or "Maaten", and filed under any.
bool IsParticle(std::string_view folded) {
  static constexpr std::array<std::string_view, 17> kParticles = {
      "van", "von", "de", "der", "den", "del", "della", "di",    "da",
      "du",  "le",  "la", "dos", "das", "ten", "ter",   "vander"};
  for (std::string_view p : kParticles) {
    if (folded == p) return true;
  }
  return false;
}

// Appends the folded form of one code point: ASCII letters lower-cased,
// digits kept, Latin letters with diacritics as their base letters (an
// umlaut without its "e": "ü" -> "u", as most texts write "Muller").
void AppendFolded(char32_t cp, std::string* out) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
    out->push_back(static_cast<char>(cp));
  } else if (cp >= 'A' && cp <= 'Z') {
    out->push_back(static_cast<char>(cp - 'A' + 'a'));
  } else if (const latin::Letter* letter = latin::FindLetter(cp)) {
    const std::string_view ascii = letter->ascii;
    const bool umlaut = letter->latex != nullptr &&
                        std::string_view(letter->latex).find("\\\"") != std::string_view::npos;
    for (char c : umlaut ? ascii.substr(0, 1) : ascii) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out->push_back(c);
    }
  }
}

}  // namespace

std::string PlainText(std::string_view tex) {
  const std::string decoded = latin::DecodeLatexAccents(tex);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < decoded.size(); ++i) {
    const char c = decoded[i];
    if (c == '{' || c == '}') continue;
    if (c == '\\') {
      // An unknown command: its name is kept as a word ("\LaTeX" -> "LaTeX").
      continue;
    }
    if (IsWhitespace(c) || c == '~') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string FoldName(std::string_view text) {
  const std::string plain = PlainText(text);
  std::string out;
  size_t pos = 0;
  while (pos < plain.size()) AppendFolded(latin::NextCodePoint(plain, pos), &out);
  return out;
}

std::vector<std::string> FoldWords(std::string_view text) {
  const std::string plain = PlainText(text);
  std::vector<std::string> words;
  std::string word;
  size_t pos = 0;
  while (pos < plain.size()) {
    const size_t before = word.size();
    const char32_t cp = latin::NextCodePoint(plain, pos);
    AppendFolded(cp, &word);
    // Anything that folds to nothing (space, "-", ":") ends a word.
    if (word.size() == before && !word.empty() && cp != '\'' && cp != U'’') {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string FoldSurname(std::string_view surname) {
  const std::string plain = PlainText(surname);
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start < plain.size()) {
    size_t end = plain.find(' ', start);
    if (end == std::string::npos) end = plain.size();
    std::string folded = FoldName(plain.substr(start, end - start));
    if (!folded.empty()) tokens.push_back(std::move(folded));
    start = end + 1;
  }
  size_t first = 0;
  while (first + 1 < tokens.size() && IsParticle(tokens[first])) ++first;
  std::string out;
  for (size_t i = first; i < tokens.size(); ++i) out += tokens[i];
  return out;
}

std::string FirstYear(std::string_view text, char* suffix) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    const bool lead = (text[i] == '1' && text[i + 1] >= '6' && text[i + 1] <= '9') ||
                      (text[i] == '2' && text[i + 1] == '0');
    if (!lead || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) continue;
    if (text[i + 2] < '0' || text[i + 2] > '9' || text[i + 3] < '0' || text[i + 3] > '9') continue;
    if (i + 4 < text.size() && text[i + 4] >= '0' && text[i + 4] <= '9') continue;
    if (suffix != nullptr) {
      const bool letter =
          i + 4 < text.size() && text[i + 4] >= 'a' && text[i + 4] <= 'z' &&
          (i + 5 == text.size() || !((text[i + 5] | 0x20) >= 'a' && (text[i + 5] | 0x20) <= 'z'));
      *suffix = letter ? text[i + 4] : 0;
    }
    return std::string(text.substr(i, 4));
  }
  if (suffix != nullptr) *suffix = 0;
  return {};
}

}  // namespace citex
