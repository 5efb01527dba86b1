#include "extractor/read/items.h"

#include <gtest/gtest.h>

#include "extractor/pipeline.h"

namespace citex {
namespace {

struct Read {
  std::vector<Paper> papers;
  std::vector<char> has_findings;
  std::vector<InputError> errors;
};

Read ReadItems(std::vector<Item> items, ReaderOptions options = {}) {
  Read read;
  auto reader = MakeItemReader(std::move(items), "items", options,
                               [&](const InputError& e) { read.errors.push_back(e); });
  Paper paper;
  const std::unique_ptr<RecordDecoder> decoder = reader->NewDecoder();
  Chunk chunk;
  DecodedChunk decoded;
  while (reader->NextChunk(chunk, ChunkLimits{2, 1 << 20})) {  // two items a chunk
    DecodeChunk(*decoder, chunk, decoded);
    size_t next_error = 0;
    decoded.ReportBefore(decoded.papers.size(), &next_error, false,
                         [&](const InputError& e) { read.errors.push_back(e); });
    read.papers.insert(read.papers.end(), decoded.papers.begin(), decoded.papers.end());
    read.has_findings.insert(read.has_findings.end(), decoded.has_findings.begin(),
                             decoded.has_findings.end());
  }
  return read;
}

TEST(ItemReader, AStringIsTheAbstractAsIs) {
  const Read r = ReadItems({{"  Code: https://github.com/a/b \n", false}, {"", false}});
  ASSERT_EQ(r.papers.size(), 2u);
  EXPECT_EQ(r.papers[0].abstract, "  Code: https://github.com/a/b \n");
  EXPECT_EQ(r.papers[0].source.path, "items");
  EXPECT_EQ(r.papers[1].source.line, 2u);
  EXPECT_TRUE(r.papers[0].title.empty());
  EXPECT_TRUE(r.errors.empty());
}

TEST(ItemReader, AJsonItemIsReadAsAJsonLinesRecord) {
  const Read r = ReadItems({{R"({"id": "0704.0001", "title": "A  {\\'e}tude", "summary": "x",)"
                             R"( "authors": "C. Bal\\'azs and E. L. Berger"})",
                             true}});
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.papers[0].title, "A {\\'e}tude");  // TeX fields keep their source
  EXPECT_EQ(r.papers[0].abstract, "x");
  EXPECT_EQ(r.papers[0].year, "2007");
  EXPECT_EQ(r.papers[0].authors, (std::vector<std::string>{"C. Bal\\'azs", "E. L. Berger"}));
  EXPECT_EQ(r.has_findings, std::vector<char>{false});
}

TEST(ItemReader, ABadItemIsNamedBySourceAndPositionAndSkipped) {
  const Read r = ReadItems({{"one", false}, {R"({"title": "t"})", true}, {"three", false}});
  ASSERT_EQ(r.papers.size(), 2u);
  EXPECT_EQ(r.papers[1].abstract, "three");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "items");
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[0].reason, "record has no abstract");
}

TEST(ItemReader, StrictStopsThePipelineAtTheFirstBadItem) {
  PipelineOptions options;
  options.reader.strict = options.strict = true;
  options.threads = 2;
  std::vector<std::string> abstracts;
  std::vector<InputError> errors;
  Pipeline pipeline(
      options, CorePasses(), CoreStages(StageOptions()),
      [&](const Paper& paper) {
        abstracts.push_back(paper.abstract);
        return true;
      },
      [&](const InputError& e) { errors.push_back(e); });
  std::vector<Item> items = {{"one", false}, {"{", true}, {"three", false}};
  EXPECT_FALSE(pipeline.Run([&](const ErrorSink& sink) {
    return MakeItemReader(std::move(items), "items", options.reader, sink);
  }));
  EXPECT_EQ(abstracts, std::vector<std::string>{"one"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 2u);
}

TEST(ItemReader, CitexRecordsKeepTheirFindings) {
  ReaderOptions options;
  options.format = InputFormat::kCitex;
  const Read r =
      ReadItems({{R"({"index": 4, "abstract": "a", "source": {"path": "f", "line": 9},)"
                  R"( "links": [], "citations": [{"text": "Wang, 2023", "span": [0, 10],)"
                  R"( "kind": "author_year", "authors": ["Wang"], "year": "2023"}]})",
                  true}},
                options);
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.has_findings, std::vector<char>{true});
  EXPECT_EQ(r.papers[0].source.path, "f");
  EXPECT_EQ(r.papers[0].source.line, 9u);
  ASSERT_EQ(r.papers[0].citations.size(), 1u);
  EXPECT_EQ(r.papers[0].citations[0].year, "2023");
}

// The pipeline runs any reader as it runs a file's: passes, stages, order.
TEST(ItemReader, PipelineRunsItemsInOrderOnManyThreads) {
  std::vector<std::string> abstracts;
  for (int i = 0; i < 1000; ++i) abstracts.push_back("See https://github.com/a/r" + std::to_string(i));
  std::vector<Item> items;
  for (const std::string& abstract : abstracts) items.push_back({abstract, false});
  PipelineOptions options;
  options.threads = 3;
  std::vector<std::string> names;
  Pipeline pipeline(
      options, CorePasses(), CoreStages(StageOptions()),
      [&](const Paper& paper) {
        names.push_back(paper.links.empty() ? "" : paper.links[0].name);
        return true;
      },
      [](const InputError&) {});
  EXPECT_TRUE(pipeline.Run([&](const ErrorSink& errors) {
    return MakeItemReader(std::move(items), "", options.reader, errors);
  }));
  ASSERT_EQ(names.size(), 1000u);
  EXPECT_EQ(names[0], "a/r0");
  EXPECT_EQ(names[999], "a/r999");
  EXPECT_EQ(pipeline.stats().papers, 1000u);
}

}  // namespace
}  // namespace citex
