// Input encodings through the real binary: UTF-16, byte order marks where
// files were joined, lone CR line ends, sniffing past blank lines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/strings.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::ParseLines;
using testing::RunCitex;
using testing::TempDir;
using testing::WriteFile;

constexpr char kBom[] = "\xEF\xBB\xBF";

std::vector<std::string> Ids(const std::string& out) {
  std::vector<std::string> ids;
  for (const nlohmann::json& record : ParseLines(out)) {
    ids.push_back(record["id"].is_string() ? record["id"].get<std::string>() : "(no id)");
  }
  return ids;
}

TEST(Encodings, Utf16FileIsRefusedByNameNotCalledBinary) {
  TempDir dir;
  // "{"a" in UTF-16 LE and BE, each after its byte order mark.
  WriteFile(dir.File("le.jsonl"), std::string("\xFF\xFE{\0\"\0a\0", 8));
  WriteFile(dir.File("be.txt"), std::string("\xFE\xFF\0{\0\"\0a", 8));
  const testing::Run run = RunCitex("-f jsonl " + dir.File("le.jsonl") + " " + dir.File("be.txt"));
  EXPECT_EQ(run.status, 2);
  const std::string why =
      ": UTF-16 text, skipped: convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)\n";
  EXPECT_EQ(run.err, dir.File("le.jsonl") + why + dir.File("be.txt") + why);
}

TEST(Encodings, BomAtTheStartOfAJsonLinesLineIsSkipped) {
  // `cat a.jsonl b.jsonl` where both files start with a byte order mark.
  const testing::Run run =
      RunCitex("-f jsonl", std::string(kBom) + "{\"id\":\"1\",\"abstract\":\"a\"}\n" + kBom +
                               "{\"id\":\"2\",\"abstract\":\"b\"}\n");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(Ids(run.out), (std::vector<std::string>{"1", "2"}));
}

TEST(Encodings, BomBetweenJsonDocumentsIsSkipped) {
  const testing::Run run =
      RunCitex("-f jsonl", std::string("[{\"id\":\"1\",\"abstract\":\"a\"}]\n") + kBom +
                               "[{\"id\":\"2\",\"abstract\":\"b\"}]\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(Ids(run.out), (std::vector<std::string>{"1", "2"}));
}

TEST(Encodings, BomAtTheStartOfATextLineIsNotInTheTitle) {
  const testing::Run run =
      RunCitex("-f jsonl", std::string("Title One\n\nAn abstract that is long enough.\n\n") + kBom +
                               "Title Two\n\nAnother abstract that is long enough.\n");
  const auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 2u) << run.err;
  EXPECT_EQ(records[1]["title"], "Title Two");
  EXPECT_EQ(records[1]["source"]["line"], 5);
}

TEST(Encodings, JsonLinesWithLoneCrLineEndsIsReadAsJsonLines) {
  const testing::Run run = RunCitex(
      "-f jsonl", "{\"id\":\"1\",\"abstract\":\"a\"}\r{\"id\":\"2\",\"abstract\":\"b\"}\r");
  EXPECT_EQ(run.err, "");
  ASSERT_EQ(Ids(run.out), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(ParseLines(run.out)[1]["source"]["line"], 2);
}

TEST(Encodings, LoneCrEndsLinesWhenJsonLinesIsForced) {
  const testing::Run run =
      RunCitex("-f jsonl -i jsonl",
               "{\"id\":\"1\",\"abstract\":\"a\"}\r\r\n{\"id\":\"2\",\"abstract\":\"b\"}");
  EXPECT_EQ(run.err, "");
  ASSERT_EQ(Ids(run.out), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(ParseLines(run.out)[1]["source"]["line"], 3);
}

TEST(Encodings, SniffingLooksPastBlankLinesAndTwoBoms) {
  const testing::Run run = RunCitex(
      "-f jsonl", std::string("\n\r\n") + kBom + kBom + "{\"id\":\"1\",\"abstract\":\"a\"}\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(Ids(run.out), (std::vector<std::string>{"1"}));
}

TEST(Encodings, NumericIdHasNoTrailingSpace) {
  const testing::Run run =
      RunCitex("-f jsonl", "{\"id\": 12 , \"year\": 2021 ,\"abstract\":\"a\"}\n");
  const auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.err;
  EXPECT_EQ(records[0]["id"], "12");
  EXPECT_EQ(records[0]["year"], "2021");
}

}  // namespace
}  // namespace citex
