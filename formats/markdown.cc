// --format markdown: a list of the code, models, data and pages papers
// release, one bullet per paper, to paste into a README. See docs/formats.md.
#include <string_view>
#include <vector>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/safe_text.h"
#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "formats/resources.h"
#include "formats/writer.h"

namespace citex {
namespace {

// Appends text so that CommonMark shows it literally, on one line: inline
// specials are backslash-escaped, whitespace runs become one space, and a
// line-start marker ("# ", "> ", "- ", "1. ") is escaped so the text cannot
// turn the bullet into a heading, a quote or a nested list.
void AppendMarkdownText(std::string_view text, std::string& out) {
  // No controls, and no bidi or zero-width characters to disguise the text.
  const std::string visible = VisibleText(text);
  std::string line;
  bool space = false;
  for (char c : visible) {
    if (c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line.push_back(' ');
    space = false;
    line.push_back(c);
  }
  static constexpr std::string_view kInline = "\\`*_[]<>|~&$";
  static constexpr std::string_view kLineStart = "#+-=>";
  const size_t digits = line.find_first_not_of("0123456789");
  const size_t ordered_marker =
      digits != std::string::npos && digits > 0 && (line[digits] == '.' || line[digits] == ')')
          ? digits
          : std::string::npos;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (kInline.find(c) != std::string_view::npos ||
        (i == 0 && kLineStart.find(c) != std::string_view::npos) || i == ordered_marker) {
      out.push_back('\\');
    }
    out.push_back(c);
  }
}

// A link destination as written in a README: "(https://...)". Characters
// that would end it early or break the line are percent-encoded, and so are
// parentheses when they do not pair up, and controls and invisible format
// characters (RFC 3987 §4.1).
void AppendDestination(std::string_view url, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string valid;
  AppendValidUtf8(valid, url);
  valid = PercentEncodeInvisible(valid);
  int depth = 0;
  bool balanced = true;
  for (char c : valid) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    balanced = balanced && depth >= 0;
  }
  balanced = balanced && depth == 0;
  for (char c : valid) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == '\\' ||
        (!balanced && (c == '(' || c == ')'))) {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
}

// A paper's title, linked to its arXiv page when its id is an arXiv id (Hub
// paper ids are too). A title of nothing printable falls back to the id: a
// bullet needs text.
void AppendPaperTitle(std::string_view id, std::string_view title_text, std::string& out) {
  std::string title;
  AppendMarkdownText(title_text, title);
  if (title.empty()) AppendMarkdownText(id, title);
  if (title.empty()) title = "(untitled)";
  if (IsArxivId(id)) {
    out.append("[" + title + "](");
    AppendDestination("https://arxiv.org/abs/" + std::string(id), out);
    out.push_back(')');
  } else {
    out.append(title);
  }
}

class MarkdownWriter : public Writer {
 public:
  void Write(const Paper& paper, std::string& out) override {
    const std::vector<const Link*> resources = OwnResources(paper);
    if (resources.empty()) return;
    out.append("- ");
    AppendPaperTitle(paper.id, paper.title, out);
    out.append(" —");
    for (size_t i = 0; i < resources.size(); ++i) {
      const Link& link = *resources[i];
      out.append(i == 0 ? " [" : ", [");
      const std::string_view label = ResourceLabel(link);
      out.append(label);
      // Several models or repos: name them so a reader can tell them apart.
      if (!link.name.empty() && SharesLabel(resources, link)) {
        out.append(": ");
        AppendMarkdownText(link.name, out);
      }
      out.append("](");
      AppendDestination(link.url, out);
      out.push_back(')');
      if (link.status == Status::kComingSoon) out.append(" (coming soon)");
      if (link.expires) out.append(" (expires)");
    }
    out.push_back('\n');
  }

 private:
  static bool SharesLabel(const std::vector<const Link*>& resources, const Link& link) {
    const std::string_view label = ResourceLabel(link);
    for (const Link* other : resources) {
      if (other != &link && ResourceLabel(*other) == label) return true;
    }
    return false;
  }
};

// --group-by link: an awesome-list. A section per category, in the order of
// LinkCategory; in each, every artefact once, in order of first sight, with
// the papers that mention it. Sections are filled as artefacts arrive and
// written at the end.
class GroupedMarkdownWriter : public GroupWriter {
 public:
  GroupedMarkdownWriter() : sections_(LinkCategoryNames().size()) {}

  void Write(const Artefact& a, std::string& /*out*/) override {
    if (!IsWebUrl(a.url)) return;  // as in the per-paper list: never a live javascript: link
    std::string& out = sections_[static_cast<size_t>(a.category)];
    out.append("- [");
    AppendMarkdownText(a.name.empty() ? a.url : a.name, out);
    out.append("](");
    AppendDestination(a.url, out);
    out.push_back(')');
    if (a.status == Status::kComingSoon) out.append(" (coming soon)");
    if (a.expires) out.append(" (expires)");
    out.append(" —");
    for (size_t i = 0; i < a.papers.size(); ++i) {
      const Mention& m = a.papers[i];
      // A paper that mentions it twice is listed once.
      if (i > 0 && m.index == a.papers[i - 1].index) continue;
      out.append(i == 0 ? " " : "; ");
      AppendPaperTitle(m.id, m.title, out);
    }
    out.push_back('\n');
  }

  void End(std::string& out) override {
    static constexpr const char* kHeadings[] = {"Code",   "Models",   "Datasets",
                                                "Demos",  "Packages", "Notebooks",
                                                "Papers", "Pages",    "Other links"};
    static_assert(sizeof(kHeadings) / sizeof(kHeadings[0]) ==
                  static_cast<size_t>(LinkCategory::kOther) + 1);
    bool first = true;
    for (size_t c = 0; c < sections_.size(); ++c) {
      if (sections_[c].empty()) continue;
      if (!first) out.push_back('\n');
      first = false;
      out.append("## ").append(kHeadings[c]).append("\n\n").append(sections_[c]);
    }
  }

 private:
  std::vector<std::string> sections_;  // by LinkCategory
};

}  // namespace

std::unique_ptr<GroupWriter> MakeGroupedMarkdownWriter(const WriterOptions&) {
  return std::make_unique<GroupedMarkdownWriter>();
}

std::unique_ptr<Writer> MakeMarkdownWriter(const WriterOptions&) {
  return std::make_unique<MarkdownWriter>();
}

}  // namespace citex
