#include "extractor/bibkeys.h"

namespace citex {

// Placeholder until BibTeX keys land (issue 5).
void BibKeys::Assign(Paper&) {}

}  // namespace citex
