#include "extractor/base/arxiv_id.h"

#include <re2/re2.h>

namespace citex {
namespace {

const RE2& VersionedId() {
  static const RE2* const re = new RE2(kArxivIdVersioned);
  return *re;
}

}  // namespace

std::string YearFromArxivId(std::string_view id) {
  re2::StringPiece bare;
  if (!RE2::FullMatch(re2::StringPiece(id.data(), id.size()), VersionedId(), &bare)) return "";
  // YYMM starts the number: the whole new-style id, or after the archive's '/'.
  const size_t slash = bare.find('/');
  const size_t p = slash == re2::StringPiece::npos ? 0 : slash + 1;
  const int yy = (bare[p] - '0') * 10 + (bare[p + 1] - '0');
  const int mm = (bare[p + 2] - '0') * 10 + (bare[p + 3] - '0');
  if (mm < 1 || mm > 12) return "";
  // arXiv began in 1991: two-digit years from 91 are 1900s.
  return std::to_string(yy >= 91 ? 1900 + yy : 2000 + yy);
}

std::string_view ArxivIdWithoutVersion(std::string_view id) {
  re2::StringPiece bare;
  if (!RE2::FullMatch(re2::StringPiece(id.data(), id.size()), VersionedId(), &bare)) return id;
  return std::string_view(bare.data(), bare.size());
}

}  // namespace citex
