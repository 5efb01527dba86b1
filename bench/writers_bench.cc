// Throughput of each writer over the extracted bundled samples, in papers.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "extractor/bibkeys.h"
#include "formats/writer.h"

namespace citex {
namespace {

void BM_Writer(benchmark::State& state, Format format) {
  std::vector<Paper> papers = bench::ExtractedSamplePapers();
  BibKeys keys;
  for (Paper& paper : papers) keys.Assign(paper);
  std::string out;
  for (auto _ : state) {
    auto writer = MakeWriter(format);
    out.clear();
    writer->Begin(out);
    for (const Paper& paper : papers) writer->Write(paper, out);
    writer->End(out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * papers.size());
  state.SetBytesProcessed(state.iterations() * out.size());
}
BENCHMARK_CAPTURE(BM_Writer, json, Format::kJson);
BENCHMARK_CAPTURE(BM_Writer, jsonl, Format::kJsonl);
BENCHMARK_CAPTURE(BM_Writer, csv, Format::kCsv);
BENCHMARK_CAPTURE(BM_Writer, bibtex, Format::kBibtex);
BENCHMARK_CAPTURE(BM_Writer, markdown, Format::kMarkdown);

}  // namespace
}  // namespace citex
