#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extractor/base/safe_text.h"
#include "formats/writer.h"
#include "tests/external_tool.h"
#include "tests/format_samples.h"

namespace citex {
namespace {

using testing::HaveTool;
using testing::RunTool;
using testing::SamplePapers;
using testing::TempDir;
using testing::WriteFile;

std::string Render(const std::vector<Paper>& papers) {
  std::unique_ptr<Writer> writer = FindFormat("csv")->make({});
  std::string out;
  writer->Begin(out);
  for (const Paper& paper : papers) writer->Write(paper, out);
  writer->End(out);
  return out;
}

const std::vector<std::string> kHeader = {
    "paper_index", "paper_id", "title",    "item",      "kind",    "type",
    "name",        "value",    "status",   "year",      "authors", "label",
    "start",       "end",      "category", "canonical", "expires", "resolved_key"};

// The rows the sample must give, as any CSV reader should see them.
std::vector<std::vector<std::string>> ExpectedRows() {
  const std::string t0 =
      "Ensemble-Instruct: Generating Instruction-Tuning Data with a   "
      "Heterogeneous Mixture of LMs like GPT-4, BERT and LoRA";
  const std::string t1 = "100% & $5 ~ ^ \\ {unbalanced \"quoted\", <b>bold</b> | # _x_";
  const std::string t3 =
      "# 1. Not a *heading* [link](http://x) `code` \xEF\xBF\xBD\xEF\xBF\xBD end";
  std::vector<std::vector<std::string>> rows = {
      kHeader,
      {"0", "2310.13961", t0, "link", "github", "repo", "IBM/ensemble-instruct",
       "https://github.com/IBM/ensemble-instruct", "released", "", "", "", "10", "50", ""},
      {"0", "2310.13961", t0, "link", "huggingface", "model", "ibm/ensemble_model",
       "https://huggingface.co/ibm/ensemble_model", "coming_soon", "", "", "", "60", "101", ""},
      {"0", "2310.13961", t0, "link", "huggingface", "dataset", "ibm/ei-data",
       "https://huggingface.co/datasets/ibm/ei-data", "released", "", "", "", "110", "155", ""},
      {"0", "2310.13961", t0, "link", "github", "repo", "yizhongw/self-instruct",
       "https://github.com/yizhongw/self-instruct", "unknown", "", "", "", "160", "201", ""},
      {"0", "2310.13961", t0, "link", "arxiv", "paper", "2212.10560",
       "https://arxiv.org/abs/2212.10560", "unknown", "", "", "", "210", "242", ""},
      {"0", "2310.13961", t0, "citation", "author_year", "", "", "Wang et al., 2023", "", "2023",
       "Wang; et al.", "Self-Instruct", "95", "112", ""},
      {"0", "2310.13961", t0, "citation", "author_year", "", "", "Wang et al., 2023b", "", "2023b",
       "Wang; et al.", "", "0", "0", ""},
      {"0", "2310.13961", t0, "citation", "author_year", "", "", "Müller and de Vries (2021)", "",
       "2021", "Müller; de Vries", "The Pile: 100% of_it", "0", "0", ""},
      {"0", "2310.13961", t0, "citation", "arxiv", "", "2303.08774", "arXiv:2303.08774", "", "", "",
       "", "0", "0", ""},
      {"0", "2310.13961", t0, "citation", "doi", "", "10.1000/x_y{1}", "doi:10.1000/x_y{1}", "", "",
       "", "", "0", "0", ""},
      {"0", "2310.13961", t0, "citation", "numeric", "", "12", "[12]", "", "", "", "", "0", "0",
       ""},
      {"1", "", t1, "link", "project", "page", "",
       "https://ensemble.github.io/a_b~c?q=1%20&x={y}#frag", "released", "", "", "", "0", "48", ""},
      {"1", "", t1, "citation", "author_year", "", "", "Self-Instruct (Wang et al., 2023)", "",
       "2023", "Wang; et al.", "Self-Instruct", "0", "0", ""},
      {"1", "", t1, "citation", "author_year", "", "", "Tönshoff et al. (2023)", "", "2023",
       "Tönshoff; et al.", "", "0", "0", ""},
      {"1", "", t1, "citation", "author_year", "", "", "Çelik (2020)", "", "2020", "Çelik", "", "0",
       "0", ""},
      {"3", "hf-abc", t3, "link", "huggingface", "space", "a/demo",
       "https://huggingface.co/spaces/a/demo", "released", "", "", "", "0", "0", ""},
      {"3", "hf-abc", t3, "link", "huggingface", "model", "a/m1", "https://huggingface.co/a/m1",
       "released", "", "", "", "0", "0", ""},
      {"3", "hf-abc", t3, "link", "huggingface", "model", "a/m_2", "https://huggingface.co/a/m_2",
       "released", "", "", "", "0", "0", ""},
      {"3", "hf-abc", t3, "citation", "author_year", "", "", "Wang et al., 2023 \xEF\xBF\xBD", "",
       "2023", "Wang; et al.", "Self-Instruct", "0", "0", ""},
  };
  // The extension columns: category, canonical, expires for links, in
  // order; empty for citations.
  const std::vector<std::vector<std::string>> extensions = {
      {"code", "https://github.com/ibm/ensemble-instruct", "false"},
      {"model", "https://huggingface.co/ibm/ensemble_model", "false"},
      {"dataset", "https://huggingface.co/datasets/ibm/ei-data", "false"},
      {"code", "https://github.com/yizhongw/self-instruct", "false"},
      {"paper", "https://arxiv.org/abs/2212.10560", "false"},
      {"page", "https://ensemble.github.io/a_b~c?q=1%20&x={y}", "false"},
      {"demo", "https://huggingface.co/spaces/a/demo", "false"},
      {"model", "https://huggingface.co/a/m1", "false"},
      {"model", "https://huggingface.co/a/m_2", "false"},
  };
  size_t link = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string> cells =
        rows[r][3] == "link" ? extensions.at(link++) : std::vector<std::string>{"", "", ""};
    rows[r].insert(rows[r].end() - 1, cells.begin(), cells.end());  // before resolved_key
  }
  EXPECT_EQ(link, extensions.size());
  return rows;
}

TEST(Csv, HeaderIsTheInterfaceAndRecordsEndInCrlf) {
  const std::string csv = Render({});
  EXPECT_EQ(csv,
            "paper_index,paper_id,title,item,kind,type,name,value,status,year,authors,label,"
            "start,end,category,canonical,expires,resolved_key\r\n");
}

TEST(Csv, QuotesOnlyWhatNeedsIt) {
  const std::string csv = Render(SamplePapers());
  EXPECT_NE(csv.find("\r\n0,2310.13961,\"Ensemble-Instruct: Generating Instruction-Tuning Data "
                     "with a   Heterogeneous Mixture of LMs like GPT-4, BERT and LoRA\",link,"
                     "github,repo,IBM/ensemble-instruct,https://github.com/IBM/ensemble-instruct,"
                     "released,,,,10,50,code,https://github.com/ibm/ensemble-instruct,false,\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"100% & $5 ~ ^ \\ {unbalanced \"\"quoted\"\", <b>bold</b> | # _x_\""),
            std::string::npos)
      << csv;
  // A paper with nothing found has no row.
  EXPECT_EQ(csv.find("2401.00001"), std::string::npos);
}

// The CSV file at `path` as Python's strict csv module reads it back
// (scripts/csv_roundtrip.py also checks that it writes the same bytes): one
// array of cells a row. Fails the test and gives null when the script fails.
nlohmann::json ReadBackByPython(const std::string& path) {
  const testing::ToolResult result =
      RunTool("python3 '" CITEX_SOURCE_DIR "/scripts/csv_roundtrip.py' --rewrite '" + path + "'");
  if (result.status != 0) {
    ADD_FAILURE() << result.output;
    return nullptr;
  }
  return nlohmann::json::parse(result.output);
}

// Python's csv module, strict, reads the rows back, and writes the same bytes.
TEST(Csv, PythonCsvModuleRoundTrip) {
  CITEX_REQUIRE(HaveTool("python3"), "python3 is not installed");
  const TempDir dir;
  WriteFile(dir.File("papers.csv"), Render(SamplePapers()));
  EXPECT_EQ(ReadBackByPython(dir.File("papers.csv")), nlohmann::json(ExpectedRows()));
}

// sqlite3's .import reads CSV as spreadsheets do (quoted newlines included).
TEST(Csv, SqliteImportReadsTheSameRows) {
  CITEX_REQUIRE(HaveTool("sqlite3"), "sqlite3 is not installed (Debian package sqlite3)");
  const TempDir dir;
  WriteFile(dir.File("papers.csv"), Render(SamplePapers()));
  const testing::ToolResult result =
      RunTool("sqlite3 :memory: '.import --csv " + dir.File("papers.csv") +
              " papers' '.mode json' 'select * from papers'");
  ASSERT_EQ(result.status, 0) << result.output;
  const nlohmann::json rows = nlohmann::json::parse(result.output);
  const std::vector<std::vector<std::string>> expected = ExpectedRows();
  ASSERT_EQ(rows.size(), expected.size() - 1) << result.output;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < kHeader.size(); ++c) {
      EXPECT_EQ(rows[r][kHeader[c]].get<std::string>(), expected[r + 1][c])
          << "row " << r << " column " << kHeader[c];
    }
  }
}

