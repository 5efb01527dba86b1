// --only: a filter stage. It runs before the key stage, so keys are handed
// out only to the citations that are written.
#include <algorithm>

#include "extractor/stages/stage.h"

namespace citex {
namespace {

class OnlyStage : public Stage {
 public:
  explicit OnlyStage(std::set<std::string> kinds) : kinds_(std::move(kinds)) {}
  std::string_view name() const override { return "only"; }

  void Apply(Paper& paper) override {
    const auto unwanted = [this](const auto& item) { return !kinds_.count(ToString(item.kind)); };
    paper.links.erase(std::remove_if(paper.links.begin(), paper.links.end(), unwanted),
                      paper.links.end());
    paper.citations.erase(std::remove_if(paper.citations.begin(), paper.citations.end(), unwanted),
                          paper.citations.end());
  }

 private:
  std::set<std::string> kinds_;
};

}  // namespace

std::unique_ptr<Stage> MakeOnlyStage(std::set<std::string> kinds) {
  return std::make_unique<OnlyStage>(std::move(kinds));
}

}  // namespace citex
