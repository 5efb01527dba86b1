// Numeric bracket callouts: [1], [2-4], [1, 3, 5].
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/passes/citations/citation_patterns.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

namespace cp = citation_patterns;

const RE2& NumericBracketRe() {
  static const Pattern re(cp::kNumericBracket);
  return re.get();
}
const RE2& NumberOrRangeRe() {
  static const Pattern re(cp::kNumberOrRange);
  return re.get();
}

// True when the bracket at text[open] reads as an index or a mathematical
// interval rather than a reference list: preceded directly by a letter, digit,
// "_" or ")" (x[1], f(x)[2]); followed directly by "^", "_" or "(" ([0,1]^d);
// after ":" or "=" ('epochs': [50, 100, 200]); or holding exactly two items
// after "in", "within", "∈" or "\in" (x in [1, 2]), while "as in [1]" stays
// a citation.
bool LooksMathematical(std::string_view text, size_t open, size_t close, size_t items) {
  if (open > 0) {
    char p = text[open - 1];
    if (IsAsciiUpper(p) || IsAsciiLower(p) || IsAsciiDigit(p) || p == '_' || p == ')') {
      return true;
    }
  }
  if (close + 1 < text.size()) {
    char n = text[close + 1];
    if (n == '^' || n == '_' || n == '(') return true;
  }
  size_t lo = open > 24 ? open - 24 : 0;
  std::string_view before = text.substr(lo, open - lo);
  while (!before.empty() && IsWhitespace(before.back())) before.remove_suffix(1);
  // A value in code or a formula: 'epochs': [50, 100, 200], x = [1, 2, 3].
  if (!before.empty() && (before.back() == ':' || before.back() == '=')) {
    return true;
  }
  if (items != 2) return false;
  if (EndsWith(before, "∈") || EndsWith(before, "\\in")) return true;
  // "x in [1, 2]": "in"/"within" after a one-letter variable (or a formula
  // ending in "$" or ")"); "as proposed in [3, 4]" stays a citation.
  for (std::string_view w : {"in", "within"}) {
    if (!EndsWith(before, w)) continue;
    size_t at = before.size() - w.size();
    if (at > 0 && (IsAsciiLower(before[at - 1]) || IsAsciiUpper(before[at - 1]))) {
      continue;  // the end of a longer word ("protein")
    }
    std::string_view prev = before.substr(0, at);
    while (!prev.empty() && IsWhitespace(prev.back())) prev.remove_suffix(1);
    if (prev.empty()) return false;
    char last = prev.back();
    if (last == '$' || last == ')') return true;
    bool one_letter =
        (IsAsciiLower(last) || IsAsciiUpper(last)) &&
        (prev.size() == 1 || IsWhitespace(prev[prev.size() - 2]) || prev[prev.size() - 2] == '(');
    return one_letter;
  }
  return false;
}

}  // namespace

void FindNumeric(std::string_view text, std::vector<Callout>* out) {
  StringPiece rest(text.data(), text.size());
  StringPiece content;
  constexpr long kMaxRef = 999;
  constexpr long kMaxRange = 50;
  while (!Full(*out) && RE2::FindAndConsume(&rest, NumericBracketRe(), &content)) {
    size_t close = Offset(text, rest) - 1;
    size_t open = text.rfind('[', Offset(text, content));
    if (open == std::string_view::npos) continue;
    // Parse "a, b-c, d"; every piece must be a number or an ascending range.
    std::vector<Citation> recs;
    bool ok = true;
    StringPiece items = content;
    StringPiece lo_s, hi_s;
    size_t consumed_end = Offset(text, content);
    long last = 0;
    size_t pieces = 0;
    auto tail_is_close = [&](size_t at) {
      std::string_view t = text.substr(at, close - at);
      return t.find_first_not_of(" \t\n") == std::string_view::npos;
    };
    while (ok && RE2::FindAndConsume(&items, NumberOrRangeRe(), &lo_s, &hi_s)) {
      size_t s = Offset(text, lo_s);
      // Only separators between pieces: spaces and one comma.
      std::string_view gap = text.substr(consumed_end, s - consumed_end);
      size_t commas = std::count(gap.begin(), gap.end(), ',');
      bool gap_ok =
          recs.empty() ? gap.find_first_not_of(" \t\n") == std::string_view::npos : commas == 1;
      // No leading zeros ([001]); no lone Miller index ([100], [110], [111]).
      bool leading_zero = lo_s[0] == '0' || (!hi_s.empty() && hi_s[0] == '0');
      bool miller =
          recs.empty() && hi_s.empty() && lo_s.size() == 3 &&
          std::string_view(lo_s.data(), 3).find_first_not_of("01") == std::string_view::npos;
      if (!gap_ok || lo_s.size() > 3 || hi_s.size() > 3 || leading_zero ||
          (miller && tail_is_close(Offset(text, lo_s) + 3))) {
        ok = false;
        break;
      }
      long lo = std::stol(std::string(lo_s.data(), lo_s.size()));
      long hi = hi_s.empty() ? lo : std::stol(std::string(hi_s.data(), hi_s.size()));
      size_t e = hi_s.empty() ? s + lo_s.size() : Offset(text, hi_s) + hi_s.size();
      consumed_end = e;
      // Numbers ascend through the list: [10, 2] is not a reference list.
      if (lo < 1 || hi > kMaxRef || hi < lo || hi - lo > kMaxRange || lo <= last) {
        ok = false;
        break;
      }
      last = hi;
      ++pieces;
      for (long n = lo; n <= hi; ++n) {
        Citation c = MakeRecord(text, s, e, CitationKind::kNumeric);
        c.id = std::to_string(n);
        recs.push_back(std::move(c));
      }
    }
    if (!ok || recs.empty()) continue;
    if (LooksMathematical(text, open, close, pieces)) continue;
    // Nothing but spaces may follow the last piece.
    std::string_view tail =
        text.substr(consumed_end, Offset(text, content) + content.size() - consumed_end);
    if (tail.find_first_not_of(" \t\n") != std::string_view::npos) continue;
    Callout callout;
    callout.start = open;
    callout.end = close + 1;
    callout.priority = 4;
    callout.records = std::move(recs);
    out->push_back(std::move(callout));
  }
}

}  // namespace citex::citation_internal
