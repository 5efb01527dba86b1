// Data DOIs are dataset links, never citations of prior work.
#include "extractor/passes/data_dois/data_dois.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace citex {
namespace {

Paper Extracted(std::string abstract) {
  Paper paper;
  paper.abstract = std::move(abstract);
  Extract(paper);
  return paper;
}

TEST(DataDois, ABareDataDoiBecomesADatasetLink) {
  const Paper paper = Extracted(
      "The catalogue (Smith et al. 2020) is archived at doi:10.5281/zenodo.1234567 and described "
      "in doi:10.1103/PhysRevLett.133.046802.");
  ASSERT_EQ(paper.links.size(), 1u);
  const Link& link = paper.links[0];
  EXPECT_EQ(link.url, "https://doi.org/10.5281/zenodo.1234567");
  EXPECT_EQ(link.kind, LinkKind::kZenodo);
  EXPECT_EQ(link.category, LinkCategory::kDataset);
  EXPECT_EQ(link.type, "record");
  EXPECT_EQ(link.name, "10.5281/zenodo.1234567");
  EXPECT_EQ(link.canonical, "https://doi.org/10.5281/zenodo.1234567");
  EXPECT_EQ(paper.abstract.substr(link.span.start, link.span.end - link.span.start), link.text);
  for (const Citation& c : paper.citations) {
    EXPECT_EQ(c.id.find("10.5281"), std::string::npos) << c.text;
  }
  // The paper DOI stays a citation.
  const auto doi = std::find_if(paper.citations.begin(), paper.citations.end(),
                                [](const Citation& c) { return c.kind == CitationKind::kDoi; });
  ASSERT_NE(doi, paper.citations.end());
  EXPECT_EQ(doi->id, "10.1103/PhysRevLett.133.046802");
}

TEST(DataDois, ADataDoiInsideALinkIsThatLinkOnly) {
  const Paper paper =
      Extracted("It is available on Zenodo at https://zenodo.org/doi/10.5281/zenodo.6368347 now.");
  ASSERT_EQ(paper.links.size(), 1u);
  EXPECT_EQ(paper.links[0].url, "https://zenodo.org/doi/10.5281/zenodo.6368347");
  EXPECT_EQ(paper.links[0].kind, LinkKind::kZenodo);
  EXPECT_TRUE(paper.citations.empty());
}

TEST(DataDois, ADataDoiLinkReadsItsSentence) {
  const Paper paper = Extracted(
      "We fit 40 galaxies. The corpus is publicly available at Zenodo (DOI: "
      "10.5281/zenodo.19563417) under CC BY 4.0. Data were taken from doi:10.5061/dryad.x1.");
  ASSERT_EQ(paper.links.size(), 2u);
  EXPECT_EQ(paper.links[0].url, "https://doi.org/10.5281/zenodo.19563417");
  EXPECT_EQ(paper.links[0].status, Status::kReleased);
  EXPECT_EQ(paper.links[0].role, Role::kOwn);
  EXPECT_EQ(paper.links[1].url, "https://doi.org/10.5061/dryad.x1");
  EXPECT_EQ(paper.links[1].role, Role::kThirdParty);
}

TEST(DataDois, ADoiInAPublisherLinkIsThatLinkOnly) {
  const Paper paper = Extracted(
      "as predicted [\\href{https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.133.046802}"
      "{PRL \\textbf{133}, 046802 (2024)}] and in doi:10.1103/PhysRevB.1.1.");
  ASSERT_EQ(paper.links.size(), 1u);
  EXPECT_EQ(paper.links[0].role, Role::kThirdParty);  // an \\href to a reference
  EXPECT_EQ(paper.links[0].status, Status::kUnknown);
  ASSERT_EQ(paper.citations.size(), 1u);
  EXPECT_EQ(paper.citations[0].id, "10.1103/PhysRevB.1.1");
}

TEST(DataDois, ADoiEndsBeforeLatexBraces) {
  const Paper paper = Extracted("Data: \\dataset[DOI: 10.11570/24.0091]{https://x.org/d} and "
                                "10.1103/PhysRevLett.134.162504}{C. J. Paxman.");
  std::vector<std::string> ids;
  for (const Citation& c : paper.citations) {
    if (c.kind == CitationKind::kDoi) ids.push_back(c.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"10.11570/24.0091", "10.1103/PhysRevLett.134.162504"}));
}

TEST(DataDois, LinksStayInTextOrder) {
  Paper paper;
  paper.links.push_back({});
  paper.links[0].url = "https://github.com/a/b";
  paper.links[0].span = {50, 72};
  Citation doi;
  doi.kind = CitationKind::kDoi;
  doi.id = "10.5061/dryad.x1";
  doi.text = "10.5061/dryad.x1";
  doi.span = {10, 26};
  paper.citations = {doi};
  MoveDataDois(paper);
  ASSERT_EQ(paper.links.size(), 2u);
  EXPECT_EQ(paper.links[0].kind, LinkKind::kDryad);
  EXPECT_EQ(paper.links[0].span, (Span{10, 26}));
  EXPECT_EQ(paper.links[1].url, "https://github.com/a/b");
  EXPECT_TRUE(paper.citations.empty());
}

}  // namespace
}  // namespace citex
