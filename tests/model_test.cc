#include "extractor/model.h"

#include <gtest/gtest.h>

namespace citex {
namespace {

TEST(Model, WireNamesFollowTheInterface) {
  EXPECT_STREQ(ToString(LinkKind::kHuggingface), "huggingface");
  EXPECT_STREQ(ToString(Status::kComingSoon), "coming_soon");
  EXPECT_STREQ(ToString(Role::kThirdParty), "third_party");
  EXPECT_STREQ(ToString(CitationKind::kAuthorYear), "author_year");
}

}  // namespace
}  // namespace citex
