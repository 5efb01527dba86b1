// Arguments and environments that used to crash or corrupt a run, through
// the real binary: out-of-range numbers, a closed stderr, a reader that
// goes away with SIGPIPE ignored, no threads to be had, a record of more
// links than any abstract holds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support.h"

namespace citex {
namespace {

using testing::kOneLinkRecord;
using testing::ReadFile;
using testing::RunCitex;
using testing::TempDir;
using testing::WriteFile;

std::string MaxThreads() {
  return std::to_string(8 * std::max(1u, std::thread::hardware_concurrency()));
}

TEST(NumericOptions, ThreadCountOutOfRangeIsAUsageError) {
  for (const std::string value : {"100000", "-1"}) {
    const testing::Run run = RunCitex("-f jsonl -j " + value, kOneLinkRecord);
    EXPECT_EQ(run.status, 2) << value;
    EXPECT_EQ(run.err, "citex: --threads " + value + ": must be from 0 (all cores) to " +
                           MaxThreads() + "\n");
    EXPECT_EQ(run.out, "");
  }
  EXPECT_EQ(RunCitex("-f jsonl -j " + MaxThreads(), kOneLinkRecord).status, 0);
}

TEST(NumericOptions, MaxRecordBytesMustBePositive) {
  for (const std::string value : {"-1", "0"}) {
    const testing::Run run = RunCitex("-f jsonl --max-record-bytes " + value, kOneLinkRecord);
    EXPECT_EQ(run.status, 2) << value;
    EXPECT_EQ(run.err,
              "citex: --max-record-bytes " + value + ": must be from 1 to 1099511627776\n");
  }
  const testing::Run run = RunCitex("-f jsonl --max-record-bytes 20", kOneLinkRecord);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "-:1: record is larger than --max-record-bytes\n");
}

TEST(NumericOptions, ThreadsThatCannotStartAreReportedNotAnAbort) {
  // Stacks of 64 GiB each: no thread can be created, the main one still works.
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  const std::string command = "ulimit -s 67108864 && '" + std::string(CITEX_BINARY) +
                              "' -f jsonl -j 4 '" + dir.File("in.jsonl") + "' > '" +
                              dir.File("out") + "' 2> '" + dir.File("err") + "'";
  const int raw = std::system(command.c_str());
  const std::string err = ReadFile(dir.File("err"));
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << raw << err;
  EXPECT_EQ(err.rfind("citex: warning: could not start a thread (", 0), 0u) << err;
  EXPECT_NE(err.find("), ran with 1\n"), std::string::npos) << err;
  EXPECT_NE(ReadFile(dir.File("out")).find("github.com/a/b"), std::string::npos);
}

TEST(Streams, ClosedStderrKeepsMessagesOutOfTheOutputFile) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), std::string(kOneLinkRecord) + "{broken\n");
  const int raw = std::system(("'" + std::string(CITEX_BINARY) + "' -f jsonl --progress -o '" +
                               dir.File("out.jsonl") + "' '" + dir.File("in.jsonl") + "' 2>&-")
                                  .c_str());
  EXPECT_EQ(WEXITSTATUS(raw), 2);
  const std::string out = ReadFile(dir.File("out.jsonl"));
  EXPECT_EQ(out.rfind("{\"index\":0,", 0), 0u) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
  EXPECT_EQ(out.find("broken"), std::string::npos);
}

TEST(Streams, ClosedPipeEndsQuietlyWithSigpipeIgnored) {
  TempDir dir;
  std::string input;
  for (int i = 0; i < 20000; ++i)
    input += kOneLinkRecord;  // megabytes of output: more than a pipe holds
  WriteFile(dir.File("in.jsonl"), input);
  const std::string command = "trap '' PIPE; ('" + std::string(CITEX_BINARY) + "' -f jsonl '" +
                              dir.File("in.jsonl") + "' 2> '" + dir.File("err") + "'; echo $? > '" +
                              dir.File("status") + "') | head -c 1 > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(ReadFile(dir.File("err")), "");
  EXPECT_EQ(ReadFile(dir.File("status")), "0\n");
}

TEST(Memory, AbstractWithMoreThanTenThousandUrlsKeepsTheFirstTenThousandAndWarns) {
  std::string abstract;
  for (int i = 0; i < 12000; ++i) abstract += "https://github.com/a/b" + std::to_string(i) + " ";
  const testing::Run run =
      RunCitex("-f jsonl", "{\"id\":\"1\",\"abstract\":\"" + abstract + "\"}\n");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "-:1: warning: only the first 10000 links are kept\n");
  const nlohmann::json record = nlohmann::json::parse(run.out);
  ASSERT_EQ(record["links"].size(), 10000u);
  EXPECT_EQ(record["links"][9999]["url"], "https://github.com/a/b9999");
}

// The same url a million times: the finder stops at its candidate budget
// instead of holding a million candidates, and says the list is cut.
TEST(Memory, OneUrlRepeatedPastTheCandidateBudgetWarns) {
  std::string abstract;
  for (int i = 0; i < 50000; ++i) abstract += "https://github.com/a/b ";
  const testing::Run run =
      RunCitex("-f jsonl", "{\"id\":\"1\",\"abstract\":\"" + abstract + "\"}\n");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "-:1: warning: only the first 10000 links are kept\n");
  EXPECT_EQ(nlohmann::json::parse(run.out)["links"].size(), 1u);
}

TEST(Memory, AbstractWithMoreThanTenThousandCitationsKeepsTheFirstTenThousandAndWarns) {
  std::string abstract;
  for (int i = 0; i < 12000; ++i) abstract += "(Smith " + std::to_string(1900 + i % 100) + "). ";
  const testing::Run run =
      RunCitex("-f jsonl", "{\"id\":\"1\",\"abstract\":\"" + abstract + "\"}\n");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "-:1: warning: only the first 10000 citations are kept\n");
  const nlohmann::json record = nlohmann::json::parse(run.out);
  ASSERT_EQ(record["citations"].size(), 10000u);
  EXPECT_EQ(record["citations"][9999]["year"], "1999");
}

}  // namespace
}  // namespace citex
