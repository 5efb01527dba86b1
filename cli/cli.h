// The command line: ParseCli turns arguments into CliOptions, RunCli runs
// them against the given descriptors. main() calls both; the CLI tests call
// them in-process, as bloaty's do.
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "extractor/read/input.h"

namespace citex {

struct CliOptions {
  std::vector<std::string> files;  // never empty after parsing: "-" is standard input
  std::string format = "json";
  std::string output;
  std::vector<std::string> only;
  std::vector<std::string> libraries;  // --library FILE, in order
  std::string group_by;  // "link", or empty: one record per paper
  size_t threads = 0;    // 0: all cores
  bool progress = false;
  bool strict = false;
  bool latex_accents = false;
  bool csv_raw_formulas = false;
  ReaderOptions reader;
};

// Where a run reads "-", writes its data and reports errors.
struct CliStreams {
  int in = 0;
  int out = 1;
  std::FILE* err = stderr;
};

// The options, or the exit status when parsing ends the run: 0 after --help
// or --version (printed on `streams.out`), 2 after a usage error (on err).
struct ParsedCli {
  std::optional<CliOptions> options;
  int status = 0;
};
ParsedCli ParseCli(int argc, const char* const* argv, const CliStreams& streams);

// Runs citex. Exit status: 0 something was found, 1 nothing was, 2 an error.
int RunCli(const CliOptions& options, const CliStreams& streams);

}  // namespace citex
