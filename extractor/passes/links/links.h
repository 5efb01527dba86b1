// The link pass: every URL in an abstract, cut, cleaned and classified.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/model.h"
#include "extractor/passes/pass.h"

namespace citex {

// Returns the links in `abstract` in text order, each reported once.
// Thread-safe; patterns are compiled once per process.
std::vector<Link> FindLinks(std::string_view abstract);

// The pass that fills Paper::links.
std::unique_ptr<const Pass> MakeLinkPass();

}  // namespace citex
