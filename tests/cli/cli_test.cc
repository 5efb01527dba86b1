// The command line as scripts see it: exit codes, messages, streams, files.
#include <fcntl.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "tests/support.h"

namespace citex {
namespace {

using testing::ReadFile;
using testing::RunCitex;
using testing::TempDir;
using testing::WriteFile;

constexpr char kWithLink[] =
    "{\"id\":\"1\",\"title\":\"A\",\"abstract\":\"Code: https://github.com/a/b.\"}\n";
constexpr char kWithoutLink[] = "{\"id\":\"2\",\"title\":\"B\",\"abstract\":\"Nothing here.\"}\n";

TEST(Cli, ExitStatusZeroWhenFoundOneWhenNot) {
  EXPECT_EQ(RunCitex("-f jsonl -", kWithLink).status, 0);
  EXPECT_EQ(RunCitex("-f jsonl", kWithoutLink).status, 1);
  EXPECT_EQ(RunCitex("-f jsonl", "").status, 1);
}

TEST(Cli, BadRecordIsReportedWithFileAndLineOthersStillWritten) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), std::string(kWithLink) + "{broken\n" + kWithoutLink);
  const testing::Run run = RunCitex("-f jsonl " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err.substr(0, run.err.find(": invalid JSON")), dir.File("in.jsonl") + ":2");
  std::istringstream lines(run.out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(lines, line)) ids.push_back(nlohmann::json::parse(line)["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "2"}));
}

TEST(Cli, StrictStopsAtTheFirstBadRecord) {
  const testing::Run run = RunCitex(
      "--strict -f jsonl", std::string(kWithLink) + "{broken\n{also broken\n" + kWithoutLink);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1);
  EXPECT_EQ(run.err.rfind("-:2: invalid JSON", 0), 0u) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST(Cli, MissingFileIsAnErrorOtherFilesStillRead) {
  TempDir dir;
  WriteFile(dir.File("ok.jsonl"), kWithLink);
  const testing::Run run =
      RunCitex("-f jsonl " + dir.File("missing.txt") + " " + dir.File("ok.jsonl"));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, dir.File("missing.txt") + ": No such file or directory\n");
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1);
}

TEST(Cli, HelpShowsExamplesAndVersionWorks) {
  const testing::Run help = RunCitex("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
  const testing::Run version = RunCitex("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("citex ", 0), 0u);
}

TEST(Cli, OutputFileIsWrittenWholeAndNeverAnInput) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kWithLink);
  testing::Run run = RunCitex("-f jsonl -o " + dir.File("out.jsonl") + " " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "");
  const std::string written = ReadFile(dir.File("out.jsonl"));
  EXPECT_EQ(nlohmann::json::parse(written)["links"][0]["name"], "a/b");
  // Only the input and the output are left: the temporary file was renamed.
  EXPECT_EQ(std::system(("test $(ls '" + dir.path() + "' | wc -l) -eq 2").c_str()), 0);
  run = RunCitex("-f jsonl -o " + dir.File("in.jsonl") + " " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("refusing to overwrite an input file"), std::string::npos);
  EXPECT_EQ(ReadFile(dir.File("in.jsonl")), kWithLink);
}

TEST(Cli, FullDiskIsAnError) {
  const testing::Run run = RunCitex("-f jsonl -o /dev/full", kWithLink);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("No space left on device"), std::string::npos) << run.err;
}

