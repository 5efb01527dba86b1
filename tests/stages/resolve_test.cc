// The resolution stage, one table per rule: particles and accents,
// corporate authors, author count, second surname, natbib's year suffixes,
// labels against titles, arXiv/DOI ids, and works missing from the library
// (which must stay unresolved). Each row is a sentence run through the
// citation pass and resolved against a small library written here.
#include "extractor/stages/resolve.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extractor/library/library.h"
#include "extractor/passes/citations/citations.h"

namespace citex {
namespace {

constexpr char kBib[] = R"(@string{jn = "Journal of Tests"}
@article{maaten2008, author = {van der Maaten, Laurens and Hinton, Geoffrey},
  title = {Visualizing Data using t-SNE}, journal = jn, year = 2008}
@book{saussure1916, author = {de Saussure, Ferdinand}, title = {Cours de linguistique g{\'e}n{\'e}rale}, year = {1916}}
@article{muller2019, author = {M{\"u}ller, Anna}, title = {Umlauts}, year = {2019}}
@techreport{who2020, author = {{World Health Organization}}, title = {World report}, year = {2020}}
@misc{smith1, author = {Smith, A.}, title = {Alone}, year = {2020}}
@misc{smith2, author = {Smith, A. and Jones, B.}, title = {Together}, year = {2020}}
@misc{smith3, author = {Smith, A. and Jones, B. and Lee, C.}, title = {Crowd}, year = {2020}}
@article{carrollA, author = {Carroll, C. and Crawley, E. and Slacalek, J.}, title = {Alpha}, year = {2020}}
@article{carrollB, author = {Carroll, C. and Crawley, E. and Slacalek, J.}, title = {Beta}, year = {2020}}
@article{carrollC, author = {Carroll, C. and Slacalek, J. and Tokuoka, K.}, title = {Gamma}, year = {2020}}
@article{hu2021lora, author = {Hu, Edward and Shen, Yelong and Wallis, Phillip}, title = {{LoRA}: Low-Rank Adaptation of Large Language Models}, year = {2021}, eprint = {2106.09685}, archiveprefix = {arXiv}}
@article{hu2021other, author = {Hu, Wei and Li, Ming and Zhou, Q.}, title = {Graph Benchmarks}, year = {2021}, doi = {10.1000/XYZ.1}}
@inproceedings{ed2015, editor = {Bengio, Yoshua and LeCun, Yann}, title = {Proceedings}, year = {2015}}
@article{wang2023a, author = {Wang, Yizhong and others}, title = {Self-Instruct}, year = {2023}}
@article{crosschild, author = {Kim, J.}, title = {Chapter}, crossref = {crossparent}}
@book{crossparent, title = {The Book}, year = {2001}, publisher = {P}}
)";

const Library& TestLibrary() {
  static const Library* library = [] {
    auto* lib = new Library();
    std::vector<LibraryError> errors;
    lib->LoadBibtexText("test.bib", kBib, &errors);
    lib->Finish();
    EXPECT_TRUE(errors.empty()) << errors.front().line << ": " << errors.front().reason;
    return lib;
  }();
  return *library;
}

// "key" when the citation resolves, "?a,b" for candidates, "" for neither.
std::vector<std::string> ResolveAll(const std::string& text) {
  std::vector<std::string> out;
  for (Citation& c : FindCitations(text)) {
    Resolve(TestLibrary(), text, -1, &c);
    std::string r = c.resolved ? c.resolved->key : "";
    if (!c.candidates.empty()) {
      r = "?";
      for (const LibraryCandidate& k : c.candidates) r += (r.size() > 1 ? "," : "") + k.key;
    }
    out.push_back(r);
  }
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> want;
};

void Check(const std::vector<Row>& rows) {
  for (const Row& row : rows) EXPECT_EQ(ResolveAll(row.text), row.want) << row.text;
}

TEST(Resolve, FoldsParticlesAndAccents) {
  const std::vector<std::pair<const char*, const char*>> folds = {
      {"van der Maaten", "maaten"}, {"Van der Maaten", "maaten"},        {"Maaten", "maaten"},
      {"de Saussure", "saussure"},  {"M{\\\"u}ller", "muller"},          {"Müller", "muller"},
      {"O'Neil", "oneil"},          {"García-Márquez", "garciamarquez"}, {"von", "von"}};
  for (const auto& [in, want] : folds) EXPECT_EQ(FoldSurname(in), want) << in;
  Check({{"as in van der Maaten and Hinton (2008)", {"maaten2008"}},
         {"(Van der Maaten and Hinton, 2008)", {"maaten2008"}},
         {"de Saussure (1916)", {"saussure1916"}},
         {"(Müller, 2019)", {"muller2019"}},
         {"(Muller, 2019)", {"muller2019"}}});
}

TEST(Resolve, CorporateAuthorsByTheirWholeName) {
  Check({{"(World Health Organization, 2020)", {"who2020"}},
         {"as the World Health Organization (2020) says", {"who2020"}},
         {"(Trade Organization, 2020)", {""}}});
}

TEST(Resolve, AuthorCount) {
  Check({{"Smith (2020)", {"smith1"}},
         {"Smith and Jones (2020)", {"smith2"}},
         {"Smith et al. (2020)", {"smith3"}},
         {"(Smith, Jones, and Lee, 2020)", {"smith3"}},
         {"(Wang et al., 2023)", {"wang2023a"}},
         {"Bengio and LeCun (2015)", {"ed2015"}}});
}

TEST(Resolve, SecondSurnameMustAgree) {
  Check({{"Smith and Brown (2020)", {""}}, {"(Smith, Lee, and Jones, 2020)", {""}}});
}

TEST(Resolve, NatbibSuffixOrder) {
  // Same label "Carroll et al." and year: a, b, c by authors, then title.
  const Library& lib = TestLibrary();
  std::string letters;
  for (const char* key : {"carrollA", "carrollB", "carrollC"}) {
    const LibraryEntry* e = lib.ByKey(key);
    ASSERT_NE(e, nullptr);
    letters += lib.NatbibSuffix(static_cast<uint32_t>(e - lib.entries().data()));
  }
  EXPECT_EQ(letters, "abc");
  Check({{"Carroll et al. (2020a)", {"carrollA"}},
         {"(Carroll et al., 2020b, c)", {"carrollB", "carrollC"}},
         {"Carroll et al. (2020d)", {""}},  // no fourth work: another letter rules each out
         {"Carroll et al. (2020)", {"?carrollA,carrollB,carrollC"}}});
}

TEST(Resolve, LabelAgainstTitle) {
  Check({{"LoRA (Hu et al., 2021)", {"hu2021lora"}},
         {"(Hu et al., 2021)", {"?hu2021lora,hu2021other"}}});
}

TEST(Resolve, IdentifiersAndCrossref) {
  Check({{"see arXiv:2106.09685v2", {"hu2021lora"}},
         {"doi:10.1000/xyz.1", {"hu2021other"}},
         {"Kim (2001)", {"crosschild"}}});
}

TEST(Resolve, MissingWorksStayUnresolved) {
  Check({{"Brown et al. (2020)", {""}},
         {"Smith (2019)", {""}},
         {"Maaten (2009)", {""}},
         {"see arXiv:2005.14165", {""}},
         {"Carroll (2020)", {""}}});  // one name, and no letter where natbib gives one
}

// Ties between entries that fit equally well: the name before the bracket,
// the paragraph's topic, and, between copies of one work (two papers' .bib
// files concatenated), the copy among the paper's other citations.
std::string TieBib() {
  std::string bib =
      "@article{luger1, author = {Luger, R. and Agol, E. and Foreman-Mackey, D.}, title = "
      "{Mapping Stellar Surfaces I}, year = 2021}\n"
      "@misc{showyourwork, author = {Luger, R. and Bedell, M. and Hogg, D.}, title = {Mapping "
      "stellar surfaces III: an open-source workflow}, year = 2021}\n"
      "@article{huangA, author = {Huang, S. and Hu, Y. and Korol, V.}, title = {Science with the "
      "TianQin Observatory}, year = 2020}\n"
      "@article{huangB, author = {Huang, W. and Emam, Z. and Goldblum, M.}, title = "
      "{Understanding Generalization through Visualizations}, year = 2020}\n"
      "@article{numpyA, author = {Harris, C. and Millman, K. and van der Walt, S.}, title = "
      "{Array programming with {NumPy}}, year = 2020}\n"
      "@article{nearA, author = {Nelemans, G. and Yungelson, L. and Portegies Zwart, S.}, title = "
      "{White dwarfs}, year = 2001}\n";
  for (int i = 0; i < 100; ++i) {
    bib += "@misc{filler" + std::to_string(i) + ", author = {Filler, F.}, title = {Filler " +
           std::to_string(i) + "}, year = 1999}\n";
  }
  bib +=
      "@article{numpyB, author = {Harris, Charles R. and Millman, K. Jarrod and van der Walt, "
      "St{\\'e}fan}, title = {Array Programming with {{NumPy}}}, year = 2020}\n"
      "@article{nearB, author = {Pedregosa, F. and Varoquaux, G. and Gramfort, A.}, title = "
      "{Scikit-learn}, year = 2011}\n";
  return bib;
}

TEST(Resolve, TieBreaks) {
  Library lib;
  std::vector<LibraryError> errors;
  lib.LoadBibtexText("ties.bib", TieBib(), &errors);
  lib.Finish();
  ASSERT_TRUE(errors.empty());
  auto run = [&](const std::string& text) {
    Paper paper;
    paper.abstract = text;
    paper.citations = FindCitations(text);
    MakeResolveStage(std::make_shared<Library>(lib))->Apply(paper);
    std::vector<std::string> keys;
    for (const Citation& c : paper.citations) {
      keys.push_back(c.resolved ? c.resolved->key : c.candidates.empty() ? "" : "?");
    }
    return keys;
  };
  const std::vector<std::pair<std::string, std::vector<std::string>>> rows = {
      // 1. the word before the bracket names one of the works (title or key)
      {"made with showyourwork (Luger et al., 2021).", {"showyourwork"}},
      {"as shown before (Luger et al., 2021).", {"?"}},
      // 2. the paragraph's topic: its distinctive title words
      {"the TianQin sensitivity curve of Huang et al. (2020).", {"huangA"}},
      {"as in Huang et al. (2020).", {"?"}},
      // 3. copies of one work: the one among the paper's other citations
      {"(Nelemans et al., 2001) with NumPy (Harris et al., 2020)", {"nearA", "numpyA"}},
      {"(Pedregosa et al., 2011) with NumPy (Harris et al., 2020)", {"nearB", "numpyB"}},
      {"with NumPy (Harris et al., 2020)", {"?"}},  // nothing says which copy
  };
  for (const auto& [text, want] : rows) EXPECT_EQ(run(text), want) << text;
  EXPECT_TRUE(SameWork(*lib.ByKey("numpyA"), *lib.ByKey("numpyB")));
  EXPECT_FALSE(SameWork(*lib.ByKey("huangA"), *lib.ByKey("huangB")));
  EXPECT_EQ(NamedBefore(FindCitations("jax (Bradbury et al., 2018)")[0],
                        "jax (Bradbury et al., 2018)"),
            "jax");
  EXPECT_EQ(NamedBefore(FindCitations("(see Bradbury et al., 2018)")[0],
                        "(see Bradbury et al., 2018)"),
            "");
}

TEST(Resolve, BadEntriesReportedWithTheRestKept) {
  const std::string bib =
      "@article{good1, author = {A. Smith}, title = {T}, year = 2020}\n"
      "@article{bad1, author = {B. Jones, title = {T}, year = 2020}\n"
      "\n"
      "@article{good2, author = \"C. Lee\", year = 2021}\n"
      "@article{bad2 author = {x}}\n"
      "@article{good1, author = {D. Dup}, year = 2022}\n"
      "@article{good3, author = {Z. Zed}, year = 2018, month = jan}\n";
  Library lib;
  std::vector<LibraryError> errors;
  lib.LoadBibtexText("bad.bib", bib, &errors);
  lib.Finish();
  std::vector<std::string> keys;
  for (const LibraryEntry& e : lib.entries()) keys.push_back(e.bib.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"good1", "good2", "good3"}));
  std::vector<std::string> where;
  for (const LibraryError& e : errors) {
    where.push_back(e.path + ":" + std::to_string(e.line) + (e.warning ? " warning" : ""));
  }
  // btparse's own messages (the unclosed brace is found at the end of its
  // entry, line 4), then which entry was skipped.
  EXPECT_EQ(where, (std::vector<std::string>{"bad.bib:4", "bad.bib:2", "bad.bib:5", "bad.bib:5",
                                             "bad.bib:5", "bad.bib:6 warning"}));
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_EQ(errors[2].reason, "syntax error: found \"author\", expected \",\"");
  EXPECT_EQ(errors[5].reason, "duplicate key \"good1\" skipped (first at line 1)");
}

}  // namespace
}  // namespace citex
