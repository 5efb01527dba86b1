// --group-by link: one record per artefact across the whole run. Links are
// the same artefact when their canonical forms are equal; the record keeps
// the first spelling seen and every paper that mentions it. Memory grows
// with the artefacts and their mentions, not with the papers.
#include <unordered_map>

#include "extractor/passes/links/canonical.h"
#include "extractor/stages/stage.h"

namespace citex {
namespace {

// Released when a paper that owns the artefact says so; else coming soon
// when an owner promises it; else what the other papers say, released
// before coming soon before unknown.
Status OverallStatus(const std::vector<Mention>& papers) {
  const auto any = [&](bool own, Status status) {
    for (const Mention& m : papers) {
      if ((!own || m.role == Role::kOwn) && m.status == status) return true;
    }
    return false;
  };
  if (any(true, Status::kReleased)) return Status::kReleased;
  if (any(true, Status::kComingSoon)) return Status::kComingSoon;
  if (any(false, Status::kReleased)) return Status::kReleased;
  if (any(false, Status::kComingSoon)) return Status::kComingSoon;
  return Status::kUnknown;
}

class GroupStage : public Stage {
 public:
  explicit GroupStage(std::function<void(const Artefact&)> sink) : sink_(std::move(sink)) {}
  std::string_view name() const override { return "group"; }

  void Apply(Paper& paper) override {
    for (const Link& link : paper.links) {
      // Records read back with -i citex from before the field have none.
      std::string canonical = link.canonical.empty() ? CanonicalUrl(link.url) : link.canonical;
      auto [it, added] = index_.emplace(std::move(canonical), artefacts_.size());
      if (added) artefacts_.push_back(FirstSight(it->first, link));
      Artefact& artefact = artefacts_[it->second];
      artefact.expires = artefact.expires || link.expires;
      artefact.papers.push_back(
          {paper.index, paper.id, paper.title, link.role, link.status, link.span});
    }
  }

  void Finish() override {
    for (Artefact& artefact : artefacts_) {
      artefact.status = OverallStatus(artefact.papers);
      sink_(artefact);
    }
  }

 private:
  static Artefact FirstSight(const std::string& canonical, const Link& link) {
    Artefact artefact;
    artefact.canonical = canonical;
    artefact.url = link.url;
    artefact.kind = link.kind;
    artefact.category = link.category;
    artefact.type = link.type;
    artefact.name = link.name;
    return artefact;
  }

  std::function<void(const Artefact&)> sink_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<Artefact> artefacts_;  // in order of first sight
};

}  // namespace

std::unique_ptr<Stage> MakeGroupStage(std::function<void(const Artefact&)> sink) {
  return std::make_unique<GroupStage>(std::move(sink));
}

}  // namespace citex
