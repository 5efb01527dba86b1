#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "extractor/read/input.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::TempDir;
using testing::WriteFile;

struct ReadResult {
  std::vector<Paper> papers;
  std::vector<InputError> errors;
};

ReadResult ReadAll(const std::string& bytes, ReaderOptions options = {}) {
  TempDir dir;
  const std::string path = dir.File("input");
  WriteFile(path, bytes);
  ReadResult result;
  auto reader = OpenPaperReader(path, options, [&](const InputError& e) {
    InputError copy = e;
    copy.path = copy.path.substr(copy.path.rfind('/') + 1);
    result.errors.push_back(copy);
  });
  Paper paper;
  while (reader && reader->Next(paper)) {
    paper.source.path = paper.source.path.substr(paper.source.path.rfind('/') + 1);
    result.papers.push_back(paper);
  }
  return result;
}

std::string Describe(const std::vector<InputError>& errors) {
  std::string out;
  for (const InputError& e : errors) {
    out +=
        e.path + ":" + std::to_string(e.line) + ": " + e.reason + (e.warning ? " (w)" : "") + "\n";
  }
  return out;
}

TEST(TextReader, DailyPapersPageGivesItsSeventyOnePapersWithExactTitles) {
  const ReadResult r =
      ReadAll(testing::ReadFile(testing::SourceDir() + "/samples/daily-papers.txt"));
  ASSERT_EQ(r.papers.size(), 71u);
  EXPECT_TRUE(r.errors.empty()) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].title,
            "Global Convergence of Sub-gradient Method for Robust Matrix Recovery: Small "
            "Initialization, Noisy Measurements, and Over-parameterization");
  EXPECT_EQ(r.papers[0].source.line, 13u);
  EXPECT_EQ(r.papers[0].abstract.substr(0, 40), "In this work, we study the performance o");
  EXPECT_EQ(r.papers[70].title,
            "Generalization in Healthcare AI: Evaluation of a Clinical Large Language Model");
}

TEST(TextReader, PageChromeIsNotAPaper) {
  const ReadResult r = ReadAll(
      "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
      "byAK and the research community\n\nAug 14\n\nA Title\n\nAn abstract that is longer.\n");
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.papers[0].title, "A Title");
  EXPECT_EQ(r.papers[0].abstract, "An abstract that is longer.");
  EXPECT_EQ(r.papers[0].source.line, 13u);
}

TEST(TextReader, SingleAbstractHasNoTitleAndKeepsItsLineBreaks) {
  const ReadResult r = ReadAll("We study X.\nOur code is at github.com/a/b.\n");
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.papers[0].title, "");
  EXPECT_EQ(r.papers[0].abstract, "We study X.\nOur code is at github.com/a/b.");
  EXPECT_EQ(r.papers[0].source.line, 1u);
}

TEST(TextReader, CrlfAndBomAreHandled) {
  const ReadResult r = ReadAll(
      "\xEF\xBB\xBFTitle One\r\n\r\nAbstract one, long enough.\r\n\r\n"
      "Title Two\r\n\r\nAbstract two, long enough.\r\n");
  ASSERT_EQ(r.papers.size(), 2u);
  EXPECT_EQ(r.papers[0].title, "Title One");
  EXPECT_EQ(r.papers[0].abstract, "Abstract one, long enough.");
  EXPECT_EQ(r.papers[1].title, "Title Two");
  EXPECT_EQ(r.papers[1].source.line, 5u);
}

TEST(TextReader, TitleWithNoAbstractIsReportedAndTheRestKept) {
  const ReadResult r = ReadAll("Title One\n\nAbstract one, long enough.\n\nDangling Title\n");
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(Describe(r.errors), "input:5: title with no abstract: \"Dangling Title\"\n");
}

TEST(TextReader, EmptyFileGivesNothing) {
  EXPECT_TRUE(ReadAll("").papers.empty());
  EXPECT_TRUE(ReadAll("\n \n").papers.empty());
  EXPECT_TRUE(ReadAll("").errors.empty());
}

