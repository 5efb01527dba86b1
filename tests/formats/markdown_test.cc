#include <gtest/gtest.h>

#include <regex>

#include "extractor/base/utf8.h"
#include "formats/writer.h"
#include "tests/external_tool.h"
#include "tests/format_samples.h"

namespace citex {
namespace {

using testing::HaveTool;
using testing::MakeLink;
using testing::RunTool;
using testing::SamplePapers;
using testing::TempDir;
using testing::WriteFile;

std::string Render(const std::vector<Paper>& papers) {
  std::unique_ptr<Writer> writer = FindFormat("markdown")->make({});
  std::string out;
  writer->Begin(out);
  for (const Paper& paper : papers) writer->Write(paper, out);
  writer->End(out);
  return out;
}

TEST(Markdown, OneBulletPerPaperWithOwnResources) {
  const std::string md = Render(SamplePapers());
  EXPECT_EQ(md.substr(0, md.find('\n') + 1),
            "- [Ensemble-Instruct: Generating Instruction-Tuning Data with a Heterogeneous Mixture "
            "of LMs like GPT-4, BERT and LoRA](https://arxiv.org/abs/2310.13961) — "
            "[code](https://github.com/IBM/ensemble-instruct), "
            "[model](https://huggingface.co/ibm/ensemble_model) (coming soon), "
            "[dataset](https://huggingface.co/datasets/ibm/ei-data)\n");
  // Third-party repos and arXiv links are not the paper's resources; a paper
  // with none has no bullet.
  EXPECT_EQ(md.find("self-instruct"), std::string::npos) << md;
  EXPECT_EQ(md.find("2212.10560"), std::string::npos) << md;
  EXPECT_EQ(md.find("Nothing Found Here"), std::string::npos) << md;
  EXPECT_EQ(std::count(md.begin(), md.end(), '\n'), 3) << md;
}

struct Anchor {
  std::string href;
  std::string text;
  bool operator==(const Anchor& o) const { return href == o.href && text == o.text; }
};

std::string Unescape(std::string html) {
  static const std::pair<std::string, std::string> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
  for (const auto& [entity, c] : kEntities) {
    for (size_t at = 0; (at = html.find(entity, at)) != std::string::npos; at += c.size()) {
      html.replace(at, entity.size(), c);
    }
  }
  return html;
}

// The <li> items cmark renders, each as its text and its anchors.
struct Item {
  std::string html;
  std::vector<Anchor> anchors;
};

std::vector<Item> RenderWithCmark(const std::string& md) {
  const TempDir dir;
  WriteFile(dir.File("list.md"), md);
  const testing::ToolResult result = RunTool("cmark '" + dir.File("list.md") + "'");
  EXPECT_EQ(result.status, 0) << result.output;
  std::vector<Item> items;
  static const std::regex kItem("<li>(.*)</li>");
  static const std::regex kAnchor("<a href=\"([^\"]*)\">([^<]*)</a>");
  const std::string& html = result.output;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kItem);
       it != std::sregex_iterator(); ++it) {
    Item item{(*it)[1], {}};
    for (auto a = std::sregex_iterator(item.html.begin(), item.html.end(), kAnchor);
         a != std::sregex_iterator(); ++a) {
      item.anchors.push_back({Unescape((*a)[1]), Unescape((*a)[2])});
    }
    items.push_back(std::move(item));
  }
  // One flat list: no title turned into a heading, quote or nested list.
  EXPECT_EQ(html.find("<h"), std::string::npos) << html;
  EXPECT_EQ(html.find("<ol"), std::string::npos) << html;
  EXPECT_EQ(html.find("<blockquote"), std::string::npos) << html;
  EXPECT_EQ(html.find("<em>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<code>"), std::string::npos) << html;
  return items;
}

