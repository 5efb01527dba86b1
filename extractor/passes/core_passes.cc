// The registered passes, as cmark-gfm registers its core extensions.
#include "extractor/passes/citations/citations.h"
#include "extractor/passes/data_dois/data_dois.h"
#include "extractor/passes/links/links.h"
#include "extractor/passes/pass.h"

namespace citex {

Passes CorePasses() {
  Passes passes;
  passes.push_back(MakeLinkPass());
  passes.push_back(MakeCitationPass());
  passes.push_back(MakeDataDoiPass());  // reads what the two above found
  return passes;
}

void RunPasses(const Passes& passes, Paper& paper) {
  for (const auto& pass : passes) pass->Run(paper);
}

void Extract(Paper& paper) {
  static const Passes passes = CorePasses();
  RunPasses(passes, paper);
}

}  // namespace citex
