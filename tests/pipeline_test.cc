#include "extractor/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <utility>

#include <string>
#include <vector>

#include "extractor/read/items.h"

namespace citex {
namespace {

// Paper i of MakeItems, as delivered: what every field should hold.
std::string Expected(int i) {
  std::string s = "id " + std::to_string(i) + " title " + (i % 7 ? "T" + std::to_string(i) : "");
  s += " authors";
  if (i % 11 == 0) s += " A. Smith|B. Jones";
  s += " links";
  if (i % 3 == 0) s += " https://github.com/o/r" + std::to_string(i);
  s += " citations";
  if (i % 5 == 0) s += " Smith et al., 2020";
  return s;
}

std::string Summary(const Paper& paper) {
  std::string s = "id " + paper.id + " title " + paper.title + " authors";
  for (size_t k = 0; k < paper.authors.size(); ++k) s += (k ? "|" : " ") + paper.authors[k];
  s += " links";
  for (const Link& link : paper.links) s += " " + link.url;
  s += " citations";
  for (const Citation& citation : paper.citations) s += " " + citation.text;
  return s;
}

// Papers with and without each field, in odd periods (3, 5, 7, 11) that no
// power-of-two chunk divides, so a recycled batch puts a bare paper where one
// with findings was. The items are views into `texts`.
std::vector<Item> MakeItems(int count, std::vector<std::string>& texts) {
  texts.clear();
  for (int i = 0; i < count; ++i) {
    std::string abstract = "We study things.";
    if (i % 3 == 0) abstract += " Code: https://github.com/o/r" + std::to_string(i) + ".";
    if (i % 5 == 0) abstract += " As shown (Smith et al., 2020).";
    std::string json = "{\"id\":\"" + std::to_string(i) + "\"";
    if (i % 7) json += ",\"title\":\"T" + std::to_string(i) + "\"";
    if (i % 11 == 0) json += ",\"authors\":\"A. Smith and B. Jones\"";
    json += ",\"abstract\":\"" + abstract + "\"}";
    texts.push_back(json);
  }
  std::vector<Item> items;
  for (const std::string& text : texts) items.push_back({text, true});
  return items;
}

// Batches are reused: nothing of one paper may reach a later one, at any
// -j, whether the consumer reads each paper or moves it away (as the Python
// module does).
TEST(Pipeline, RecycledBatchesKeepNothingOfEarlierPapers) {
  constexpr int kPapers = 1100;  // many chunks, each reused several times
  for (const bool take : {false, true}) {
    for (size_t threads : {1, 2, 8}) {
      PipelineOptions options;
      options.threads = threads;
      std::vector<std::string> seen;
      std::vector<Paper> taken;
      Pipeline pipeline(
          options, CorePasses(), CoreStages(StageOptions()),
          [&](Paper& paper) {
            seen.push_back(Summary(paper));
            if (take) taken.push_back(std::move(paper));
            return true;
          },
          [](const InputError&) {});
      std::vector<std::string> texts;
      ASSERT_TRUE(pipeline.Run([&](const ErrorSink& errors) {
        return MakeItemReader(MakeItems(kPapers, texts), "items", options.reader, errors);
      }));
      ASSERT_EQ(seen.size(), static_cast<size_t>(kPapers)) << threads;
      for (int i = 0; i < kPapers; ++i) ASSERT_EQ(seen[i], Expected(i)) << "-j " << threads;
      if (take) {
        ASSERT_EQ(taken.size(), static_cast<size_t>(kPapers));
        EXPECT_EQ(Summary(taken[999]), Expected(999));
      }
    }
  }
}

// The threads are started once and serve every input: a thread compiles its
// own patterns, so threads started anew for each file paid that again at
// every file. Counted by what a new thread has fresh, its thread_locals
// (a new thread may reuse an old one's id).
TEST(Pipeline, TheSameThreadsServeEveryInput) {
  constexpr int kPapers = 4000;  // some 60 chunks an input: both threads get some
  PipelineOptions options;
  options.threads = 2;
  size_t delivering_threads = 0;
  std::vector<size_t> indexes;
  Pipeline pipeline(
      options, CorePasses(), CoreStages(StageOptions()),
      [&](Paper& paper) {
        thread_local bool counted = false;  // calls are one at a time: no race on the count
        if (!counted) ++delivering_threads;
        counted = true;
        indexes.push_back(paper.index);
        return true;
      },
      [](const InputError&) {});
  std::vector<std::string> texts;
  for (int input = 0; input < 4; ++input) {
    ASSERT_TRUE(pipeline.Run([&](const ErrorSink& errors) {
      return MakeItemReader(MakeItems(kPapers, texts), "items", options.reader, errors);
    }));
  }
  EXPECT_EQ(delivering_threads, 2u);
  ASSERT_EQ(indexes.size(), 4u * kPapers);
  for (size_t i = 0; i < indexes.size(); ++i) ASSERT_EQ(indexes[i], i);
}

// A batch tells whether its input may pause, so that the CLI writes out at
// once what came from a pipe and gathers what comes from a file.
TEST(Pipeline, BatchesTellWhetherTheInputMayPause) {
  char file[] = "/tmp/citex-pipeline-test-XXXXXX";
  const int fd = mkstemp(file);
  ASSERT_GE(fd, 0);
  const std::string record = "{\"id\":\"1\",\"abstract\":\"We study things.\"}\n";
  ASSERT_EQ(write(fd, record.data(), record.size()), static_cast<ssize_t>(record.size()));
  close(fd);
  int ends[2];
  ASSERT_EQ(pipe(ends), 0);
  ASSERT_EQ(write(ends[1], record.data(), record.size()), static_cast<ssize_t>(record.size()));
  close(ends[1]);
  for (const auto& [path, may_pause] :
       {std::pair<std::string, bool>{file, false}, {"/dev/fd/" + std::to_string(ends[0]), true}}) {
    Pipeline pipeline(PipelineOptions(), CorePasses(), CoreStages(StageOptions()),
                      [](Paper&) { return true; }, [](const InputError&) {});
    std::vector<bool> seen;
    pipeline.OnBatch([&](const RunStats& stats) { seen.push_back(stats.input_may_pause); });
    ASSERT_TRUE(pipeline.RunFile(path));
    EXPECT_EQ(seen, std::vector<bool>{may_pause}) << path;
  }
  close(ends[0]);
  unlink(file);
}

}  // namespace
}  // namespace citex
