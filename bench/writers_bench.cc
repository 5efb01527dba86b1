// Throughput of each writer over the extracted bundled samples, in papers.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "extractor/stages/stage.h"
#include "formats/writer.h"

namespace citex {
namespace {

void BM_Writer(benchmark::State& state, const FormatInfo& format) {
  std::vector<Paper> papers = bench::ExtractedSamplePapers();
  const std::unique_ptr<Stage> keys = MakeKeyStage();
  for (Paper& paper : papers) {
    keys->Prepare(paper);
    keys->Apply(paper);
  }
  std::string out;
  for (auto _ : state) {
    auto writer = format.make({});
    out.clear();
    writer->Begin(out);
    for (const Paper& paper : papers) writer->Write(paper, out);
    writer->End(out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * papers.size());
  state.SetBytesProcessed(state.iterations() * out.size());
}
// One benchmark per row of the format table.
const bool kRegistered = [] {
  for (const FormatInfo& format : Formats()) {
    benchmark::RegisterBenchmark(("BM_Writer/" + std::string(format.name)).c_str(),
                                 [&format](benchmark::State& state) { BM_Writer(state, format); });
  }
  return true;
}();

}  // namespace
}  // namespace citex
