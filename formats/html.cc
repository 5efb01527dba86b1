// --format html: one self-contained review page, every abstract with its
// links and citations marked where they stand. Papers are written as they
// come (the page streams like JSON Lines); the counts, known only at the
// end, are a summary section written last, which the script moves up into
// the header. See docs/formats.md.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <vector>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/library/library.h"
#include "formats/html_page.h"
#include "formats/writer.h"

namespace citex {
namespace {

// Appends text escaped for both element content and a double-quoted
// attribute value. Control characters other than tab, LF and CR are parse
// errors in HTML (NUL is dropped by some parsers), so they become U+FFFD.
void AppendHtml(std::string_view text, std::string& out) {
  std::string valid;
  AppendValidUtf8(valid, text);
  for (char c : valid) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      case '\'':
        out.append("&#39;");
        break;
      default:
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F) {
          out.append("\xEF\xBF\xBD");
        } else {
          out.push_back(c);
        }
    }
  }
}

// ` name="value"`, the value escaped.
void AppendAttribute(std::string_view name, std::string_view value, std::string& out) {
  out.push_back(' ');
  out.append(name);
  out.append("=\"");
  AppendHtml(value, out);
  out.push_back('"');
}

// Only these schemes become an href: anything else (javascript:, data:,
// vbscript:, a relative path) stays text.
bool IsSafeHref(std::string_view url) {
  static constexpr std::string_view kSchemes[] = {"http://", "https://", "ftp://"};
  const std::string lower = AsciiLower(url.substr(0, 8));
  for (std::string_view scheme : kSchemes) {
    if (lower.compare(0, scheme.size(), scheme) == 0 && url.size() > scheme.size()) return true;
  }
  return false;
}

// One link or citation of an abstract, its span clamped to the text.
struct Finding {
  Span span;
  const Link* link = nullptr;  // exactly one of link and citation is set
  const Citation* citation = nullptr;
};

// The findings in document order. Spans are clamped to the abstract when
// there is one (citex's own output, read back, may carry any span).
std::vector<Finding> Findings(const Paper& paper) {
  std::vector<Finding> findings;
  const size_t size = paper.abstract.size();
  const auto clamp = [size](Span span) {
    if (size == 0) return span;
    span.end = std::min(span.end, size);
    span.start = std::min(span.start, span.end);
    return span;
  };
  for (const Link& link : paper.links) findings.push_back({clamp(link.span), &link, nullptr});
  for (const Citation& c : paper.citations) findings.push_back({clamp(c.span), nullptr, &c});
  // Outer before inner: earlier start, then later end, then a link before a
  // citation of the same span (an arXiv URL is both).
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.link != nullptr && b.link == nullptr;
  });
  return findings;
}

// What a mark's tooltip says. Helper text for a person checking the
// finding: a citation's key and label, a link's kind, type and name.
std::string Tooltip(const Finding& finding) {
  if (finding.link != nullptr) {
    const Link& link = *finding.link;
    std::string tip = fmt::format("{} {}", ToString(link.kind), link.type);
    if (!link.name.empty()) tip += " " + link.name;
    return tip + fmt::format(" · {} · {}", ToString(link.status), ToString(link.role));
  }
  const Citation& c = *finding.citation;
  std::string tip = ToString(c.kind);
  if (!c.key.empty()) tip += " · key " + c.key;
  if (c.label) tip += " · " + *c.label;
  if (c.resolved) {
    // The entry of the user's library that it cites: its title, so that a
    // wrong match shows on hover.
    const Resolution& r = *c.resolved;
    tip += fmt::format(" · in {}", r.library.empty() ? "the library" : r.library);
    const std::string* title = r.entry != nullptr ? r.entry->Field("title") : nullptr;
    if (title != nullptr && !title->empty()) tip += ": " + PlainText(*title);
    tip += fmt::format(" ({:.2f})", r.score);
  } else if (!c.candidates.empty()) {
    tip += " · library candidates:";
    for (size_t i = 0; i < c.candidates.size(); ++i) {
      tip += fmt::format("{} {} ({:.2f})", i == 0 ? "" : ",", c.candidates[i].key,
                         c.candidates[i].score);
    }
  }
  return tip;
}

// Writes an abstract with each finding wrapped in an element at its span.
// Spans may nest (a citation inside a link) or cross; a crossing one is
// closed where its container closes and reopened after it, as a second
// piece with the same data attributes (class "cut" on the first piece).
class AbstractMarker {
 public:
  AbstractMarker(const Paper& paper, std::string& out)
      : text_(paper.abstract), findings_(Findings(paper)), out_(out) {}

