// Constructed papers for the writer tests: what the readers and the link and
// citation passes produce, with the hostile cases every format must survive.
#pragma once

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "extractor/model.h"
#include "extractor/passes/links/canonical.h"

namespace citex::testing {

inline Link MakeLink(std::string url, LinkKind kind, std::string type, std::string name,
                     Status status, Role role, Span span = {}) {
  Link link;
  link.text = url;
  link.url = std::move(url);
  link.span = span;
  link.kind = kind;
  link.type = std::move(type);
  link.name = std::move(name);
  link.status = status;
  link.role = role;
  // What the link pass adds from the hosts table.
  const HostMatch host = MatchHost(link.url);
  link.category = host.category;
  link.canonical = CanonicalUrl(link.url, host);
  link.expires = host.expires;
  return link;
}

inline Citation MakeCitation(std::string text, CitationKind kind, std::vector<std::string> authors,
                             bool et_al, std::string year,
                             std::optional<std::string> label = std::nullopt, std::string id = "",
                             Span span = {}) {
  Citation c;
  c.text = std::move(text);
  c.span = span;
  c.kind = kind;
  c.authors = std::move(authors);
  c.et_al = et_al;
  c.year = std::move(year);
  c.label = std::move(label);
  c.id = std::move(id);
  return c;
}

// Paper 0: an arXiv snapshot record with authors, links and every citation
// kind. Paper 1: a Daily Papers entry (no id, authors or year) with a
// hostile title that cites one work paper 0 cites too. Paper 2: nothing
// found. Paper 3: invalid UTF-8 and a title that looks like Markdown.
inline std::vector<Paper> SamplePapers() {
  std::vector<Paper> papers(4);
  Paper& p0 = papers[0];
  p0.index = 0;
  p0.id = "2310.13961";
  p0.title =
      "Ensemble-Instruct: Generating Instruction-Tuning Data with a\n  "
      "Heterogeneous Mixture of LMs like GPT-4, BERT and LoRA";
  p0.authors = {"Young-Suk Lee",        "Jörg Tönshoff",  "C. Balázs",          "Çağlar Gülçehre",
                "Ludwig van Beethoven", "John Smith Jr.", "ATLAS Collaboration"};
  p0.year = "2023";
  p0.doi = "10.18653/v1/2023.findings-emnlp.836";
  p0.categories = "cs.CL cs.LG";
  p0.source = {"snapshot.jsonl", 1};
  p0.abstract = "...";
  p0.links = {
      MakeLink("https://github.com/IBM/ensemble-instruct", LinkKind::kGithub, "repo",
               "IBM/ensemble-instruct", Status::kReleased, Role::kOwn, {10, 50}),
      MakeLink("https://huggingface.co/ibm/ensemble_model", LinkKind::kHuggingface, "model",
               "ibm/ensemble_model", Status::kComingSoon, Role::kOwn, {60, 101}),
      MakeLink("https://huggingface.co/datasets/ibm/ei-data", LinkKind::kHuggingface, "dataset",
               "ibm/ei-data", Status::kReleased, Role::kUnknown, {110, 155}),
      MakeLink("https://github.com/yizhongw/self-instruct", LinkKind::kGithub, "repo",
               "yizhongw/self-instruct", Status::kUnknown, Role::kThirdParty, {160, 201}),
      MakeLink("https://arxiv.org/abs/2212.10560", LinkKind::kArxiv, "paper", "2212.10560",
               Status::kUnknown, Role::kUnknown, {210, 242}),
  };
  p0.citations = {
      MakeCitation("Wang et al., 2023", CitationKind::kAuthorYear, {"Wang"}, true, "2023",
                   "Self-Instruct", "", {95, 112}),
      MakeCitation("Wang et al., 2023b", CitationKind::kAuthorYear, {"Wang"}, true, "2023b"),
      MakeCitation("Müller and de Vries (2021)", CitationKind::kAuthorYear, {"Müller", "de Vries"},
                   false, "2021", "The Pile: 100% of_it"),
      MakeCitation("arXiv:2303.08774", CitationKind::kArxiv, {}, false, "", std::nullopt,
                   "2303.08774"),
      MakeCitation("doi:10.1000/x_y{1}", CitationKind::kDoi, {}, false, "", std::nullopt,
                   "10.1000/x_y{1}"),
      MakeCitation("[12]", CitationKind::kNumeric, {}, false, "", std::nullopt, "12"),
  };

  Paper& p1 = papers[1];
  p1.index = 1;
  p1.title = "100% & $5 ~ ^ \\ {unbalanced \"quoted\", <b>bold</b> | # _x_";
  p1.source = {"daily.txt", 12};
  p1.links = {MakeLink("https://ensemble.github.io/a_b~c?q=1%20&x={y}#frag", LinkKind::kProject,
                       "page", "", Status::kReleased, Role::kOwn, {0, 48})};
  p1.citations = {
      MakeCitation("Self-Instruct (Wang et al., 2023)", CitationKind::kAuthorYear, {"Wang"}, true,
                   "2023", "Self-Instruct"),
      MakeCitation("Tönshoff et al. (2023)", CitationKind::kAuthorYear, {"Tönshoff"}, true, "2023"),
      MakeCitation("Çelik (2020)", CitationKind::kAuthorYear, {"Çelik"}, false, "2020"),
  };

  Paper& p2 = papers[2];
  p2.index = 2;
  p2.id = "2401.00001";
  p2.title = "Nothing Found Here";

  Paper& p3 = papers[3];
  p3.index = 3;
  p3.id = "hf-abc";
  p3.title = "# 1. Not a *heading*\n[link](http://x) `code` \xff\xfe end";
  p3.links = {
      MakeLink("https://huggingface.co/spaces/a/demo", LinkKind::kHuggingface, "space", "a/demo",
               Status::kReleased, Role::kOwn),
      MakeLink("https://huggingface.co/a/m1", LinkKind::kHuggingface, "model", "a/m1",
               Status::kReleased, Role::kOwn),
      MakeLink("https://huggingface.co/a/m_2", LinkKind::kHuggingface, "model", "a/m_2",
               Status::kReleased, Role::kOwn),
  };
  p3.citations = {MakeCitation("Wang et al., 2023 \xc3", CitationKind::kAuthorYear, {"Wang"}, true,
                               "2023", "Self-Instruct")};
  return papers;
}

// Papers whose every text field is random: TeX, CSV and Markdown specials,
// whitespace, control characters, accented and CJK letters and invalid
// bytes, mixed. The same seed gives the same papers.
inline std::vector<Paper> RandomPapers(unsigned seed, size_t count) {
  static const std::vector<std::string> kPieces = {
      "&",    "%",    "$",     "#",    "_",     "{",    "}",    "~",    "^",     "\\",
      "<",    ">",    "|",     "\"",   "'",     ",",    ";",    "@",    "*",     "`",
      "[",    "]",    "(",     ")",    "!",     "=",    "-",    "+",    ".",     "1.",
      " ",    "  ",   "\n",    "\r\n", "\t",    "\x01", "\x7f", "and",  " and ", "Jr.",
      "von",  "ö",    "Ç",     "ß",    "ı",     "王",   "é",    "\xff", "\xc3",  "\xe2\x82",
      "BERT", "LoRA", "GPT-4", "word", "Title", "x"};
  std::mt19937 random(seed);
  const auto text = [&](size_t max_pieces) {
    std::string s;
    const size_t n = random() % (max_pieces + 1);
    for (size_t i = 0; i < n; ++i) s += kPieces[random() % kPieces.size()];
    return s;
  };
  std::vector<Paper> papers(count);
  for (size_t i = 0; i < count; ++i) {
    Paper& p = papers[i];
    p.index = i;
    p.id = random() % 2 ? "2401.0" + std::to_string(1000 + i) : text(2);
    p.title = text(12);
    for (size_t a = random() % 4; a > 0; --a) p.authors.push_back(text(5));
    p.year = random() % 2 ? "2024" : text(2);
    p.doi = random() % 3 ? "" : "10.1/" + text(3);
    p.categories = random() % 2 ? "cs.CL" : text(2);
    p.source = {"random", i + 1};
    for (size_t l = random() % 3; l > 0; --l) {
      p.links.push_back(MakeLink("https://example.org/" + text(4), LinkKind::kGithub, "repo",
                                 text(2), Status::kReleased, Role::kOwn));
    }
    for (size_t c = random() % 4; c > 0; --c) {
      std::optional<std::string> label;
      if (random() % 2) label = text(4);
      const auto kind = static_cast<CitationKind>(random() % 4);
      p.citations.push_back(
          MakeCitation(text(4), kind, {text(3), text(2)}, random() % 2, text(2), label, text(3)));
    }
  }
  return papers;
}

}  // namespace citex::testing
