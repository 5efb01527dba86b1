// The stage seam. A stage sees every paper of a run once, in input order, on
// one thread, after the passes and before the writer; it may keep state
// across papers (the keys handed out so far, the artefacts seen so far).
// Stages run on papers read back with -i citex too.
//
// Adding a stage: a file under stages/ with a Make...Stage() factory, and
// one line in stages/core_stages.cc that says when it runs.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/model.h"

namespace citex {

class Library;

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void Apply(Paper& paper) = 0;
};

using Stages = std::vector<std::unique_ptr<Stage>>;

// What the command line asks of the stages.
struct StageOptions {
  // Link and citation kinds to keep ("github", "author_year", ...); empty: all.
  std::set<std::string> only;
  // --library: the user's bibliography, loaded once; null when none given.
  std::shared_ptr<const Library> library;
};

// citex's stages for `options`, in the order they run (stages/core_stages.cc).
Stages CoreStages(const StageOptions& options);

// Keeps only the links and citations whose kind is in `kinds` (--only).
std::unique_ptr<Stage> MakeOnlyStage(std::set<std::string> kinds);  // stages/only.cc
// Gives every citation its BibTeX key (stages/bibkeys.cc).
std::unique_ptr<Stage> MakeKeyStage();
// Resolves citations against the library (stages/resolve.cc).
std::unique_ptr<Stage> MakeResolveStage(std::shared_ptr<const Library> library);

}  // namespace citex
