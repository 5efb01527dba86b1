// Every arXiv record of the evaluation set (tests/data/arxiv), written with
// -f bibtex and handed to the real consumers: the math of every title must
// be in the .bib as written, biber must accept the file, and biblatex must
// typeset it so that no TeX source shows in the PDF.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/external_tool.h"

namespace citex {
namespace {

using testing::ReadFile;
using testing::RunTool;
using testing::TempDir;
using testing::WriteFile;

constexpr char kRecords[] =
    "tests/data/arxiv/kaggle-snapshot-head200.jsonl tests/data/arxiv/kaggle-format-2212.jsonl";

std::vector<nlohmann::json> Records() {
  std::vector<nlohmann::json> records;
  for (const char* file : {"kaggle-snapshot-head200.jsonl", "kaggle-format-2212.jsonl"}) {
    std::istringstream lines(ReadFile(testing::SourceDir() + "/tests/data/arxiv/" + file));
    for (std::string line; std::getline(lines, line);)
      records.push_back(nlohmann::json::parse(line));
  }
  return records;
}

std::string Bibtex(const std::string& options) {
  const testing::Run run = testing::RunCitex("-f bibtex " + options + " " + kRecords);
  EXPECT_EQ(run.status, 0) << run.err;
  return run.out;
}

// The $...$ spans of a title, whitespace collapsed as the reader does.
std::vector<std::string> MathOf(std::string title) {
  title = std::regex_replace(title, std::regex(R"(\s+)"), " ");
  title = std::regex_replace(title, std::regex("^ | $"), "");
  std::vector<std::string> spans;
  static const std::regex kMath(R"(\$[^$]+\$)");
  for (auto it = std::sregex_iterator(title.begin(), title.end(), kMath);
       it != std::sregex_iterator(); ++it) {
    spans.push_back(it->str());
  }
  return spans;
}

TEST(BibtexArxiv, EveryTitlesMathIsInTheFileAsWritten) {
  const std::string bib = Bibtex("");
  ASSERT_EQ(Records().size(), 249u);
  size_t spans = 0;
  for (const nlohmann::json& record : Records()) {
    for (const std::string& math : MathOf(record["title"].get<std::string>())) {
      ++spans;
      EXPECT_NE(bib.find(math), std::string::npos) << record["id"] << ": " << math;
    }
  }
  EXPECT_EQ(spans, 15u);  // the 15 math spans of the 12 titles that have any
  EXPECT_EQ(bib.find("textbackslash"), std::string::npos);
}

TEST(BibtexArxiv, BiberValidatesTheDataModel) {
  CITEX_REQUIRE(testing::MissingTools({"biber"}).empty(), "biber (Debian package biber)");
  for (const std::string options : {"", "--latex-accents"}) {
    const TempDir dir;
    WriteFile(dir.File("refs.bib"), Bibtex(options));
    const testing::ToolResult result =
        RunTool("cd '" + dir.path() +
                "' && biber --tool --validate-datamodel --output-file out.bib refs.bib");
    EXPECT_EQ(result.status, 0) << result.output;
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("INFO", 0) == 0 || line.find("Missing mandatory field") != std::string::npos) {
        continue;
      }
      ADD_FAILURE() << options << ": " << line;
    }
  }
}

// Classic bibtex reads the --latex-accents file (math and all) without a warning.
TEST(BibtexArxiv, ClassicBibtexReadsTheLatexAccentsFile) {
  CITEX_REQUIRE(testing::MissingTools({"bibtex", "plain.bst"}).empty(),
                "bibtex and plain.bst (Debian packages texlive-binaries, texlive-base)");
  const TempDir dir;
  WriteFile(dir.File("refs.bib"), Bibtex("--latex-accents"));
  WriteFile(dir.File("doc.aux"), "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n");
  const testing::ToolResult result = RunTool("cd '" + dir.path() + "' && bibtex doc");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_EQ(result.output.find("Warning"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("error"), std::string::npos) << result.output;
}

// biblatex + biber + pdflatex, then pdftotext: the bibliography shows no
// "$", no "\macro" and no "textbackslash", and pdflatex stopped at nothing.
TEST(BibtexArxiv, BiblatexTypesetsTheMathNotTheSource) {
  CITEX_REQUIRE(testing::MissingTools({"biber", "pdflatex", "pdftotext", "biblatex.sty"}).empty(),
                "biber, pdflatex, pdftotext and biblatex (Debian packages biber, "
                "texlive-latex-base, poppler-utils, texlive-bibtex-extra)");
  const TempDir dir;
  WriteFile(dir.File("refs.bib"), Bibtex(""));
  // What docs/formats.md tells users: the packages arXiv math assumes, and
  // the macros authors use without defining them.
  WriteFile(dir.File("doc.tex"),
            "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n"
            "\\usepackage[backend=biber]{biblatex}\n\\providecommand{\\Q}{\\mathbb{Q}}\n"
            "\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n"
            "\\end{document}\n");
  const std::string latex = "pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null";
  const testing::ToolResult result =
      RunTool("cd '" + dir.path() + "' && " + latex + " && biber doc >/dev/null && " + latex +
              " && pdftotext doc.pdf doc.txt");
  const std::string log = ReadFile(dir.File("doc.log"));
  ASSERT_EQ(result.status, 0) << result.output << log;
  EXPECT_EQ(log.find("\n!"), std::string::npos) << log;
  EXPECT_EQ(log.find("Missing character"), std::string::npos) << log;
  const std::string text = ReadFile(dir.File("doc.txt"));
  ASSERT_NE(text.find("From dyadic"), std::string::npos) << text;  // the bibliography is there
  std::istringstream lines(text);
  static const std::regex kSource(R"(\$|\\[A-Za-z]|textbackslash)");
  for (std::string line; std::getline(lines, line);) {
    EXPECT_FALSE(std::regex_search(line, kSource)) << line;
  }
}

}  // namespace
}  // namespace citex
