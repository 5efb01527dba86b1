// The stage seam. A stage sees every paper of a run once, in input order, on
// one thread, after the passes and before the writer; it may keep state
// across papers (the keys handed out so far, the artefacts seen so far).
// Before that, on the thread that decoded the paper and in parallel with
// other papers, it may prepare the paper: the work that needs no other paper
// is done there, out of the in-order part that bounds -j. Stages run on
// papers read back with -i citex too.
//
// Adding a stage: a file under stages/ with a Make...Stage() factory, and
// one line in stages/core_stages.cc that says when it runs.
#pragma once

#include <functional>
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
  // Called for every paper before Apply, from any thread at once: it may
  // read what the stage was built with, never what Apply gathers.
  virtual void Prepare(Paper& paper) const { (void)paper; }
  virtual void Apply(Paper& paper) = 0;
  // Called once after the last paper of the run: a stage that gathers across
  // papers hands on what it gathered.
  virtual void Finish() {}
};

using Stages = std::vector<std::unique_ptr<Stage>>;

// What the command line asks of the stages.
struct StageOptions {
  // Link kinds, link categories and citation kinds to keep ("github", "code",
  // "author_year", ...); empty: all.
  std::set<std::string> only;
  // --library: the user's bibliography, loaded once; null when none given.
  std::shared_ptr<const Library> library;
  // --group-by link: when set, the grouping stage runs last and hands each
  // artefact of the run to this, in order of first sight, at Finish.
  std::function<void(const Artefact&)> group_links;
};

// citex's stages for `options`, in the order they run (stages/core_stages.cc).
Stages CoreStages(const StageOptions& options);

// The words --only takes: every link kind, link category and citation kind.
std::set<std::string> OnlyWords();  // stages/only.cc
// Keeps only the links whose kind or category is in `kinds`, and the
// citations whose kind is (--only).
std::unique_ptr<Stage> MakeOnlyStage(std::set<std::string> kinds);  // stages/only.cc
// Gives every citation its BibTeX key (stages/bibkeys.cc).
std::unique_ptr<Stage> MakeKeyStage();
// Resolves citations against the library, or with a null library keeps
// the resolutions read back with -i citex (stages/resolve.cc).
std::unique_ptr<Stage> MakeResolveStage(std::shared_ptr<const Library> library);
// Gathers every link of the run into one record per canonical artefact and
// hands them to `sink` at Finish (stages/group.cc).
std::unique_ptr<Stage> MakeGroupStage(std::function<void(const Artefact&)> sink);

}  // namespace citex
