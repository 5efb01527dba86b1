// The HTML writer without a browser: exact markup of marked abstracts,
// escaping, hrefs, streaming and the counts. tests/formats/html_browser_test.py
// opens the pages in Chromium.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "extractor/base/utf8.h"
#include "formats/writer.h"
#include "tests/strings.h"
#include "tests/format_samples.h"
#include "tests/support.h"

namespace citex {
namespace {

using testing::Count;
using testing::MakeCitation;
using testing::MakeLink;
using testing::RunCitex;
using testing::SamplePapers;

std::string Render(const std::vector<Paper>& papers) {
  std::unique_ptr<Writer> writer = FindFormat("html")->make({});
  std::string out;
  writer->Begin(out);
  for (const Paper& paper : papers) writer->Write(paper, out);
  writer->End(out);
  return out;
}

// The markup of one paper's abstract paragraph.
std::string AbstractOf(const Paper& paper) {
  std::unique_ptr<Writer> writer = FindFormat("html")->make({});
  std::string out;
  writer->Write(paper, out);
  const std::string open = "<p class=\"abstract\">";
  const size_t start = out.find(open) + open.size();
  return out.substr(start, out.find("</p>\n", start) - start);
}

Paper PaperWithAbstract(std::string abstract) {
  Paper paper;
  paper.abstract = std::move(abstract);
  return paper;
}

TEST(Html, MarksALinkAndACitationAtTheirSpans) {
  Paper paper = PaperWithAbstract("Code: https://github.com/a/b (Wang et al., 2023).");
  paper.links = {MakeLink("https://github.com/a/b", LinkKind::kGithub, "repo", "a/b",
                          Status::kReleased, Role::kOwn, {6, 28})};
  paper.citations = {MakeCitation("Wang et al., 2023", CitationKind::kAuthorYear, {"Wang"}, true,
                                  "2023", "Self-Instruct", "", {30, 47})};
  paper.citations[0].key = "wang2023selfinstruct";
  EXPECT_EQ(AbstractOf(paper),
            "Code: <a class=\"f l\" href=\"https://github.com/a/b\" data-item=\"link\" "
            "data-kind=\"github\" data-category=\"code\" data-type=\"repo\" "
            "data-status=\"released\" data-role=\"own\" "
            "data-start=\"6\" data-end=\"28\" title=\"github repo a/b · released · own\">"
            "https://github.com/a/b</a> (<mark class=\"f c\" data-item=\"citation\" "
            "data-kind=\"author_year\" data-category=\"citation\" data-status=\"\" data-role=\"\" "
            "data-key=\"wang2023selfinstruct\" data-start=\"30\" "
            "data-end=\"47\" title=\"author_year · key wang2023selfinstruct · Self-Instruct\">"
            "Wang et al., 2023</mark>).");
}

// Element names in the order they open and close, e.g. "<a <mark </mark </a".
std::string Tags(const std::string& html) {
  static const std::regex kTag("<(/?[a-z]+)");
  std::string tags;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kTag); it != std::sregex_iterator();
       ++it) {
    tags += "<" + (*it)[1].str() + " ";
  }
  return tags;
}

TEST(Html, NestsACitationInsideItsLink) {
  // An arXiv URL is a link and, inside it, an arXiv citation.
  Paper paper = PaperWithAbstract("see https://arxiv.org/abs/2303.08774 now");
  paper.links = {MakeLink("https://arxiv.org/abs/2303.08774", LinkKind::kArxiv, "paper",
                          "2303.08774", Status::kUnknown, Role::kUnknown, {4, 36})};
  paper.citations = {MakeCitation("2303.08774", CitationKind::kArxiv, {}, false, "", std::nullopt,
                                  "2303.08774", {26, 36})};
  const std::string html = AbstractOf(paper);
  EXPECT_EQ(Tags(html), "<a <mark </mark </a ");
  EXPECT_NE(html.find("\">https://arxiv.org/abs/<mark"), std::string::npos) << html;
  EXPECT_NE(html.find("\">2303.08774</mark></a> now"), std::string::npos) << html;
}

