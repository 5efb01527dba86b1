// Hostile abstracts of growing size: time per byte must stay flat (linear
// time). Compare the bytes/second column across sizes of one family.
#include <benchmark/benchmark.h>

#include <string>

#include "extractor/passes/pass.h"

namespace citex {
namespace {

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

void BM_Hostile(benchmark::State& state, const std::string& unit) {
  Paper paper;
  paper.abstract = Repeat(unit, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    Extract(paper);
    benchmark::DoNotOptimize(paper.links.data());
  }
  state.SetBytesProcessed(state.iterations() * paper.abstract.size());
}

#define CITEX_HOSTILE(name, unit)                        \
  BENCHMARK_CAPTURE(BM_Hostile, name, std::string(unit)) \
      ->RangeMultiplier(4)                               \
      ->Range(1 << 12, 1 << 20)

CITEX_HOSTILE(open_parens, "(");
CITEX_HOSTILE(et_al_chain, "Wang et al. ");
CITEX_HOSTILE(digits_and_dots, "1.2.3.4.5.6.7.8.9.");
CITEX_HOSTILE(long_url, "https://github.com/a/" + std::string(64, 'b'));
CITEX_HOSTILE(url_path, "a/b/c/d/e/f/");
CITEX_HOSTILE(author_list, "(Wang, Li, Chen, ");
CITEX_HOSTILE(brackets, "[1, 2, 3, ");
// With years and links present, so the passes' byte gates let the full
// patterns run over the whole text.
CITEX_HOSTILE(open_parens_with_year, "(Wang 2020 (");
CITEX_HOSTILE(et_al_years, "Wang et al. 2020, 2021, ");
CITEX_HOSTILE(year_lists, "(Wang, 2020; Li, 2021; ");
CITEX_HOSTILE(numeric_ranges, "[1-2, 3-4, ");
CITEX_HOSTILE(urls_back_to_back, "https://github.com/a/b(");
CITEX_HOSTILE(www_dots, "www.www.www.");
CITEX_HOSTILE(doi_digits, "10.1234/10.1234/");

}  // namespace
}  // namespace citex
