// Identifier callouts: arXiv ids and DOIs.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/passes/citations/citation_patterns.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

namespace cp = citation_patterns;

const RE2& ArxivNewRe() {
  static const Pattern re(cp::kArxivNew);
  return re.get();
}
const RE2& ArxivOldRe() {
  static const Pattern re(cp::kArxivOld);
  return re.get();
}
const RE2& ArxivUrlRe() {
  static const Pattern re(cp::kArxivUrl);
  return re.get();
}
const RE2& DoiRe() {
  static const Pattern re(cp::kDoi);
  return re.get();
}

// Cuts trailing punctuation and unbalanced closing brackets from a DOI.
size_t TrimDoi(std::string_view doi) {
  size_t n = doi.size();
  while (n > 0) {
    char c = doi[n - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '!' || c == '?') {
      --n;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      std::string_view s = doi.substr(0, n);
      if (std::count(s.begin(), s.end(), open) < std::count(s.begin(), s.end(), c)) {
        --n;
        continue;
      }
    }
    break;
  }
  return n;
}

}  // namespace

void FindIdentifiers(std::string_view text, const Triggers& t, std::vector<Callout>* out) {
  auto scan = [&](const RE2& re, CitationKind kind) {
    StringPiece all(text.data(), text.size());
    std::array<StringPiece, 2> m;
    size_t pos = 0;
    while (pos < all.size() && !Full(*out) &&
           re.Match(all, pos, all.size(), RE2::UNANCHORED, m.data(), 2)) {
      size_t s = Offset(text, m[0]);
      size_t e = s + m[0].size();
      pos = std::max(e, pos + 1);
      std::string id(m[1].data(), m[1].size());
      if (kind == CitationKind::kDoi) {
        size_t keep = TrimDoi(id);
        e -= id.size() - keep;
        id.resize(keep);
        if (id.find('/') == std::string::npos || EndsWith(id, "/")) continue;
      }
      Callout callout;
      callout.start = s;
      callout.end = e;
      callout.priority = 0;
      Citation c = MakeRecord(text, s, e, kind);
      c.id = id;
      callout.records.push_back(std::move(c));
      out->push_back(std::move(callout));
    }
  };
  // URLs first: they are longer than the id they contain.
  if (t.arxiv_host) scan(ArxivUrlRe(), CitationKind::kArxiv);
  if (t.doi) scan(DoiRe(), CitationKind::kDoi);
  if (t.arxiv_word) scan(ArxivNewRe(), CitationKind::kArxiv);
  if (t.old_id) scan(ArxivOldRe(), CitationKind::kArxiv);
}

}  // namespace citex::citation_internal
