// The citation pass: the prior work an abstract cites, as structured records.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/model.h"
#include "extractor/passes/pass.h"

namespace citex {

// Returns the citations in `abstract` in text order. `key` is left empty
// (the key stage fills it). Thread-safe; patterns are compiled once.
std::vector<Citation> FindCitations(std::string_view abstract);

// The pass that fills Paper::citations.
std::unique_ptr<const Pass> MakeCitationPass();

}  // namespace citex
