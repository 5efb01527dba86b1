// Every file in samples/expected/ is the exact output of citex over one
// bundled sample in one format; this test reruns each and compares bytes.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "formats/writer.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::ReadFile;
using testing::RunCitex;
using testing::SourceDir;
using testing::WriteFile;

// The bundled inputs: every file directly in samples/ but the notes.
std::vector<std::string> Samples() {
  std::vector<std::string> names;
  DIR* dir = opendir((SourceDir() + "/samples").c_str());
  if (dir == nullptr) return names;
  while (dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (entry->d_type == DT_REG && name.size() > 3 && name.substr(name.size() - 3) != ".md") {
      names.push_back(name);
    }
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

// One sample in one format, per paper or (grouped) with --group-by link;
// grouped goldens live in samples/expected/grouped/.
struct GoldenCase {
  std::string sample;
  const FormatInfo* format;
  bool grouped = false;
  std::string run;            // a name for `extra_options`, "" for none
  std::string extra_options;  // more command-line options
  std::string golden() const {
    return (grouped ? "grouped/" : "") + sample + (run.empty() ? "" : "+" + run) + "." +
           std::string(format->extension);
  }
  std::string options() const {
    return "-j 2 -f " + std::string(format->name) + (grouped ? " --group-by link" : "") +
           (extra_options.empty() ? "" : " " + extra_options);
  }
};

// Runs with options: a sample, a name for the run (in the golden file's
// name, "daily-papers.txt+library.bib"), the options, the formats.
struct OptionRun {
  const char* sample;
  const char* run;
  const char* options;
  std::vector<std::string_view> formats;
};
const std::vector<OptionRun>& OptionRuns() {
  static const std::vector<OptionRun> runs = {
      // Resolved citations print the library's own entries (issue 16).
      {"daily-papers.txt", "library", "--library samples/libraries/daily-papers.bib",
       {"bibtex", "csv", "jsonl"}},
  };
  return runs;
}

// Every sample in every format of the format table, grouped in every format
// that can group, and the option runs.
std::vector<GoldenCase> GoldenCases() {
  std::vector<GoldenCase> cases;
  for (const std::string& sample : Samples()) {
    for (const FormatInfo& format : Formats()) {
      cases.push_back({sample, &format, false, "", ""});
      if (format.make_grouped) cases.push_back({sample, &format, true, "", ""});
    }
  }
  for (const OptionRun& run : OptionRuns()) {
    for (const FormatInfo& format : Formats()) {
      if (std::find(run.formats.begin(), run.formats.end(), format.name) != run.formats.end()) {
        cases.push_back({run.sample, &format, false, run.run, run.options});
      }
    }
  }
  return cases;
}

// The files in samples/expected/`sub`, as "sub/name" ("name" when `sub` is empty).
std::vector<std::string> GoldenFiles(const std::string& sub) {
  std::vector<std::string> found;
  DIR* dir = opendir((SourceDir() + "/samples/expected/" + sub).c_str());
  if (dir == nullptr) return found;
  while (dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.' && entry->d_type == DT_REG) {
      found.push_back((sub.empty() ? "" : sub + "/") + entry->d_name);
    }
  }
  closedir(dir);
  return found;
}

void PrintTo(const GoldenCase& test, std::ostream* out) { *out << test.golden(); }

class Golden : public ::testing::TestWithParam<GoldenCase> {};

// With CITEX_UPDATE_GOLDEN=1 (scripts/update-golden.sh) the output is written
// to the golden file instead: review `git diff samples/expected` after.
TEST_P(Golden, OutputMatchesByteForByte) {
  const GoldenCase& test = GetParam();
  const std::string command = test.options() + " samples/" + test.sample;
  const testing::Run run = RunCitex(command);
  EXPECT_LE(run.status, 1) << run.err;
  EXPECT_EQ(run.err, "");
  const std::string path = SourceDir() + "/samples/expected/" + test.golden();
  if (std::getenv("CITEX_UPDATE_GOLDEN") != nullptr) WriteFile(path, run.out);
  const std::string expected = ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "no golden file samples/expected/" << test.golden();
  EXPECT_TRUE(run.out == expected) << "citex " << command << " differs from samples/expected/"
                                   << test.golden() << "; run scripts/update-golden.sh and diff";
}

// A golden file no case compares is a format or sample that went away.
TEST(Golden, EveryGoldenFileBelongsToASampleAndAFormat) {
  std::vector<std::string> expected;
  for (const GoldenCase& test : GoldenCases()) expected.push_back(test.golden());
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> found = GoldenFiles("");
  const std::vector<std::string> grouped = GoldenFiles("grouped");
  found.insert(found.end(), grouped.begin(), grouped.end());
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, expected);
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(GoldenCases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           std::string name = info.param.golden();
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace citex
