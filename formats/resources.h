// What a paper offers as its own: code, models, data, demos and project
// pages. The BibTeX entry's url/note and the Markdown list both show these,
// so they choose them the same way.
#pragma once

#include <vector>

#include "extractor/model.h"

namespace citex {

// Links that are not third-party and point at a resource rather than at a
// paper (arXiv, DOI and paper pages are left out), in abstract order, each
// URL once. Only http, https and ftp URLs: a "javascript:" link read back
// with -i citex must never become a live link.
std::vector<const Link*> OwnResources(const Paper& paper);

// "code", "model", "dataset", "demo", "package", "notebook" (the link's
// category), "project page", or "link" for anything else.
const char* ResourceLabel(const Link& link);

// The one resource a reference manager should open: released before
// unknown status, own before unknown role, code before models, data and
// pages; never a coming-soon link. nullptr when there is none.
const Link* BestResource(const std::vector<const Link*>& resources);

}  // namespace citex
