#include "extractor/stages/bibkeys.h"

#include <gtest/gtest.h>

#include "tests/format_samples.h"

namespace citex {
namespace {

using testing::MakeCitation;

Paper WithCitations(size_t index, std::vector<Citation> citations) {
  Paper paper;
  paper.index = index;
  paper.title = "A Paper";
  paper.citations = std::move(citations);
  return paper;
}

Citation AuthorYear(std::vector<std::string> authors, std::string year,
                    std::optional<std::string> label = std::nullopt, bool et_al = true) {
  return MakeCitation("", CitationKind::kAuthorYear, std::move(authors), et_al, std::move(year),
                      std::move(label));
}

TEST(BibKeys, FoldsNonAsciiToLowerCaseAscii) {
  EXPECT_EQ(BibKeys::Fold("Tönshoff"), "toenshoff");
  EXPECT_EQ(BibKeys::Fold("Müller"), "mueller");
  EXPECT_EQ(BibKeys::Fold("Çelik"), "celik");
  EXPECT_EQ(BibKeys::Fold("Gülçehre"), "guelcehre");
  EXPECT_EQ(BibKeys::Fold("Łukasz Ørsted Straße"), "lukaszorstedstrasse");
  EXPECT_EQ(BibKeys::Fold("Nguyễn"), "nguyen");
  EXPECT_EQ(BibKeys::Fold("O'Neil-Smith"), "oneilsmith");
  EXPECT_EQ(BibKeys::Fold("王 \xff Wang"), "wang");  // no Latin form, invalid byte: dropped
}

TEST(BibKeys, SurnameYearAndFirstSignificantWordOfTheLabel) {
  BibKeys keys;
  Paper paper = WithCitations(
      0, {AuthorYear({"Wang"}, "2023", "Self-Instruct"),
          AuthorYear({"Ouyang"}, "2022", "The Art of Instruction"),
          AuthorYear({"Tönshoff"}, "2023b"), AuthorYear({}, "2020"), AuthorYear({}, "")});
  keys.Assign(paper);
  EXPECT_EQ(paper.citations[0].key, "wang2023selfinstruct");
  EXPECT_EQ(paper.citations[1].key, "ouyang2022art");
  EXPECT_EQ(paper.citations[2].key, "toenshoff2023b");
  EXPECT_EQ(paper.citations[3].key, "2020");
  EXPECT_EQ(paper.citations[4].key, "anon");
}

TEST(BibKeys, SameWorkSameKeyAcrossPapers) {
  BibKeys keys;
  Paper a = WithCitations(0, {AuthorYear({"Wang"}, "2023", "Self-Instruct")});
  Paper b = WithCitations(1, {AuthorYear({"wang"}, "2023", "self-instruct"),
                              MakeCitation("arXiv:2303.08774v2", CitationKind::kArxiv, {}, false,
                                           "", std::nullopt, "2303.08774v2")});
  Paper c = WithCitations(2, {MakeCitation("2303.08774", CitationKind::kArxiv, {}, false, "",
                                           std::nullopt, "2303.08774")});
  keys.Assign(a);
  keys.Assign(b);
  keys.Assign(c);
  EXPECT_EQ(b.citations[0].key, a.citations[0].key);
  EXPECT_EQ(b.citations[1].key, "arxiv2303.08774");
  EXPECT_EQ(c.citations[0].key, "arxiv2303.08774");
}

TEST(BibKeys, DifferentWorksWithOneBaseKeyGetLettersInInputOrder) {
  BibKeys keys;
  // Same surname and year, no label: et al. or not, a different label, or
  // different co-authors make different works.
  Paper paper = WithCitations(
      0, {AuthorYear({"Wang"}, "2023"), AuthorYear({"Wang"}, "2023", std::nullopt, false),
          AuthorYear({"Wang", "Li"}, "2023", std::nullopt, false), AuthorYear({"Wang"}, "2023"),
          AuthorYear({"Wang"}, "2023a")});
  keys.Assign(paper);
  EXPECT_EQ(paper.citations[0].key, "wang2023");
  EXPECT_EQ(paper.citations[1].key, "wang2023a");
  EXPECT_EQ(paper.citations[2].key, "wang2023b");
  EXPECT_EQ(paper.citations[3].key, "wang2023");
  EXPECT_EQ(paper.citations[4].key, "wang2023aa");  // "wang2023a" was taken first
}

TEST(BibKeys, PaperKeysComeAfterCitedWorksInOneNamespace) {
  BibKeys keys;
  Paper paper;
  paper.title = "Self-Instruct: Aligning Language Models";
  paper.authors = {"Yizhong Wang", "Yeganeh Kordi"};
  paper.year = "2023";
  paper.citations = {AuthorYear({"Wang"}, "2023", "Self-Instruct"),
                     MakeCitation("[3]", CitationKind::kNumeric, {}, false, "", std::nullopt, "3")};
  keys.Assign(paper);
  EXPECT_EQ(paper.citations[0].key, "wang2023selfinstruct");
  EXPECT_EQ(paper.citations[1].key, "wang2023selfinstruct-ref3");
  // The cited work keeps the key the JSON gave it; the entry steps aside.
  EXPECT_EQ(keys.PaperKey(paper), "wang2023selfinstructa");
}

TEST(BibKeys, ManyCollisionsStayLinear) {
  BibKeys keys;
  Paper paper;
  for (int i = 0; i < 30000; ++i) keys.PaperKey(paper);
  EXPECT_EQ(keys.PaperKey(paper), "anonariv");  // the 30,001st "anon"
}

TEST(BibKeys, NumericReferencesBelongToTheirPaper) {
  BibKeys keys;
  Paper a = WithCitations(
      0, {MakeCitation("[1]", CitationKind::kNumeric, {}, false, "", std::nullopt, "1")});
  Paper b = WithCitations(
      1, {MakeCitation("[1]", CitationKind::kNumeric, {}, false, "", std::nullopt, "1")});
  keys.Assign(a);
  keys.Assign(b);
  EXPECT_EQ(a.citations[0].key, "paper-ref1");
  EXPECT_EQ(b.citations[0].key, "paper-ref1a");
}

TEST(BibKeys, SameInputSameKeys) {
  std::vector<std::string> first;
  for (int run = 0; run < 2; ++run) {
    BibKeys keys;
    std::vector<std::string> all;
    for (Paper& paper : testing::SamplePapers()) {
      keys.Assign(paper);
      for (const Citation& c : paper.citations) all.push_back(c.key);
    }
    if (run == 0) first = all;
    EXPECT_EQ(all, first);
  }
}

TEST(SplitName, SplitsAsBibtexDoes) {
  const auto split = [](std::string_view name) {
    const NameParts p = SplitName(name);
    return std::string(p.first) + "|" + std::string(p.von) + "|" + std::string(p.last) + "|" +
           std::string(p.jr);
  };
  EXPECT_EQ(split("C. Balázs"), "C.||Balázs|");
  EXPECT_EQ(split("C.-P. Yuan"), "C.-P.||Yuan|");
  EXPECT_EQ(split("Ludwig van Beethoven"), "Ludwig|van|Beethoven|");
  EXPECT_EQ(split("John Smith Jr."), "John||Smith|Jr.");
  EXPECT_EQ(split("  Plato "), "||Plato|");
  EXPECT_EQ(split("van der Berg, Anna"), "Anna|van der|Berg|");
  EXPECT_EQ(split("Smith, Jr., John"), "John||Smith|Jr.");
  EXPECT_EQ(split(""), "|||");
}

}  // namespace
}  // namespace citex
