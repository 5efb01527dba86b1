// The hosts table: which host family (kind) a link belongs to, what it is
// for people (category), and how its path names the thing (type, name).
// Named data, each row with urls it takes and urls it leaves to others;
// tests/passes/links/hosts_test.cc runs every example. docs/links.md lists
// the table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/model.h"

namespace citex {

// A url cut into the parts classification and canonical forms read.
struct UrlParts {
  std::string_view scheme;    // "https" (as written)
  std::string host;           // lower-cased, without userinfo, port or "www."
  std::string_view port;      // "8080", empty when none
  std::string_view path;      // from the first '/', before '?' and '#'; may be empty
  std::string_view query;     // after '?', before '#'
  std::string_view fragment;  // after '#'
  bool has_query = false;
  bool has_fragment = false;
};

// `url` must have a scheme ("https://host/..."), as every Link::url has.
UrlParts SplitUrl(std::string_view url);

// One way a host's paths name things. `pattern` is RE2, matched in full
// against the path (as written: "/Owner/Repo.git"); group `name_group` is the
// name (0: none).
struct PathRule {
  const char* pattern;
  const char* type;
  LinkCategory category;
  int name_group = 1;
  // The host ignores the name's case (github.com/OWNER/REPO is
  // github.com/owner/repo): the canonical form lower-cases it.
  bool fold_case = false;
};

// What an example url must come out as.
struct HostExample {
  const char* url;
  const char* type;
  const char* name;  // "" when none
};

struct HostRule {
  const char* name;  // for tests and docs ("gitlab", "zenodo-doi")
  // RE2, matched in full against UrlParts::host.
  const char* host;
  LinkKind kind;
  // The first rule whose pattern matches the path decides; when none does,
  // the row does not take the url and later rows are tried.
  std::vector<PathRule> paths;
  bool expires = false;  // links on this host are taken down after a while
  // The host canonical forms use ("hf.co" is "huggingface.co"); "" keeps it.
  const char* canonical_host = "";
  std::vector<HostExample> matches;
  // Urls this row must leave alone (another row or `other` takes them).
  std::vector<const char*> rejects;
};

// Every row, in the order they are tried.
const std::vector<HostRule>& HostRules();

// What the table says about one url.
struct HostMatch {
  const HostRule* rule = nullptr;  // nullptr: no row took it (kind other)
  LinkKind kind = LinkKind::kOther;
  LinkCategory category = LinkCategory::kOther;
  std::string type = "page";
  std::string name;
  bool expires = false;
  // Where the name sits in the path, for case folding; fold is false when
  // the name keeps its case.
  size_t name_start = 0;
  size_t name_size = 0;
  bool fold = false;
};

// Classifies `url` (with a scheme) by the first row that takes it. Thread-safe.
HostMatch MatchHost(std::string_view url);

// Whether `doi` ("10.5281/zenodo.123") names a data set by its registrant
// (Zenodo, Figshare, Dryad, Dataverse, PANGAEA, ...): such a DOI is a
// dataset link, not a citation of prior work.
bool IsDataDoi(std::string_view doi);

}  // namespace citex
