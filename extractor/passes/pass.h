// The pass seam. A pass reads one paper's abstract and adds its findings.
// The pipeline runs the passes of a list on many threads at once, each
// thread on its own paper, so a pass keeps no state between calls.
//
// Adding a pass: a folder under passes/ with its code, a Make...Pass()
// factory, and one line in passes/core_passes.cc.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/model.h"

namespace citex {

class Pass {
 public:
  virtual ~Pass() = default;
  virtual std::string_view name() const = 0;
  // Adds this pass's findings to `paper`. Called concurrently on different papers.
  virtual void Run(Paper& paper) const = 0;
};

using Passes = std::vector<std::unique_ptr<const Pass>>;

// citex's passes, in the order they run (passes/core_passes.cc).
Passes CorePasses();

// Runs `passes` on `paper`, in order.
void RunPasses(const Passes& passes, Paper& paper);

// Runs the core passes, built once per process: for callers that embed
// citex without a pipeline. Thread-safe.
void Extract(Paper& paper);

}  // namespace citex
