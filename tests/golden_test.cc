// Every file in samples/expected/ is the exact output of citex over one
// bundled sample in one format; this test reruns each and compares bytes.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <map>

#include "tests/support.h"

namespace citex {
namespace {

using testing::ReadFile;
using testing::RunCitex;
using testing::SourceDir;

const std::map<std::string, std::string> kFormatOfExtension = {
    {"json", "json"}, {"jsonl", "jsonl"}, {"csv", "csv"}, {"bib", "bibtex"}, {"md", "markdown"}};

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> names;
  DIR* dir = opendir((SourceDir() + "/samples/expected").c_str());
  if (dir == nullptr) return names;
  while (dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name[0] != '.') names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, OutputMatchesByteForByte) {
  const std::string name = GetParam();
  const size_t dot = name.rfind('.');
  const std::string input = name.substr(0, dot);
  const auto format = kFormatOfExtension.find(name.substr(dot + 1));
  ASSERT_NE(format, kFormatOfExtension.end()) << "unknown golden extension: " << name;
  const testing::Run run = RunCitex("-j 2 -f " + format->second + " samples/" + input);
  EXPECT_LE(run.status, 1) << run.err;
  EXPECT_EQ(run.err, "");
  const std::string expected = ReadFile(SourceDir() + "/samples/expected/" + name);
  ASSERT_FALSE(expected.empty());
  EXPECT_TRUE(run.out == expected)
      << "citex -f " << format->second << " samples/" << input
      << " differs from samples/expected/" << name << "; run scripts/update-golden.sh and diff";
}

TEST(Golden, EverySampleHasGoldenJsonLines) {
  const std::vector<std::string> names = GoldenFiles();
  for (const char* sample : {"daily-papers.txt", "arxiv-snapshot.jsonl",
                             "hf-daily-2025-03-04.json"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), std::string(sample) + ".jsonl"), names.end())
        << sample;
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace citex