TEST(JsonLinesReader, ArxivSnapshotRecords) {
  const ReadResult r = ReadAll(
      R"json({"id":"0704.0001","authors":"C. Bal\\'azs, E. L. Berger and C.-P. Yuan (ANL)","title":"Calculation of prompt\n  diphoton production","doi":"10.1103/PhysRevD.76.013009","categories":"hep-ph","abstract":"  A fully differential\ncalculation.\n"})json"
      "\n"
      R"({"id":"hep-th/9901001","title":"T","abstract":"x"})"
      "\n");
  ASSERT_EQ(r.papers.size(), 2u) << Describe(r.errors);
  const Paper& p = r.papers[0];
  EXPECT_EQ(p.id, "0704.0001");
  EXPECT_EQ(p.title, "Calculation of prompt diphoton production");
  EXPECT_EQ(p.abstract, "  A fully differential\ncalculation.\n");  // as given: spans stay true
  EXPECT_EQ(p.authors,
            (std::vector<std::string>{"C. Bal\xC3\xA1zs", "E. L. Berger", "C.-P. Yuan"}));
  EXPECT_EQ(p.doi, "10.1103/PhysRevD.76.013009");
  EXPECT_EQ(p.categories, "hep-ph");
  EXPECT_EQ(p.year, "2007");
  EXPECT_EQ(p.source.line, 1u);
  EXPECT_EQ(r.papers[1].year, "1999");
  EXPECT_EQ(r.papers[1].source.line, 2u);
}

// Names split at commas and " and " outside parentheses; affiliations,
// wraps and a leading "and" dropped.
TEST(JsonLinesReader, AuthorListsSplitIntoNames) {
  const ReadResult r = ReadAll(
      R"({"id":"1","title":"T","abstract":"x","authors":)"
      R"(" P.A. Evans (1, 2),\n  F. van der Tak  (SRON) and\tB. C) D,, and  Chen , X. (open"})"
      "\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].authors,
            (std::vector<std::string>{"P.A. Evans", "F. van der Tak", "B. C) D", "Chen", "X."}));
}

TEST(JsonLinesReader, BadLinesAreReportedWithTheirLineAndSkipped) {
  const ReadResult r = ReadAll(
      "{\"id\":\"1\",\"title\":\"a\",\"abstract\":\"one\"}\r\n"
      "{\"id\":\"2\",\"title\":\"b\",\"abstract\":\n"
      "\n"
      "{\"id\":\"3\",\"title\":\"no abstract\"}\n"
      "{\"id\":\"4\",\"title\":7,\"abstract\":\"x\"}\n"
      "[1,2]\n"
      "{\"id\":\"5\",\"title\":\"e\",\"abstract\":\"five\"}");  // no final newline
  ASSERT_EQ(r.papers.size(), 2u);
  EXPECT_EQ(r.papers[0].id, "1");
  EXPECT_EQ(r.papers[1].id, "5");
  EXPECT_EQ(r.papers[1].source.line, 7u);
  ASSERT_EQ(r.errors.size(), 4u) << Describe(r.errors);
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_NE(r.errors[0].reason.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(r.errors[1].line, 4u);
  EXPECT_EQ(r.errors[1].reason, "record has no abstract");
  EXPECT_EQ(r.errors[2].reason, "field \"title\" is not a string");
  EXPECT_EQ(r.errors[3].reason, "record is not a JSON object");
}

TEST(JsonLinesReader, InvalidUtf8IsRepairedNotDropped) {
  const ReadResult r = ReadAll("{\"title\":\"caf\xE9\",\"abstract\":\"x\xFFy\"}\n");
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.papers[0].title, "caf\xEF\xBF\xBD");
  EXPECT_EQ(r.papers[0].abstract, "x\xEF\xBF\xBDy");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors[0].warning);
}

TEST(JsonLinesReader, OversizedRecordIsSkippedWithAnError) {
  ReaderOptions options;
  options.max_record_bytes = 100;
  const std::string big = "{\"abstract\":\"" + std::string(5000, 'a') + "\"}\n";
  const ReadResult r =
      ReadAll("{\"abstract\":\"small\"}\n" + big + "{\"abstract\":\"after\"}\n", options);
  ASSERT_EQ(r.papers.size(), 2u);
  EXPECT_EQ(r.papers[1].abstract, "after");
  EXPECT_EQ(Describe(r.errors), "input:2: record is larger than --max-record-bytes\n");
}

TEST(JsonLinesReader, CustomFieldsByDottedPath) {
  ReaderOptions options;
  options.title_field = "meta.name";
  options.text_field = "body";
  options.id_field = "meta.key";
  const ReadResult r =
      ReadAll(R"({"meta":{"name":"A  title","key":42},"body":"Text here","title":"no"})"
              "\n",
              options);
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].title, "A title");
  EXPECT_EQ(r.papers[0].abstract, "Text here");
  EXPECT_EQ(r.papers[0].id, "42");
}

