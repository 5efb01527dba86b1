// --group-by link: the grouping stage in-process, and the command line over
// samples/three-spellings.jsonl (three papers, one repository, three
// spellings).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extractor/passes/links/canonical.h"
#include "extractor/stages/stage.h"
#include "tests/format_samples.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::MakeLink;
using testing::RunCitex;

Link Repo(std::string url, Status status, Role role, Span span) {
  Link link = MakeLink(url, LinkKind::kGithub, "repo", "a/b", status, role, span);
  link.category = LinkCategory::kCode;
  link.canonical = CanonicalUrl(url);
  return link;
}

Paper WithLinks(size_t index, std::string id, std::vector<Link> links) {
  Paper paper;
  paper.index = index;
  paper.id = std::move(id);
  paper.title = "Paper " + std::to_string(index);
  paper.links = std::move(links);
  return paper;
}

std::vector<Artefact> Group(std::vector<Paper> papers) {
  std::vector<Artefact> out;
  auto stage = MakeGroupStage([&](const Artefact& a) { out.push_back(a); });
  for (Paper& paper : papers) stage->Apply(paper);
  EXPECT_TRUE(out.empty()) << "artefacts are handed on at Finish only";
  stage->Finish();
  return out;
}

TEST(Group, OneRecordPerCanonicalArtefactInOrderOfFirstSight) {
  const std::vector<Artefact> artefacts = Group({
      WithLinks(0, "2401.00001",
                {Repo("https://github.com/A/B", Status::kUnknown, Role::kThirdParty, {5, 27}),
                 Repo("https://x.org/tool", Status::kReleased, Role::kOwn, {40, 58})}),
      WithLinks(1, "", {}),
      WithLinks(2, "2401.00003",
                {Repo("http://www.github.com/a/b.git", Status::kReleased, Role::kOwn, {1, 30})}),
  });
  ASSERT_EQ(artefacts.size(), 2u);
  const Artefact& repo = artefacts[0];
  EXPECT_EQ(repo.canonical, "https://github.com/a/b");
  EXPECT_EQ(repo.url, "https://github.com/A/B");  // the first spelling seen
  ASSERT_EQ(repo.papers.size(), 2u);
  EXPECT_EQ(repo.papers[0].index, 0u);
  EXPECT_EQ(repo.papers[0].id, "2401.00001");
  EXPECT_EQ(repo.papers[0].title, "Paper 0");
  EXPECT_EQ(repo.papers[0].role, Role::kThirdParty);
  EXPECT_EQ(repo.papers[0].span, (Span{5, 27}));
  EXPECT_EQ(repo.papers[1].index, 2u);
  EXPECT_EQ(repo.papers[1].span, (Span{1, 30}));
  EXPECT_EQ(repo.status, Status::kReleased);
  EXPECT_EQ(artefacts[1].canonical, "https://x.org/tool");
}

TEST(Group, ReleasedOnlyWhenAnOwnerSaysSo) {
  // A third party's "available" does not outweigh the owner's promise.
  std::vector<Artefact> artefacts = Group({
      WithLinks(0, "", {Repo("https://github.com/a/b", Status::kComingSoon, Role::kOwn, {})}),
      WithLinks(1, "", {Repo("https://github.com/a/b", Status::kReleased, Role::kThirdParty, {})}),
  });
  ASSERT_EQ(artefacts.size(), 1u);
  EXPECT_EQ(artefacts[0].status, Status::kComingSoon);
  artefacts = Group({
      WithLinks(0, "", {Repo("https://github.com/a/b", Status::kComingSoon, Role::kOwn, {})}),
      WithLinks(1, "", {Repo("https://github.com/a/b", Status::kReleased, Role::kOwn, {})}),
  });
  EXPECT_EQ(artefacts[0].status, Status::kReleased);
  artefacts = Group({
      WithLinks(0, "", {Repo("https://github.com/a/b", Status::kUnknown, Role::kUnknown, {})}),
      WithLinks(1, "", {Repo("https://github.com/a/b", Status::kReleased, Role::kThirdParty, {})}),
  });
  EXPECT_EQ(artefacts[0].status, Status::kReleased);
}

TEST(Group, ThreeSpellingsOfOneRepositoryAreOneRecordWithThreePapers) {
  const testing::Run run = RunCitex("-f jsonl --group-by link samples/three-spellings.jsonl");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  ASSERT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;
  const nlohmann::json record = nlohmann::json::parse(run.out);
  EXPECT_EQ(record["canonical"], "https://github.com/example-lab/fastfold-lite");
  EXPECT_EQ(record["url"], "https://github.com/Example-Lab/FastFold-Lite");
  EXPECT_EQ(record["kind"], "github");
  EXPECT_EQ(record["category"], "code");
  EXPECT_EQ(record["type"], "repo");
  EXPECT_EQ(record["name"], "Example-Lab/FastFold-Lite");
  EXPECT_EQ(record["status"], "released");
  EXPECT_EQ(record["expires"], false);
  const nlohmann::json& papers = record["papers"];
  ASSERT_EQ(papers.size(), 3u);
  const char* ids[] = {"2501.01234", "2502.04321", "2503.05555"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(papers[i]["index"], i);
    EXPECT_EQ(papers[i]["id"], ids[i]);
  }
  EXPECT_EQ(papers[0]["role"], "own");
  EXPECT_EQ(papers[1]["role"], "third_party");
  EXPECT_EQ(papers[0]["span"], nlohmann::json::parse("[141,185]"));
}

TEST(Group, FormatsThatCannotGroupAreAUsageError) {
  const testing::Run run = RunCitex("-f bibtex --group-by link samples/three-spellings.jsonl");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "citex: --group-by link: format bibtex cannot group; use json, jsonl, csv or "
            "markdown\n");
  const testing::Run bad = RunCitex("--group-by paper samples/three-spellings.jsonl");
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err, "citex: --group-by takes \"link\", not \"paper\"\n");
}

}  // namespace
}  // namespace citex
