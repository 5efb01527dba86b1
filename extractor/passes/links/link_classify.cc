// Stage 2 of the link pass: the cleaned url is parsed into host and path
// segments and mapped to kind, type and name.
#include <re2/re2.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/passes/links/link_internal.h"
#include "extractor/passes/links/link_patterns.h"

namespace citex {
namespace links_internal {
namespace {

struct ClassifyPatterns {
  RE2 arxiv_path{link_patterns::kArxivPath, Latin1Options()};
  RE2 doi_path{link_patterns::kDoiPath, Latin1Options()};
};

const ClassifyPatterns& Patterns() {
  // Built once, on first use; C++11 guarantees thread-safe initialisation.
  static const ClassifyPatterns* const patterns = new ClassifyPatterns;
  return *patterns;
}

// The path of a url with a scheme ("/abs/2301.00001" of
// "https://arxiv.org/abs/2301.00001?x#y"); empty when it has none.
re2::StringPiece PathOf(std::string_view url) {
  const size_t path_start = url.find('/', url.find("://") + 3);
  if (path_start == std::string_view::npos) return re2::StringPiece();
  size_t path_end = url.find_first_of("?#", path_start);
  if (path_end == std::string_view::npos) path_end = url.size();
  return re2::StringPiece(url.data() + path_start, path_end - path_start);
}

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string StripGitSuffix(std::string s) {
  if (EndsWith(s, ".git")) s.resize(s.size() - 4);
  return s;
}

// github.com: a repository owner/repo, a user, or a site page.
Classification ClassifyGithub(const std::vector<std::string>& seg) {
  Classification c;
  c.kind = LinkKind::kGithub;
  if (seg.empty()) return c;
  if ((seg[0] == "orgs" || seg[0] == "users") && seg.size() >= 2) {
    c.type = "user";
    c.name = seg[1];
    return c;
  }
  if (IsOneOf(seg[0], {"features",      "topics",
                       "collections",   "marketplace",
                       "explore",       "sponsors",
                       "settings",      "about",
                       "pricing",       "enterprise",
                       "login",         "join",
                       "search",        "trending",
                       "apps",          "site",
                       "security",      "orgs",
                       "users",         "readme",
                       "events",        "customer-stories",
                       "notifications", "new"})) {
    return c;
  }
  if (seg.size() == 1) {
    c.type = "user";
    c.name = seg[0];
    return c;
  }
  c.type = "repo";
  c.name = seg[0] + "/" + StripGitSuffix(seg[1]);
  return c;
}

// huggingface.co and hf.co: models, datasets, spaces, collections, papers.
Classification ClassifyHuggingface(const std::vector<std::string>& seg) {
  Classification c;
  c.kind = LinkKind::kHuggingface;
  if (seg.empty()) return c;
  const std::string& s0 = seg[0];
  if (s0 == "datasets" || s0 == "spaces" || s0 == "collections") {
    if (seg.size() >= 3) {
      c.type = s0 == "datasets" ? "dataset" : s0 == "spaces" ? "space" : "collection";
      c.name = seg[1] + "/" + seg[2];
    } else if (seg.size() == 2 && s0 == "datasets") {
      c.type = "dataset";  // a canonical dataset without an owner ("squad")
      c.name = seg[1];
    }
    return c;
  }
  if (s0 == "papers") {
    if (seg.size() >= 2) {
      c.type = "paper";
      c.name = seg[1];
    }
    return c;
  }
  if (s0 == "docs" || s0 == "blog") {
    c.type = s0;
    return c;
  }
  if (s0 == "organizations" && seg.size() >= 2) {
    c.type = "user";
    c.name = seg[1];
    return c;
  }
  if (IsOneOf(s0, {"models", "tasks", "learn", "join", "login", "pricing", "settings", "chat",
                   "api", "posts", "enterprise", "organizations", "new", "terms-of-service",
                   "privacy", "inference-endpoints", "spaces", "search"})) {
    return c;
  }
  if (seg.size() == 1) {
    c.type = "user";
    c.name = s0;
    return c;
  }
  c.type = "model";
  c.name = s0 + "/" + seg[1];
  return c;
}

// A paper named by the path of its url: the id is group 2 of kArxivPath,
// the DOI group 1 of kDoiPath.
Classification ClassifyPaperPath(std::string_view url, LinkKind kind) {
  const ClassifyPatterns& re = Patterns();
  Classification c;
  c.kind = kind;
  const re2::StringPiece path = PathOf(url);
  std::string name;
  const bool named = kind == LinkKind::kArxiv
                         ? RE2::FullMatch(path, re.arxiv_path, static_cast<void*>(nullptr), &name)
                         : RE2::FullMatch(path, re.doi_path, &name);
  if (named) {
    c.type = "paper";
    c.name = name;
  }
  return c;
}

// Other code hosts, kind kOther: repositories and users by their paths.
Classification ClassifyOtherForge(const ParsedUrl& u) {
  const auto& seg = u.segments;
  Classification c;
  if (IsOneOf(u.host, {"gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com"})) {
    if (seg.size() == 1) {
      c.type = "user";
      c.name = seg[0];
    } else if (seg.size() >= 2) {
      c.type = "repo";
      c.name = seg[0] + "/" + StripGitSuffix(seg[1]);
    }
    return c;
  }
  if (u.host == "sourceforge.net") {
    if (seg.size() >= 2 && (seg[0] == "projects" || seg[0] == "p")) {
      c.type = "repo";
      c.name = seg[1];
    }
    return c;
  }
  if (u.host == "anonymous.4open.science") {
    // The anonymous code host reviewers are sent to: /r/<id>/...
    if (seg.size() >= 2 && seg[0] == "r") {
      c.type = "repo";
      c.name = seg[1];
    }
    return c;
  }
  return c;
}

}  // namespace

ParsedUrl ParseUrl(std::string_view url) {
  ParsedUrl parsed;
  size_t p = url.find("://");
  p = (p == std::string_view::npos) ? 0 : p + 3;
  size_t auth_end = url.find_first_of("/?#", p);
  if (auth_end == std::string_view::npos) auth_end = url.size();
  std::string_view auth = url.substr(p, auth_end - p);
  if (size_t at = auth.rfind('@'); at != std::string_view::npos) auth = auth.substr(at + 1);
  if (size_t colon = auth.rfind(':'); colon != std::string_view::npos) auth = auth.substr(0, colon);
  parsed.host = AsciiLower(auth);
  if (StartsWithNoCase(parsed.host, "www.")) parsed.host.erase(0, 4);
  size_t path_end = url.find_first_of("?#", auth_end);
  if (path_end == std::string_view::npos) path_end = url.size();
  std::string_view path = url.substr(auth_end, path_end - auth_end);
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

Classification Classify(std::string_view url) {
  const ParsedUrl u = ParseUrl(url);
  if (u.host == "github.com") return ClassifyGithub(u.segments);
  Classification c;
  if (u.host == "gist.github.com") {
    c.kind = LinkKind::kGithub;
    c.type = "gist";
    if (u.segments.size() >= 2) c.name = u.segments[0] + "/" + u.segments[1];
    if (u.segments.size() == 1) c.name = u.segments[0];
    return c;
  }
  if (u.host == "raw.githubusercontent.com") {
    c.kind = LinkKind::kGithub;
    c.type = "file";
    if (u.segments.size() >= 2) c.name = u.segments[0] + "/" + u.segments[1];
    return c;
  }
  if (EndsWith(u.host, ".github.io")) {
    c.kind = LinkKind::kProject;
    return c;
  }
  if (u.host == "huggingface.co" || u.host == "hf.co") return ClassifyHuggingface(u.segments);
  if (u.host == "arxiv.org" || u.host == "export.arxiv.org") {
    return ClassifyPaperPath(url, LinkKind::kArxiv);
  }
  if (u.host == "doi.org" || u.host == "dx.doi.org") return ClassifyPaperPath(url, LinkKind::kDoi);
  return ClassifyOtherForge(u);
}

}  // namespace links_internal
}  // namespace citex