TEST(JsonReader, HuggingFaceArrayOfPaperObjects) {
  const ReadResult r = ReadAll(R"([
  {"paper": {"id": "2503.01785", "authors": [{"name": "Ziyu Liu"}, {"name": "Zeyi Sun"}],
             "publishedAt": "2025-03-03T18:16:32.000Z", "title": "Visual-RFT",
             "summary": "Reinforcement."}, "title": "Visual-RFT"},
  {"id": "2503.00001", "title": "Plain", "summary": "Plain summary."}
])");
  ASSERT_EQ(r.papers.size(), 2u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].id, "2503.01785");
  EXPECT_EQ(r.papers[0].authors, (std::vector<std::string>{"Ziyu Liu", "Zeyi Sun"}));
  EXPECT_EQ(r.papers[0].year, "2025");
  EXPECT_EQ(r.papers[0].abstract, "Reinforcement.");
  EXPECT_EQ(r.papers[0].source.line, 2u);
  EXPECT_EQ(r.papers[1].title, "Plain");
  EXPECT_EQ(r.papers[1].source.line, 5u);
}

TEST(JsonReader, SingleObjectAndBadElements) {
  ReadResult r =
      ReadAll("{\n  \"paper\": {\"id\": \"1\", \"title\": \"T\", \"summary\": \"S\"}\n}\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].id, "1");
  r = ReadAll("[{\"summary\": \"a\"}, 3, {\"title\": \"none\"},\n {\"summary\": \"b\"}]");
  ASSERT_EQ(r.papers.size(), 2u);
  EXPECT_EQ(Describe(r.errors),
            "input:1: record is not a JSON object\ninput:1: record has no abstract\n");
}

// Found by fuzz_readers (tests/fuzz/regressions/fuzz_readers): a scalar
// ending at a bracket had zero length, so the reader never moved on.
TEST(JsonReader, StrayBracketsAndTextDoNotHang) {
  ReaderOptions options;
  options.format = InputFormat::kJson;
  ReadResult r = ReadAll("[{\"summary\": \"a\"}, }, 3, {\"summary\": \"b\"}]", options);
  ASSERT_EQ(r.papers.size(), 2u) << Describe(r.errors);
  EXPECT_EQ(Describe(r.errors),
            "input:1: unexpected '}' in a JSON array\ninput:1: record is not a JSON object\n");
  r = ReadAll("new\n\nSome text (with brackets} and words.\n", options);
  EXPECT_TRUE(r.papers.empty());
  EXPECT_EQ(Describe(r.errors), "input:1: not JSON: expected '[' or '{', found 'n'\n");
}

TEST(JsonReader, TruncatedArrayKeepsWhatCameBefore) {
  const ReadResult r = ReadAll("[{\"summary\": \"a\"},\n{\"summary\": \"b");
  ASSERT_EQ(r.papers.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors[0].fatal);
  EXPECT_EQ(r.errors[0].reason, "unexpected end of file inside a JSON value");
}

TEST(JsonReader, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const ReadResult r = ReadAll("[" + deep + ", {\"summary\": \"ok\"}]");
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.papers[0].abstract, "ok");
  EXPECT_EQ(r.errors.size(), 1u);
}

// Reads `bytes` the way the pipeline's threads do: cut into chunks of at
// most `limits`, each decoded by a decoder of its own. `chunks` gets the
// number of records in each chunk.
// Adds a decoded chunk's papers and errors to `result`, in input order.
void Collect(const DecodedChunk& decoded, ReadResult& result) {
  size_t next_error = 0;
  const ErrorSink keep = [&](const InputError& e) {
    InputError copy = e;
    copy.path = copy.path.substr(copy.path.rfind('/') + 1);
    result.errors.push_back(copy);
  };
  for (size_t i = 0; i < decoded.papers.size(); ++i) {
    decoded.ReportBefore(i, &next_error, false, keep);
    Paper paper = decoded.papers[i];
    paper.source.path = paper.source.path.substr(paper.source.path.rfind('/') + 1);
    result.papers.push_back(paper);
  }
  decoded.ReportBefore(decoded.papers.size(), &next_error, false, keep);
}

ReadResult ReadInChunks(const std::string& bytes, ChunkLimits limits, std::vector<size_t>* chunks,
                        ReaderOptions options = {}) {
  TempDir dir;
  const std::string path = dir.File("input");
  WriteFile(path, bytes);
  ReadResult result;
  auto reader = OpenPaperReader(path, options, [](const InputError&) {});
  Chunk chunk;
  DecodedChunk decoded;
  while (reader && reader->NextChunk(chunk, limits)) {
    chunks->push_back(chunk.records.size());
    DecodeChunk(*reader->NewDecoder(), chunk, decoded);
    Collect(decoded, result);
  }
  return result;
}

