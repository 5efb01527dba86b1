#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "extractor/stages/bibkeys.h"
#include "extractor/stages/stage.h"
#include "formats/bibtex_text.h"
#include "formats/writer.h"
#include "tests/external_tool.h"
#include "tests/format_samples.h"

namespace citex {
namespace {

using testing::HaveTool;
using testing::ReadFile;
using testing::RunTool;
using testing::SamplePapers;
using testing::TempDir;
using testing::WriteFile;

// The key stage, then the writer, as the pipeline runs them.
std::string Render(std::vector<Paper> papers, const WriterOptions& options = {}) {
  std::unique_ptr<Stage> keys = MakeKeyStage();
  std::unique_ptr<Writer> writer = FindFormat("bibtex")->make(options);
  std::string out;
  writer->Begin(out);
  for (Paper& paper : papers) {
    keys->Apply(paper);
    writer->Write(paper, out);
  }
  writer->End(out);
  return out;
}

std::vector<std::string> EntryKeys(const std::string& bib) {
  std::vector<std::string> keys;
  // Any entry type: with --library a resolved work is the library's own entry.
  static const std::regex kEntry(R"((?:^|\n)@[a-z]+\{([^,]+),)");
  for (auto it = std::sregex_iterator(bib.begin(), bib.end(), kEntry); it != std::sregex_iterator();
       ++it) {
    keys.push_back((*it)[1]);
  }
  return keys;
}

// The text of one entry, from "@misc{key," to the closing line.
std::string Entry(const std::string& bib, const std::string& key) {
  const size_t start = bib.find("@misc{" + key + ",\n");
  if (start == std::string::npos) return "";
  return bib.substr(start, bib.find("\n}\n", start) + 3 - start);
}

TEST(Bibtex, PaperEntryHasTitleAuthorsArxivDoiAndOwnLinks) {
  const std::string bib = Render(SamplePapers());
  const std::string entry = Entry(bib, "lee2023ensembleinstruct");
  ASSERT_FALSE(entry.empty()) << bib;
  EXPECT_NE(entry.find("  author = {Lee, Young-Suk and Tönshoff, Jörg and Balázs, C. and "
                       "Gülçehre, Çağlar and van Beethoven, Ludwig and Smith, Jr., John and "
                       "{ATLAS Collaboration}},\n"),
            std::string::npos)
      << entry;
  EXPECT_NE(entry.find("  title = {Ensemble-Instruct: Generating Instruction-Tuning Data with a "
                       "Heterogeneous Mixture of {LMs} like {GPT}-4, {BERT} and {LoRA}},\n"),
            std::string::npos)
      << entry;
  EXPECT_NE(entry.find("  year = {2023},\n  eprint = {2310.13961},\n  archivePrefix = {arXiv},\n"
                       "  primaryClass = {cs.CL},\n  doi = {10.18653/v1/2023.findings-emnlp.836},\n"
                       "  url = {https://github.com/IBM/ensemble-instruct},\n"),
            std::string::npos)
      << entry;
  // The rest of its own links, readable; not the third-party repo or the arXiv link.
  EXPECT_NE(entry.find("  note = {Model: https://huggingface.co/ibm/ensemble\\_model (coming "
                       "soon); dataset: https://huggingface.co/datasets/ibm/ei-data},\n"),
            std::string::npos)
      << entry;
  EXPECT_EQ(entry.find("self-instruct"), std::string::npos) << entry;
}

TEST(Bibtex, HostileTitleIsEscapedInOnePass) {
  const std::string bib = Render(SamplePapers());
  const std::string entry = Entry(bib, "unbalanced");
  ASSERT_FALSE(entry.empty()) << bib;
  EXPECT_NE(entry.find("  title = {100\\% \\& \\$5 \\textasciitilde{} \\textasciicircum{} "
                       "\\textbackslash{} \\textbraceleft{}unbalanced \"quoted\", "
                       "\\textless{}b\\textgreater{}bold\\textless{}/b\\textgreater{} "
                       "\\textbar{} \\# \\_x\\_},\n"),
            std::string::npos)
      << entry;
  // url is verbatim but for the bytes that would unbalance the field.
  EXPECT_NE(entry.find("  url = {https://ensemble.github.io/a_b~c?q=1%20&x=%7By%7D#frag},\n"),
            std::string::npos)
      << entry;
  // No author: classic bibtex sorts by `key`.
  EXPECT_NE(entry.find("  key = {unbalanced},\n"), std::string::npos) << entry;
}

TEST(Bibtex, OneStubPerDistinctWorkWithWhereItWasCited) {
  const std::string bib = Render(SamplePapers());
  const std::vector<std::string> keys = EntryKeys(bib);
  // Each paper as it comes, its numeric references right after it; the
  // other cited works at the end, in first-cited order.
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "lee2023ensembleinstruct", "lee2023ensembleinstruct-ref12", "unbalanced",
                      "nothing", "not", "wang2023selfinstruct", "wang2023b", "mueller2021pile",
                      "arxiv2303.08774", "doi10.1000_x_y_1_", "toenshoff2023", "celik2020"}))
      << bib;
  const std::string self_instruct = Entry(bib, "wang2023selfinstruct");
  EXPECT_EQ(self_instruct,
            "@misc{wang2023selfinstruct,\n"
            "  author = {Wang and others},\n"
            "  title = {{Self-Instruct}},\n"
            "  year = {2023},\n"
            "  note = {Cited as ``Wang et al., 2023'' in 2310.13961 (Ensemble-Instruct: "
            "Generating Instruction-Tuning Data with a Heterogeneous Mixture of LMs like GPT-4, "
            "BERT and LoRA); 100\\% \\& \\$5 \\textasciitilde{} \\textasciicircum{} "
            "\\textbackslash{} \\textbraceleft{}unbalanced \"quoted\", "
            "\\textless{}b\\textgreater{}bold\\textless{}/b\\textgreater{} \\textbar{} \\# "
            "\\_x\\_; hf-abc (\\# 1. Not a *heading* [link](http://x) `code` \xEF\xBF\xBD"
            "\xEF\xBF\xBD end)},\n"
            "}\n");
  // The suffix orders one reference list; biber takes only an integer year.
  EXPECT_NE(Entry(bib, "wang2023b").find("  year = {2023},\n"), std::string::npos);
  EXPECT_NE(Entry(bib, "mueller2021pile")
                .find("  author = {Müller and {de Vries}},\n  "
                      "title = {{The Pile: 100\\% of\\_it}},\n"),
            std::string::npos)
      << bib;
  const std::string arxiv = Entry(bib, "arxiv2303.08774");
  EXPECT_NE(arxiv.find("  eprint = {2303.08774},\n  archivePrefix = {arXiv},\n"), std::string::npos)
      << arxiv;
  EXPECT_EQ(arxiv.find("author"), std::string::npos) << "never invent authors";
  EXPECT_EQ(arxiv.find("year"), std::string::npos) << "never invent years";
  EXPECT_EQ(arxiv.find("title"), std::string::npos) << "never invent titles";
  EXPECT_NE(Entry(bib, "doi10.1000_x_y_1_").find("  doi = {10.1000/x_y%7B1%7D},\n"),
            std::string::npos);
}