TEST(Markdown, CmarkRendersTheLinksAndTheTitlesAsWritten) {
  CITEX_REQUIRE(HaveTool("cmark"), "cmark is not installed (Debian package cmark)");
  const std::vector<Item> items = RenderWithCmark(Render(SamplePapers()));
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].anchors,
            (std::vector<Anchor>{
                {"https://arxiv.org/abs/2310.13961",
                 "Ensemble-Instruct: Generating Instruction-Tuning Data with a Heterogeneous "
                 "Mixture of LMs like GPT-4, BERT and LoRA"},
                {"https://github.com/IBM/ensemble-instruct", "code"},
                {"https://huggingface.co/ibm/ensemble_model", "model"},
                {"https://huggingface.co/datasets/ibm/ei-data", "dataset"}}));
  EXPECT_NE(items[0].html.find("</a> (coming soon), <a"), std::string::npos) << items[0].html;
  EXPECT_EQ(Unescape(items[1].html.substr(0, items[1].html.find(" — "))),
            "100% & $5 ~ ^ \\ {unbalanced \"quoted\", <b>bold</b> | # _x_");
  // cmark percent-encodes the braces itself; the link still goes where it said.
  EXPECT_EQ(items[1].anchors,
            (std::vector<Anchor>{
                {"https://ensemble.github.io/a_b~c?q=1%20&x=%7By%7D#frag", "project page"}}));
  EXPECT_EQ(Unescape(items[2].html.substr(0, items[2].html.find(" — "))),
            "# 1. Not a *heading* [link](http://x) `code` \xEF\xBF\xBD\xEF\xBF\xBD end");
  EXPECT_EQ(items[2].anchors,
            (std::vector<Anchor>{{"https://huggingface.co/spaces/a/demo", "demo"},
                                 {"https://huggingface.co/a/m1", "model: a/m1"},
                                 {"https://huggingface.co/a/m_2", "model: a/m_2"}}));
}

TEST(Markdown, TitlesThatLookLikeBlockMarkersStayText) {
  CITEX_REQUIRE(HaveTool("cmark"), "cmark is not installed (Debian package cmark)");
  const std::vector<std::string> titles = {"2023. A Year", "3) Three", "- Dash",
                                           "+ Plus",       "> Quote",  "## Hash",
                                           "=== Setext",   "*Star*",   "Wiki (disambiguation)"};
  std::vector<Paper> papers;
  for (const std::string& title : titles) {
    Paper paper;
    paper.title = title;
    paper.links = {MakeLink("https://en.wikipedia.org/wiki/A_(b)(c", LinkKind::kOther, "page", "",
                            Status::kReleased, Role::kOwn)};
    papers.push_back(paper);
  }
  const std::vector<Item> items = RenderWithCmark(Render(papers));
  ASSERT_EQ(items.size(), titles.size());
  for (size_t i = 0; i < titles.size(); ++i) {
    EXPECT_EQ(Unescape(items[i].html.substr(0, items[i].html.find(" — "))), titles[i]);
    EXPECT_EQ(items[i].anchors,
              (std::vector<Anchor>{{"https://en.wikipedia.org/wiki/A_%28b%29%28c", "link"}}));
  }
}

// Random bytes in every title: cmark shows each exactly as it was (valid
// UTF-8, one line, no control characters), in one flat list.
TEST(Markdown, RandomTitlesRenderLiterally) {
  CITEX_REQUIRE(HaveTool("cmark"), "cmark is not installed (Debian package cmark)");
  std::vector<Paper> papers = testing::RandomPapers(7, 200);
  std::vector<std::string> titles;
  for (Paper& paper : papers) {
    paper.id.clear();  // plain titles: nothing but the text before " — "
    if (paper.links.empty()) continue;
    std::string valid;
    AppendValidUtf8(valid, paper.title);
    std::string title;
    for (char c : valid) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) {
        if (!title.empty() && title.back() != ' ') title.push_back(' ');
      } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
        title.push_back(c);
      }
    }
    while (!title.empty() && title.back() == ' ') title.pop_back();
    titles.push_back(title.empty() ? "(untitled)" : title);
  }
  const std::vector<Item> items = RenderWithCmark(Render(papers));
  ASSERT_EQ(items.size(), titles.size());
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(Unescape(items[i].html.substr(0, items[i].html.find(" — "))), titles[i]);
  }
}

// The seed page, arXiv snapshot records and a Hub response, through the
// citex executable: every line is one bullet whose links cmark finds.
TEST(MarkdownCli, RealInputsRenderAsOneFlatList) {
  CITEX_REQUIRE(HaveTool("cmark"), "cmark is not installed (Debian package cmark)");
  const testing::Run citex = testing::RunCitexOnSamples("-f markdown");
  ASSERT_EQ(citex.status, 0) << citex.err;
  const std::string& md = citex.out;
  const std::vector<Item> items = RenderWithCmark(md);
  ASSERT_GT(items.size(), 10u);
  EXPECT_EQ(items.size(), static_cast<size_t>(std::count(md.begin(), md.end(), '\n')));
  for (const Item& item : items) {
    ASSERT_FALSE(item.anchors.empty()) << item.html;
    for (const Anchor& anchor : item.anchors) {
      EXPECT_EQ(anchor.href.rfind("http", 0), 0u) << item.html;
      EXPECT_FALSE(anchor.text.empty()) << item.html;
    }
  }
}