// What a reader sees of `text` in a cell: controls as spaces, and a leading
// formula character behind a quote.
std::string AsCell(std::string_view text) {
  std::string cell = WithoutControls(text);
  if (!cell.empty() && std::string_view("=+-@").find(cell[0]) != std::string_view::npos) {
    cell.insert(0, "'");
  }
  return cell;
}

// Random bytes in every field: Python reads back what was written, as a cell shows it.
TEST(Csv, RandomTextRoundTrips) {
  CITEX_REQUIRE(HaveTool("python3"), "python3 is not installed");
  const std::vector<Paper> papers = testing::RandomPapers(3, 200);
  const TempDir dir;
  WriteFile(dir.File("random.csv"), Render(papers));
  const nlohmann::json rows = ReadBackByPython(dir.File("random.csv"));
  ASSERT_FALSE(rows.is_null());
  size_t row = 1;
  for (const Paper& paper : papers) {
    const std::string title = AsCell(paper.title);
    for (const Link& link : paper.links) {
      ASSERT_LT(row, rows.size());
      EXPECT_EQ(rows[row][2], title);
      EXPECT_EQ(rows[row++][7], AsCell(link.url));
    }
    for (const Citation& citation : paper.citations) {
      ASSERT_LT(row, rows.size());
      EXPECT_EQ(rows[row][2], title);
      EXPECT_EQ(rows[row++][7], AsCell(citation.text));
    }
  }
  EXPECT_EQ(row, rows.size());
}