// Reads `path` the way the pipeline reads a regular JSON Lines file: in
// byte ranges of `range_bytes`, each cut and decoded on its own, its line
// numbers shifted by the lines of the ranges before it.
ReadResult ReadInRanges(const std::string& path, size_t range_bytes, ReaderOptions options) {
  ReadResult result;
  auto reader = OpenPaperReader(path, options, [](const InputError&) {});
  if (!reader || !reader->CutsRanges()) {
    ADD_FAILURE() << "not cut by ranges";
    return result;
  }
  const std::unique_ptr<RecordDecoder> decoder = reader->NewDecoder();
  Chunk chunk;
  DecodedChunk decoded;
  size_t lines = 0;
  for (bool ended = false; !ended;) {
    reader->CutRange(reader->ClaimRange(range_bytes), chunk);
    ended = chunk.input_ended;
    EXPECT_TRUE(chunk.lines_from_range);
    DecodeChunk(*decoder, chunk, decoded);
    decoded.ShiftLines(lines);
    lines += chunk.lines;
    Collect(decoded, result);
  }
  EXPECT_EQ(reader->BytesRead(), testing::ReadFile(path).size());
  return result;
}

std::string Describe(const std::vector<Paper>& papers) {
  std::string out;
  for (const Paper& p : papers)
    out += p.source.path + ":" + std::to_string(p.source.line) + " " + p.id + " " + p.title + "\n";
  return out;
}

TEST(Chunks, JsonLinesAreCutAtLineEndsWithEachErrorInItsPlace) {
  const std::string input =
      "{\"id\":\"a\",\"abstract\":\"1\"}\n"
      "{\"id\":\"b\",\"abstract\":\"2\"}\n"
      "{broken\n"
      "{\"id\":\"c\",\"abstract\":\"4\"}\n"
      "\n"
      "{\"id\":\"d\"}\n"
      "{\"id\":\"e\",\"abstract\":\"7\"}";
  std::vector<size_t> chunks;
  const ReadResult r = ReadInChunks(input, {2, 1 << 20}, &chunks);
  EXPECT_EQ(chunks, (std::vector<size_t>{2, 2, 2}));
  EXPECT_EQ(Describe(r.papers), "input:1 a \ninput:2 b \ninput:4 c \ninput:7 e \n");
  ASSERT_EQ(r.errors.size(), 2u) << Describe(r.errors);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[1].line, 6u);
  EXPECT_EQ(r.errors[1].reason, "record has no abstract");
  // One record a chunk, or all in one: the same papers and errors.
  const ReadResult whole = ReadAll(input);
  EXPECT_EQ(Describe(whole.papers), Describe(r.papers));
  EXPECT_EQ(Describe(whole.errors), Describe(r.errors));
  chunks.clear();
  EXPECT_EQ(Describe(ReadInChunks(input, {256, 1}, &chunks).errors), Describe(r.errors));
  EXPECT_EQ(chunks, (std::vector<size_t>{1, 1, 1, 1, 1, 1}));
}

std::string DescribeRecords(const std::vector<Paper>& papers) {
  std::string out;
  for (const Paper& p : papers) {
    out += p.source.path + ":" + std::to_string(p.source.line) + " " + p.id + " " + p.abstract + "\n";
  }
  return out;
}

