// --format csv: RFC 4180, one row per link or citation. See docs/formats.md.
#include <fmt/format.h>

#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>

#include "extractor/base/safe_text.h"
#include "formats/writer.h"

namespace citex {
namespace {

// RFC 4180 ends records with CRLF; Python's csv module, spreadsheets and
// pandas all read it. Cells hold no line breaks, so one row is one line.
constexpr std::string_view kEol = "\r\n";

// What a spreadsheet runs as a formula when a cell starts with it (OWASP
// "CSV injection"): "=cmd|' /C calc'!A0", "+1", "-1+2", "@SUM(A1)". Tab and
// CR, the other two OWASP lists, never reach a cell: controls become spaces.
constexpr std::string_view kFormulaStarts = "=+-@";

// Appends one cell: valid UTF-8 with no control characters, prefixed with
// ' when a spreadsheet would run it (unless `raw_formulas`), and quoted when
// it holds a comma or a quote (quotes doubled).
void Field(std::string_view value, bool raw_formulas, std::string& out) {
  std::string cell = WithoutControls(value);
  if (!raw_formulas && !cell.empty() && kFormulaStarts.find(cell[0]) != std::string_view::npos) {
    cell.insert(0, 1, '\'');
  }
  if (cell.find_first_of(",\"") == std::string::npos) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

class CsvWriter : public Writer {
 public:
  explicit CsvWriter(bool raw_formulas) : raw_formulas_(raw_formulas) {}

  void Begin(std::string& out) override {
    out.append(
        "paper_index,paper_id,title,item,kind,type,name,value,status,year,authors,label,"
        "start,end,category,canonical,expires,resolved_key");
    out.append(kEol);
  }

  void Write(const Paper& paper, std::string& out) override {
    for (const Link& link : paper.links) {
      Prefix(paper, out);
      out.append("link,");
      Row(out,
          {ToString(link.kind), link.type, link.name, link.url, ToString(link.status), "", "", ""});
      AppendSpan(link.span, out);
      out.push_back(',');
      Field(ToString(link.category), raw_formulas_, out);
      out.push_back(',');
      Field(link.canonical, raw_formulas_, out);
      out.append(link.expires ? ",true," : ",false,");
      out.append(kEol);
    }
    for (const Citation& citation : paper.citations) {
      Prefix(paper, out);
      out.append("citation,");
      // "Wang; Chen; et al.": the surnames, and whether the text said et al.
      std::string authors;
      for (const std::string& author : citation.authors) {
        if (!authors.empty()) authors.append("; ");
        authors.append(author);
      }
      if (citation.et_al) authors.append(authors.empty() ? "et al." : "; et al.");
      Row(out, {ToString(citation.kind), "", citation.id, citation.text, "", citation.year, authors,
                citation.label.value_or("")});
      AppendSpan(citation.span, out);
      out.append(",,,,");
      // The library key it resolved to (--library).
      if (citation.resolved) Field(citation.resolved->key, raw_formulas_, out);
      out.append(kEol);
    }
  }

 private:
  void Prefix(const Paper& paper, std::string& out) const {
    fmt::format_to(std::back_inserter(out), "{},", paper.index);
    Field(paper.id, raw_formulas_, out);
    out.push_back(',');
    Field(paper.title, raw_formulas_, out);
    out.push_back(',');
  }

  // kind, type, name, value, status, year, authors, label.
  void Row(std::string& out, std::initializer_list<std::string_view> fields) const {
    for (std::string_view field : fields) {
      Field(field, raw_formulas_, out);
      out.push_back(',');
    }
  }

  // start, end.
  static void AppendSpan(const Span& span, std::string& out) {
    fmt::format_to(std::back_inserter(out), "{},{}", span.start, span.end);
  }

  bool raw_formulas_;
};

// --group-by link: one row per artefact. The papers that mention it are
// parallel lists joined by ';' (paper_indexes "0;5", paper_ids, roles).
class GroupedCsvWriter : public GroupWriter {
 public:
  explicit GroupedCsvWriter(bool raw_formulas) : raw_formulas_(raw_formulas) {}

  void Begin(std::string& out) override {
    out.append(
        "canonical,url,kind,category,type,name,status,expires,papers,paper_indexes,paper_ids,"
        "roles");
    out.append(kEol);
  }

  void Write(const Artefact& a, std::string& out) override {
    std::string indexes, ids, roles;
    for (const Mention& m : a.papers) {
      if (!indexes.empty()) {
        indexes += ';';
        ids += ';';
        roles += ';';
      }
      indexes += std::to_string(m.index);
      ids += m.id;
      roles += ToString(m.role);
    }
    const std::string count = std::to_string(a.papers.size());
    const std::initializer_list<std::string_view> fields = {a.canonical,
                                                            a.url,
                                                            ToString(a.kind),
                                                            ToString(a.category),
                                                            a.type,
                                                            a.name,
                                                            ToString(a.status),
                                                            a.expires ? "true" : "false",
                                                            count,
                                                            indexes,
                                                            ids,
                                                            roles};
    bool first = true;
    for (std::string_view field : fields) {
      if (!first) out.push_back(',');
      first = false;
      Field(field, raw_formulas_, out);
    }
    out.append(kEol);
  }

 private:
  bool raw_formulas_;
};

}  // namespace

std::unique_ptr<GroupWriter> MakeGroupedCsvWriter(const WriterOptions& options) {
  return std::make_unique<GroupedCsvWriter>(options.csv_raw_formulas);
}

std::unique_ptr<Writer> MakeCsvWriter(const WriterOptions& options) {
  return std::make_unique<CsvWriter>(options.csv_raw_formulas);
}

}  // namespace citex