// The seed page, arXiv snapshot records and a Hub response, through the
// citex executable, read back by both readers.
TEST(CsvCli, RealInputsReadBackByPythonAndSqlite) {
  CITEX_REQUIRE(HaveTool("python3"), "python3 is not installed");
  const testing::Run citex = testing::RunCitexOnSamples("-f csv");
  ASSERT_EQ(citex.status, 0) << citex.err;
  const TempDir dir;
  const std::string csv = dir.File("out.csv");
  WriteFile(csv, citex.out);
  const nlohmann::json rows = ReadBackByPython(csv);
  ASSERT_FALSE(rows.is_null());
  ASSERT_GT(rows.size(), 30u);
  EXPECT_EQ(rows[0], nlohmann::json(kHeader));
  CITEX_REQUIRE(HaveTool("sqlite3"), "sqlite3 is not installed (Debian package sqlite3)");
  const testing::ToolResult sqlite = RunTool("sqlite3 :memory: '.import --csv " + csv +
                                             " papers' '.mode json' 'select * from papers'");
  ASSERT_EQ(sqlite.status, 0) << sqlite.output;
  const nlohmann::json records = nlohmann::json::parse(sqlite.output);
  ASSERT_EQ(records.size(), rows.size() - 1);
  for (size_t r = 0; r < records.size(); ++r) {
    for (size_t c = 0; c < kHeader.size(); ++c) {
      EXPECT_EQ(records[r][kHeader[c]], rows[r + 1][c]) << "row " << r << " column " << c;
    }
  }
}

// --group-by link: one row per artefact, read back by Python's csv module.
TEST(CsvCli, GroupedRowsReadBackByPython) {
  CITEX_REQUIRE(HaveTool("python3"), "python3 is not installed");
  const testing::Run citex =
      testing::RunCitex("-f csv --group-by link samples/three-spellings.jsonl");
  ASSERT_EQ(citex.status, 0) << citex.err;
  const TempDir dir;
  const std::string csv = dir.File("out.csv");
  WriteFile(csv, citex.out);
  EXPECT_EQ(ReadBackByPython(csv), nlohmann::json::parse(R"([
    ["canonical","url","kind","category","type","name","status","expires","papers",
     "paper_indexes","paper_ids","roles"],
    ["https://github.com/example-lab/fastfold-lite","https://github.com/Example-Lab/FastFold-Lite",
     "github","code","repo","Example-Lab/FastFold-Lite","released","false","3","0;1;2",
     "2501.01234;2502.04321;2503.05555","own;third_party;own"]])"));
}

}  // namespace
}  // namespace citex