TEST(Bibtex, KeysInJsonAreKeysInBibtex) {
  std::vector<Paper> papers = SamplePapers();
  BibKeys keys;
  for (Paper& paper : papers) keys.Assign(paper);
  const std::string bib = Render(papers);
  const std::vector<std::string> entries = EntryKeys(bib);
  const std::set<std::string> entry_set(entries.begin(), entries.end());
  EXPECT_EQ(entry_set.size(), entries.size()) << "keys are unique";
  for (const Paper& paper : papers) {
    for (const Citation& citation : paper.citations) {
      EXPECT_EQ(entry_set.count(citation.key), 1u) << citation.text << " -> " << citation.key;
    }
  }
}

TEST(Bibtex, LatexAccentsOptionWritesAsciiForClassicBibtex) {
  WriterOptions options;
  options.bibtex_latex_accents = true;
  const std::string bib = Render(SamplePapers(), options);
  EXPECT_NE(bib.find("T{\\\"o}nshoff, J{\\\"o}rg and Bal{\\'a}zs, C. and "
                     "G{\\\"u}l{\\c{c}}ehre, {\\c{C}}a{\\u{g}}lar"),
            std::string::npos)
      << bib;
  // The sample has only Latin letters and invalid bytes (as "?"): all ASCII.
  for (char c : bib) {
    ASSERT_LT(static_cast<unsigned char>(c), 0x80) << bib;
  }
}