TEST(Cli, ClosedPipeEndsQuietly) {
  TempDir dir;
  std::string many;
  for (int i = 0; i < 200000; ++i) many += kWithLink;
  WriteFile(dir.File("many.jsonl"), many);
  // citex's own status, not the pipeline's (which is head's): killed by
  // SIGPIPE, as cat and grep are, with nothing on stderr.
  const std::string command = std::string("{ '") + CITEX_BINARY + "' -f jsonl " +
                              dir.File("many.jsonl") + " 2>" + dir.File("err") + "; echo $? > " +
                              dir.File("status") + "; } | head -1 > " + dir.File("out");
  EXPECT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(ReadFile(dir.File("status")), "141\n");
  EXPECT_EQ(ReadFile(dir.File("err")), "");
  const std::string out = ReadFile(dir.File("out"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

// A pipe on standard output is enlarged, so the writing thread seldom waits
// for the reader; what goes through it is unchanged.
TEST(Cli, EnlargesAnOutputPipe) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kWithLink);
  FILE* pipe =
      popen((std::string("'") + CITEX_BINARY + "' -f jsonl " + dir.File("in.jsonl")).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
  const int size = fcntl(fileno(pipe), F_GETPIPE_SZ);
  EXPECT_EQ(pclose(pipe), 0);
  EXPECT_EQ(size, 1 << 20);
  EXPECT_EQ(out, RunCitex("-f jsonl " + dir.File("in.jsonl")).out);
}

TEST(Cli, StreamsRecordsFromASlowPipe) {
  // The first record must come out while the producer still waits.
  TempDir dir;
  const std::string command = std::string("(echo '") + kWithLink + "'; sleep 4; echo '" +
                              kWithoutLink + "') | timeout 2 '" + CITEX_BINARY +
                              "' -j 2 -f jsonl > " + dir.File("out") + " 2>&1";
  std::system(command.c_str());
  const std::string out = ReadFile(dir.File("out"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

// Output from a regular file is written in large pieces; from a pipe, after
// every batch: a first chunk that fills up (64 records) and the few after
// it all come out while the producer pauses.
TEST(Cli, StreamsFullBatchesFromAPipeThatPauses) {
  TempDir dir;
  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += kWithLink;
  WriteFile(dir.File("seventy.jsonl"), seventy);
  const std::string command = std::string("(cat ") + dir.File("seventy.jsonl") +
                              "; sleep 4; echo '" + kWithoutLink + "') | timeout 2 '" +
                              CITEX_BINARY + "' -j 2 -f jsonl > " + dir.File("out") + " 2>&1";
  std::system(command.c_str());
  const std::string out = ReadFile(dir.File("out"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 70) << out.substr(0, 200);
}

TEST(Cli, StreamsElementsOfAJsonArrayFromASlowPipe) {
  TempDir dir;
  const std::string command =
      std::string("(echo '[{\"id\":\"1\",\"abstract\":\"https://github.com/a/b\"},'; ") +
      "sleep 4; echo '{\"id\":\"2\",\"abstract\":\"x\"}]') | timeout 2 '" + CITEX_BINARY +
      "' -j 2 -f jsonl > " + dir.File("out") + " 2>&1";
  std::system(command.c_str());
  const std::string out = ReadFile(dir.File("out"));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

TEST(Cli, ProgressOnlyWhenAskedOrOnATerminal) {
  // stderr is a file here: no progress unless --progress forces it.
  EXPECT_EQ(RunCitex("-f jsonl samples/daily-papers.txt").err, "");
  const testing::Run forced = RunCitex("--progress -f jsonl samples/daily-papers.txt");
  // Updated after each batch; the last line drawn holds the totals.
  EXPECT_EQ(forced.err.rfind('\r', 0), 0u) << forced.err;
  EXPECT_EQ(forced.err.compare(forced.err.rfind('\r'), 20, "\r71 records, 0.1 MB,"), 0)
      << forced.err;
  EXPECT_EQ(forced.err.back(), '\n');
  EXPECT_EQ(RunCitex("--progress --no-progress -f jsonl samples/daily-papers.txt").err, "");
}

TEST(Cli, ErrorsKeepTheirPlaceAtAnyThreadCount) {
  // Enough records for many chunks, a bad one every 500 lines.
  TempDir dir;
  std::string input;
  for (int i = 1; i <= 3000; ++i) {
    input += i % 500 == 7 ? std::string("{broken\n")
                          : "{\"id\":\"" + std::to_string(i) +
                                "\",\"abstract\":\"Code: https://github.com/a/b" +
                                std::to_string(i) + ".\"}\n";
  }
  WriteFile(dir.File("in.jsonl"), input);
  const testing::Run one = RunCitex("-j 1 -f jsonl " + dir.File("in.jsonl"));
  EXPECT_EQ(one.status, 2);
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 3000 - 6);
  std::istringstream lines(one.err);
  std::string line;
  std::vector<std::string> where;
  while (std::getline(lines, line)) where.push_back(line.substr(0, line.find(": invalid JSON")));
  const std::string file = dir.File("in.jsonl");
  EXPECT_EQ(where, (std::vector<std::string>{file + ":7", file + ":507", file + ":1007",
                                             file + ":1507", file + ":2007", file + ":2507"}));
  for (const char* threads : {"2", "8"}) {
    const testing::Run many = RunCitex(std::string("-j ") + threads + " -f jsonl " + file);
    EXPECT_EQ(many.out, one.out) << threads;
    EXPECT_EQ(many.err, one.err) << threads;
  }
}

TEST(Cli, StrictStopsAtTheFirstBadRecordAtAnyThreadCount) {
  TempDir dir;
  std::string input;
  for (int i = 1; i <= 2000; ++i) {
    input += i == 1500 || i == 1900 ? std::string("{broken\n") : kWithLink;
  }
  WriteFile(dir.File("in.jsonl"), input);
  for (const char* threads : {"1", "2", "8"}) {
    const testing::Run run =
        RunCitex(std::string("--strict -j ") + threads + " -f jsonl " + dir.File("in.jsonl"));
    EXPECT_EQ(run.status, 2);
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1499) << threads;
    EXPECT_EQ(run.err.rfind(dir.File("in.jsonl") + ":1500: invalid JSON", 0), 0u) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  }
}

}  // namespace
}  // namespace citex
