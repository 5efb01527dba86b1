// The citation pass: the prior work an abstract cites, as structured records.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/model.h"
#include "extractor/passes/pass.h"

namespace citex {

// More than any abstract cites; a record past it is hostile or not an abstract.
constexpr size_t kMaxCitationsPerPaper = 10000;

// Returns the citations in `abstract` in text order, at most
// kMaxCitationsPerPaper of them; sets *truncated when there were more. `key`
// is left empty (the key stage fills it). Thread-safe; patterns are compiled
// once.
std::vector<Citation> FindCitations(std::string_view abstract, bool* truncated = nullptr);

// The pass that fills Paper::citations.
std::unique_ptr<const Pass> MakeCitationPass();

}  // namespace citex
