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

TEST(BibKeys, APaperTakesItsKeyAfterItsCitedWorksBeforeItsReferences) {
  BibKeys keys;
  Paper paper;
  paper.title = "Self-Instruct: Aligning Language Models";
  paper.authors = {"Yizhong Wang", "Yeganeh Kordi"};
  paper.year = "2023";
  paper.citations = {AuthorYear({"Wang"}, "2023", "Self-Instruct"),
                     MakeCitation("[3]", CitationKind::kNumeric, {}, false, "", std::nullopt, "3")};
  keys.Assign(paper);
  EXPECT_EQ(paper.citations[0].key, "wang2023selfinstruct");
  EXPECT_EQ(paper.key, "wang2023selfinstructa");
  EXPECT_EQ(paper.citations[1].key, "wang2023selfinstructa-ref3");
  // A later paper's citation of the same work keeps its key; a later paper
  // with the same base steps aside.
  Paper later = paper;
  keys.Assign(later);
  EXPECT_EQ(later.citations[0].key, "wang2023selfinstruct");
  EXPECT_EQ(later.key, "wang2023selfinstructb");
}

TEST(BibKeys, ManyCollisionsStayLinear) {
  BibKeys keys;
  Paper paper;
  for (int i = 0; i < 30000; ++i) keys.Assign(paper);
  keys.Assign(paper);
  EXPECT_EQ(paper.key, "anonariv");  // the 30,001st "anon"
}

// "Lottery Ticket Hypothesis (Frankle & Carbin 2019)" then "Frankle &
// Carbin (2019)" in one abstract: one work, named by its label.
TEST(BibKeys, OneAbstractsMentionsOfTheSameAuthorsAndYearAreOneWork) {
  BibKeys keys;
  Paper paper = WithCitations(
      0, {AuthorYear({"Frankle", "Carbin"}, "2019", "Lottery Ticket Hypothesis", false),
          AuthorYear({"Frankle", "Carbin"}, "2019", std::nullopt, false),
          AuthorYear({"Frankle"}, "2019", std::nullopt, true)});
  keys.Assign(paper);
  EXPECT_EQ(paper.citations[0].key, "frankle2019lottery");
  EXPECT_EQ(paper.citations[1].key, "frankle2019lottery");
  EXPECT_EQ(paper.citations[2].key, "frankle2019") << "other authors (et al.): another work";
  // In another abstract an unlabelled mention is not known to be that work.
  Paper other = WithCitations(1, {AuthorYear({"Frankle", "Carbin"}, "2019", std::nullopt, false)});
  keys.Assign(other);
  EXPECT_EQ(other.citations[0].key, "frankle2019a");
  // Two labels for the same authors and year: an unlabelled mention could be either.
  Paper two =
      WithCitations(2, {AuthorYear({"Devlin"}, "2019", "BERT"),
                        AuthorYear({"Devlin"}, "2019", "RoBERTa"), AuthorYear({"Devlin"}, "2019")});
  keys.Assign(two);
  EXPECT_EQ(two.citations[0].key, "devlin2019bert");
  EXPECT_EQ(two.citations[1].key, "devlin2019roberta");
  EXPECT_EQ(two.citations[2].key, "devlin2019");
}

Citation Arxiv(std::string id) {
  return MakeCitation("arXiv:" + id, CitationKind::kArxiv, {}, false, "", std::nullopt, id);
}