  void Write() {
    if (text_.empty()) return WriteFindingsOnly();
    size_t pos = 0;
    size_t next = 0;  // the next finding to open
    while (true) {
      size_t boundary = text_.size();
      if (next < findings_.size()) boundary = std::min(boundary, findings_[next].span.start);
      for (const Open& open : stack_) boundary = std::min(boundary, End(open));
      AppendHtml(std::string_view(text_).substr(pos, boundary - pos), out_);
      pos = boundary;
      CloseEndingAt(pos);
      while (next < findings_.size() && findings_[next].span.start == pos) OpenFinding(next++);
      if (pos == text_.size() && next == findings_.size() && stack_.empty()) break;
    }
  }

 private:
  struct Open {
    size_t finding;
    bool anchor;
  };

  size_t End(const Open& open) const { return findings_[open.finding].span.end; }

  // citex's JSON read back holds no abstract: each finding's own text then
  // stands for it, marked the same way.
  void WriteFindingsOnly() {
    for (size_t i = 0; i < findings_.size(); ++i) {
      if (i > 0) out_.append(" · ");
      const Finding& finding = findings_[i];
      const bool anchor = finding.link != nullptr && IsSafeHref(finding.link->url);
      OpenTag(finding, false, anchor);
      AppendHtml(finding.link != nullptr ? finding.link->text : finding.citation->text, out_);
      out_.append(anchor ? "</a>" : "</mark>");
    }
  }

  // Closes every element that ends at `pos`, and those opened inside them,
  // reopening the inner ones that go on.
  void CloseEndingAt(size_t pos) {
    size_t lowest = stack_.size();
    for (size_t i = 0; i < stack_.size(); ++i) {
      if (End(stack_[i]) <= pos) {
        lowest = i;
        break;
      }
    }
    if (lowest == stack_.size()) return;
    std::vector<size_t> reopen;
    while (stack_.size() > lowest) {
      const Open open = stack_.back();
      stack_.pop_back();
      out_.append(open.anchor ? "</a>" : "</mark>");
      if (End(open) > pos) reopen.push_back(open.finding);
    }
    for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) OpenFinding(*it);
  }

  void OpenFinding(size_t index) {
    const Finding& finding = findings_[index];
    bool cut = false;  // a container closes before this finding does
    bool in_anchor = false;
    for (const Open& open : stack_) {
      cut = cut || End(open) < finding.span.end;
      in_anchor = in_anchor || open.anchor;
    }
    // An <a> inside an <a> would be closed by the parser: the inner link
    // is a plain mark (its URL is in the paper's link list).
    const bool anchor = finding.link != nullptr && !in_anchor && IsSafeHref(finding.link->url);
    OpenTag(finding, cut, anchor);
    if (finding.span.start == finding.span.end) {
      out_.append(anchor ? "</a>" : "</mark>");
    } else {
      stack_.push_back({index, anchor});
    }
  }

  void OpenTag(const Finding& finding, bool cut, bool anchor) {
    out_.append(anchor ? "<a" : "<mark");
    AppendAttribute("class", finding.link != nullptr ? (cut ? "f l cut" : "f l") : "f c", out_);
    if (anchor) AppendAttribute("href", finding.link->url, out_);
    AppendDataAttributes(finding);
    AppendAttribute("title", Tooltip(finding), out_);
    out_.push_back('>');
  }

  void AppendDataAttributes(const Finding& finding) {
    if (finding.link != nullptr) {
      const Link& link = *finding.link;
      AppendAttribute("data-item", "link", out_);
      AppendAttribute("data-kind", ToString(link.kind), out_);
      AppendAttribute("data-category", ToString(link.category), out_);
      AppendAttribute("data-type", link.type, out_);
      AppendAttribute("data-status", ToString(link.status), out_);
      AppendAttribute("data-role", ToString(link.role), out_);
    } else {
      // A citation has no status or role: empty values, so every finding
      // carries the same attributes.
      AppendAttribute("data-item", "citation", out_);
      AppendAttribute("data-kind", ToString(finding.citation->kind), out_);
      AppendAttribute("data-category", "citation", out_);
      AppendAttribute("data-status", "", out_);
      AppendAttribute("data-role", "", out_);
      // The key its stub (or the library's entry) has in the paper's BibTeX.
      AppendAttribute("data-key", finding.citation->key, out_);
    }
    fmt::format_to(std::back_inserter(out_), " data-start=\"{}\" data-end=\"{}\"",
                   finding.span.start, finding.span.end);
  }

  const std::string& text_;
  const std::vector<Finding> findings_;
  std::string& out_;
  std::vector<Open> stack_;  // the open elements, outermost first
};

// Papers per chunk: few enough that a chunk on screen renders at once,
// enough that 100,000 papers make only a few thousand chunks.
constexpr size_t kChunk = 50;

