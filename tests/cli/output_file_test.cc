// -o FILE as careful tools do it, through the real binary: nothing planted
// beside FILE is followed, FILE keeps its mode, a symlink is followed, a
// descriptor is written through, an input is never replaced, and a signal
// leaves no temporary file behind.
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <set>
#include <thread>

#include "tests/support.h"

namespace citex {
namespace {

using testing::kOneLinkRecord;
using testing::ReadFile;
using testing::RunCitex;
using testing::TempDir;
using testing::WriteFile;

std::set<std::string> Names(const std::string& dir) {
  std::set<std::string> names;
  DIR* d = opendir(dir.c_str());
  while (dirent* entry = readdir(d)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.insert(name);
  }
  closedir(d);
  return names;
}

// Starts citex with `args`, standard input from `input`, output and errors
// to /dev/null; `in_child` runs in the child just before exec (it knows the
// pid citex will have). Returns the pid.
pid_t Spawn(
    const std::vector<std::string>& args, const std::string& input,
    const std::function<void()>& in_child = [] {}) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  const int in = open(input.c_str(), O_RDONLY);
  const int null = open("/dev/null", O_WRONLY);
  dup2(in, 0);
  dup2(null, 1);
  dup2(null, 2);
  in_child();
  std::vector<char*> argv = {const_cast<char*>(CITEX_BINARY)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(CITEX_BINARY, argv.data());
  _exit(127);
}

TEST(OutputFile, SymlinkPlantedAtThePidTemporaryNameIsNotFollowed) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  WriteFile(dir.File("victim"), "precious\n");
  const pid_t pid = Spawn({"-f", "jsonl", "-o", dir.File("out.jsonl")}, dir.File("in.jsonl"), [&] {
    // The name earlier versions used, predictable from the pid.
    const std::string planted = dir.File("out.jsonl.citex-" + std::to_string(getpid()) + ".tmp");
    if (symlink(dir.File("victim").c_str(), planted.c_str()) != 0) _exit(126);
  });
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(ReadFile(dir.File("victim")), "precious\n");
  EXPECT_NE(ReadFile(dir.File("out.jsonl")).find("github.com/a/b"), std::string::npos);
}

TEST(OutputFile, ReplacedFileKeepsItsMode) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  WriteFile(dir.File("out.jsonl"), "old\n");
  chmod(dir.File("out.jsonl").c_str(), 0600);
  const testing::Run run =
      RunCitex("-f jsonl -o " + dir.File("out.jsonl") + " " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 0) << run.err;
  struct stat info;
  ASSERT_EQ(stat(dir.File("out.jsonl").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  EXPECT_NE(ReadFile(dir.File("out.jsonl")), "old\n");
}

TEST(OutputFile, SymlinkTargetIsUpdatedAndTheLinkKept) {
  TempDir dir;
  mkdir(dir.File("real").c_str(), 0755);
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  WriteFile(dir.File("real/out.jsonl"), "old\n");
  ASSERT_EQ(symlink("real/out.jsonl", dir.File("link.jsonl").c_str()), 0);
  const testing::Run run =
      RunCitex("-f jsonl -o " + dir.File("link.jsonl") + " " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 0) << run.err;
  struct stat info;
  ASSERT_EQ(lstat(dir.File("link.jsonl").c_str(), &info), 0);
  EXPECT_TRUE(S_ISLNK(info.st_mode));
  EXPECT_NE(ReadFile(dir.File("real/out.jsonl")).find("github.com/a/b"), std::string::npos);
  EXPECT_EQ(Names(dir.path()), (std::set<std::string>{"in.jsonl", "link.jsonl", "real"}));
  EXPECT_EQ(Names(dir.File("real")), (std::set<std::string>{"out.jsonl"}));
}

TEST(OutputFile, DescriptorPathIsWrittenThroughKeepingAppend) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  WriteFile(dir.File("log"), "kept\n");
  const int raw = std::system(("'" + std::string(CITEX_BINARY) + "' -f jsonl -o /dev/fd/1 '" +
                               dir.File("in.jsonl") + "' >> '" + dir.File("log") + "'")
                                  .c_str());
  EXPECT_EQ(WEXITSTATUS(raw), 0);
  const std::string log = ReadFile(dir.File("log"));
  EXPECT_EQ(log.rfind("kept\n{\"index\":0,", 0), 0u) << log;
}

TEST(OutputFile, CharacterDeviceIsWrittenThroughNotReplaced) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  const testing::Run run = RunCitex("-f jsonl -o /dev/null " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 0) << run.err;
  struct stat info;
  ASSERT_EQ(stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode));
}

TEST(OutputFile, InputOnStandardInputIsNotReplaced) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  const std::string command = "'" + std::string(CITEX_BINARY) + "' -f jsonl -o '" +
                              dir.File("in.jsonl") + "' < '" + dir.File("in.jsonl") + "' 2> '" +
                              dir.File("err") + "'";
  const int raw = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(raw), 2);
  EXPECT_EQ(ReadFile(dir.File("err")),
            "citex: " + dir.File("in.jsonl") + ": refusing to overwrite an input file\n");
  EXPECT_EQ(ReadFile(dir.File("in.jsonl")), kOneLinkRecord);
}

TEST(OutputFile, InputNamedThroughASymlinkIsNotReplaced) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), kOneLinkRecord);
  ASSERT_EQ(symlink("in.jsonl", dir.File("alias.jsonl").c_str()), 0);
  const testing::Run run =
      RunCitex("-f jsonl -o " + dir.File("alias.jsonl") + " " + dir.File("in.jsonl"));
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(ReadFile(dir.File("in.jsonl")), kOneLinkRecord);
}

// citex blocked reading a FIFO, then `signal`: it must die of that signal
// and leave the directory as it found it.
void ExpectSignalLeavesNoTemporaryFile(int signal) {
  TempDir dir;
  ASSERT_EQ(mkfifo(dir.File("fifo").c_str(), 0600), 0);
  const pid_t pid =
      Spawn({"-f", "jsonl", "-o", dir.File("out.jsonl"), dir.File("fifo")}, "/dev/null");
  const int writer = open(dir.File("fifo").c_str(), O_WRONLY);  // waits for citex to open it
  ASSERT_GE(writer, 0);
  ASSERT_EQ(write(writer, kOneLinkRecord, sizeof(kOneLinkRecord) - 1),
            static_cast<ssize_t>(sizeof(kOneLinkRecord) - 1));
  // The temporary file exists once citex is reading.
  for (int i = 0; i < 500 && Names(dir.path()).size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(Names(dir.path()).size(), 2u);
  kill(pid, signal);
  int status = 0;
  waitpid(pid, &status, 0);
  close(writer);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), signal);
  EXPECT_EQ(Names(dir.path()), std::set<std::string>{"fifo"});
}

TEST(OutputFile, SigintRemovesTheTemporaryFile) { ExpectSignalLeavesNoTemporaryFile(SIGINT); }
TEST(OutputFile, SigtermRemovesTheTemporaryFile) { ExpectSignalLeavesNoTemporaryFile(SIGTERM); }
TEST(OutputFile, SighupRemovesTheTemporaryFile) { ExpectSignalLeavesNoTemporaryFile(SIGHUP); }

}  // namespace
}  // namespace citex