// Range sizes from one byte to the whole file, against the
// line-by-line cut: line ends of every kind (and a "\r\n" split between two
// ranges), byte order marks, blank lines, a broken record, a last line
// without a line end, lines longer than a range and than --max-record-bytes.
TEST(Chunks, JsonLinesRangesOfAnySizeGiveWhatTheLineByLineCutGives) {
  const std::string a = "{\"id\":\"a\",\"abstract\":\"one\"}";
  const std::string b = "{\"id\":\"b\",\"abstract\":\"" + std::string(90, 'x') + "\"}";
  const std::string bom = "\xEF\xBB\xBF";
  const std::vector<std::string> inputs = {
      a + "\n" + b + "\n{broken\n\n" + a + "\n{\"id\":\"d\"}\n" + b,
      a + "\r\n" + b + "\r\n\r\n" + a + "\r\n",
      a + "\r" + b + "\r\r" + a + "\r",
      a + "\r\n" + b + "\r" + a + "\n" + b + "\n\r" + a,
      bom + a + "\n" + bom + bom + b + "\n" + bom + "\n" + a + "\n",
      a + "\n \t\f\v\n" + b + "\n\n\n",
      "\n\n" + a + "\n\n",
      a + "\n",
      a,
  };
  for (size_t max_record_bytes : {size_t{64} << 20, size_t{60}}) {
    ReaderOptions options;
    options.format = InputFormat::kJsonl;
    options.max_record_bytes = max_record_bytes;
    for (const std::string& input : inputs) {
      const ReadResult serial = ReadAll(input, options);
      ASSERT_FALSE(serial.papers.empty()) << input;
      TempDir dir;
      const std::string path = dir.File("input");
      WriteFile(path, input);
      // Every range size up to 48 bytes puts a range boundary at every byte;
      // larger ones in steps, up to all in one range.
      for (size_t range = 1; range <= input.size() + 1; range += range < 48 ? 1 : 7) {
        const ReadResult ranged = ReadInRanges(path, range, options);
        ASSERT_EQ(DescribeRecords(ranged.papers), DescribeRecords(serial.papers))
            << "range " << range << ", max " << max_record_bytes << ", input:\n" << input;
        ASSERT_EQ(Describe(ranged.errors), Describe(serial.errors))
            << "range " << range << ", max " << max_record_bytes << ", input:\n" << input;
      }
    }
  }
}

// The line-by-line cut packs records one after another; what the JSON parser
// meets past a record's end must not change what it says about it.
TEST(Chunks, BrokenRecordIsJudgedAloneNotWithTheRecordAfterIt) {
  ReaderOptions options;
  options.format = InputFormat::kJsonl;
  const ReadResult r = ReadAll("{}}\n}}\n{\"abstract\":\"x\"}\n", options);
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(Describe(r.errors).substr(0, Describe(r.errors).find('\n')),
            "input:1: unexpected text after the JSON object");
}

TEST(Chunks, OnlyANamedRegularFileIsCutByRanges) {
  TempDir dir;
  const std::string path = dir.File("in.jsonl");
  WriteFile(path, "{\"id\":\"a\",\"abstract\":\"one\"}\n");
  const ErrorSink ignore = [](const InputError&) {};
  EXPECT_TRUE(OpenPaperReader(path, {}, ignore)->CutsRanges());
  // Standard input may start anywhere in a file, or be a pipe.
  ReaderOptions from_stdin;
  from_stdin.stdin_fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(from_stdin.stdin_fd, 0);
  EXPECT_FALSE(OpenPaperReader("-", from_stdin, ignore)->CutsRanges());
  close(from_stdin.stdin_fd);
}

TEST(Chunks, JsonArrayElementsAreCutWholeWithTheCutsErrorsInPlace) {
  const std::string input =
      "[{\"id\": \"a\", \"summary\": \"x\"}, },\n"
      " {\"id\": \"b\", \"summary\": \"[not] {a} \\\"bracket\\\"\"}, 3,\n"
      " {\"id\": \"c\", \"summary\": \"z\"}]";
  std::vector<size_t> chunks;
  const ReadResult r = ReadInChunks(input, {256, 1}, &chunks);
  EXPECT_EQ(chunks, (std::vector<size_t>{1, 1, 1}));
  EXPECT_EQ(Describe(r.papers), "input:1 a \ninput:2 b \ninput:3 c \n");
  EXPECT_EQ(r.papers[1].abstract, "[not] {a} \"bracket\"");
  EXPECT_EQ(Describe(r.errors),
            "input:1: unexpected '}' in a JSON array\ninput:2: record is not a JSON object\n");
  const ReadResult whole = ReadAll(input);
  EXPECT_EQ(Describe(whole.papers), Describe(r.papers));
  EXPECT_EQ(Describe(whole.errors), Describe(r.errors));
}

TEST(Chunks, TextPageIsCutAtPaperBoundaries) {
  const std::string page = testing::ReadFile(testing::SourceDir() + "/samples/daily-papers.txt");
  std::vector<size_t> chunks;
  const ReadResult r = ReadInChunks(page, {10, 1 << 20}, &chunks);
  EXPECT_EQ(chunks, (std::vector<size_t>{10, 10, 10, 10, 10, 10, 10, 1}));
  const ReadResult whole = ReadAll(page);
  ASSERT_EQ(r.papers.size(), 71u);
  EXPECT_EQ(Describe(whole.papers), Describe(r.papers));
  EXPECT_EQ(r.papers[70].abstract, whole.papers[70].abstract);
}

