// The arXiv identifier, defined once: the link pass (arxiv.org paths), the
// citation pass (arXiv:ids), the key stage (one work per id) and the readers
// and writers (a paper's own id) all use these.
#pragma once

#include <string>
#include <string_view>

// The id as RE2 text without groups, for pattern constants to splice in
// (macros because C++17 joins string literals at compile time only).
// New style, YYMM.NNNN or YYMM.NNNNN.
//   Matches "2403.07974", "0704.0001". Rejects "2403.079", "1234", "24030.7974".
#define CITEX_ARXIV_NEW_ID R"(\d{4}\.\d{4,5})"
// What follows the archive of an old-style id: [.SUBJECT]/YYMMNNN.
//   Matches ".GT/0309136", "/9901001". Rejects "/99010", ".G/0309136".
#define CITEX_ARXIV_OLD_NUMBER R"((?:\.[A-Za-z]{2})?/\d{7})"
// Old style, archive[.SUBJECT]/YYMMNNN.
//   Matches "hep-th/9901001", "math.GT/0309136", "cs/0112017".
//   Rejects "hep-th/99", "Hep-th/9901001", "-th/9901001", "math.G/0309136".
#define CITEX_ARXIV_OLD_ID "[a-z][a-z-]*" CITEX_ARXIV_OLD_NUMBER
// The archives of old-style ids: in running text, where "foo/9901001" is
// no id, only these make one.
//   Matches "hep-th", "math", "q-bio". Rejects "foo", "hep".
#define CITEX_ARXIV_ARCHIVES                                                                  \
  "(?:hep-th|hep-ph|hep-lat|hep-ex|astro-ph|cond-mat|gr-qc|math-ph|nucl-th|nucl-ex|quant-ph|" \
  "nlin|math|physics|cs|q-bio|q-fin|stat|chao-dyn|solv-int|patt-sol|alg-geom|dg-ga)"
// Either style, no group.
#define CITEX_ARXIV_ID "(?:" CITEX_ARXIV_NEW_ID "|" CITEX_ARXIV_OLD_ID ")"
// A version suffix. Matches "v2", "v12". Rejects "v", "V2".
#define CITEX_ARXIV_VERSION R"(v\d+)"

namespace citex {

// Either style of id, no group.
inline constexpr char kArxivId[] = CITEX_ARXIV_ID;

// A whole id with an optional version: group 1 is the id, group 2 the version.
//   Matches "2403.07974v2" -> "2403.07974", "v2"; "hep-th/9901001".
//   Rejects "2403.07974v", "arXiv:2403.07974".
inline constexpr char kArxivIdVersioned[] = "(" CITEX_ARXIV_ID ")(" CITEX_ARXIV_VERSION ")?";

// The publication year an arXiv identifier implies: "2212.11867" -> "2022",
// "0704.0001" -> "2007", "hep-th/9901001" -> "1999"; empty when `id` is not
// one (also when its month is not 01..12).
std::string YearFromArxivId(std::string_view id);

// Whether `id` is an arXiv identifier, with or without a version.
inline bool IsArxivId(std::string_view id) { return !YearFromArxivId(id).empty(); }

// "2310.13961v2" -> "2310.13961": the id without its version; `id` itself
// when it has none or is not an arXiv id.
std::string_view ArxivIdWithoutVersion(std::string_view id);

}  // namespace citex