// How many findings of each value of one facet the run had.
using Counts = std::map<std::string, size_t>;

class HtmlWriter : public Writer {
 public:
  explicit HtmlWriter(const WriterOptions& options)
      : bibtex_options_(options), bibtex_(FindFormat("bibtex")) {}

  void Begin(std::string& out) override {
    out.append(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        // Nothing is fetched: no fonts, images, frames or requests.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<title>citex review</title>\n<style>");
    out.append(html::kStyle);
    out.append("</style>\n<script>");
    out.append(html::kScript);
    out.append(
        "</script>\n</head>\n<body>\n<a class=\"skip\" href=\"#papers\">Skip to the papers</a>\n"
        "<header>\n<h1>citex review</h1> <a id=\"summary-link\" href=\"#summary\">Counts</a>\n"
        "<div id=\"filters\" role=\"search\">\n");
    out.append(
        "<label>Category <select name=\"category\"><option value=\"\">all</option>"
        "<option value=\"citation\">citations</option></select></label>\n"
        "<label>Kind <select name=\"kind\"><option value=\"\">all</option>"
        "<optgroup label=\"links\"></optgroup><optgroup label=\"citations\"></optgroup>"
        "</select></label>\n"
        "<label>Status <select name=\"status\"><option value=\"\">all</option></select></label>\n"
        "<label>Role <select name=\"role\"><option value=\"\">all</option></select></label>\n"
        "<label class=\"check\"><input type=\"checkbox\" id=\"only\"> only papers with "
        "findings</label>\n"
        "<label>Title <input type=\"search\" id=\"search\" placeholder=\"search titles\">"
        "</label>\n<output id=\"shown\" aria-live=\"polite\"></output>\n</div>\n</header>\n"
        "<main id=\"papers\">\n");
  }

  void Write(const Paper& paper, std::string& out) override {
    // Papers come in chunks that the browser skips while off screen
    // (content-visibility), so a filter restyles chunks, not every paper.
    if (papers_ % kChunk == 0)
      out.append(papers_ == 0 ? "<div class=\"chunk\">\n" : "</div>\n<div class=\"chunk\">\n");
    Count(paper);
    const std::string title = CollapseWhitespace(paper.title);
    out.append("<article class=\"paper\"");
    AppendAttribute("id", fmt::format("paper-{}", paper.index), out);
    AppendAttribute("data-findings", std::to_string(paper.links.size() + paper.citations.size()),
                    out);
    AppendAttribute("data-title", title, out);
    out.append(">\n<h2>");
    WriteTitle(paper, title, out);
    out.append("</h2>\n");
    WriteMeta(paper, out);
    // With nothing found the abstract is folded away among the tools: the
    // page is for checking findings, but a missed link can be looked for.
    const bool quiet = paper.links.empty() && paper.citations.empty();
    if (!quiet) WriteAbstract(paper, out);
    out.append("<div class=\"tools\">");
    if (quiet) {
      out.append("<details><summary>Abstract: nothing found</summary>");
      WriteAbstract(paper, out);
      out.append("</details>\n");
    }
    WriteTools(paper, out);
    out.append("</div>\n");
    out.append("</article>\n");
  }

  void End(std::string& out) override {
    if (papers_ > 0) out.append("</div>\n");
    out.append("</main>\n<section id=\"summary\" aria-labelledby=\"summary-title\">\n");
    out.append("<h2 id=\"summary-title\">Counts</h2>\n<dl class=\"counts\">\n");
    fmt::format_to(std::back_inserter(out),
                   "<div><dt>papers</dt><dd><b>{}</b>, <b>{}</b> with findings</dd></div>\n",
                   papers_, papers_with_findings_);
    WriteCounts("links", "category", "", categories_, links_, out);
    WriteCounts("link kinds", "kind", "link", link_kinds_, links_, out);
    WriteCounts("citations", "kind", "citation", citation_kinds_, citations_, out);
    WriteCounts("link status", "status", "", statuses_, links_, out);
    WriteCounts("link role", "role", "", roles_, links_, out);
    out.append("</dl>\n</section>\n</body>\n</html>\n");
  }

 private:
  void Count(const Paper& paper) {
    ++papers_;
    if (!paper.links.empty() || !paper.citations.empty()) ++papers_with_findings_;
    links_ += paper.links.size();
    citations_ += paper.citations.size();
    for (const Link& link : paper.links) {
      ++link_kinds_[ToString(link.kind)];
      ++categories_[ToString(link.category)];
      ++statuses_[ToString(link.status)];
      ++roles_[ToString(link.role)];
    }
    for (const Citation& c : paper.citations) ++citation_kinds_[ToString(c.kind)];
  }

  // The title, linked to the paper's arXiv page when its id is an arXiv id
  // (Hugging Face paper ids are arXiv ids too).
  static void WriteTitle(const Paper& paper, const std::string& title, std::string& out) {
    const bool linked = IsArxivId(paper.id);
    if (linked) {
      out.append("<a");
      AppendAttribute("href", "https://arxiv.org/abs/" + paper.id, out);
      out.push_back('>');
    }
    AppendHtml(title.empty() ? "(untitled)" : title, out);
    if (linked) out.append("</a>");
  }

  static void WriteMeta(const Paper& paper, std::string& out) {
    std::vector<std::string> parts;
    if (!paper.id.empty()) parts.push_back(paper.id);
    if (!paper.authors.empty()) {
      std::string names = paper.authors[0];
      if (paper.authors.size() == 2) names += ", " + paper.authors[1];
      if (paper.authors.size() > 2) names += " et al.";
      parts.push_back(names);
    }
    if (!paper.year.empty()) parts.push_back(paper.year);
    parts.push_back(fmt::format("{}:{}", paper.source.path, paper.source.line));
    parts.push_back(fmt::format("{} link{}, {} citation{}", paper.links.size(),
                                paper.links.size() == 1 ? "" : "s", paper.citations.size(),
                                paper.citations.size() == 1 ? "" : "s"));
    out.append("<p class=\"meta\">");
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out.append(" · ");
      AppendHtml(parts[i], out);
    }
    out.append("</p>\n");
  }

