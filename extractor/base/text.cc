#include "extractor/base/text.h"

#include <re2/re2.h>

namespace citex {

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// New-style arXiv ids, YYMM.NNNN(N) with an optional version.
// Matches: "2212.11867", "0704.0001v2". Rejects: "1234", "2212.1".
constexpr char kNewArxivIdPattern[] = R"((\d{2})(\d{2})\.\d{4,5}(?:v\d+)?)";
// Old-style ids, archive/YYMMNNN. Matches: "hep-th/9901001", "math.GT/0309136".
// Rejects: "hep-th/99".
constexpr char kOldArxivIdPattern[] = R"([a-z\-]+(?:\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}(?:v\d+)?)";

std::string YearFromArxivId(std::string_view id) {
  static const RE2 new_style(kNewArxivIdPattern);
  static const RE2 old_style(kOldArxivIdPattern);
  const re2::StringPiece input(id.data(), id.size());
  int yy = 0, mm = 0;
  if (!RE2::FullMatch(input, new_style, &yy, &mm) && !RE2::FullMatch(input, old_style, &yy, &mm)) {
    return "";
  }
  if (mm < 1 || mm > 12) return "";
  // arXiv began in 1991: two-digit years from 91 are 1900s.
  return std::to_string(yy >= 91 ? 1900 + yy : 2000 + yy);
}

}  // namespace citex
