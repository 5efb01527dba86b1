// The passes, in the order they run. Adding a pass means adding it here.
#pragma once

#include "extractor/model.h"

namespace citex {

// Fills paper.links and paper.citations from paper.abstract.
// Thread-safe: papers may be extracted concurrently.
void Extract(Paper& paper);

}  // namespace citex
