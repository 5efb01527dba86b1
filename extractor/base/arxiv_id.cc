#include "extractor/base/arxiv_id.h"

namespace citex {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsLower(c) || (c >= 'A' && c <= 'Z'); }

// Moves *i past `count` digits of `s`; false when they are not there.
bool SkipDigits(std::string_view s, size_t* i, size_t count) {
  for (size_t k = 0; k < count; ++k, ++*i) {
    if (*i >= s.size() || !IsDigit(s[*i])) return false;
  }
  return true;
}

// kArxivIdVersioned matched against the whole of `id`, by hand: every
// reader calls it once a paper, and RE2's FullMatch cost a tenth of
// decoding a record. The length of group 1 (the id), or 0 for no match.
size_t BareIdLength(std::string_view id) {
  size_t i = 0;
  if (!id.empty() && IsDigit(id[0])) {  // YYMM.NNNN or YYMM.NNNNN
    if (!SkipDigits(id, &i, 4) || i >= id.size() || id[i++] != '.' || !SkipDigits(id, &i, 4)) {
      return 0;
    }
    if (i < id.size() && IsDigit(id[i])) ++i;
  } else {  // archive[.SUBJECT]/YYMMNNN
    if (id.empty() || !IsLower(id[0])) return 0;
    while (i < id.size() && (IsLower(id[i]) || id[i] == '-')) ++i;
    if (i < id.size() && id[i] == '.') {
      if (i + 2 >= id.size() || !IsLetter(id[i + 1]) || !IsLetter(id[i + 2])) return 0;
      i += 3;
    }
    if (i >= id.size() || id[i++] != '/' || !SkipDigits(id, &i, 7)) return 0;
  }
  const size_t bare = i;
  if (i == id.size()) return bare;
  if (id[i++] != 'v' || !SkipDigits(id, &i, 1)) return 0;  // v\d+
  while (i < id.size() && IsDigit(id[i])) ++i;
  return i == id.size() ? bare : 0;
}

}  // namespace

std::string YearFromArxivId(std::string_view id) {
  const size_t length = BareIdLength(id);
  if (length == 0) return "";
  const std::string_view bare = id.substr(0, length);
  // YYMM starts the number: the whole new-style id, or after the archive's '/'.
  const size_t slash = bare.find('/');
  const size_t p = slash == std::string_view::npos ? 0 : slash + 1;
  const int yy = (bare[p] - '0') * 10 + (bare[p + 1] - '0');
  const int mm = (bare[p + 2] - '0') * 10 + (bare[p + 3] - '0');
  if (mm < 1 || mm > 12) return "";
  // arXiv began in 1991: two-digit years from 91 are 1900s.
  return std::to_string(yy >= 91 ? 1900 + yy : 2000 + yy);
}

std::string_view ArxivIdWithoutVersion(std::string_view id) {
  const size_t length = BareIdLength(id);
  return length == 0 ? id : id.substr(0, length);
}

}  // namespace citex
