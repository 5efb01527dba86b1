// The citation pass's hand-written shortcuts against plain RE2: the trigger
// scan (each flag false means its pattern matches nowhere), and the fast
// paths that read capture groups off a whole match (MatchGroupItem,
// MatchNarrative) against RE2's own submatches, for every match.
// Inputs: every example of citation_patterns.h, the conformance inputs
// (tests/data/conformance/citations) and the seed abstract
// (tests/data/citations).
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/base/utf8.h"
#include "extractor/passes/citations/citation_patterns.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

namespace cp = citation_patterns;
namespace fs = std::filesystem;

std::vector<std::string> Inputs() {
  std::vector<std::string> out;
  for (const cp::Examples& e : cp::AllExamples()) {
    for (std::string_view s : e.matches) out.emplace_back(s);
    for (std::string_view s : e.rejects) out.emplace_back(s);
  }
  const fs::path data = fs::path(CITEX_SOURCE_DIR) / "tests" / "data";
  for (const auto& file : fs::directory_iterator(data / "conformance" / "citations")) {
    if (file.path().extension() != ".jsonl") continue;
    std::ifstream in(file.path());
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) out.push_back(nlohmann::json::parse(line).at("input").get<std::string>());
    }
  }
  for (const auto& file : fs::directory_iterator(data / "citations")) {
    if (file.path().extension() != ".txt") continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

TEST(FastPaths, InputsAreThere) {
  // 25 tables, 80 conformance records and the seed: a missing folder shows.
  EXPECT_GT(Inputs().size(), 200u);
}

// Whether `pattern` matches somewhere in `text`; each pattern compiled once.
bool Finds(const std::string& pattern, const std::string& text) {
  static std::map<std::string, std::unique_ptr<RE2>> compiled;
  std::unique_ptr<RE2>& re = compiled[pattern];
  if (!re) {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    re = std::make_unique<RE2>(pattern, options);
  }
  EXPECT_TRUE(re->ok()) << pattern;
  return RE2::PartialMatch(text, *re);
}

// A flag may be set without a match (it is a necessary condition), never
// cleared with one.
TEST(FastPaths, TriggersNeverMissAMatch) {
  for (const std::string& text : Inputs()) {
    const Triggers t = ScanTriggers(text);
    if (!t.year) EXPECT_FALSE(Finds(cp::kYear, text)) << text;
    if (!t.year_in_bracket) EXPECT_FALSE(Finds(cp::NarrativePattern(), text)) << text;
    if (!t.numeric_bracket) EXPECT_FALSE(Finds(cp::kNumericBracket, text)) << text;
    if (!t.arxiv_word) EXPECT_FALSE(Finds(cp::kArxivNew, text)) << text;
    if (!t.arxiv_host) EXPECT_FALSE(Finds(cp::kArxivUrl, text)) << text;
    if (!t.old_id) EXPECT_FALSE(Finds(cp::kArxivOld, text)) << text;
    if (!t.doi) EXPECT_FALSE(Finds(cp::kDoi, text)) << text;
    if (!t.paren) EXPECT_FALSE(Finds(cp::kParenGroup, text)) << text;
    if (!t.bracket) EXPECT_FALSE(Finds(cp::kBracketGroup, text)) << text;
  }
}

// The digit triggers at every offset and length, so each lands in every
// lane of the sixteen-byte scan and in its scalar tail.
TEST(FastPaths, DigitTriggersAtEveryOffset) {
  for (size_t pad = 0; pad < 40; ++pad) {
    for (size_t tail = 0; tail < 20; ++tail) {
      const auto at = [&](const std::string& trigger) {
        return ScanTriggers(std::string(pad, 'a') + trigger + std::string(tail, 'b'));
      };
      const Triggers year = at("( 2020");
      EXPECT_TRUE(year.year && year.year_in_bracket) << pad << " " << tail;
      EXPECT_TRUE(at("10.1234").doi) << pad << " " << tail;
      EXPECT_TRUE(at("/1234567").old_id) << pad << " " << tail;
      const Triggers none = at("1 15 123 1599 2100 10.123 /123456");
      EXPECT_FALSE(none.year || none.doi || none.old_id) << pad << " " << tail;
    }
  }
}

// The byte triggers likewise: '(' and '[' and the 'x' of "arxiv", and what
// only looks like them.
TEST(FastPaths, ByteTriggersAtEveryOffset) {
  for (size_t pad = 0; pad < 40; ++pad) {
    for (size_t tail = 0; tail < 20; ++tail) {
      const auto at = [&](const std::string& trigger) {
        return ScanTriggers(std::string(pad, 'a') + trigger + std::string(tail, 'b'));
      };
      const std::string where = std::to_string(pad) + " " + std::to_string(tail);
      EXPECT_TRUE(at("(").paren) << where;
      const Triggers bracket = at("[ 7");
      EXPECT_TRUE(bracket.bracket && bracket.numeric_bracket) << where;
      const Triggers word = at("arXiv");
      EXPECT_TRUE(word.arxiv_word && !word.arxiv_host) << where;
      const Triggers host = at("arxiv.org/");
      EXPECT_TRUE(host.arxiv_word && host.arxiv_host) << where;
      const Triggers none = at("x X arxi rxiv ARXIV.ORG/ [a ) ]");
      EXPECT_FALSE(none.paren || none.numeric_bracket || none.arxiv_host) << where;
      EXPECT_TRUE(none.arxiv_word && none.bracket) << where;  // "ARXIV", "[a"
    }
  }
}

// The same pieces: both unset, or the same bytes of the same text.
template <size_t N>
void ExpectSame(const std::array<StringPiece, N>& fast, const std::array<StringPiece, N>& re2,
                const std::string& text, size_t pos) {
  for (size_t g = 0; g < N; ++g) {
    EXPECT_EQ(fast[g].data() == nullptr, re2[g].data() == nullptr)
        << "group " << g << " at " << pos << " in " << text;
    if (fast[g].data() == nullptr || re2[g].data() == nullptr) continue;
    EXPECT_EQ(fast[g].data() - text.data(), re2[g].data() - text.data())
        << "group " << g << " at " << pos << " in " << text;
    EXPECT_EQ(fast[g].size(), re2[g].size()) << "group " << g << " at " << pos << " in " << text;
  }
}

// Searches from 0, then from one byte after each match's start, so every
// match a leftmost search can return (overlapping ones too) is compared.
template <size_t N, typename Fast>
size_t Compare(const RE2& re, Fast fast) {
  size_t matches = 0;
  for (const std::string& text : Inputs()) {
    const StringPiece all(text);
    size_t pos = 0;
    while (pos <= text.size()) {
      std::array<StringPiece, N> got, want;
      const bool found = fast(re, all, pos, &got);
      const bool want_found = re.Match(all, pos, all.size(), RE2::UNANCHORED, want.data(), N);
      EXPECT_EQ(found, want_found) << "at " << pos << " in " << text;
      if (!found || !want_found) break;
      ++matches;
      ExpectSame(got, want, text, pos);
      pos = static_cast<size_t>(want[0].data() - text.data()) + 1;
    }
  }
  return matches;
}

TEST(FastPaths, MatchGroupItemAgreesWithRe2) {
  EXPECT_GT(Compare<3>(GroupItemRe(), MatchGroupItem), 50u);
}

TEST(FastPaths, MatchNarrativeAgreesWithRe2) {
  EXPECT_GT(Compare<4>(NarrativeRe(), MatchNarrative), 50u);
}

TEST(AsciiPatterns, NarrowTheUnicodeClassesToTheirAsciiMembers) {
  EXPECT_EQ(AsciiOnly(cp::kNameStart), R"((?:^|[^A-Za-z0-9'\-]))");
  EXPECT_EQ(AsciiOnly(cp::kOrganisation), "[A-Z]{2,8}");
  EXPECT_EQ(AsciiOnly(cp::kLabelToken), R"([A-Za-z0-9][A-Za-z0-9\-+./_']*)");
  EXPECT_EQ(AsciiOnly(cp::kLabelMark), "[A-Z0-9]");
  EXPECT_EQ(AsciiOnly(R"((?:\p{Lu}[\p{Ll}\p{M}]|\p{Lu}['’]\p{Lu})[\p{L}\p{M}'’\-]*)"),
            R"((?:[A-Z][a-z]|[A-Z]['][A-Z])[A-Za-z'\-]*)");
  EXPECT_EQ(AsciiOnly(R"([^\s"<>\x{201C}\x{201D}]+)"), R"([^\s"<>]+)");
  EXPECT_EQ(AsciiOnly("[-–—]|§"), "[-]|§");  // outside a class a literal stays: it cannot match
  EXPECT_EQ(AsciiOnly(cp::kYear), cp::kYear);
}

TEST(AsciiPatterns, LeaveWhatTheyCannotNarrowSafelyAsWritten) {
  for (const char* pattern : {R"((?i)\p{Lu})", "[a-é]", "[é-z]", R"(\p{Greek})", "[é]", R"(\PL)",
                              R"(\pL)", "[[:alpha:]é]", R"(x\p{M})"}) {
    EXPECT_EQ(AsciiOnly(pattern), pattern);
  }
}

std::vector<std::string> AsciiInputs() {
  std::vector<std::string> out;
  for (std::string& text : Inputs()) {
    if (IsAscii(text)) out.push_back(std::move(text));
  }
  return out;
}

// On ASCII text the narrowed form finds every match the pattern finds, at
// the same bytes: searched from 0, then from one byte after each match.
TEST(AsciiPatterns, FindTheSameMatchesOnAsciiText) {
  const std::vector<std::string> inputs = AsciiInputs();
  EXPECT_GT(inputs.size(), 150u);
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  for (const std::string& pattern :
       {std::string(cp::kSurname), cp::NarrativePattern(), cp::GroupItemPattern(),
        cp::OrganisationItemPattern(), std::string(cp::kLabelToken), std::string(cp::kLabelMark),
        std::string(cp::kDoi), std::string(cp::kLocator)}) {
    const RE2 as_written(pattern, options);
    const RE2 narrowed(AsciiOnly(pattern), options);
    ASSERT_TRUE(narrowed.ok()) << narrowed.error();
    EXPECT_NE(narrowed.pattern(), pattern);
    size_t matches = 0;
    for (const std::string& text : inputs) {
      const StringPiece all(text);
      for (size_t pos = 0; pos <= text.size();) {
        StringPiece want, got;
        const bool found = as_written.Match(all, pos, all.size(), RE2::UNANCHORED, &want, 1);
        EXPECT_EQ(narrowed.Match(all, pos, all.size(), RE2::UNANCHORED, &got, 1), found) << text;
        if (!found) break;
        ++matches;
        EXPECT_EQ(got.data(), want.data()) << pattern << " in " << text;
        EXPECT_EQ(got.size(), want.size()) << pattern << " in " << text;
        pos = static_cast<size_t>(want.data() - text.data()) + 1;
      }
    }
    EXPECT_GT(matches, 0u) << pattern;
  }
}

// What the finders return, written out to compare.
std::string Describe(const std::vector<Callout>& callouts) {
  std::string out;
  for (const Callout& c : callouts) {
    out += std::to_string(c.start) + "-" + std::to_string(c.end) + ":";
    for (const Citation& r : c.records) {
      out += " " + r.text + " [" + r.year + "]";
      for (const std::string& a : r.authors) out += " " + a;
    }
    out += "\n";
  }
  return out;
}

std::string FindAll(const std::string& text, bool ascii) {
  const AsciiText scope(ascii);
  std::vector<Callout> callouts;
  FindGroups(text, ParenGroupRe(), &callouts);
  FindGroups(text, BracketGroupRe(), &callouts);
  FindNarrative(text, &callouts);
  FindBare(text, &callouts);
  std::string labels;
  for (const Callout& c : callouts) labels += FindLabel(text, c.start, 0).value_or("-") + " ";
  return Describe(callouts) + labels;
}

TEST(AsciiPatterns, FindersGiveTheSameCalloutsWithEitherForm) {
  size_t found = 0;
  for (const std::string& text : AsciiInputs()) {
    const std::string as_written = FindAll(text, false);
    EXPECT_EQ(FindAll(text, true), as_written) << text;
    found += !as_written.empty();
  }
  EXPECT_GT(found, 50u);
}

}  // namespace
}  // namespace citex::citation_internal
