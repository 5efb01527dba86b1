// Hostile input through the real binary: each case gives correct output or
// FILE:LINE: reason with the other records still written and status 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extractor/base/utf8.h"
#include "tests/strings.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::ParseLines;
using testing::ReadFile;
using testing::RunCitex;
using testing::TempDir;
using testing::WriteFile;

TEST(Robustness, InvalidAndOverlongUtf8InTextComeOutAsValidJson) {
  // \xC0\xAF is an overlong '/', \xED\xA0\x80 a surrogate, \xFF never valid.
  const testing::Run run = RunCitex(
      "-f jsonl -i text", "See https://github.com/a/b\xC0\xAF and caf\xE9 \xED\xA0\x80\xFF.\n");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(IsValidUtf8(run.out));
  const auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["links"][0]["url"], "https://github.com/a/b");
}

TEST(Robustness, NulBytesInsideTextAndJson) {
  const std::string text = std::string("Code at https://github.com/a/b.\0 More.\n", 39);
  testing::Run run = RunCitex("-f jsonl -i text", text);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(ParseLines(run.out)[0]["links"].size(), 1u);
  // A raw NUL inside a JSON line is invalid JSON: that line only is reported.
  run = RunCitex("-f jsonl", std::string("{\"abstract\":\"a\0b\"}\n{\"abstract\":\"ok\"}\n", 38));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err.substr(0, 4), "-:1:");
  EXPECT_EQ(ParseLines(run.out).size(), 1u);
}

TEST(Robustness, LoneCarriageReturnsSeparateLines) {
  const testing::Run run =
      RunCitex("-f jsonl -i text", "Title One\r\rAn abstract that is long enough.\r");
  const auto records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  EXPECT_EQ(records[0]["title"], "Title One");
}

TEST(Robustness, DuplicateFieldsTakeTheFirst) {
  const testing::Run run =
      RunCitex("-f jsonl", "{\"title\":\"first\",\"title\":\"second\",\"abstract\":\"x\"}\n");
  EXPECT_EQ(ParseLines(run.out)[0]["title"], "first");
}

TEST(Robustness, HugeLineIsSkippedWithAnErrorOthersKept) {
  TempDir dir;
  {
    std::ofstream out(dir.File("big.jsonl"), std::ios::binary);
    out << "{\"abstract\":\"before https://github.com/a/b\"}\n{\"abstract\":\"";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 200; ++i) out << chunk;  // a 200 MB line
    out << "\"}\n{\"abstract\":\"after\"}\n";
  }
  const testing::Run run = RunCitex("-f jsonl " + dir.File("big.jsonl"));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, dir.File("big.jsonl") + ":2: record is larger than --max-record-bytes\n");
  EXPECT_EQ(ParseLines(run.out).size(), 2u);
}

TEST(Robustness, AMillionTinyRecords) {
  TempDir dir;
  {
    std::ofstream out(dir.File("tiny.jsonl"), std::ios::binary);
    for (int i = 0; i < 1000000; ++i) out << "{\"abstract\":\"x\"}\n";
  }
  const testing::Run run = RunCitex("-f jsonl " + dir.File("tiny.jsonl"));
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1000000);
}

TEST(Robustness, BinaryFileIsRefusedByName) {
  TempDir dir;
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  WriteFile(dir.File("blob.bin"), bytes);
  const testing::Run run = RunCitex("-f jsonl " + dir.File("blob.bin"));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            dir.File("blob.bin") + ": binary file (NUL bytes and invalid UTF-8), skipped\n");
}

TEST(Robustness, UnreadableInputIsAnErrorNamingIt) {
  // Opening /proc/self/mem succeeds; reading from offset 0 fails (EIO), even as root.
  const testing::Run run = RunCitex("-f jsonl /proc/self/mem");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err.rfind("/proc/self/mem: ", 0), 0u) << run.err;
}

TEST(Robustness, WrongTypesAndMissingFieldsAreReportedPerLine) {
  const testing::Run run = RunCitex("-f jsonl",
                                    "{\"abstract\":[1]}\n"
                                    "{\"abstract\":\"ok\",\"authors\":{\"x\":1}}\n"
                                    "{\"id\":{},\"abstract\":\"ok\"}\n"
                                    "{}\n"
                                    "null\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "-:1: field \"abstract\" is not a string\n"
            "-:3: field \"id\" is not a string\n"
            "-:4: record has no abstract\n"
            "-:5: record is not a JSON object\n");
  EXPECT_EQ(ParseLines(run.out).size(), 1u);
}

}  // namespace
}  // namespace citex
