// Output that cannot be turned against its reader, through the real binary:
// names a script may pass to git, urls and labels that display as what they
// are, CSV cells a spreadsheet will not run, links only to the web.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support.h"

namespace citex {
namespace {

using testing::RunCitex;

nlohmann::json OnlyRecord(const testing::Run& run) {
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out << run.err;
  return nlohmann::json::parse(run.out.substr(0, run.out.find('\n')));
}

std::string Jsonl(const std::string& title, const std::string& abstract) {
  return nlohmann::json{{"id", "1"}, {"title", title}, {"abstract", abstract}}.dump() + "\n";
}

TEST(OutputSafety, NameHoldsOnlyWhatTheHostAllowsAndTheLinkIsKept) {
  const testing::Run run =
      RunCitex("-f jsonl",
               Jsonl("T",
                     "Code at https://github.com/../etc and https://github.com/--upload-pack=x/y "
                     "and https://github.com/evil/$(id) "
                     "and https://github.com/a%2Fb/c and https://huggingface.co/x/..%2F..%2Fetc "
                     "and https://github.com/good-owner/repo.name_2 ."));
  const nlohmann::json record = OnlyRecord(run);
  std::vector<std::pair<std::string, std::string>> links;
  for (const auto& link : record["links"]) {
    links.emplace_back(link["url"], link["name"].is_null() ? "(none)" : link["name"]);
  }
  EXPECT_EQ(links, (std::vector<std::pair<std::string, std::string>>{
                       {"https://github.com/../etc", "(none)"},
                       {"https://github.com/--upload-pack=x/y", "(none)"},
                       {"https://github.com/evil/$(id)", "(none)"},
                       {"https://github.com/a%2Fb/c", "(none)"},
                       {"https://huggingface.co/x/..%2F..%2Fetc", "(none)"},
                       {"https://github.com/good-owner/repo.name_2", "good-owner/repo.name_2"}}));
}

TEST(OutputSafety, BidiControlsInUrlsArePercentEncoded) {
  // U+202E RIGHT-TO-LEFT OVERRIDE: "evil/\u202Egnp.exe" displays as "evil/exe.png".
  const testing::Run run =
      RunCitex("-f jsonl", Jsonl("T", "Code: https://github.com/evil/\xE2\x80\xAEgnp.exe here."));
  const nlohmann::json record = OnlyRecord(run);
  ASSERT_EQ(record["links"].size(), 1u);
  EXPECT_EQ(record["links"][0]["url"], "https://github.com/evil/%E2%80%AEgnp.exe");
  EXPECT_TRUE(record["links"][0]["name"].is_null());
}

TEST(OutputSafety, MarkdownTextHasNoBidiZeroWidthOrControlCharacters) {
  const testing::Run run =
      RunCitex("-f markdown", Jsonl("Safe\xE2\x80\xAE\xE2\x81\xA6 title\x1B[31m red\xC2\x9B",
                                    "Code: https://github.com/a/b."));
  EXPECT_EQ(run.out, "- Safe title\\[31m red — [code](https://github.com/a/b)\n") << run.err;
}

TEST(OutputSafety, CsvCellsCarryNoControlCharacters) {
  const testing::Run run =
      RunCitex("-f csv", Jsonl("Bell\x07 and\tescape\x1B[2J", "Code: https://github.com/a/b."));
  EXPECT_EQ(run.out.substr(run.out.find("\r\n") + 2, 23), "0,1,Bell and escape[2J,") << run.out;
}

TEST(OutputSafety, CsvFormulaCellsAreDefusedUnlessRawIsAsked) {
  const std::string input = Jsonl("=cmd|' /C calc'!A0", "Code: https://github.com/a/b.");
  const testing::Run run = RunCitex("-f csv", input);
  EXPECT_NE(run.out.find("\r\n0,1,'=cmd|' /C calc'!A0,link,"), std::string::npos) << run.out;
  for (const std::string title : {"+1", "-1+2", "@SUM(A1)"}) {
    const testing::Run defused = RunCitex("-f csv", Jsonl(title, "Code: https://github.com/a/b."));
    EXPECT_NE(defused.out.find("\r\n0,1,'" + title + ",link,"), std::string::npos) << defused.out;
  }
  const testing::Run raw = RunCitex("-f csv --csv-raw-formulas", input);
  EXPECT_NE(raw.out.find("\r\n0,1,=cmd|' /C calc'!A0,link,"), std::string::npos) << raw.out;
}

TEST(OutputSafety, JavascriptUrlReadBackWithCitexIsNeverALink) {
  const std::string record =
      R"j({"index":0,"id":"2301.00001","title":"T","source":{"path":"x","line":1},)j"
      R"j("links":[{"url":"javascript:alert(1)","text":"x","span":[0,1],"kind":"github",)j"
      R"j("type":"repo","name":"a/b","status":"released","role":"own"},)j"
      R"j({"url":"https://github.com/a/b","text":"y","span":[2,3],"kind":"github",)j"
      R"j("type":"repo","name":"a/b","status":"released","role":"own"}],"citations":[]})j"
      "\n";
  const testing::Run markdown = RunCitex("-i citex -f markdown", record);
  EXPECT_EQ(markdown.out,
            "- [T](https://arxiv.org/abs/2301.00001) — [code](https://github.com/a/b)\n")
      << markdown.err;
  const testing::Run bibtex = RunCitex("-i citex -f bibtex", record);
  EXPECT_EQ(bibtex.out.find("javascript"), std::string::npos) << bibtex.out;
  EXPECT_NE(bibtex.out.find("url = {https://github.com/a/b}"), std::string::npos) << bibtex.out;
}

}  // namespace
}  // namespace citex
