// The hand-written prefilter of the link pass's find stage
// (extractor/passes/links/link_find.cc, ScanLinkTriggers) agrees with plain
// RE2: wherever kLinkStart or kGithubPageTitle matches, its trigger is set,
// on the bundled samples and the URL conformance inputs, at every alignment
// of its 16-byte SIMD loop.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/passes/links/link_internal.h"
#include "extractor/passes/links/link_patterns.h"

namespace citex {
namespace {

std::vector<std::string> Lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> Inputs() {
  const std::filesystem::path root(CITEX_SOURCE_DIR);
  std::vector<std::string> inputs;
  for (const auto& dir : {root / "samples", root / "tests/data/conformance/urls"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      for (std::string& line : Lines(entry.path())) inputs.push_back(std::move(line));
    }
  }
  // Neither set pastes a GitHub page title; two that do, one with the
  // whitespace run the prefilter walks back over.
  inputs.push_back("Codes are available at GitHub - manglu097/Chiron-o1: Enhancing");
  inputs.push_back("see GITHUB \t - IBM/ensemble-instruct.");
  return inputs;
}

TEST(ScanLinkTriggers, AgreesWithRe2OnSamplesAndConformanceInputs) {
  const RE2 start(link_patterns::kLinkStart, links_internal::Latin1Options());
  const RE2 title(link_patterns::kGithubPageTitle, links_internal::Latin1Options());
  const std::vector<std::string> inputs = Inputs();
  ASSERT_GT(inputs.size(), 500u);
  size_t starts = 0, titles = 0, quiet = 0;
  for (const std::string& line : inputs) {
    for (size_t pad = 0; pad < 16; ++pad) {
      const std::string text = std::string(pad, ' ') + line;
      const links_internal::LinkTriggers t = links_internal::ScanLinkTriggers(text);
      const bool start_matches = RE2::PartialMatch(text, start);
      const bool title_matches = RE2::PartialMatch(text, title);
      EXPECT_TRUE(t.start || !start_matches) << "start missed: " << line;
      EXPECT_TRUE(t.title || !title_matches) << "title missed: " << line;
      if (pad == 0) {
        starts += start_matches;
        titles += title_matches;
        quiet += !t.start && !t.title;
      }
    }
  }
  // The inputs exercise both patterns and the no-link case.
  EXPECT_GT(starts, 100u);
  EXPECT_GT(titles, 0u);
  EXPECT_GT(quiet, 10u);
}

// ScanLinkTriggers skips the dots and dashes that can set nothing, sixteen
// bytes at a time: it sets the same flags as visiting every ':', '.' and
// '-', at every alignment.
TEST(ScanLinkTriggers, SkipsOnlyBytesThatSetNothing) {
  std::vector<std::string> inputs = Inputs();
  for (const char* odd : {"see x.Com/y and WWW.z", "a.io b-c", "end. -x", "w.\tq",
                          "github\v\f-", "1.5 e.g. et al. x.y", "go to www.1x.org", "\xC3\xA9.fr .de"}) {
    inputs.push_back(odd);
  }
  size_t bare = 0;
  for (const std::string& line : inputs) {
    for (size_t pad = 0; pad < 17; ++pad) {
      const std::string text = std::string(pad, 'x') + line;
      links_internal::LinkTriggers all;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ':' || text[i] == '.' || text[i] == '-') {
          links_internal::VisitLinkTrigger(text, i, all);
        }
      }
      const links_internal::LinkTriggers t = links_internal::ScanLinkTriggers(text);
      EXPECT_EQ(t.start, all.start) << pad << " " << line;
      EXPECT_EQ(t.title, all.title) << pad << " " << line;
      EXPECT_EQ(t.bare, all.bare) << pad << " " << line;
      bare += pad == 0 && all.bare;
    }
  }
  EXPECT_GT(bare, 10u);
}

// FindCandidates searches for kLinkStart only around trigger bytes: every
// match, at every start RE2 finds one, must hold a trigger no further than
// kStartBeforeTrigger from its start, and end within kStartAfterTrigger
// after it. Checked on the inputs above and on each alternative's longest
// and oddest forms.
TEST(NextStartTrigger, EveryLinkStartMatchHoldsATriggerNearItsStart) {
  const RE2 start(link_patterns::kLinkStart, links_internal::Latin1Options());
  std::vector<std::string> inputs = Inputs();
  for (const char* odd : {"HTTPS:\t \n \t//x", "ftp:  \n  //x", "x.GitHub.IO", "WWW.x",
                          "HuggingFace.Co/x", "hf.co/x", "github.com/", "xhttps://a",
                          "http: //a", "https:\n//a", "..github.io.", "www.www.x"}) {
    inputs.push_back(odd);
  }
  size_t matches = 0;
  for (const std::string& text : inputs) {
    const re2::StringPiece input(text);
    for (size_t at = 0; at < text.size(); ++at) {
      re2::StringPiece match;
      if (!start.Match(input, at, text.size(), RE2::ANCHOR_START, &match, 1)) continue;
      ++matches;
      const size_t trigger = links_internal::NextStartTrigger(text, at);
      ASSERT_NE(trigger, std::string::npos) << text.substr(at, 40);
      EXPECT_LT(trigger, at + match.size()) << text.substr(at, 40);
      EXPECT_LE(trigger - at, links_internal::kStartBeforeTrigger) << text.substr(at, 40);
      EXPECT_LE(at + match.size() - trigger, links_internal::kStartAfterTrigger + 1)
          << text.substr(at, 40);
    }
  }
  EXPECT_GT(matches, 100u);
}

}  // namespace
}  // namespace citex
