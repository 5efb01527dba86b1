#include "formats/resources.h"

#include <string_view>

#include "extractor/base/safe_text.h"

namespace citex {
namespace {

int LabelRank(std::string_view label) {
  static constexpr std::string_view kOrder[] = {"code", "model",   "dataset", "project page",
                                                "demo", "package", "notebook"};
  int rank = 0;
  for (std::string_view l : kOrder) {
    if (l == label) return rank;
    ++rank;
  }
  return rank;
}

}  // namespace

std::vector<const Link*> OwnResources(const Paper& paper) {
  std::vector<const Link*> resources;
  for (const Link& link : paper.links) {
    if (link.role == Role::kThirdParty || link.category == LinkCategory::kPaper ||
        link.kind == LinkKind::kArxiv || link.kind == LinkKind::kDoi || link.type == "paper" ||
        !IsWebUrl(link.url)) {
      continue;
    }
    bool seen = false;
    for (const Link* r : resources) seen = seen || r->url == link.url;
    if (!seen) resources.push_back(&link);
  }
  return resources;
}

const char* ResourceLabel(const Link& link) {
  if (link.kind == LinkKind::kProject) return link.type == "demo" ? "demo" : "project page";
  switch (link.category) {
    case LinkCategory::kCode:
      return "code";
    case LinkCategory::kModel:
      return "model";
    case LinkCategory::kDataset:
      return "dataset";
    case LinkCategory::kDemo:
      return "demo";
    case LinkCategory::kPackage:
      return "package";
    case LinkCategory::kNotebook:
      return "notebook";
    default:
      return "link";
  }
}

const Link* BestResource(const std::vector<const Link*>& resources) {
  const Link* best = nullptr;
  auto rank = [](const Link& link) {
    return (link.status == Status::kReleased ? 0 : 100) + (link.role == Role::kOwn ? 0 : 10) +
           LabelRank(ResourceLabel(link));
  };
  for (const Link* link : resources) {
    if (link->status == Status::kComingSoon) continue;
    if (best == nullptr || rank(*link) < rank(*best)) best = link;
  }
  return best;
}

}  // namespace citex
