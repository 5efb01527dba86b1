// The key stage: gives every citation the BibTeX key that --format bibtex
// will print for it, so that JSON and BibTeX agree.
#pragma once

#include "extractor/model.h"

namespace citex {

class BibKeys {
 public:
  // Fills Citation::key for every citation of `paper`. Call it for papers in
  // input order: keys then depend only on the input, not on thread count.
  void Assign(Paper& paper);
};

}  // namespace citex
