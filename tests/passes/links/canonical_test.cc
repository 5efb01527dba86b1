// The canonical form (extractor/passes/links/canonical.cc) run as a table:
// every rule's examples, and every spelling of one repository.
#include "extractor/passes/links/canonical.h"

#include <gtest/gtest.h>

namespace citex {
namespace {

TEST(Canonical, EveryRuleGivesItsExamples) {
  for (const CanonicalRule& rule : CanonicalRules()) {
    EXPECT_FALSE(rule.examples.empty()) << rule.name;
    for (const auto& [url, canonical] : rule.examples) {
      EXPECT_EQ(CanonicalUrl(url), canonical) << rule.name << ": " << url;
    }
  }
}

TEST(Canonical, EverySpellingOfOneRepositoryIsOne) {
  for (const char* url :
       {"https://github.com/IBM/Ensemble-Instruct", "http://www.github.com/ibm/ensemble-instruct/",
        "https://github.com/IBM/ensemble-instruct.git",
        "https://GitHub.com/IBM/ensemble-instruct#readme",
        "https://github.com/IBM/ensemble-instruct/tree/main",
        "https://github.com/IBM/ensemble-instruct?utm_source=paper"}) {
    EXPECT_EQ(CanonicalUrl(url), "https://github.com/ibm/ensemble-instruct") << url;
  }
}

TEST(Canonical, CaseKeptWhereTheHostMindsIt) {
  EXPECT_EQ(CanonicalUrl("https://x.org/Tool/"), "https://x.org/Tool");
  EXPECT_NE(CanonicalUrl("https://x.org/Tool"), CanonicalUrl("https://x.org/tool"));
  EXPECT_EQ(CanonicalUrl("https://gitlab.com/Group/Sub/Proj.git"),
            "https://gitlab.com/group/sub/proj");
}

}  // namespace
}  // namespace citex
