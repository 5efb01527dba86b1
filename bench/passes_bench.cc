// Throughput of each pass over the bundled abstracts, in bytes of abstract.
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "extractor/passes/citations/citations.h"
#include "extractor/passes/links/links.h"

namespace citex {
namespace {

void BM_FindLinks(benchmark::State& state) {
  const std::vector<Paper>& papers = bench::SamplePapers();
  for (auto _ : state) {
    for (const Paper& paper : papers) benchmark::DoNotOptimize(FindLinks(paper.abstract));
  }
  state.SetBytesProcessed(state.iterations() * bench::AbstractBytes(papers));
}
BENCHMARK(BM_FindLinks);

void BM_FindCitations(benchmark::State& state) {
  const std::vector<Paper>& papers = bench::SamplePapers();
  for (auto _ : state) {
    for (const Paper& paper : papers) benchmark::DoNotOptimize(FindCitations(paper.abstract));
  }
  state.SetBytesProcessed(state.iterations() * bench::AbstractBytes(papers));
}
BENCHMARK(BM_FindCitations);

void BM_Extract(benchmark::State& state) {
  std::vector<Paper> papers = bench::SamplePapers();
  for (auto _ : state) {
    for (Paper& paper : papers) Extract(paper);
  }
  state.SetBytesProcessed(state.iterations() * bench::AbstractBytes(papers));
}
BENCHMARK(BM_Extract);

}  // namespace
}  // namespace citex