  // The paper's link list and BibTeX, readable in <details> without script;
  // the buttons copy them.
  static void WriteAbstract(const Paper& paper, std::string& out) {
    out.append("<p class=\"abstract\">");
    AbstractMarker(paper, out).Write();
    out.append("</p>\n");
  }

  void WriteTools(const Paper& paper, std::string& out) const {
    if (!paper.links.empty()) {
      out.append(
          "<button type=\"button\" data-copy=\"links\" data-label=\"Copy links\">Copy "
          "links</button>");
    }
    out.append(
        "<button type=\"button\" data-copy=\"bib\" data-label=\"Copy BibTeX\">Copy "
        "BibTeX</button>\n");
    if (!paper.links.empty()) {
      out.append("<details><summary>Links</summary><pre class=\"links\">");
      std::vector<std::string_view> seen;
      for (const Link& link : paper.links) {
        if (std::find(seen.begin(), seen.end(), link.url) != seen.end()) continue;
        seen.push_back(link.url);
        AppendHtml(link.url, out);
        out.push_back('\n');
      }
      out.append("</pre></details>\n");
    }
    out.append("<details><summary>BibTeX</summary><pre class=\"bib\">");
    AppendHtml(BibtexOf(paper), out);
    out.append("</pre></details>\n");
  }

  // The paper's entry and the stubs of what it cites, from the BibTeX
  // writer itself run over this one paper.
  std::string BibtexOf(const Paper& paper) const {
    std::string bib;
    const std::unique_ptr<Writer> writer = bibtex_->make(bibtex_options_);
    writer->Begin(bib);
    writer->Write(paper, bib);
    writer->End(bib);
    return bib;
  }

  // One <div> of the summary: the total and, for the filters, one item per
  // value with its count, most frequent first.
  static void WriteCounts(std::string_view label, std::string_view facet, std::string_view item,
                          const Counts& counts, size_t total, std::string& out) {
    std::vector<std::pair<std::string, size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    fmt::format_to(std::back_inserter(out), "<div><dt>{}</dt><dd><b>{}</b>", label, total);
    if (sorted.empty()) {
      out.append("</dd></div>\n");
      return;
    }
    fmt::format_to(std::back_inserter(out), ": <ul data-facet=\"{}\"", facet);
    if (!item.empty()) AppendAttribute("data-item", item, out);
    out.push_back('>');
    for (const auto& [value, count] : sorted) {
      out.append("<li");
      AppendAttribute("data-value", value, out);
      fmt::format_to(std::back_inserter(out), "><b>{}</b> ", count);
      AppendHtml(value, out);
      out.append("</li>");
    }
    out.append("</ul></dd></div>\n");
  }

  const WriterOptions bibtex_options_;
  const FormatInfo* bibtex_;
  size_t papers_ = 0;
  size_t papers_with_findings_ = 0;
  size_t links_ = 0;
  size_t citations_ = 0;
  Counts categories_;
  Counts link_kinds_;
  Counts citation_kinds_;
  Counts statuses_;
  Counts roles_;
};

}  // namespace

std::unique_ptr<Writer> MakeHtmlWriter(const WriterOptions& options) {
  return std::make_unique<HtmlWriter>(options);
}

}  // namespace citex