TEST(Html, CrossingSpansCloseAndReopenAsASecondPiece) {
  Paper paper = PaperWithAbstract("0123456789");
  paper.links = {MakeLink("https://a.org", LinkKind::kOther, "page", "", Status::kUnknown,
                          Role::kUnknown, {0, 6})};
  paper.citations = {
      MakeCitation("3456789", CitationKind::kNumeric, {}, false, "", std::nullopt, "", {3, 10})};
  const std::string html = AbstractOf(paper);
  // <a>012<mark>345</mark></a><mark>6789</mark>: both pieces carry the full span.
  EXPECT_EQ(Tags(html), "<a <mark </mark </a <mark </mark ");
  EXPECT_EQ(Count(html, "data-start=\"3\" data-end=\"10\""), 2u) << html;
  EXPECT_NE(html.find(">012<mark"), std::string::npos) << html;
  EXPECT_NE(html.find(">345</mark></a><mark"), std::string::npos) << html;
  EXPECT_NE(html.find(">6789</mark>"), std::string::npos) << html;
}

TEST(Html, ALinkInsideALinkIsAMarkNotANestedAnchor) {
  Paper paper = PaperWithAbstract("https://a.org/https://b.org");
  paper.links = {MakeLink("https://a.org/https://b.org", LinkKind::kOther, "page", "",
                          Status::kUnknown, Role::kUnknown, {0, 27}),
                 MakeLink("https://b.org", LinkKind::kOther, "page", "", Status::kUnknown,
                          Role::kUnknown, {14, 27})};
  EXPECT_EQ(Tags(AbstractOf(paper)), "<a <mark </mark </a ");
}

TEST(Html, OnlyHttpHttpsAndFtpBecomeHrefs) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"https://github.com/a/b", true}, {"HTTP://x.org/", true},
      {"ftp://ftp.x.org/f", true},      {"javascript:alert(1)", false},
      {"JavaScript:alert(1)", false},   {"data:text/html,<script>", false},
      {" https://x.org", false},        {"vbscript:x", false},
      {"//evil.org/x", false},          {"https://", false},
  };
  for (const auto& [url, linked] : cases) {
    Paper paper = PaperWithAbstract("xx");
    paper.links = {
        MakeLink(url, LinkKind::kOther, "page", "", Status::kUnknown, Role::kUnknown, {0, 2})};
    const std::string html = AbstractOf(paper);
    EXPECT_EQ(html.find("href=") != std::string::npos, linked) << url << ": " << html;
    EXPECT_EQ(html.find(linked ? "<a " : "<mark "), 0u) << url << ": " << html;
  }
}

TEST(Html, EveryInputStringIsEscaped) {
  Paper paper = PaperWithAbstract(
      "<script>alert(1)</script> <img src=x onerror=alert(2)> \" onclick='x' &amp; \x01\xff");
  paper.id = "2401.00001\"><script>";
  paper.title = "<b>T</b>\" onmouseover=\"x";
  paper.authors = {"<i>A</i>"};
  paper.links = {MakeLink("https://x.org/\"onclick=\"alert(3)", LinkKind::kOther, "<t>", "",
                          Status::kUnknown, Role::kUnknown, {0, 0})};
  const std::string html = Render({paper});
  EXPECT_EQ(Count(html, "<script"), 1u);  // the page's own
  EXPECT_EQ(Count(html, "<img"), 0u);
  EXPECT_EQ(Count(html, "<b>T"), 0u);
  EXPECT_EQ(Count(html, "<i>"), 0u);
  EXPECT_EQ(Count(html, "\" onclick"), 0u);
  EXPECT_EQ(Count(html, "\"onclick"), 0u);
  EXPECT_EQ(Count(html, "\" onmouseover"), 0u);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; "
                      "&quot; onclick=&#39;x&#39; &amp;amp; \xEF\xBF\xBD\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NE(html.find("href=\"https://x.org/&quot;onclick=&quot;alert(3)\""), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(html));
}

