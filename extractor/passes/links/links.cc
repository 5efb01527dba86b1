// The link pass. See docs/links.md for the rules and link_patterns.h for the
// patterns.
//
// Three stages, each linear in the length of the abstract (link_internal.h):
//   1. Find (link_find.cc): RE2 finds where a link may start (kLinkStart); a
//      hand-written forward scan decides where it ends and trims what a
//      reader would not copy.
//   2. Classify (link_classify.cc): the hosts table (hosts.cc) maps the
//      cleaned url to kind/category/type/name; canonical.cc gives its
//      canonical form.
//   3. Read the sentence (link_cues.cc): status and role come from cue
//      patterns matched on a bounded window of the sentence that holds the
//      link.
#include "extractor/passes/links/links.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extractor/base/safe_text.h"
#include "extractor/base/text.h"
#include "extractor/passes/links/link_internal.h"

namespace citex {
namespace {

// The key under which two links count as the same: the url case-folded,
// without a trailing slash ("https://x.io/{https://x.io}" is one link;
// http:// and https:// are two, as are github.com and www.github.com).
std::string DedupKey(std::string_view url) {
  std::string key = AsciiLower(url);
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

class LinkPass : public Pass {
 public:
  std::string_view name() const override { return "links"; }
  void Run(Paper& paper) const override {
    bool truncated = false;
    paper.links = FindLinks(paper.abstract, &truncated);
    if (truncated) {
      paper.warnings.push_back("only the first " + std::to_string(kMaxLinksPerPaper) +
                               " links are kept");
    }
  }
};

}  // namespace

std::vector<Link> FindLinks(std::string_view abstract, bool* truncated) {
  using namespace links_internal;
  std::vector<Link> result;
  if (abstract.empty()) return result;
  const std::vector<Candidate> candidates = FindCandidates(abstract);
  if (candidates.empty()) return result;
  if (candidates.size() >= kMaxCandidates && truncated != nullptr) *truncated = true;
  const std::vector<size_t> sentence_ends = SentenceEnds(abstract, candidates);
  std::unordered_set<std::string> seen;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& cand = candidates[k];
    std::string key = DedupKey(cand.url);
    if (seen.count(key)) continue;
    if (result.size() == kMaxLinksPerPaper) {
      if (truncated != nullptr) *truncated = true;
      break;
    }
    seen.insert(std::move(key));
    Link link;
    // RFC 3987 §4.1: bidirectional controls never appear raw in a URI.
    link.url = PercentEncodeInvisible(cand.url);
    link.text = std::string(abstract.substr(cand.start, cand.end - cand.start));
    link.span = Span{cand.start, cand.end};
    Classify(link.url, &link);
    ReadSentence(abstract, candidates, k, sentence_ends, &link);
    result.push_back(std::move(link));
  }
  return result;
}

void ReadLinkSentence(std::string_view abstract, std::vector<Link>* links, size_t index) {
  using namespace links_internal;
  std::vector<Candidate> candidates;
  candidates.reserve(links->size());
  for (const Link& l : *links) {
    Candidate c;
    c.start = std::min(l.span.start, abstract.size());
    c.end = std::min(std::max(l.span.end, c.start), abstract.size());
    candidates.push_back(std::move(c));
  }
  const std::vector<size_t> sentence_ends = SentenceEnds(abstract, candidates);
  Link& link = (*links)[index];
  ReadSentence(abstract, candidates, index, sentence_ends, &link);
}

std::unique_ptr<const Pass> MakeLinkPass() { return std::make_unique<LinkPass>(); }

}  // namespace citex