TEST(Input, MissingFileAndDirectoryAreFatalErrors) {
  ReadResult r;
  auto reader = OpenPaperReader("/nonexistent/x.txt", {},
                                [&](const InputError& e) { r.errors.push_back(e); });
  EXPECT_EQ(reader, nullptr);
  reader = OpenPaperReader("/tmp", {}, [&](const InputError& e) { r.errors.push_back(e); });
  EXPECT_EQ(reader, nullptr);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].reason, "No such file or directory");
  EXPECT_EQ(r.errors[1].reason, "is a directory");
}

TEST(Input, SniffingTellsTextFromJson) {
  // Text that happens to start with a bracket.
  ReadResult r = ReadAll("[1] Smith et al. (2020) proposed it.\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].abstract, "[1] Smith et al. (2020) proposed it.");
  r = ReadAll("{this https URL} is where the code is.\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  // citex's JSON document squeezed onto one line is still a document.
  r = ReadAll(R"({"papers": [{"index": 0, "title": "T", "links": [], "citations": []}]})"
              "\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].title, "T");
}

TEST(Input, OtherDatasetsLinksAndCitationsFieldsAreNotFindings) {
  // A Semantic Scholar-like record: its "citations" are not citex's.
  const ReadResult r = ReadAll(
      R"({"title":"T","abstract":"See github.com/a/b (Smith, 2020).","citations":[{"paperId":"x"}],"links":{"pdf":"y"}})"
      "\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_TRUE(r.papers[0].citations.empty());
  EXPECT_EQ(r.papers[0].abstract, "See github.com/a/b (Smith, 2020).");
}

TEST(TextReader, DateLinesAreChromeButMonthLikeTitlesAreNot) {
  const ReadResult r = ReadAll("Sept. 3\n\nOctopus 2\n\nAn abstract about octopus models.\n");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(r.papers[0].title, "Octopus 2");
}

std::string TexOf(const Paper& paper) {
  return std::string(paper.tex.title ? "t" : "-") + (paper.tex.authors ? "a" : "-") +
         (paper.tex.abstract ? "b" : "-");
}

// arXiv metadata is TeX throughout; the Hub's summary is the arXiv abstract
// but its title and names are plain; a copied page and unknown fields are plain.
TEST(Input, ReadersSayWhichFieldsAreTex) {
  const std::string arxiv =
      R"({"id":"0704.0005","authors":"A. Koll\\'ar","title":"Gr\\\"obner $\\\"{a}$",)"
      R"("abstract":"$x$"})"
      "\n";
  ReadResult r = ReadAll(arxiv);
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(TexOf(r.papers[0]), "tab");
  EXPECT_EQ(r.papers[0].title, "Gröbner $\\\"{a}$") << "accents decoded outside math only";
  EXPECT_EQ(r.papers[0].authors, std::vector<std::string>{"A. Kollár"});
  r = ReadAll(
      R"([{"paper":{"id":"1","title":"T \\'e","summary":"$x$","authors":[{"name":"B"}]}}])");
  ASSERT_EQ(r.papers.size(), 1u) << Describe(r.errors);
  EXPECT_EQ(TexOf(r.papers[0]), "--b");
  EXPECT_EQ(r.papers[0].title, "T \\'e") << "a plain title keeps its backslash";
  EXPECT_EQ(TexOf(ReadAll("Title line\n\nAn abstract that is longer than its title.\n").papers[0]),
            "---");
  ReaderOptions custom;
  custom.text_field = "body";
  EXPECT_EQ(TexOf(ReadAll(R"({"title":"t","body":"b"})"
                          "\n",
                          custom)
                      .papers[0]),
            "---");
  ReaderOptions yes;
  yes.tex = true;
  EXPECT_EQ(
      TexOf(ReadAll("Title line\n\nAn abstract that is longer than its title.\n", yes).papers[0]),
      "tab");
  ReaderOptions no;
  no.tex = false;
  r = ReadAll(arxiv, no);
  EXPECT_EQ(TexOf(r.papers[0]), "---");
  EXPECT_EQ(r.papers[0].title, "Gr\\\"obner $\\\"{a}$");
}

TEST(Input, FormatNames) {
  EXPECT_EQ(ParseInputFormat("citex"), InputFormat::kCitex);
  EXPECT_EQ(ParseInputFormat("xml"), std::nullopt);
}

}  // namespace
}  // namespace citex
