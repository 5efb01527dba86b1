// Every pattern of the citation pass against its own examples table
// (extractor/passes/citations/citation_patterns.h): each example it must
// match in full, and each it must not.
#include "extractor/passes/citations/citation_patterns.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <set>
#include <string>

namespace citex::citation_patterns {
namespace {

TEST(CitationPatterns, EveryExampleTable) {
  std::set<std::string_view> names;
  for (const Examples& e : AllExamples()) {
    EXPECT_TRUE(names.insert(e.name).second) << "listed twice: " << e.name;
    EXPECT_FALSE(e.matches.empty()) << e.name;
    EXPECT_FALSE(e.rejects.empty()) << e.name;
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    RE2 re(e.pattern, options);
    ASSERT_TRUE(re.ok()) << e.name << ": " << re.error();
    for (std::string_view m : e.matches) {
      EXPECT_TRUE(RE2::FullMatch(m, re)) << e.name << " should match: " << m;
    }
    for (std::string_view r : e.rejects) {
      EXPECT_FALSE(RE2::FullMatch(r, re)) << e.name << " should reject: " << r;
    }
  }
  EXPECT_EQ(names.size(), 27u);
}

}  // namespace
}  // namespace citex::citation_patterns
