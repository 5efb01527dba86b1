#include "extractor/passes/data_dois/data_dois.h"

#include <algorithm>

#include "extractor/base/text.h"
#include "extractor/passes/links/canonical.h"
#include "extractor/passes/links/hosts.h"

namespace citex {
namespace {

// Whether a link already stands for the DOI at `span`: it covers the span,
// or names the same DOI.
bool Covered(const std::vector<Link>& links, const Citation& doi) {
  const std::string id = AsciiLower(doi.id);
  for (const Link& link : links) {
    const bool inside = link.span.start <= doi.span.start && doi.span.end <= link.span.end;
    if (inside || AsciiLower(link.name) == id) return true;
  }
  return false;
}

Link DataLink(const Citation& doi) {
  Link link;
  link.url = "https://doi.org/" + doi.id;
  link.text = doi.text;
  link.span = doi.span;
  const HostMatch host = MatchHost(link.url);
  link.kind = host.kind;
  link.category = host.category;
  link.type = host.type;
  link.name = host.name;
  link.expires = host.expires;
  link.canonical = CanonicalUrl(link.url, host);
  return link;
}

class DataDoiPass : public Pass {
 public:
  std::string_view name() const override { return "data_dois"; }
  void Run(Paper& paper) const override { MoveDataDois(paper); }
};

}  // namespace

void MoveDataDois(Paper& paper) {
  const auto is_data_doi = [](const Citation& c) {
    return c.kind == CitationKind::kDoi && IsDataDoi(c.id);
  };
  if (std::none_of(paper.citations.begin(), paper.citations.end(), is_data_doi)) return;
  std::vector<Citation> kept;
  for (Citation& citation : paper.citations) {
    if (!is_data_doi(citation)) {
      kept.push_back(std::move(citation));
    } else if (!Covered(paper.links, citation)) {
      paper.links.push_back(DataLink(citation));
    }
  }
  paper.citations = std::move(kept);
  std::stable_sort(paper.links.begin(), paper.links.end(),
                   [](const Link& a, const Link& b) { return a.span.start < b.span.start; });
}

std::unique_ptr<const Pass> MakeDataDoiPass() { return std::make_unique<DataDoiPass>(); }

}  // namespace citex