TEST(Html, TitleLinksToArxivOnlyForAnArxivId) {
  std::vector<Paper> papers = SamplePapers();
  const std::string html = Render(papers);
  EXPECT_NE(html.find("<h2><a href=\"https://arxiv.org/abs/2310.13961\">Ensemble-Instruct: "
                      "Generating Instruction-Tuning Data with a Heterogeneous Mixture of LMs "
                      "like GPT-4, BERT and LoRA</a></h2>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2>100% &amp; $5 ~ ^ \\ {unbalanced &quot;quoted&quot;, &lt;b&gt;bold"
                      "&lt;/b&gt; | # _x_</h2>"),
            std::string::npos);
  EXPECT_EQ(Count(html, "<h2><a href=\"https://arxiv.org/abs/"), 2u);  // 2310.13961, 2401.00001
}

TEST(Html, EachPaperIsWrittenWhenItComes) {
  std::unique_ptr<Writer> writer = FindFormat("html")->make({});
  std::string head;
  writer->Begin(head);
  EXPECT_EQ(head.substr(0, 16), "<!DOCTYPE html>\n");
  for (const Paper& paper : SamplePapers()) {
    std::string out;
    writer->Write(paper, out);
    // The first paper opens the first chunk of papers.
    const size_t chunk = paper.index == 0 ? std::string("<div class=\"chunk\">\n").size() : 0;
    EXPECT_EQ(out.find("<article class=\"paper\" id=\"paper-" + std::to_string(paper.index)),
              chunk);
    EXPECT_EQ(out.substr(out.size() - 11), "</article>\n");
    EXPECT_EQ(Count(out, "<article"), 1u);
  }
}

TEST(Html, CountsAreWrittenAtTheEnd) {
  std::unique_ptr<Writer> writer = FindFormat("html")->make({});
  std::string out;
  for (const Paper& paper : SamplePapers()) writer->Write(paper, out);
  out.clear();
  writer->End(out);
  EXPECT_NE(out.find("<dt>papers</dt><dd><b>4</b>, <b>3</b> with findings</dd>"), std::string::npos)
      << out;
  EXPECT_NE(out.find("<dt>links</dt><dd><b>9</b>: <ul data-facet=\"category\">"
                     "<li data-value=\"model\"><b>3</b> model</li>"
                     "<li data-value=\"code\"><b>2</b> code</li>"
                     "<li data-value=\"dataset\"><b>1</b> dataset</li>"
                     "<li data-value=\"demo\"><b>1</b> demo</li>"
                     "<li data-value=\"page\"><b>1</b> page</li>"
                     "<li data-value=\"paper\"><b>1</b> paper</li></ul>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<dt>link kinds</dt><dd><b>9</b>: <ul data-facet=\"kind\" data-item=\"link\">"
                     "<li data-value=\"huggingface\"><b>5</b> huggingface</li>"
                     "<li data-value=\"github\"><b>2</b> github</li>"
                     "<li data-value=\"arxiv\"><b>1</b> arxiv</li>"
                     "<li data-value=\"project\"><b>1</b> project</li></ul>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<dt>link status</dt><dd><b>9</b>: <ul data-facet=\"status\">"
                     "<li data-value=\"released\"><b>6</b> released</li>"
                     "<li data-value=\"unknown\"><b>2</b> unknown</li>"
                     "<li data-value=\"coming_soon\"><b>1</b> coming_soon</li></ul>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<dt>citations</dt><dd><b>10</b>: "), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 16), "</body>\n</html>\n");
}

