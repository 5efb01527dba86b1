#include "extractor/model.h"

namespace citex {

const char* ToString(LinkKind kind) {
  switch (kind) {
    case LinkKind::kGithub:
      return "github";
    case LinkKind::kHuggingface:
      return "huggingface";
    case LinkKind::kProject:
      return "project";
    case LinkKind::kArxiv:
      return "arxiv";
    case LinkKind::kDoi:
      return "doi";
    case LinkKind::kOther:
      return "other";
  }
  return "other";
}

const char* ToString(Status status) {
  switch (status) {
    case Status::kReleased:
      return "released";
    case Status::kComingSoon:
      return "coming_soon";
    case Status::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const char* ToString(Role role) {
  switch (role) {
    case Role::kOwn:
      return "own";
    case Role::kThirdParty:
      return "third_party";
    case Role::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const char* ToString(CitationKind kind) {
  switch (kind) {
    case CitationKind::kAuthorYear:
      return "author_year";
    case CitationKind::kNumeric:
      return "numeric";
    case CitationKind::kArxiv:
      return "arxiv";
    case CitationKind::kDoi:
      return "doi";
  }
  return "author_year";
}

}  // namespace citex