std::string TexTitle(std::string_view title, bool latex_accents = false) {
  std::string out;
  AppendBibtexTitle(title, BibtexStyle{latex_accents, true}, out);
  return out;
}

// arXiv's own export and INSPIRE keep $...$ as written: so does a TeX field.
TEST(BibtexTex, MathAndMacrosPassThrough) {
  EXPECT_EQ(TexTitle("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$"),
            "From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");
  EXPECT_EQ(TexTitle("hematite ($\\alpha\\text{-Fe}_2\\text{O}_3$) at GHz"),
            "hematite ($\\alpha\\text{-Fe}_2\\text{O}_3$) at {GHz}");
  EXPECT_EQ(TexTitle("\\ensuremath{x^2} and \\(y_1\\) in \\emph{BERT}~models"),
            "\\ensuremath{x^2} and \\(y_1\\) in \\emph{{BERT}}~models");
  // Capitals inside math and in macro names are not braced.
  EXPECT_EQ(TexTitle("$\\mathcal{NP}$-hard \\LaTeX"), "$\\mathcal{NP}$-hard \\LaTeX");
}

TEST(BibtexTex, OnlyWhatBreaksBibtexOrLatexIsEscaped) {
  EXPECT_EQ(TexTitle("Costs $5 & 100% #1 of a_b ^ {unbalanced"),
            "Costs \\$5 \\& 100\\% \\#1 of a\\_b \\textasciicircum{} "
            "\\textbraceleft{}unbalanced");
  EXPECT_EQ(TexTitle("already \\& and \\% and \\$ kept"), "already \\& and \\% and \\$ kept");
  EXPECT_EQ(TexTitle("closing} {paired} \\{lone"),
            "closing\\textbraceright{} {paired} \\textbraceleft{}lone");
  // "\{" pairs with "\}" only, as LaTeX reads them.
  EXPECT_EQ(TexTitle("\\{a\\} \\{b}"), "\\{a\\} \\textbraceleft{}b\\textbraceright{}");
  EXPECT_EQ(TexTitle("ends in a backslash \\"), "ends in a backslash \\textbackslash{}");
  EXPECT_EQ(TexTitle("control\\ space"), "control space");
  EXPECT_EQ(TexTitle("<b>|"), "\\textless{}b\\textgreater{}\\textbar{}");
}

TEST(BibtexTex, LatexAccentsNeverInsideMath) {
  EXPECT_EQ(TexTitle("Gröbner $ö$", true), "Gr{\\\"o}bner $ö$");
}

TEST(BibtexTex, PlainTextIsEscapedFully) {
  std::string out;
  AppendBibtexTitle("$\\alpha$ ~", BibtexStyle{false, false}, out);
  EXPECT_EQ(out, "\\$\\textbackslash{}alpha\\$ \\textasciitilde{}");
}

// A TeX paper's title, names and the citations of its TeX abstract stay TeX
// in its entry and in the stubs that name it.
TEST(BibtexTex, EntriesAndStubsOfATexPaper) {
  Paper paper;
  paper.id = "0704.0005";
  paper.title = "From dyadic $\\Lambda_{\\alpha}$";
  paper.authors = {"Wael Abu-Shammala"};
  paper.year = "2007";
  paper.tex = {true, true, true};
  paper.citations = {testing::MakeCitation("Smith (2001)", CitationKind::kAuthorYear, {"Smith"},
                                           false, "2001", "$\\beta$-model")};
  const std::string bib = Render({paper});
  EXPECT_NE(bib.find("  title = {From dyadic $\\Lambda_{\\alpha}$},\n"), std::string::npos) << bib;
  EXPECT_NE(bib.find("  title = {{$\\beta$-model}},\n"), std::string::npos) << bib;
  EXPECT_NE(bib.find("in 0704.0005 (From dyadic $\\Lambda_{\\alpha}$)},\n"), std::string::npos)
      << bib;
}

