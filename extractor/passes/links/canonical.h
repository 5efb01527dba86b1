// The canonical form of a link: one string for every spelling of one
// artefact ("http://www.GitHub.com/Owner/Repo.git/" and
// "https://github.com/owner/repo/tree/main#readme" are both
// "https://github.com/owner/repo"), so a run can tell that papers share it.
// Link::url keeps the author's spelling; --group-by link groups by this.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/passes/links/hosts.h"

namespace citex {

// One rule of the canonical form, as data: what it does and spellings with
// what they become (each example runs the whole form, as the rules
// compose). tests/passes/links/canonical_test.cc runs every example.
struct CanonicalRule {
  const char* name;
  const char* does;
  std::vector<std::pair<const char*, const char*>> examples;  // url -> canonical
};

// The rules, in the order CanonicalUrl applies them.
const std::vector<CanonicalRule>& CanonicalRules();

// The canonical form of `url` (with a scheme), given what the hosts table
// says about it. Thread-safe.
std::string CanonicalUrl(std::string_view url, const HostMatch& host);
std::string CanonicalUrl(std::string_view url);

}  // namespace citex
