// --format csv: RFC 4180, one row per link or citation. See docs/formats.md.
#include <fmt/format.h>

#include <initializer_list>
#include <iterator>
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
        "start,end");
    out.append(kEol);
  }

  void Write(const Paper& paper, std::string& out) override {
    for (const Link& link : paper.links) {
      Prefix(paper, out);
      out.append("link,");
      Row(out,
          {ToString(link.kind), link.type, link.name, link.url, ToString(link.status), "", "", ""});
      Finish(link.span, out);
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
      Finish(citation.span, out);
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

  static void Finish(const Span& span, std::string& out) {
    fmt::format_to(std::back_inserter(out), "{},{}", span.start, span.end);
    out.append(kEol);
  }
};

}  // namespace

std::unique_ptr<Writer> MakeCsvWriter(const WriterOptions&) {
  return std::make_unique<CsvWriter>();
}

}  // namespace citex