// An arXiv or DOI citation of a paper of the input names that paper's
// entry, whether the paper comes before the citation or after it.
TEST(BibKeys, CitationsOfAPaperInTheInputTakeItsKey) {
  BibKeys keys;
  Paper cited = WithCitations(0, {});
  cited.id = "2310.13961v2";
  cited.doi = "10.1000/ABC";
  cited.authors = {"Young-Suk Lee"};
  cited.year = "2023";
  keys.Assign(cited);
  EXPECT_EQ(cited.key, "lee2023paper");
  Paper citing = WithCitations(1, {Arxiv("2310.13961"),
                                   MakeCitation("doi:10.1000/abc", CitationKind::kDoi, {}, false,
                                                "", std::nullopt, "10.1000/abc"),
                                   Arxiv("2401.00001")});
  keys.Assign(citing);
  EXPECT_EQ(citing.key, "paper");
  EXPECT_EQ(citing.citations[0].key, "lee2023paper");
  EXPECT_TRUE(citing.citations[0].in_input);
  EXPECT_EQ(citing.citations[1].key, "lee2023paper");
  EXPECT_TRUE(citing.citations[1].in_input);
  EXPECT_EQ(citing.citations[2].key, "arxiv2401.00001");
  EXPECT_FALSE(citing.citations[2].in_input);
  // 2401.00001 comes after it was cited: its entry takes the stub's key.
  Paper later = WithCitations(2, {});
  later.id = "2401.00001";
  keys.Assign(later);
  EXPECT_EQ(later.key, "arxiv2401.00001");
  // The same record again is a second entry, with a key of its own.
  Paper again = later;
  keys.Assign(again);
  EXPECT_EQ(again.key, "papera");
}

Citation Doi(std::string doi) {
  return MakeCitation("doi:" + doi, CitationKind::kDoi, {}, false, "", std::nullopt, doi);
}

// Keys are kept in 64 KiB blocks: one far into the store, and one longer
// than a block, must come back whole to a citation of their paper.
TEST(BibKeys, KeysOfEarlierPapersComeBackFromAnyBlock) {
  BibKeys keys;
  std::vector<Paper> papers;
  for (int i = 0; i < 4000; ++i) {  // keys of about 50 bytes: several blocks
    Paper paper = WithCitations(papers.size(), {});
    paper.id = "2401." + std::to_string(10000 + i);
    paper.authors = {"Ada Lovelace"};
    paper.year = "2024";
    paper.title = "Supercalifragilisticexpialidocious engines";
    papers.push_back(paper);
    keys.Assign(papers.back());
  }
  Paper giant = WithCitations(papers.size(), {});
  giant.doi = "10.1000/giant";
  giant.title = std::string(100000, 'x');
  keys.Assign(giant);
  EXPECT_EQ(giant.key, std::string(100000, 'x'));
  Paper after = WithCitations(papers.size() + 1, {});
  after.id = "2402.00001";
  keys.Assign(after);

  Paper citing = WithCitations(papers.size() + 2,
                               {Arxiv("2401.10000v3"), Arxiv("2401.12000"), Arxiv("2401.13999"),
                                Doi("10.1000/GIANT"), Arxiv("2402.00001")});
  keys.Assign(citing);
  const std::vector<std::string> expected = {papers[0].key, papers[2000].key, papers[3999].key,
                                             giant.key, after.key};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(citing.citations[i].key, expected[i]) << i;
    EXPECT_TRUE(citing.citations[i].in_input) << i;
  }
  EXPECT_EQ(papers[0].key, "lovelace2024supercalifragilisticexpialidocious");
  EXPECT_EQ(papers[3999].key, "lovelace2024supercalifragilisticexpialidociousewu");
}

