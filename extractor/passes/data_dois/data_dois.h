// A data DOI (Zenodo 10.5281, Figshare 10.6084, Dryad 10.5061, ...) names a
// data set, not prior work: this pass, run after the link and citation
// passes, makes each one a dataset link and no citation.
#pragma once

#include <memory>

#include "extractor/passes/pass.h"

namespace citex {

// Drops a DOI citation that is part of the address of a link other than a
// doi.org one (the publisher page ".../abstract/10.1103/PhysRevLett.133.046802"
// is the reference). Moves the paper's data-DOI citations to its links: a citation inside a
// link that already names the DOI (the DOI of "https://zenodo.org/doi/10.5281/
// zenodo.1") is dropped; any other becomes a link to https://doi.org/<doi>,
// classified by the hosts table, at the citation's span, with status and role
// read from its sentence as the link pass reads any link's. Links stay in
// text order.
void MoveDataDois(Paper& paper);

std::unique_ptr<const Pass> MakeDataDoiPass();

}  // namespace citex