// biber is the consumer biblatex users run; --validate-datamodel checks
// every entry against the data model. The one warning tolerated is
// "Missing mandatory field": a stub lacks what the input did not say.
void ExpectBiberAccepts(const std::string& bib) {
  const TempDir dir;
  WriteFile(dir.File("refs.bib"), bib);
  const testing::ToolResult result = RunTool("cd '" + dir.path() +
                                             "' && biber --tool --validate-datamodel --output-file "
                                             "out.bib refs.bib");
  EXPECT_EQ(result.status, 0) << result.output;
  std::istringstream lines(result.output);
  std::string complaints;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("INFO", 0) == 0 || line.find("Missing mandatory field") != std::string::npos) {
      continue;
    }
    complaints += line + "\n";
  }
  EXPECT_EQ(complaints, "") << bib;
  // biber read every entry back.
  const std::string out = ReadFile(dir.File("out.bib"));
  size_t entries = 0;
  for (size_t at = 0; (at = out.find("\n@", at)) != std::string::npos; ++at) ++entries;
  entries += out.rfind("@", 0) == 0;
  EXPECT_EQ(entries, EntryKeys(bib).size()) << out;
}

// Classic bibtex through a \nocite{*} document: no error, no warning.
void ExpectBibtexAccepts(const std::string& bib) {
  const TempDir dir;
  WriteFile(dir.File("refs.bib"), bib);
  WriteFile(dir.File("doc.aux"), "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n");
  const testing::ToolResult result = RunTool("cd '" + dir.path() + "' && bibtex doc");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_EQ(result.output.find("Warning"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("error"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("You're missing"), std::string::npos) << result.output;
  // bibtex formatted every entry.
  const std::string bbl = ReadFile(dir.File("doc.bbl"));
  size_t items = 0;
  for (size_t at = 0; (at = bbl.find("\\bibitem{", at)) != std::string::npos; ++at) ++items;
  EXPECT_EQ(items, EntryKeys(bib).size());
}

TEST(Bibtex, OddNamesStayOneNameEach) {
  Paper paper;
  paper.title = "Names";
  paper.year = "2024";
  paper.authors = {" ", "Smith, Jr., John, Paul", "Smith and Wesson", "Plato", "AND Corp"};
  paper.citations = {
      testing::MakeCitation("x", CitationKind::kAuthorYear, {"", "Li, K."}, false, "2020")};
  const std::string bib = Render({paper});
  EXPECT_NE(bib.find("@misc{smith2024names,\n  author = {Smith, Jr., John Paul and "
                     "{Smith and Wesson} and Plato and {AND Corp}},\n"),
            std::string::npos)
      << bib;
  EXPECT_NE(bib.find("  author = {{Li, K.}},\n"), std::string::npos) << bib;
  if (HaveTool("biber")) ExpectBiberAccepts(bib);
  if (HaveTool("bibtex")) ExpectBibtexAccepts(bib);
}

// Whatever the input holds, biber and bibtex read the file.
TEST(Bibtex, RandomTextStillValidates) {
  CITEX_REQUIRE(HaveTool("biber"), "biber is not installed (Debian package biber)");
  for (const unsigned seed : {1u, 5u, 9u}) {
    SCOPED_TRACE(seed);
    const std::vector<Paper> papers = testing::RandomPapers(seed, 150);
    WriterOptions accents;
    accents.bibtex_latex_accents = true;
    for (const std::string& bib : {Render(papers), Render(papers, accents)}) {
      ExpectBiberAccepts(bib);
      if (HaveTool("bibtex")) ExpectBibtexAccepts(bib);
    }
  }
}

TEST(Bibtex, BiberReadsTheSamples) {
  CITEX_REQUIRE(HaveTool("biber"), "biber is not installed (Debian package biber)");
  ExpectBiberAccepts(Render(SamplePapers()));
  WriterOptions options;
  options.bibtex_latex_accents = true;
  ExpectBiberAccepts(Render(SamplePapers(), options));
}

TEST(Bibtex, ClassicBibtexReadsTheSamples) {
  CITEX_REQUIRE(HaveTool("bibtex") && RunTool("kpsewhich plain.bst").status == 0,
                "bibtex or plain.bst missing (Debian packages texlive-binaries, texlive-base)");
  ExpectBibtexAccepts(Render(SamplePapers()));
  WriterOptions options;
  options.bibtex_latex_accents = true;
  ExpectBibtexAccepts(Render(SamplePapers(), options));
}

// What bibtex writes must also typeset: every escape is a command pdflatex
// knows in its default OT1 fonts, and --latex-accents leaves it nothing it
// cannot print.
TEST(Bibtex, PdflatexTypesetsTheLatexAccentsOutput) {
  if (!HaveTool("pdflatex") || !HaveTool("bibtex")) {
    GTEST_SKIP() << "pdflatex or bibtex missing (Debian packages texlive-latex-base, "
                    "texlive-binaries)";
  }
  WriterOptions options;
  options.bibtex_latex_accents = true;
  const TempDir dir;
  WriteFile(dir.File("refs.bib"), Render(SamplePapers(), options));
  WriteFile(dir.File("doc.tex"),
            "\\documentclass{article}\\begin{document}\\nocite{*}\\bibliographystyle{plain}"
            "\\bibliography{refs}\\end{document}\n");
  const std::string latex = "pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null";
  const testing::ToolResult result =
      RunTool("cd '" + dir.path() + "' && " + latex + " && bibtex doc >/dev/null && " + latex +
              " && " + latex);
  const std::string log = ReadFile(dir.File("doc.log"));
  EXPECT_EQ(result.status, 0) << log;
  EXPECT_EQ(log.find("\n!"), std::string::npos) << log;
  EXPECT_EQ(log.find("Missing character"), std::string::npos) << log;
}

// The seed page, arXiv snapshot records and a Hub response, extracted and
// written by the citex executable as a user runs it.
std::string CitexBibtex(const std::string& options) {
  const testing::Run run = testing::RunCitexOnSamples("-f bibtex " + options);
  EXPECT_EQ(run.status, 0) << run.err;
  return run.out;
}

TEST(BibtexCli, RealInputsPassBiberAndClassicBibtex) {
  CITEX_REQUIRE(HaveTool("biber"), "biber is not installed (Debian package biber)");
  const std::string utf8 = CitexBibtex("");
  const std::string accents = CitexBibtex("--latex-accents");
  ASSERT_GE(EntryKeys(utf8).size(), 104u);  // one entry per paper at least
  ExpectBiberAccepts(utf8);
  ExpectBiberAccepts(accents);
  if (HaveTool("bibtex") && RunTool("kpsewhich plain.bst").status == 0) {
    ExpectBibtexAccepts(utf8);
    ExpectBibtexAccepts(accents);
  }
}

TEST(BibtexCli, EveryJsonKeyIsABibtexEntry) {
  const std::vector<std::string> entries = EntryKeys(CitexBibtex(""));
  const std::set<std::string> entry_set(entries.begin(), entries.end());
  EXPECT_EQ(entry_set.size(), entries.size()) << "keys are unique";
  const testing::Run run = testing::RunCitexOnSamples("-f jsonl");
  ASSERT_EQ(run.status, 0) << run.err;
  std::istringstream lines(run.out);
  size_t citations = 0;
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json paper = nlohmann::json::parse(line);
    for (const auto& citation : paper["citations"]) {
      ++citations;
      EXPECT_EQ(entry_set.count(citation["key"].get<std::string>()), 1u) << citation.dump();
    }
  }
  EXPECT_GT(citations, 0u);
}

// Extract once, format many: citex's own JSON Lines read back give the same
// file, keys included, as extracting again.
TEST(BibtexCli, JsonLinesReadBackGiveTheSameFile) {
  const testing::Run jsonl = testing::RunCitexOnSamples("-f jsonl");
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  for (const std::string format : {"bibtex", "csv", "markdown"}) {
    const testing::Run again = testing::RunCitex("-i citex -f " + format, jsonl.out);
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(again.out, testing::RunCitexOnSamples("-f " + format).out) << format;
  }
}

// The golden files in samples/expected are BibTeX files users see too.
TEST(BibtexGolden, EveryGoldenFilePassesBiber) {
  CITEX_REQUIRE(HaveTool("biber"), "biber is not installed (Debian package biber)");
  const testing::ToolResult list =
      RunTool("ls '" CITEX_SOURCE_DIR "/samples/expected/' | grep '[.]bib$'");
  ASSERT_FALSE(list.output.empty()) << "no golden .bib files";
  std::istringstream names(list.output);
  for (std::string name; std::getline(names, name);) {
    SCOPED_TRACE(name);
    const std::string bib = ReadFile(std::string(CITEX_SOURCE_DIR "/samples/expected/") + name);
    ExpectBiberAccepts(bib);
    if (HaveTool("bibtex")) ExpectBibtexAccepts(bib);
  }
}

}  // namespace
}  // namespace citex
