// Runs the real consumers of citex's output (biber, bibtex, cmark, Python's
// csv module, sqlite3) from tests: they, not our reading of a format, decide.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/support.h"

namespace citex::testing {

struct ToolResult {
  int status = -1;     // exit status; -1 when the shell could not run it
  std::string output;  // stdout and stderr together
};

// Runs `command` with sh, stderr merged into the output.
inline ToolResult RunTool(const std::string& command) {
  ToolResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

// Whether `name` is on the PATH. Under CI a missing tool is also a test
// failure, so that CI cannot pass by skipping what it was meant to check.
inline bool HaveTool(const std::string& name) {
  const bool found = RunTool("command -v " + name).status == 0;
  if (!found && UnderCi()) ADD_FAILURE() << name << " is missing, and CI must run every consumer";
  return found;
}

// The tools and TeX files (names with a dot: "biblatex.sty") of `needs`
// that are missing, space separated; "" when all are there.
inline std::string MissingTools(const std::vector<std::string>& needs) {
  std::string missing;
  for (const std::string& need : needs) {
    const bool file = need.find('.') != std::string::npos;
    if (file ? RunTool("kpsewhich " + need).status != 0 : !HaveTool(need)) missing += need + " ";
  }
  return missing;
}

// citex over every bundled sample (the seed page, arXiv snapshot records, a
// Hub response), as a user runs it.
inline Run RunCitexOnSamples(const std::string& options) {
  return RunCitex(options +
                  " samples/daily-papers.txt samples/arxiv-snapshot.jsonl"
                  " samples/hf-daily-2025-03-04.json");
}

}  // namespace citex::testing
