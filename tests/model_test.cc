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

// A paper decoded into again must show nothing of the record before it.
TEST(Model, ClearForReuseLeavesAFreshPaperThatKeepsItsBuffers) {
  Paper paper;
  paper.index = 7;
  paper.id = "2310.13961";
  paper.title = "A title long enough to live outside the string itself";
  paper.abstract = std::string(500, 'a');
  paper.authors = {"Young-Suk Lee", "Ramon Fernandez Astudillo"};
  paper.year = "2023";
  paper.doi = "10.1000/a-doi-long-enough-for-the-heap";
  paper.categories = "cs.CL cs.LG";
  paper.tex = {true, true, true};
  paper.key = "lee2023ensembleinstruct";
  paper.source = {"samples/daily-papers.txt", 73};
  paper.links.emplace_back();
  paper.citations.emplace_back();
  paper.warnings.push_back("only the first 10000 links are kept");
  const char* abstract_buffer = paper.abstract.data();

  ClearForReuse(paper);
  EXPECT_EQ(paper.index, 0u);
  for (const std::string* field : {&paper.id, &paper.title, &paper.abstract, &paper.year,
                                   &paper.doi, &paper.categories, &paper.key,
                                   &paper.source.path}) {
    EXPECT_TRUE(field->empty()) << *field;
  }
  EXPECT_TRUE(paper.authors.empty());
  EXPECT_FALSE(paper.tex.title || paper.tex.authors || paper.tex.abstract);
  EXPECT_EQ(paper.source.line, 0u);
  EXPECT_TRUE(paper.links.empty());
  EXPECT_TRUE(paper.citations.empty());
  EXPECT_TRUE(paper.warnings.empty());
  // The abstract's buffer is kept for the next record.
  EXPECT_EQ(paper.abstract.data(), abstract_buffer);
  EXPECT_GE(paper.abstract.capacity(), 500u);
}

}  // namespace
}  // namespace citex