TEST(Html, BibtexOfAPaperIsTheBibtexWritersOutput) {
  const Paper paper = SamplePapers()[1];
  std::unique_ptr<Writer> bibtex = FindFormat("bibtex")->make({});
  std::string bib;
  bibtex->Begin(bib);
  bibtex->Write(paper, bib);
  bibtex->End(bib);
  ASSERT_NE(bib.find("@misc{"), std::string::npos);
  std::string escaped;
  for (char c : bib) {
    if (c == '&')
      escaped += "&amp;";
    else if (c == '<')
      escaped += "&lt;";
    else if (c == '>')
      escaped += "&gt;";
    else if (c == '"')
      escaped += "&quot;";
    else if (c == '\'')
      escaped += "&#39;";
    else
      escaped += c;
  }
  const std::string html = Render({paper});
  EXPECT_NE(html.find("<pre class=\"bib\">" + escaped + "</pre>"), std::string::npos) << html;
}

TEST(Html, WithoutAnAbstractEachFindingStandsForItself) {
  Paper paper;  // citex's JSON read back: findings, no abstract
  paper.links = {MakeLink("https://github.com/a/b", LinkKind::kGithub, "repo", "a/b",
                          Status::kReleased, Role::kOwn, {100, 121})};
  paper.citations = {
      MakeCitation("[3]", CitationKind::kNumeric, {}, false, "", std::nullopt, "3", {40, 43})};
  const std::string html = AbstractOf(paper);
  EXPECT_EQ(Tags(html), "<mark </mark <a </a ");
  EXPECT_NE(html.find("data-key=\"\" data-start=\"40\" data-end=\"43\" title=\"numeric\">[3]</mark> · <a"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find(">https://github.com/a/b</a>"), std::string::npos) << html;
}

// The entries of a BibTeX text by key, each from "@type{key," to its
// closing line.
std::map<std::string, std::string> EntriesByKey(const std::string& bib,
                                                std::vector<std::string>* order = nullptr) {
  static const std::regex kOpen("^@[a-z]+\\{([^,\\n]+),$");
  std::map<std::string, std::string> entries;
  std::istringstream lines(bib);
  std::string line, key, entry;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (key.empty() && std::regex_match(line, match, kOpen)) key = match[1];
    if (key.empty()) continue;
    entry += line + "\n";
    if (line == "}") {
      EXPECT_EQ(entries.count(key), 0u) << "two entries " << key;
      entries[key] = entry;
      if (order != nullptr) order->push_back(key);
      key.clear();
      entry.clear();
    }
  }
  return entries;
}

std::string Unescape(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, c] : kEntities) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string(entity).size(), c);
    }
  }
  return text;
}

// An entry without its note line: where a work is cited differs between the
// run's .bib (every paper citing it) and one paper's BibTeX (that paper).
std::string WithoutNote(const std::string& entry) {
  return std::regex_replace(entry, std::regex("\\n  note = \\{[^\\n]*\\},\\n"), "\n");
}

