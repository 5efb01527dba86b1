#include "extractor/passes/data_dois/data_dois.h"

#include <algorithm>

#include "extractor/base/text.h"
#include "extractor/passes/links/canonical.h"
#include "extractor/passes/links/hosts.h"
#include "extractor/passes/links/links.h"

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

// Whether a DOI citation is part of the address of a link that is not a
// doi.org link ("https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.
// 133.046802"): the link is the reference, and the DOI is not reported twice.
bool InsidePublisherLink(const std::vector<Link>& links, const Citation& doi) {
  for (const Link& link : links) {
    const bool doi_link =
        link.canonical.rfind("https://doi.org/", 0) == 0 || link.kind == LinkKind::kDoi;
    if (!doi_link && link.span.start <= doi.span.start &&
        doi.span.end <= link.span.end) {
      return true;
    }
  }
  return false;
}

void MoveDataDois(Paper& paper) {
  const auto is_data_doi = [](const Citation& c) {
    return c.kind == CitationKind::kDoi && IsDataDoi(c.id);
  };
  if (!paper.links.empty()) {
    const auto in_link = [&](const Citation& c) {
      return c.kind == CitationKind::kDoi && !IsDataDoi(c.id) &&
             InsidePublisherLink(paper.links, c);
    };
    paper.citations.erase(
        std::remove_if(paper.citations.begin(), paper.citations.end(), in_link),
        paper.citations.end());
  }
  if (std::none_of(paper.citations.begin(), paper.citations.end(), is_data_doi)) return;
  std::vector<Citation> kept;
  const size_t had = paper.links.size();
  for (Citation& citation : paper.citations) {
    if (!is_data_doi(citation)) {
      kept.push_back(std::move(citation));
    } else if (!Covered(paper.links, citation)) {
      paper.links.push_back(DataLink(citation));
    }
  }
  paper.citations = std::move(kept);
  if (paper.links.size() == had) return;
  std::vector<bool> added(paper.links.size(), false);
  for (size_t i = had; i < added.size(); ++i) added[i] = true;
  // Sort links and their marks together, in text order.
  std::vector<size_t> order(paper.links.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return paper.links[a].span.start < paper.links[b].span.start;
  });
  std::vector<Link> sorted;
  std::vector<bool> sorted_added;
  sorted.reserve(order.size());
  for (size_t i : order) {
    sorted.push_back(std::move(paper.links[i]));
    sorted_added.push_back(added[i]);
  }
  paper.links = std::move(sorted);
  // The status and role of a DOI link come from its sentence, as any link's.
  for (size_t i = 0; i < paper.links.size(); ++i) {
    if (sorted_added[i]) ReadLinkSentence(paper.abstract, &paper.links, i);
  }
}

std::unique_ptr<const Pass> MakeDataDoiPass() { return std::make_unique<DataDoiPass>(); }

}  // namespace citex
