// The resolution stage (--library): every citation looked up in the user's
// library. arXiv and DOI citations by id; author-year citations by folded
// first surname and year, then weighed on the evidence a careful reader
// uses (docs/resolve.md). A citation gets `resolved` when one entry clearly
// wins, `candidates` when several fit and none wins, neither otherwise.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/library/library.h"
#include "extractor/model.h"
#include "extractor/stages/stage.h"

namespace citex {

// What an author-year citation says about the work, folded.
struct CitedWork {
  std::vector<std::string> surnames;  // as listed, particles dropped
  bool et_al = false;
  std::vector<std::string> years;  // four digits each; two for "1813/1919"
  char suffix = 0;                 // "2020b" -> 'b'
  std::vector<std::string> label;  // the label's folded words
  std::string before;              // folded text right before the first name (corporate names)
};
CitedWork ReadCitation(const Citation& citation, std::string_view abstract);

// How well `entry` fits `work`, 0..1; below kFits it does not fit at all.
// `suffix` is the natbib letter the library gives the entry.
double Score(const CitedWork& work, const LibraryEntry& entry, char suffix);

inline constexpr double kFits = 0.3;  // a candidate at all
inline constexpr double kWins = 0.7;  // enough to resolve, when also clear of the next
inline constexpr double kMargin = 0.15;

// What the rest of the run says about a citation: where its paper's other
// citations (and the previous papers') resolved. Used only to break ties.
struct ResolveContext {
  // The library file most of the paper's other citations resolve to (or
  // -1): a tie between the same work in two files goes to it.
  int preferred = -1;
  // Library entries the paper's other citations, and the last papers',
  // clearly resolved to: between copies of one work (several .bib files
  // concatenated into one), the copy among its neighbours wins.
  std::vector<uint32_t> nearby;
  bool own = false;  // `nearby` are the paper's own citations
};

// Each tie-break adds this much to the entries it favours (docs/resolve.md).
inline constexpr double kTieBreak = 0.15;

// The entry `citation` resolves to (or -1); fills citation.resolved or
// citation.candidates from `library`.
int64_t Resolve(const Library& library, std::string_view abstract, const ResolveContext& context,
                Citation* citation);
inline int64_t Resolve(const Library& library, std::string_view abstract, int preferred,
                       Citation* citation) {
  ResolveContext context;
  context.preferred = preferred;
  return Resolve(library, abstract, context, citation);
}

// The word right before the bracket that opens a parenthetical callout, as
// a name of the work: "showyourwork" in "showyourwork (Luger et al., 2021)";
// empty when the callout does not open its bracket or has a label.
std::string NamedBefore(const Citation& citation, std::string_view abstract);

// The stage (declared in stage.h, MakeResolveStage): Resolve for every
// citation, replacing its key by the entry's.

}  // namespace citex
