// --format csv: RFC 4180, one row per link or citation. See docs/formats.md.
#include <fmt/format.h>

#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>

#include "extractor/base/utf8.h"
#include "formats/writer.h"

namespace citex {
namespace {

// RFC 4180 ends records with CRLF; Python's csv module, spreadsheets and
// pandas all read it, and a bare LF inside a quoted field stays data.
constexpr std::string_view kEol = "\r\n";

// Appends one field: quoted when it holds a comma, quote, CR or LF (quotes
// doubled), and always valid UTF-8.
void Field(std::string_view value, std::string& out) {
  std::string repaired;
  if (!IsValidUtf8(value)) {
    AppendValidUtf8(repaired, value);
    value = repaired;
  }
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

class CsvWriter : public Writer {
 public:
  void Begin(std::string& out) override {
    out.append(
        "paper_index,paper_id,title,item,kind,type,name,value,status,year,authors,label,"
        "start,end,category,canonical,expires");
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
      Field(ToString(link.category), out);
      out.push_back(',');
      Field(link.canonical, out);
      out.append(link.expires ? ",true" : ",false");
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
      out.append(",,,");
      out.append(kEol);
    }
  }

 private:
  static void Prefix(const Paper& paper, std::string& out) {
    fmt::format_to(std::back_inserter(out), "{},", paper.index);
    Field(paper.id, out);
    out.push_back(',');
    Field(paper.title, out);
    out.push_back(',');
  }

  // kind, type, name, value, status, year, authors, label.
  static void Row(std::string& out, std::initializer_list<std::string_view> fields) {
    for (std::string_view field : fields) {
      Field(field, out);
      out.push_back(',');
    }
  }

  // start, end.
  static void AppendSpan(const Span& span, std::string& out) {
    fmt::format_to(std::back_inserter(out), "{},{}", span.start, span.end);
  }
};

// --group-by link: one row per artefact. The papers that mention it are
// parallel lists joined by ';' (paper_indexes "0;5", paper_ids, roles).
class GroupedCsvWriter : public GroupWriter {
 public:
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
      Field(field, out);
    }
    out.append(kEol);
  }
};

}  // namespace

std::unique_ptr<GroupWriter> MakeGroupedCsvWriter(const WriterOptions&) {
  return std::make_unique<GroupedCsvWriter>();
}

std::unique_ptr<Writer> MakeCsvWriter(const WriterOptions&) {
  return std::make_unique<CsvWriter>();
}

}  // namespace citex