// New-style ids are remembered as packed digits, others by hashes: ids
// that differ only in length are two works, and an old-style id or a DOI
// cited before its paper comes is that paper's key as well.
TEST(BibKeys, EveryKindOfIdentityNamesOneWork) {
  BibKeys keys;
  Paper citing = WithCitations(0, {Arxiv("0704.0001"), Arxiv("0704.00001"), Arxiv("0704.0001v2"),
                                   Arxiv("hep-th/9901001"), Doi("10.1000/xyz")});
  keys.Assign(citing);
  EXPECT_EQ(citing.citations[0].key, "arxiv0704.0001");
  EXPECT_EQ(citing.citations[1].key, "arxiv0704.00001");
  EXPECT_EQ(citing.citations[2].key, "arxiv0704.0001");
  EXPECT_EQ(citing.citations[3].key, "arxivhep-th_9901001");
  EXPECT_EQ(citing.citations[4].key, "doi10.1000_xyz");
  for (const Citation& citation : citing.citations) EXPECT_FALSE(citation.in_input);
  Paper old_style = WithCitations(1, {});
  old_style.id = "hep-th/9901001v1";
  keys.Assign(old_style);
  EXPECT_EQ(old_style.key, "arxivhep-th_9901001");
  Paper with_doi = WithCitations(2, {});
  with_doi.doi = "10.1000/XYZ";
  keys.Assign(with_doi);
  EXPECT_EQ(with_doi.key, "doi10.1000_xyz");
  Paper again =
      WithCitations(3, {Arxiv("hep-th/9901001"), Doi("10.1000/xyz"), Arxiv("0704.00001")});
  keys.Assign(again);
  EXPECT_TRUE(again.citations[0].in_input);
  EXPECT_TRUE(again.citations[1].in_input);
  EXPECT_FALSE(again.citations[2].in_input);
  EXPECT_EQ(again.citations[2].key, "arxiv0704.00001");
}

TEST(BibKeys, NumericReferencesBelongToTheirPaper) {
  BibKeys keys;
  Paper a = WithCitations(
      0, {MakeCitation("[1]", CitationKind::kNumeric, {}, false, "", std::nullopt, "1")});
  Paper b = WithCitations(
      1, {MakeCitation("[1]", CitationKind::kNumeric, {}, false, "", std::nullopt, "1")});
  keys.Assign(a);
  keys.Assign(b);
  EXPECT_EQ(a.key, "paper");
  EXPECT_EQ(a.citations[0].key, "paper-ref1");
  EXPECT_EQ(b.key, "papera");
  EXPECT_EQ(b.citations[0].key, "papera-ref1");
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

// The pipeline prepares papers on several threads in any order, and hands
// them out in input order: the keys must be those of Assign one by one.
TEST(BibKeys, PreparedInAnyOrderSameKeysAsAssign) {
  std::vector<Paper> papers = testing::SamplePapers();
  Paper repeat = WithCitations(0, {AuthorYear({"Wang"}, "2023", "Self-Instruct"),
                                   Arxiv("2312.09999"), Doi("10.1000/xyz"),
                                   MakeCitation("[2]", CitationKind::kNumeric, {}, false, "",
                                                std::nullopt, "2")});
  repeat.id = "2312.09999";
  papers.push_back(repeat);
  papers.push_back(repeat);
  std::vector<Paper> prepared = papers;
  for (auto it = prepared.rbegin(); it != prepared.rend(); ++it) BibKeys::Prepare(*it);
  BibKeys one_by_one;
  BibKeys in_order;
  for (size_t i = 0; i < papers.size(); ++i) {
    one_by_one.Assign(papers[i]);
    in_order.AssignPrepared(prepared[i]);
    EXPECT_EQ(prepared[i].key, papers[i].key) << i;
    ASSERT_EQ(prepared[i].citations.size(), papers[i].citations.size());
    for (size_t c = 0; c < papers[i].citations.size(); ++c) {
      EXPECT_EQ(prepared[i].citations[c].key, papers[i].citations[c].key) << i << " " << c;
      EXPECT_EQ(prepared[i].citations[c].in_input, papers[i].citations[c].in_input);
    }
  }
  // A paper that cites its own arXiv id takes the key the citation gave it;
  // its second record is cited as a paper of the input and gets a new key.
  const Paper& first = papers[papers.size() - 2];
  EXPECT_EQ(first.key, "arxiv2312.09999");
  EXPECT_FALSE(first.citations[1].in_input);
  EXPECT_EQ(first.citations[3].key, "arxiv2312.09999-ref2");
  EXPECT_TRUE(papers.back().citations[1].in_input);
  EXPECT_EQ(papers.back().key, "paper");
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
