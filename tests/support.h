// Test helpers: files, temporary directories and running the real binary.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace citex::testing {

inline std::string SourceDir() { return CITEX_SOURCE_DIR; }

// CI sets CI (.ci/run does too): prerequisites a test would skip without
// must be there.
inline bool UnderCi() { return std::getenv("CI") != nullptr; }

// Skips the test when `present` is false, or fails it under CI, where
// ../shared and every tool scripts/bootstrap.sh installs must be present.
#define CITEX_REQUIRE(present, what)                                            \
  do {                                                                          \
    if (!(present)) {                                                           \
      if (::citex::testing::UnderCi()) FAIL() << (what) << " (required in CI)"; \
      GTEST_SKIP() << (what);                                                   \
    }                                                                           \
  } while (false)

// One JSON Lines record with one link, for tests of options and streams.
inline constexpr char kOneLinkRecord[] =
    "{\"id\":\"1\",\"title\":\"A\",\"abstract\":\"Code: https://github.com/a/b.\"}\n";

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory, removed with its contents when the object goes.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/citex-test-XXXXXX";
    path_ = mkdtemp(name);
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs build/citex with `args` (shell words, already quoted as needed) from
// the repository root, with `input` on standard input.
inline Run RunCitex(const std::string& args, const std::string& input = "") {
  TempDir dir;
  WriteFile(dir.File("in"), input);
  const std::string command = "cd '" + SourceDir() + "' && '" + CITEX_BINARY + "' " + args +
                              " < '" + dir.File("in") + "' > '" + dir.File("out") + "' 2> '" +
                              dir.File("err") + "'";
  Run run;
  const int raw = std::system(command.c_str());
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  run.out = ReadFile(dir.File("out"));
  run.err = ReadFile(dir.File("err"));
  return run;
}

}  // namespace citex::testing
