#include "formats/resources.h"

#include <string_view>

#include "extractor/base/safe_text.h"

namespace citex {
namespace {

int LabelRank(std::string_view label) {
  static constexpr std::string_view kOrder[] = {"code", "model", "dataset", "project page", "demo"};
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
    if (link.role == Role::kThirdParty || link.kind == LinkKind::kArxiv ||
        link.kind == LinkKind::kDoi || link.type == "paper" || !IsWebUrl(link.url)) {
      continue;
    }
    bool seen = false;
    for (const Link* r : resources) seen = seen || r->url == link.url;
    if (!seen) resources.push_back(&link);
  }
  return resources;
}

const char* ResourceLabel(const Link& link) {
  const std::string& type = link.type;
  if (link.kind == LinkKind::kGithub) return "code";
  if (link.kind == LinkKind::kProject) return type == "demo" ? "demo" : "project page";
  if (type == "model") return "model";
  if (type == "dataset") return "dataset";
  if (type == "space" || type == "demo") return "demo";
  if (type == "repo" || type == "gist") return "code";
  return "link";
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
