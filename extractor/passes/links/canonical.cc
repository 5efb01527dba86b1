#include "extractor/passes/links/canonical.h"

#include <re2/re2.h>

#include "extractor/base/per_thread.h"
#include "extractor/base/text.h"

namespace citex {
namespace {

// Query parameters that say where a reader came from, not what they read.
// Matches: "utm_source", "UTM_Medium", "fbclid", "gclid", "ref_src".
// Rejects: "id", "v", "persistentId", "utm" (no suffix), "ref".
constexpr char kTrackingParameter[] =
    R"((?i)utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|ref_src)";

// A branch view of a repository at the end of its path:
// "/tree/main", "/-/tree/v1.0" (GitLab), with an optional '/'.
constexpr char kBranchSuffix[] = R"((?:/-)?/tree/[^/]+/?$)";

struct CanonicalPatterns {
  RE2 tracking_parameter{kTrackingParameter};
  RE2 branch_suffix{kBranchSuffix};
};

const RE2& TrackingParameter() { return PerThread<CanonicalPatterns>().tracking_parameter; }
const RE2& BranchSuffix() { return PerThread<CanonicalPatterns>().branch_suffix; }

// The query without tracking parameters, in their order.
std::string CleanQuery(std::string_view query) {
  std::string out;
  size_t i = 0;
  while (i <= query.size()) {
    size_t j = query.find('&', i);
    if (j == std::string_view::npos) j = query.size();
    const std::string_view param = query.substr(i, j - i);
    const std::string_view key = param.substr(0, param.find('='));
    if (!param.empty() &&
        !RE2::FullMatch(re2::StringPiece(key.data(), key.size()), TrackingParameter())) {
      if (!out.empty()) out += '&';
      out.append(param);
    }
    i = j + 1;
  }
  return out;
}

// The path with what names no other thing dropped from its end: a branch
// view of a repository, ".git", trailing slashes.
std::string TrimPath(std::string path, const HostMatch& host) {
  if (host.type == "repo") RE2::Replace(&path, BranchSuffix(), "");
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (EndsWith(path, ".git")) path.resize(path.size() - 4);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

const std::vector<CanonicalRule>& CanonicalRules() {
  static const std::vector<CanonicalRule> rules = {
      {"scheme",
       "http and https are one: the form says https; other schemes lower-cased",
       {{"http://x.org/a", "https://x.org/a"}, {"FTP://x.org/a", "ftp://x.org/a"}}},
      {"host",
       "the host lower-cased, without www., userinfo, or port 80 and 443",
       {{"https://WWW.Example.ORG/Page", "https://example.org/Page"},
        {"https://user@x.org:443/a", "https://x.org/a"},
        {"https://x.org:8080/a", "https://x.org:8080/a"}}},
      {"host-alias",
       "a host's other name becomes the one the hosts table prefers",
       {{"https://hf.co/a/b", "https://huggingface.co/a/b"},
        {"https://dx.doi.org/10.1/x", "https://doi.org/10.1/x"}}},
      {"case",
       "the name lower-cased where the host ignores its case; the rest of the path kept",
       {{"https://github.com/Owner/Repo/blob/main/README.md",
         "https://github.com/owner/repo/blob/main/README.md"},
        {"https://doi.org/10.1594/PANGAEA.123", "https://doi.org/10.1594/pangaea.123"},
        {"https://huggingface.co/Org/Model", "https://huggingface.co/Org/Model"},
        {"https://example.org/Page", "https://example.org/Page"}}},
      {"branch",
       "a repository's /tree/<branch> (GitLab /-/tree/<branch>) at the end dropped",
       {{"https://github.com/a/b/tree/main", "https://github.com/a/b"},
        {"https://gitlab.com/a/b/-/tree/dev/", "https://gitlab.com/a/b"},
        {"https://github.com/a/b/tree/main/src", "https://github.com/a/b/tree/main/src"},
        {"https://example.org/family/tree/oak", "https://example.org/family/tree/oak"}}},
      {"path-end",
       "a trailing / and .git dropped",
       {{"https://github.com/a/b.git", "https://github.com/a/b"},
        {"https://x.org/a/", "https://x.org/a"},
        {"https://x.org/", "https://x.org"}}},
      {"query",
       "tracking parameters (kTrackingParameter) dropped, the rest kept in order",
       {{"https://x.org/a?utm_source=tw&id=3&fbclid=z", "https://x.org/a?id=3"},
        {"https://x.org/a?utm_medium=x", "https://x.org/a"}}},
      {"fragment",
       "the fragment dropped (#readme, #L10), unless it is a route (#/, #!)",
       {{"https://github.com/a/b#readme", "https://github.com/a/b"},
        {"https://x.org/app/#/home", "https://x.org/app#/home"},
        {"https://www.synapse.org/#!Synapse:syn1", "https://synapse.org#!Synapse:syn1"}}},
  };
  return rules;
}

std::string CanonicalUrl(std::string_view url, const HostMatch& host) {
  const UrlParts parts = SplitUrl(url);
  std::string scheme = AsciiLower(parts.scheme);
  if (scheme == "http") scheme = "https";
  std::string out = scheme + "://";
  if (host.rule != nullptr && host.rule->canonical_host[0] != '\0') {
    out += host.rule->canonical_host;
  } else {
    out += parts.host;
  }
  if (!parts.port.empty() && parts.port != "80" && parts.port != "443") {
    out += ':';
    out.append(parts.port);
  }
  std::string path(parts.path);
  if (host.fold && host.name_start + host.name_size <= path.size()) {
    for (size_t i = host.name_start; i < host.name_start + host.name_size; ++i) {
      path[i] = AsciiLower(path[i]);
    }
  }
  out += TrimPath(std::move(path), host);
  const std::string query = CleanQuery(parts.query);
  if (!query.empty()) out += '?' + query;
  if (!parts.fragment.empty() && (parts.fragment[0] == '/' || parts.fragment[0] == '!')) {
    out += '#';
    out.append(parts.fragment);
  }
  return out;
}

std::string CanonicalUrl(std::string_view url) { return CanonicalUrl(url, MatchHost(url)); }

}  // namespace citex