// "Copy BibTeX" of each paper holds the keys `-f bibtex` gives: the paper's
// own entry exactly as `-f bibtex` writes it, and an entry under every key
// its citations carry (the key stage's, or the library's when resolved),
// except those naming a paper of the run, whose entry is that paper's.
TEST(Html, CopyBibtexHasTheKeysOfBibtexOutput) {
  const std::vector<std::string> runs = {
      "samples/daily-papers.txt",
      "--library samples/libraries/daily-papers.bib samples/daily-papers.txt",
      "samples/arxiv-snapshot.jsonl",
      "samples/hf-daily-2025-03-04.json",
      "samples/hostile-input.jsonl",
  };
  static const std::regex kBib("<pre class=\"bib\">([^<]*)</pre>");
  size_t checked_citations = 0, resolved = 0;
  for (const std::string& run : runs) {
    SCOPED_TRACE(run);
    const testing::Run html = RunCitex("-f html " + run);
    const testing::Run bibtex = RunCitex("-f bibtex " + run);
    const testing::Run jsonl = RunCitex("-f jsonl " + run);
    ASSERT_LE(html.status, 1) << html.err;
    const std::map<std::string, std::string> all = EntriesByKey(bibtex.out);
    std::vector<nlohmann::json> records;
    std::set<std::string> paper_keys;
    std::istringstream lines(jsonl.out);
    for (std::string line; std::getline(lines, line);) {
      records.push_back(nlohmann::json::parse(line));
      paper_keys.insert(records.back()["key"].get<std::string>());
    }
    std::vector<std::string> pages;
    for (auto it = std::sregex_iterator(html.out.begin(), html.out.end(), kBib);
         it != std::sregex_iterator(); ++it) {
      pages.push_back(Unescape((*it)[1]));
    }
    ASSERT_EQ(pages.size(), records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const nlohmann::json& record = records[i];
      const std::string key = record["key"];
      SCOPED_TRACE(key);
      std::vector<std::string> order;
      const std::map<std::string, std::string> own = EntriesByKey(pages[i], &order);
      ASSERT_FALSE(order.empty());
      EXPECT_EQ(order[0], key);
      ASSERT_EQ(all.count(key), 1u);
      EXPECT_EQ(own.at(key), all.at(key));
      std::set<std::string> want = {key};
      for (const nlohmann::json& citation : record["citations"]) {
        const std::string cited = citation["key"];
        if (citation.contains("resolved")) {
          EXPECT_EQ(citation["resolved"]["key"], cited);
          ++resolved;
        }
        ++checked_citations;
        if (cited != key && paper_keys.count(cited) > 0) continue;  // a paper's entry
        want.insert(cited);
      }
      EXPECT_EQ(std::set<std::string>(order.begin(), order.end()), want);
      for (const std::string& k : order) {
        ASSERT_EQ(all.count(k), 1u) << k << " not in -f bibtex";
        EXPECT_EQ(WithoutNote(own.at(k)), WithoutNote(all.at(k))) << k;
      }
    }
  }
  EXPECT_GT(checked_citations, 20u);
  EXPECT_GE(resolved, 5u);  // the --library run's
}

// A citation the library resolves shows the entry's key and title on
// hover; one with candidates names them.
TEST(Html, ResolvedCitationShowsTheLibraryEntryOnHover) {
  const testing::Run run = RunCitex(
      "-f html --library samples/libraries/daily-papers.bib samples/daily-papers.txt");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("data-key=\"wang-etal-2023-self-instruct\" data-start=\"87\" "
                         "data-end=\"104\" title=\"author_year · key wang-etal-2023-self-instruct "
                         "· Self-Instruct · in samples/libraries/daily-papers.bib: Self-Instruct: "
                         "Aligning Language Models with Self-Generated Instructions (0.90)\">"),
            std::string::npos);
  // Braces of the library's title are not shown.
  EXPECT_NE(run.out.find("in samples/libraries/daily-papers.bib: Stanford Alpaca: An "
                         "Instruction-following LLaMA model (0.90)\""),
            std::string::npos);
  EXPECT_NE(run.out.find("library candidates: goodfellow2014gan (0.55), goodfellow2014explaining "
                         "(0.55)\""),
            std::string::npos);
}

TEST(Html, TooltipOfAResolutionReadBackWithoutItsEntry) {
  Paper paper = PaperWithAbstract("as (Wang et al., 2023) do");
  paper.citations = {MakeCitation("Wang et al., 2023", CitationKind::kAuthorYear, {"Wang"}, true,
                                  "2023", std::nullopt, "", {4, 21})};
  paper.citations[0].key = "wang23";
  paper.citations[0].resolved = Resolution{"wang23", "my.bib", 0.9, nullptr};
  EXPECT_NE(AbstractOf(paper).find("title=\"author_year · key wang23 · in my.bib (0.90)\""),
            std::string::npos)
      << AbstractOf(paper);
}

}  // namespace
}  // namespace citex
