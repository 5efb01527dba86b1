// The citation pass. See docs/citations.md for the rules and their reasons.
//
// Five finders run over the abstract, each producing "callouts" (one piece of
// text that cites one or more works, with one record per cited work):
//   1. identifiers: arXiv ids and DOIs                       (priority 0)
//   2. groups: author-year items inside (...) or [...]       (priority 1)
//   3. narrative: Wang et al. (2023), Wang and Li [2023]      (priority 2)
//   4. bare: Grafton et al. 1995, Adler and Dashen, 1968      (priority 3)
//   5. numeric brackets: [1], [2-4], [1, 3, 5]               (priority 4)
// Callouts are accepted in priority order when they do not overlap one
// already accepted, then the records are returned in text order.
//
// Each form lives in its own file: author_year.cc, numeric.cc and
// identifiers.cc, with the helpers they share in authors.cc, labels.cc,
// triggers.cc and common.cc (declared in citations_internal.h).
#include "extractor/passes/citations/citations.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/base/utf8.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex {

namespace ci = citation_internal;

std::vector<Citation> FindCitations(std::string_view abstract, bool* truncated) {
  const ci::AsciiText ascii(IsAscii(abstract));
  std::vector<ci::Callout> callouts;
  const ci::Triggers t = ci::ScanTriggers(abstract);
  ci::FindIdentifiers(abstract, t, &callouts);
  if (t.year && t.paren) ci::FindGroups(abstract, ci::ParenGroupRe(), &callouts);
  if (t.year && t.bracket) ci::FindGroups(abstract, ci::BracketGroupRe(), &callouts);
  if (t.year_in_bracket) ci::FindNarrative(abstract, &callouts);
  if (t.year) ci::FindBare(abstract, &callouts);
  if (t.numeric_bracket) ci::FindNumeric(abstract, &callouts);
  if (callouts.empty()) return {};

  // Accept by priority, then by position; drop what overlaps.
  std::stable_sort(callouts.begin(), callouts.end(),
                   [](const ci::Callout& a, const ci::Callout& b) {
                     if (a.priority != b.priority) return a.priority < b.priority;
                     return a.start < b.start;
                   });
  // Accepted extents are disjoint: keep them ordered by start and check only
  // the neighbours (O(log n) per callout, even for hostile input).
  std::map<size_t, size_t> taken;  // start -> end
  std::vector<const ci::Callout*> accepted;
  for (const ci::Callout& c : callouts) {
    auto next = taken.lower_bound(c.start);
    if (next != taken.end() && next->first < c.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.start) continue;
    if (c.start == c.end) continue;
    taken.emplace(c.start, c.end);
    accepted.push_back(&c);
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const ci::Callout* a, const ci::Callout* b) { return a->start < b->start; });

  std::vector<Citation> result;
  size_t floor = 0;
  for (const ci::Callout* c : accepted) {
    std::vector<Citation> recs = c->records;
    // Labels for bracketed callouts (groups and numeric brackets) only.
    if (c->priority == 1 || c->priority == 4) {
      ci::ApplyLabel(&recs, ci::FindLabel(abstract, c->start, floor));
    }
    for (Citation& r : recs) result.push_back(std::move(r));
    floor = c->end;
  }
  if (result.size() > kMaxCitationsPerPaper || ci::Full(callouts)) {
    if (result.size() > kMaxCitationsPerPaper) result.resize(kMaxCitationsPerPaper);
    if (truncated != nullptr) *truncated = true;
  }
  return result;
}

namespace {
class CitationPass : public Pass {
 public:
  std::string_view name() const override { return "citations"; }
  void Run(Paper& paper) const override {
    bool truncated = false;
    paper.citations = FindCitations(paper.abstract, &truncated);
    if (truncated) {
      paper.warnings.push_back("only the first " + std::to_string(kMaxCitationsPerPaper) +
                               " citations are kept");
    }
  }
};
}  // namespace

std::unique_ptr<const Pass> MakeCitationPass() { return std::make_unique<CitationPass>(); }

}  // namespace citex
