// --only: a filter stage. It runs before the key stage, so keys are handed
// out only to the citations that are written. Its words are link kinds, link
// categories and citation kinds (OnlyWords()).
#include <algorithm>

#include "extractor/stages/stage.h"

namespace citex {
namespace {

class OnlyStage : public Stage {
 public:
  explicit OnlyStage(std::set<std::string> kinds) : kinds_(std::move(kinds)) {}
  std::string_view name() const override { return "only"; }

  void Apply(Paper& paper) override {
    // A link is kept for its kind or its category (--only code,dataset).
    const auto unwanted_link = [this](const Link& link) {
      return !kinds_.count(ToString(link.kind)) && !kinds_.count(ToString(link.category));
    };
    const auto unwanted_citation = [this](const Citation& c) {
      return !kinds_.count(ToString(c.kind));
    };
    paper.links.erase(std::remove_if(paper.links.begin(), paper.links.end(), unwanted_link),
                      paper.links.end());
    paper.citations.erase(
        std::remove_if(paper.citations.begin(), paper.citations.end(), unwanted_citation),
        paper.citations.end());
  }

 private:
  std::set<std::string> kinds_;
};

}  // namespace

std::set<std::string> OnlyWords() {
  std::set<std::string> words;
  for (const auto& kind : LinkKindNames()) words.insert(kind.name);
  for (const auto& category : LinkCategoryNames()) words.insert(category.name);
  for (const auto& kind : CitationKindNames()) words.insert(kind.name);
  return words;
}

std::unique_ptr<Stage> MakeOnlyStage(std::set<std::string> kinds) {
  return std::make_unique<OnlyStage>(std::move(kinds));
}

}  // namespace citex
