// Tests of the one arXiv id definition (extractor/base/arxiv_id.h): every
// example in its comments, and the helpers built on it.
#include "extractor/base/arxiv_id.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>

namespace citex {
namespace {

struct IdExample {
  const char* pattern_name;
  const char* pattern;
  const char* input;
  bool matches;
};

TEST(ArxivId, PatternExamples) {
  const IdExample examples[] = {
      {"NEW", CITEX_ARXIV_NEW_ID, "2403.07974", true},
      {"NEW", CITEX_ARXIV_NEW_ID, "0704.0001", true},
      {"NEW", CITEX_ARXIV_NEW_ID, "2403.079", false},
      {"NEW", CITEX_ARXIV_NEW_ID, "1234", false},
      {"NEW", CITEX_ARXIV_NEW_ID, "24030.7974", false},
      {"OLD", CITEX_ARXIV_OLD_ID, "hep-th/9901001", true},
      {"OLD", CITEX_ARXIV_OLD_ID, "math.GT/0309136", true},
      {"OLD", CITEX_ARXIV_OLD_ID, "cs/0112017", true},
      {"OLD", CITEX_ARXIV_OLD_ID, "hep-th/99", false},
      {"OLD", CITEX_ARXIV_OLD_ID, "Hep-th/9901001", false},
      {"OLD", CITEX_ARXIV_OLD_ID, "-th/9901001", false},
      {"OLD", CITEX_ARXIV_OLD_ID, "math.G/0309136", false},
      {"OLD_NUMBER", CITEX_ARXIV_OLD_NUMBER, ".GT/0309136", true},
      {"OLD_NUMBER", CITEX_ARXIV_OLD_NUMBER, "/9901001", true},
      {"OLD_NUMBER", CITEX_ARXIV_OLD_NUMBER, "/99010", false},
      {"OLD_NUMBER", CITEX_ARXIV_OLD_NUMBER, ".G/0309136", false},
      {"ARCHIVES", CITEX_ARXIV_ARCHIVES, "hep-th", true},
      {"ARCHIVES", CITEX_ARXIV_ARCHIVES, "math", true},
      {"ARCHIVES", CITEX_ARXIV_ARCHIVES, "q-bio", true},
      {"ARCHIVES", CITEX_ARXIV_ARCHIVES, "foo", false},
      {"ARCHIVES", CITEX_ARXIV_ARCHIVES, "hep", false},
      {"ID", CITEX_ARXIV_ID, "2403.07974", true},
      {"ID", CITEX_ARXIV_ID, "math.GT/0309136", true},
      {"ID", CITEX_ARXIV_ID, "2403.07974v2", false},
      {"VERSION", CITEX_ARXIV_VERSION, "v2", true},
      {"VERSION", CITEX_ARXIV_VERSION, "v12", true},
      {"VERSION", CITEX_ARXIV_VERSION, "v", false},
      {"VERSION", CITEX_ARXIV_VERSION, "V2", false},
      {"kArxivId", kArxivId, "2403.07974", true},
      {"kArxivId", kArxivId, "hep-th/9901001", true},
      {"kArxivId", kArxivId, "2403.07974v2", false},
      {"kArxivIdVersioned", kArxivIdVersioned, "hep-th/9901001", true},
      {"kArxivIdVersioned", kArxivIdVersioned, "2403.07974v", false},
      {"kArxivIdVersioned", kArxivIdVersioned, "arXiv:2403.07974", false},
  };
  for (const IdExample& e : examples) {
    const RE2 re(e.pattern);
    ASSERT_TRUE(re.ok()) << e.pattern_name;
    EXPECT_EQ(RE2::FullMatch(e.input, re), e.matches) << e.pattern_name << " on " << e.input;
  }
}

TEST(ArxivId, VersionedGroups) {
  const RE2 re(kArxivIdVersioned);
  std::string id, version;
  ASSERT_TRUE(RE2::FullMatch("2403.07974v2", re, &id, &version));
  EXPECT_EQ(id, "2403.07974");
  EXPECT_EQ(version, "v2");
}

// ArxivIdWithoutVersion matches by hand what kArxivIdVersioned matches.
TEST(ArxivId, WithoutVersionAgreesWithThePattern) {
  const RE2 re(kArxivIdVersioned);
  const std::string inputs[] = {"2403.07974",
                                "2403.07974v2",
                                "2403.0797v12",
                                "2403.079745",
                                "2403.07974v",
                                "2403.07974V2",
                                "2403.07974v2x",
                                "2403.079",
                                "24030.7974",
                                "2403-07974",
                                "1234",
                                "",
                                "v2",
                                ".",
                                "hep-th/9901001",
                                "hep-th/9901001v3",
                                "math.GT/0309136",
                                "math.GT/0309136v1",
                                "math.G/0309136",
                                "math.GTX/0309136",
                                "math.G1/0309136",
                                "math./0309136",
                                "cs/0112017",
                                "Hep-th/9901001",
                                "-th/9901001",
                                "h/9901001",
                                "hep--/9901001",
                                "hep-th/990100",
                                "hep-th/99010011",
                                "hep-th9901001",
                                "hep-th/9901001 ",
                                " 2403.07974",
                                "arXiv:2403.07974",
                                "a.bc/1234567v0",
                                "a.b",
                                "a.bc",
                                "a.bc/",
                                "x/1234567v",
                                "x/1234567vv1"};
  for (const std::string& input : inputs) {
    re2::StringPiece bare;
    const bool matches = RE2::FullMatch(input, re, &bare);
    EXPECT_EQ(ArxivIdWithoutVersion(input), matches ? std::string(bare.data(), bare.size()) : input)
        << input;
    if (!matches) EXPECT_FALSE(IsArxivId(input)) << input;
  }
}

TEST(ArxivId, YearFromId) {
  EXPECT_EQ(YearFromArxivId("2212.11867"), "2022");
  EXPECT_EQ(YearFromArxivId("0704.0001"), "2007");
  EXPECT_EQ(YearFromArxivId("0704.0001v3"), "2007");
  EXPECT_EQ(YearFromArxivId("hep-th/9901001"), "1999");
  EXPECT_EQ(YearFromArxivId("math.GT/0309136v2"), "2003");
  EXPECT_EQ(YearFromArxivId("2213.00001"), "");  // month 13
  EXPECT_EQ(YearFromArxivId("2200.00001"), "");  // month 00
  EXPECT_EQ(YearFromArxivId("W12-3456"), "");
  EXPECT_EQ(YearFromArxivId(""), "");
  EXPECT_TRUE(IsArxivId("2310.13961v2"));
  EXPECT_FALSE(IsArxivId("10.1145/3292500"));
}

TEST(ArxivId, WithoutVersion) {
  EXPECT_EQ(ArxivIdWithoutVersion("2310.13961v2"), "2310.13961");
  EXPECT_EQ(ArxivIdWithoutVersion("2310.13961"), "2310.13961");
  EXPECT_EQ(ArxivIdWithoutVersion("hep-th/9901001v10"), "hep-th/9901001");
  EXPECT_EQ(ArxivIdWithoutVersion("model-v2"), "model-v2");  // not an arXiv id
}

}  // namespace
}  // namespace citex
