// The hosts table (extractor/passes/links/hosts.cc) run as a table: every
// row takes the urls it lists with the type and name it lists, and leaves
// its rejects to other rows.
#include "extractor/passes/links/hosts.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace citex {
namespace {

TEST(Hosts, EveryRowTakesItsExamples) {
  for (const HostRule& rule : HostRules()) {
    EXPECT_FALSE(rule.matches.empty()) << rule.name << " has no example";
    for (const HostExample& example : rule.matches) {
      const HostMatch match = MatchHost(example.url);
      ASSERT_NE(match.rule, nullptr) << rule.name << ": " << example.url;
      EXPECT_STREQ(match.rule->name, rule.name) << example.url;
      EXPECT_EQ(match.kind, rule.kind) << example.url;
      EXPECT_EQ(match.type, example.type) << example.url;
      EXPECT_EQ(match.name, example.name) << example.url;
      EXPECT_EQ(match.expires, rule.expires) << example.url;
    }
  }
}

TEST(Hosts, EveryRowLeavesItsRejects) {
  for (const HostRule& rule : HostRules()) {
    for (const char* url : rule.rejects) {
      const HostMatch match = MatchHost(url);
      EXPECT_TRUE(match.rule == nullptr || match.rule != &rule) << rule.name << " took " << url;
    }
  }
}

TEST(Hosts, RowNamesAreUniqueAndEveryKindButOtherHasARow) {
  std::set<std::string> names;
  std::set<LinkKind> kinds;
  for (const HostRule& rule : HostRules()) {
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    kinds.insert(rule.kind);
  }
  for (const auto& kind : LinkKindNames()) {
    if (kind.value == LinkKind::kOther) continue;
    EXPECT_TRUE(kinds.count(kind.value)) << kind.name << " has no row";
  }
}

TEST(Hosts, UnknownHostsAreOther) {
  const HostMatch match = MatchHost("https://pritchardlab.stanford.edu/structure.html");
  EXPECT_EQ(match.rule, nullptr);
  EXPECT_EQ(match.kind, LinkKind::kOther);
  EXPECT_EQ(match.category, LinkCategory::kOther);
  EXPECT_EQ(match.type, "page");
  EXPECT_EQ(match.name, "");
}

TEST(Hosts, CategoriesOfTheCodeAndDataHosts) {
  EXPECT_EQ(MatchHost("https://gitlab.cern.ch/a/b").category, LinkCategory::kCode);
  EXPECT_EQ(MatchHost("https://anonymous.4open.science/r/X-1").category, LinkCategory::kCode);
  EXPECT_TRUE(MatchHost("https://anonymous.4open.science/r/X-1").expires);
  EXPECT_EQ(MatchHost("https://zenodo.org/").category, LinkCategory::kDataset);
  EXPECT_EQ(MatchHost("https://www.kaggle.com/benchmarks/google/facts").category,
            LinkCategory::kDataset);
  EXPECT_EQ(MatchHost("https://kaggle.com/code/a/b").category, LinkCategory::kNotebook);
  EXPECT_EQ(MatchHost("https://huggingface.co/spaces/a/b").category, LinkCategory::kDemo);
  EXPECT_EQ(MatchHost("https://pypi.org/project/x").category, LinkCategory::kPackage);
  EXPECT_EQ(MatchHost("https://doi.org/10.1145/1.2").category, LinkCategory::kPaper);
}

TEST(Hosts, DataDoisByRegistrant) {
  EXPECT_TRUE(IsDataDoi("10.5281/zenodo.1234567"));
  EXPECT_TRUE(IsDataDoi("10.6084/m9.figshare.123"));
  EXPECT_TRUE(IsDataDoi("10.5061/dryad.x1"));
  EXPECT_TRUE(IsDataDoi("10.7910/DVN/ABC"));
  EXPECT_TRUE(IsDataDoi("10.1594/PANGAEA.1"));
  EXPECT_FALSE(IsDataDoi("10.1103/PhysRevLett.133.046802"));
  EXPECT_FALSE(IsDataDoi("10.5281"));
  EXPECT_FALSE(IsDataDoi("10.52810/x"));
}

TEST(Hosts, SplitUrlParts) {
  const UrlParts parts = SplitUrl("HTTPS://user@WWW.Example.org:8080/A/b?x=1&y#Frag");
  EXPECT_EQ(parts.scheme, "HTTPS");
  EXPECT_EQ(parts.host, "example.org");
  EXPECT_EQ(parts.port, "8080");
  EXPECT_EQ(parts.path, "/A/b");
  EXPECT_EQ(parts.query, "x=1&y");
  EXPECT_EQ(parts.fragment, "Frag");
  const UrlParts bare = SplitUrl("https://x.org");
  EXPECT_EQ(bare.host, "x.org");
  EXPECT_EQ(bare.path, "");
  EXPECT_FALSE(bare.has_query);
  EXPECT_FALSE(bare.has_fragment);
}

}  // namespace
}  // namespace citex
