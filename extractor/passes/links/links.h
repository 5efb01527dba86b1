// The link pass: every URL in an abstract, cut, cleaned and classified.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/model.h"
#include "extractor/passes/pass.h"

namespace citex {

// No abstract links to more than a few hundred things; a record holding a
// million urls is a dump, and its links would cost tens of times its size.
constexpr size_t kMaxLinksPerPaper = 10000;

// Returns the links in `abstract` in text order, each reported once, at most
// kMaxLinksPerPaper of them; sets *truncated when there were more.
// Thread-safe; patterns are compiled once per process.
std::vector<Link> FindLinks(std::string_view abstract, bool* truncated = nullptr);

// Sets the status and role of links[index] (and makes an unknown host's page a
// project page) from the sentence of `abstract` that holds it, as FindLinks
// does; `links` are in text order. The data_dois pass reads the links it adds
// from DOIs this way.
void ReadLinkSentence(std::string_view abstract, std::vector<Link>* links, size_t index);

// The pass that fills Paper::links.
std::unique_ptr<const Pass> MakeLinkPass();

}  // namespace citex
