// Stage 2 of the link pass: the hosts table (hosts.cc) says what the url
// names (kind, category, type, name, whether it expires), and canonical.cc
// gives the form every spelling of that artefact shares.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/passes/links/canonical.h"
#include "extractor/passes/links/hosts.h"
#include "extractor/passes/links/link_internal.h"

namespace citex {
namespace links_internal {

ParsedUrl ParseUrl(std::string_view url) {
  const UrlParts parts = SplitUrl(url);
  ParsedUrl parsed;
  parsed.host = parts.host;
  const std::string_view path = parts.path;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) parsed.segments.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  return parsed;
}

// How many path segments a code host needs before its link names a thing:
// github.com/owner/repo needs 2, huggingface.co/datasets/owner/name 3.
size_t SegmentsNeeded(const ParsedUrl& url) {
  if (url.host == "github.com") return 2;
  if (url.host == "huggingface.co" || url.host == "hf.co") {
    if (!url.segments.empty() && (url.segments[0] == "datasets" || url.segments[0] == "spaces" ||
                                  url.segments[0] == "collections")) {
      return 3;
    }
    return 2;
  }
  return 0;
}

namespace {

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// What GitHub, GitLab and the Hugging Face Hub allow in owner and repository
// names: letters, digits, '-', '_' and '.', never "." or ".." and never a
// leading '-'. Scripts pass `name` to git clone and build paths from it, so
// "..", "$(...)", "--upload-pack=..." and "a%2Fb" must not get through.
// arXiv ids and DOIs come from their own patterns.
bool IsSafeName(std::string_view name) {
  if (name.empty()) return false;
  size_t start = 0;
  for (;;) {
    const size_t end = std::min(name.find('/', start), name.size());
    const std::string_view segment = name.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == ".." || segment[0] == '-' ||
        !std::all_of(segment.begin(), segment.end(), IsNameCharacter)) {
      return false;
    }
    if (end == name.size()) return true;
    start = end + 1;
  }
}

}  // namespace

void Classify(std::string_view url, Link* link) {
  const HostMatch host = MatchHost(url);
  link->kind = host.kind;
  link->category = host.category;
  link->type = host.type;
  const bool own_pattern = host.kind == LinkKind::kArxiv || host.kind == LinkKind::kDoi;
  if (own_pattern || IsSafeName(host.name)) link->name = host.name;
  link->expires = host.expires;
  link->canonical = CanonicalUrl(url, host);
}

}  // namespace links_internal
}  // namespace citex
