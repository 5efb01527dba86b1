// The registered stages and the order they run in.
#include "extractor/stages/stage.h"

namespace citex {

Stages CoreStages(const StageOptions& options) {
  Stages stages;
  if (!options.only.empty()) stages.push_back(MakeOnlyStage(options.only));
  stages.push_back(MakeKeyStage());
  // After the keys: a resolved citation takes its library entry's key. With
  // no library, records read back (-i citex) keep their resolutions.
  stages.push_back(MakeResolveStage(options.library));
  if (options.group_links) stages.push_back(MakeGroupStage(options.group_links));
  return stages;
}

}  // namespace citex
