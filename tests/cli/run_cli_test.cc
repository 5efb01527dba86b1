// The command line in-process: ParseCli and RunCli over descriptors the test
// owns, as bloaty's tests drive its main. Behaviour that needs a real process
// (signals, pipes, a closed stderr) is in cli_test.cc.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "formats/writer.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

constexpr char kWithLink[] =
    "{\"id\":\"1\",\"title\":\"A\",\"abstract\":\"Code: https://github.com/a/b.\"}\n";

// Runs `citex args...` with `input` on its standard input, from the
// repository root, without starting a process.
testing::Run RunInProcess(std::vector<std::string> args, const std::string& input = "") {
  TempDir dir;
  WriteFile(dir.File("in"), input);
  const std::string root = testing::SourceDir();
  for (std::string& arg : args) {
    if (arg.rfind("samples/", 0) == 0) arg = root + "/" + arg;
  }
  args.insert(args.begin(), "citex");
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());

  CliStreams streams;
  streams.in = open(dir.File("in").c_str(), O_RDONLY | O_CLOEXEC);
  streams.out = open(dir.File("out").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  streams.err = std::fopen(dir.File("err").c_str(), "w");
  testing::Run run;
  const ParsedCli parsed = ParseCli(static_cast<int>(argv.size()), argv.data(), streams);
  run.status = parsed.options ? RunCli(*parsed.options, streams) : parsed.status;
  std::fclose(streams.err);
  close(streams.out);
  close(streams.in);
  run.out = ReadFile(dir.File("out"));
  run.err = ReadFile(dir.File("err"));
  return run;
}

size_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

TEST(RunCli, ReadsStandardInputFromTheGivenDescriptor) {
  const testing::Run run = RunInProcess({"-f", "jsonl"}, kWithLink);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["links"][0]["url"], "https://github.com/a/b");
  EXPECT_EQ(run.err, "");
}

TEST(RunCli, UsageErrorsExitTwoWithAMessage) {
  EXPECT_EQ(RunInProcess({"--format", "yaml"}).err, "citex: unknown format \"yaml\"\n");
  EXPECT_EQ(RunInProcess({"--input", "xml"}).err, "citex: unknown input format \"xml\"\n");
  const testing::Run kind = RunInProcess({"--only", "gitlub"});
  EXPECT_EQ(kind.status, 2);
  EXPECT_EQ(kind.err, "citex: unknown kind or category \"gitlub\" in --only\n");
  const testing::Run flag = RunInProcess({"--no-such-flag"});
  EXPECT_EQ(flag.status, 2);
  EXPECT_EQ(flag.err.rfind("citex: ", 0), 0u) << flag.err;
}

TEST(RunCli, HelpListsEveryFormatOfTheTable) {
  const testing::Run help = RunInProcess({"--help"});
  EXPECT_EQ(help.status, 0);
  std::string names;
  for (const FormatInfo& format : Formats()) {
    names += (names.empty() ? "" : "|") + std::string(format.name);
    const std::string row = "  " + std::string(format.name) +
                            std::string(10 - format.name.size(), ' ') +
                            std::string(format.description) + "\n";
    EXPECT_NE(help.out.find(row), std::string::npos) << row;
  }
  EXPECT_EQ(names.rfind("json|jsonl|csv|bibtex|markdown", 0), 0u);
  EXPECT_NE(help.out.find("-f,--format TEXT=json       " + names + "\n"), std::string::npos)
      << help.out;
}

TEST(RunCli, OnlyKeepsTheNamedKinds) {
  const testing::Run run = RunInProcess({"-f", "jsonl", "--only", "doi"}, kWithLink);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(nlohmann::json::parse(run.out)["links"].size(), 0u);
}

TEST(RunCli, OnlyTakesOneCommaListPerFlagAndFilesMayFollow) {
  const testing::Run run = RunInProcess({"-f", "csv", "--only", "github,huggingface", "--only",
                                         "author_year", "samples/daily-papers.txt"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find(",link,github,"), std::string::npos);
  EXPECT_NE(run.out.find(",link,huggingface,"), std::string::npos);
  EXPECT_NE(run.out.find(",citation,author_year,"), std::string::npos);
  EXPECT_EQ(run.out.find(",link,project,"), std::string::npos);
}

TEST(RunCli, ThreadCountDoesNotChangeTheOutput) {
  const std::vector<std::string> samples = {"samples/daily-papers.txt",
                                            "samples/arxiv-snapshot.jsonl"};
  const auto run = [&](const char* threads) {
    std::vector<std::string> args = {"-j", threads, "-f", "jsonl"};
    args.insert(args.end(), samples.begin(), samples.end());
    return RunInProcess(args).out;
  };
  const std::string one = run("1");
  EXPECT_EQ(Lines(one), 71u + 20u);
  EXPECT_EQ(run("2"), one);
  EXPECT_EQ(run("8"), one);
}

TEST(RunCli, ReadsItsOwnOutputBack) {
  const testing::Run first = RunInProcess({"-f", "jsonl", "samples/daily-papers.txt"});
  TempDir dir;
  WriteFile(dir.File("found.jsonl"), first.out);
  const testing::Run again = RunInProcess({"-i", "citex", "-f", "jsonl", dir.File("found.jsonl")});
  EXPECT_EQ(again.status, first.status);
  EXPECT_EQ(again.out, first.out);
  const testing::Run document = RunInProcess({"-f", "json", "samples/daily-papers.txt"});
  WriteFile(dir.File("found.json"), document.out);
  EXPECT_EQ(RunInProcess({"-f", "jsonl", dir.File("found.json")}).out, first.out);
}

// What --library found (resolved, candidates, locator) survives -i citex,
// with the library's keys, and the stub keys after them are as they were.
TEST(RunCli, ReadsResolutionsBackWithoutTheLibrary) {
  const testing::Run first = RunInProcess(
      {"--library", "samples/libraries/daily-papers.bib", "-f", "jsonl", "samples/daily-papers.txt"});
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_NE(first.out.find("\"resolved\":{"), std::string::npos);
  ASSERT_NE(first.out.find("\"candidates\":[{"), std::string::npos);
  TempDir dir;
  WriteFile(dir.File("found.jsonl"), first.out);
  EXPECT_EQ(RunInProcess({"-i", "citex", "-f", "jsonl", dir.File("found.jsonl")}).out, first.out);
}

TEST(RunCli, BadResolutionInARecordNamesItsLine) {
  TempDir dir;
  const std::string record = RunInProcess({"-f", "jsonl"}, "See (Wang et al., 2023).").out;
  const size_t key = record.find("\"key\":\"wang2023\"");
  ASSERT_NE(key, std::string::npos) << record;
  const auto with = [&](const std::string& resolution) {
    std::string edited = record;
    edited.insert(key + std::string("\"key\":\"wang2023\"").size(), "," + resolution);
    return edited;
  };
  WriteFile(dir.File("found.jsonl"),
            record + with(R"("resolved":{"key":"w","library":"l.bib","score":1.5})") +
                with(R"("candidates":[{"score":0.5}])") + record);
  const testing::Run again = RunInProcess({"-i", "citex", "-f", "jsonl", dir.File("found.jsonl")});
  EXPECT_NE(again.err.find("found.jsonl:2: bad \"score\""), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("found.jsonl:3: \"candidates\" has no key"), std::string::npos)
      << again.err;
  EXPECT_EQ(std::count(again.out.begin(), again.out.end(), '\n'), 2);  // the good records kept
}

}  // namespace
}  // namespace citex
