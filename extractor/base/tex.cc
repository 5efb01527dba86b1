#include "extractor/base/tex.h"

#include "extractor/base/latin.h"

namespace citex::tex {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr std::string_view kEnsuremath = "\\ensuremath{";

// Looks for `closer` from `pos`, skipping macros (so "\$" closes nothing).
// Returns where the closer starts, or npos. Sets `*balanced` to whether the
// braces from `pos` to there balance and never close more than they open.
size_t FindCloser(std::string_view text, size_t pos, std::string_view closer, bool* balanced) {
  int depth = 0;
  bool ok = true;
  while (pos < text.size()) {
    if (text.compare(pos, closer.size(), closer) == 0) {
      *balanced = ok && depth == 0;
      return pos;
    }
    const char c = text[pos];
    if (c == '\\') {
      // "\{" and "\}" count as braces to bibtex.
      if (pos + 1 < text.size() && (text[pos + 1] == '{' || text[pos + 1] == '}')) {
        depth += text[pos + 1] == '{' ? 1 : -1;
        ok = ok && depth >= 0;
      }
      pos += MacroLength(text, pos);
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && --depth < 0) ok = false;
    ++pos;
  }
  *balanced = false;
  return std::string_view::npos;
}

// The end of the group opened at text[open] ('{'), past its '}'; npos when
// it never closes.
size_t GroupEnd(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t pos = open; pos < text.size(); ++pos) {
    if (text[pos] == '{') ++depth;
    if (text[pos] == '}' && --depth == 0) return pos + 1;
  }
  return std::string_view::npos;
}

}  // namespace

size_t MacroLength(std::string_view text, size_t pos) {
  if (pos + 1 >= text.size()) return 1;
  if (!IsLetter(text[pos + 1])) return 2;
  size_t end = pos + 1;
  while (end < text.size() && IsLetter(text[end])) ++end;
  return end - pos;
}

std::vector<Span> MathSpans(std::string_view text) {
  std::vector<Span> spans;
  // Once a delimiter has no closer, later openers of that kind have none
  // either: no second search, so hostile text stays linear.
  enum { kInline, kDisplay, kParen, kBracket, kEnsure };
  bool no_closer[5] = {};
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '$') {
      const bool display = pos + 1 < text.size() && text[pos + 1] == '$' && !no_closer[kDisplay];
      // A lone $ when no $ follows, or when "$$" closes no display math.
      const bool doubled = pos + 1 < text.size() && text[pos + 1] == '$';
      if (!display && (no_closer[kInline] || doubled)) {
        ++pos;
        continue;
      }
      const std::string_view delimiter = display ? "$$" : "$";
      bool balanced = false;
      const size_t close = FindCloser(text, pos + delimiter.size(), delimiter, &balanced);
      if (close == std::string_view::npos) {
        no_closer[display ? kDisplay : kInline] = true;
        if (!display) ++pos;
        continue;
      }
      if (balanced) {
        spans.push_back({pos, close + delimiter.size()});
        pos = close + delimiter.size();
      } else {
        pos = close;  // its partner may open the next span
      }
      continue;
    }
    if (c != '\\') {
      ++pos;
      continue;
    }
    const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
    const int kind = next == '(' ? kParen : kBracket;
    if ((next == '(' || next == '[') && !no_closer[kind]) {
      const std::string_view closer = next == '(' ? "\\)" : "\\]";
      bool balanced = false;
      const size_t close = FindCloser(text, pos + 2, closer, &balanced);
      if (close == std::string_view::npos) {
        no_closer[kind] = true;
      } else if (balanced) {
        spans.push_back({pos, close + 2});
        pos = close + 2;
        continue;
      } else {
        pos = close;
        continue;
      }
    } else if (text.compare(pos, kEnsuremath.size(), kEnsuremath) == 0 && !no_closer[kEnsure]) {
      const size_t end = GroupEnd(text, pos + kEnsuremath.size() - 1);
      if (end != std::string_view::npos) {
        spans.push_back({pos, end});
        pos = end;
        continue;
      }
      no_closer[kEnsure] = true;
    }
    pos += MacroLength(text, pos);
  }
  return spans;
}

std::string DecodeAccentsOutsideMath(std::string_view text) {
  std::string out(text);
  DecodeAccentsOutsideMathIn(out);
  return out;
}

void DecodeAccentsOutsideMathIn(std::string& decoded) {
  // Only a backslash starts an accent: text without one stays as it is.
  if (decoded.find('\\') == std::string::npos) return;
  const std::string_view text(decoded);
  std::string out;
  size_t done = 0;
  for (const Span& math : MathSpans(text)) {
    out += latin::DecodeLatexAccents(text.substr(done, math.start - done));
    out.append(text.substr(math.start, math.end - math.start));
    done = math.end;
  }
  out += latin::DecodeLatexAccents(text.substr(done));
  decoded = std::move(out);
}

}  // namespace citex::tex
