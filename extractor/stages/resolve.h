// The resolution stage (--library): every citation looked up in the user's
// library. arXiv and DOI citations by id; author-year citations by folded
// first surname and year, then weighed on the evidence a careful reader
// uses (docs/resolve.md). A citation gets `resolved` when one entry clearly
// wins, `candidates` when several fit and none wins, neither otherwise.
#pragma once

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

// Fills citation.resolved or citation.candidates from `library`.
// `preferred`: the library file most of the paper's other citations resolve
// to (or -1): a tie between the same work in two files goes to it.
void Resolve(const Library& library, std::string_view abstract, int preferred, Citation* citation);

// The stage (declared in stage.h, MakeResolveStage): Resolve for every
// citation, replacing its key by the entry's.

}  // namespace citex