std::string RenderGrouped(const std::vector<Artefact>& artefacts) {
  std::unique_ptr<GroupWriter> writer = FindFormat("markdown")->make_grouped({});
  std::string out;
  writer->Begin(out);
  for (const Artefact& artefact : artefacts) writer->Write(artefact, out);
  writer->End(out);
  return out;
}

Artefact MakeArtefact(std::string url, LinkCategory category, std::string name, Status status,
                      std::vector<Mention> papers) {
  Artefact a;
  a.url = a.canonical = std::move(url);
  a.category = category;
  a.name = std::move(name);
  a.status = status;
  a.papers = std::move(papers);
  return a;
}

// The awesome-list: a section per category in LinkCategory's order, each
// artefact once (a paper that mentions it twice listed once), marks for
// coming-soon and expiring links.
std::vector<Artefact> GroupedSample() {
  Artefact anonymous =
      MakeArtefact("https://anonymous.4open.science/r/X-1", LinkCategory::kCode, "X-1",
                   Status::kComingSoon, {{1, "", "C", Role::kOwn, Status::kComingSoon, {}}});
  anonymous.expires = true;
  return {
      MakeArtefact("https://github.com/a/b", LinkCategory::kCode, "a/b", Status::kReleased,
                   {{0, "2401.00001", "Paper *A*", Role::kOwn, Status::kReleased, {}},
                    {3, "", "B", Role::kThirdParty, Status::kUnknown, {}},
                    {3, "", "B", Role::kThirdParty, Status::kUnknown, {}}}),
      MakeArtefact("https://doi.org/10.5281/zenodo.1", LinkCategory::kDataset, "10.5281/zenodo.1",
                   Status::kReleased, {{2, "", "D", Role::kOwn, Status::kReleased, {}}}),
      anonymous,
      MakeArtefact("https://x.org/page", LinkCategory::kOther, "", Status::kUnknown,
                   {{4, "", "E", Role::kUnknown, Status::kUnknown, {}}}),
  };
}

TEST(MarkdownGrouped, SectionsByCategoryEachArtefactOnceWithItsPapers) {
  EXPECT_EQ(
      RenderGrouped(GroupedSample()),
      "## Code\n\n"
      "- [a/b](https://github.com/a/b) — [Paper \\*A\\*](https://arxiv.org/abs/2401.00001); B\n"
      "- [X-1](https://anonymous.4open.science/r/X-1) (coming soon) (expires) — C\n"
      "\n## Datasets\n\n"
      // "10." would start an ordered list if it began a line: escaped.
            "- [10\\.5281/zenodo.1](https://doi.org/10.5281/zenodo.1) — D\n"
      "\n## Other links\n\n"
      "- [https://x.org/page](https://x.org/page) — E\n");
  EXPECT_EQ(RenderGrouped({}), "");
}

TEST(MarkdownGrouped, CmarkRendersSectionsAndLinks) {
  CITEX_REQUIRE(HaveTool("cmark"), "cmark is not installed (Debian package cmark)");
  const TempDir dir;
  WriteFile(dir.File("list.md"), RenderGrouped(GroupedSample()));
  const testing::ToolResult html = RunTool("cmark '" + dir.File("list.md") + "'");
  ASSERT_EQ(html.status, 0) << html.output;
  EXPECT_EQ(html.output,
            "<h2>Code</h2>\n<ul>\n"
            "<li><a href=\"https://github.com/a/b\">a/b</a> — <a "
            "href=\"https://arxiv.org/abs/2401.00001\">Paper *A*</a>; B</li>\n"
            "<li><a href=\"https://anonymous.4open.science/r/X-1\">X-1</a> (coming soon) (expires) "
            "— C</li>\n</ul>\n"
            "<h2>Datasets</h2>\n<ul>\n"
            "<li><a href=\"https://doi.org/10.5281/zenodo.1\">10.5281/zenodo.1</a> — D</li>\n"
            "</ul>\n"
            "<h2>Other links</h2>\n<ul>\n"
            "<li><a href=\"https://x.org/page\">https://x.org/page</a> — E</li>\n</ul>\n");
}

}  // namespace
}  // namespace citex
