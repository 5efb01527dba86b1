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

// ToString indexes the name tables by the enum's value: each table must list
// every value once, in declaration order.
template <typename Enum>
void ExpectDeclarationOrder(const std::vector<EnumName<Enum>>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(names[i].value), i) << names[i].name;
    EXPECT_STREQ(ToString(names[i].value), names[i].name);
  }
}

TEST(Model, NameTablesListEveryValueInOrder) {
  ExpectDeclarationOrder(LinkKindNames());
  ExpectDeclarationOrder(LinkCategoryNames());
  ExpectDeclarationOrder(StatusNames());
  ExpectDeclarationOrder(RoleNames());
  ExpectDeclarationOrder(CitationKindNames());
  EXPECT_EQ(LinkKindNames().back().value, LinkKind::kReadthedocs);
  EXPECT_EQ(LinkCategoryNames().back().value, LinkCategory::kOther);
  EXPECT_STREQ(ToString(LinkKind::kAnonymous), "anonymous");
  EXPECT_STREQ(ToString(LinkCategory::kNotebook), "notebook");
}

}  // namespace
}  // namespace citex
