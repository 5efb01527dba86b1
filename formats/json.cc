// JSON ({"papers": [...]}) and JSON Lines (one record a line), written
// directly with fmt: building a DOM per record would cost more than the
// extraction itself.
#include "formats/json.h"

#include <fmt/format.h>

#include "extractor/base/utf8.h"
#include "formats/writer.h"

namespace citex {
namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

void AppendNullableString(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, s);
  }
}

void AppendSpan(std::string& out, const Span& span) {
  fmt::format_to(std::back_inserter(out), "[{},{}]", span.start, span.end);
}

void AppendStringArray(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(out, items[i]);
  }
  out += ']';
}

// ,"tex":["title","authors","abstract"]: the fields that are TeX source.
void AppendTex(std::string& out, const TexFields& tex) {
  out += ",\"tex\":[";
  const char* separator = "";
  for (const auto& [is_tex, name] :
       {std::pair{tex.title, "title"}, std::pair{tex.authors, "authors"},
        std::pair{tex.abstract, "abstract"}}) {
    if (!is_tex) continue;
    fmt::format_to(std::back_inserter(out), "{}\"{}\"", separator, name);
    separator = ",";
  }
  out += ']';
}

void AppendLink(std::string& out, const Link& link) {
  out += "{\"url\":";
  AppendJsonString(out, link.url);
  out += ",\"text\":";
  AppendJsonString(out, link.text);
  out += ",\"span\":";
  AppendSpan(out, link.span);
  fmt::format_to(std::back_inserter(out),
                 ",\"kind\":\"{}\",\"category\":\"{}\",\"type\":", ToString(link.kind),
                 ToString(link.category));
  AppendNullableString(out, link.type);
  out += ",\"name\":";
  AppendNullableString(out, link.name);
  out += ",\"canonical\":";
  AppendNullableString(out, link.canonical);
  fmt::format_to(std::back_inserter(out), ",\"status\":\"{}\",\"role\":\"{}\",\"expires\":{}}}",
                 ToString(link.status), ToString(link.role), link.expires);
}

void AppendCitation(std::string& out, const Citation& citation) {
  out += "{\"text\":";
  AppendJsonString(out, citation.text);
  out += ",\"span\":";
  AppendSpan(out, citation.span);
  fmt::format_to(std::back_inserter(out), ",\"kind\":\"{}\",\"authors\":", ToString(citation.kind));
  AppendStringArray(out, citation.authors);
  out += citation.et_al ? ",\"et_al\":true,\"year\":" : ",\"et_al\":false,\"year\":";
  AppendNullableString(out, citation.year);
  out += ",\"label\":";
  if (citation.label) {
    AppendJsonString(out, *citation.label);
  } else {
    out += "null";
  }
  out += ",\"id\":";
  AppendNullableString(out, citation.id);
  out += ",\"key\":";
  AppendNullableString(out, citation.key);
  // Present only when there is something to say, so runs without --library
  // print what they always did.
  if (!citation.locator.empty()) {
    out += ",\"locator\":";
    AppendJsonString(out, citation.locator);
  }
  if (citation.resolved) {
    out += ",\"resolved\":{\"key\":";
    AppendJsonString(out, citation.resolved->key);
    out += ",\"library\":";
    AppendJsonString(out, citation.resolved->library);
    fmt::format_to(std::back_inserter(out), ",\"score\":{:.2f}}}", citation.resolved->score);
  }
  if (!citation.candidates.empty()) {
    out += ",\"candidates\":[";
    for (size_t i = 0; i < citation.candidates.size(); ++i) {
      if (i > 0) out += ',';
      out += "{\"key\":";
      AppendJsonString(out, citation.candidates[i].key);
      fmt::format_to(std::back_inserter(out), ",\"score\":{:.2f}}}", citation.candidates[i].score);
    }
    out += ']';
  }
  out += '}';
}

void AppendArtefact(std::string& out, const Artefact& a) {
  out += "{\"canonical\":";
  AppendJsonString(out, a.canonical);
  out += ",\"url\":";
  AppendJsonString(out, a.url);
  fmt::format_to(std::back_inserter(out),
                 ",\"kind\":\"{}\",\"category\":\"{}\",\"type\":", ToString(a.kind),
                 ToString(a.category));
  AppendNullableString(out, a.type);
  out += ",\"name\":";
  AppendNullableString(out, a.name);
  fmt::format_to(std::back_inserter(out), ",\"status\":\"{}\",\"expires\":{},\"papers\":[",
                 ToString(a.status), a.expires);
  for (size_t i = 0; i < a.papers.size(); ++i) {
    const Mention& m = a.papers[i];
    if (i > 0) out += ',';
    fmt::format_to(std::back_inserter(out), "{{\"index\":{},\"id\":", m.index);
    AppendNullableString(out, m.id);
    out += ",\"title\":";
    AppendNullableString(out, m.title);
    fmt::format_to(std::back_inserter(out),
                   ",\"role\":\"{}\",\"status\":\"{}\",\"span\":", ToString(m.role),
                   ToString(m.status));
    AppendSpan(out, m.span);
    out += '}';
  }
  out += "]}";
}

// {"<name>": [...]} with one item a line, or (JSON Lines) one item a line:
// papers per record, artefacts for --group-by link.
template <typename Base, typename Item, void (*Append)(std::string&, const Item&)>
class JsonItemsWriter : public Base {
 public:
  JsonItemsWriter(bool lines, const char* open) : lines_(lines), open_(open) {}

  void Begin(std::string& out) override {
    if (!lines_) out += open_;
  }
  void Write(const Item& item, std::string& out) override {
    if (!lines_ && written_ > 0) out += ",\n";
    Append(out, item);
    if (lines_) out += '\n';
    ++written_;
  }
  void End(std::string& out) override {
    if (!lines_) out += written_ > 0 ? "\n]}\n" : "]}\n";
  }

 private:
  bool lines_;
  const char* open_;
  size_t written_ = 0;
};

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;  // start of the pending run copied as is
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!NeedsEscape(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t length = Utf8SequenceLength(s, i);
      if (length > 0) {
        i += length;
        continue;
      }
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        } else {
          out += "\xEF\xBF\xBD";  // invalid UTF-8 byte
        }
    }
    run = ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void AppendPaperJson(std::string& out, const Paper& paper) {
  fmt::format_to(std::back_inserter(out), "{{\"index\":{},\"id\":", paper.index);
  AppendNullableString(out, paper.id);
  out += ",\"title\":";
  AppendNullableString(out, paper.title);
  out += ",\"source\":{\"path\":";
  AppendJsonString(out, paper.source.path);
  fmt::format_to(std::back_inserter(out), ",\"line\":{}}},\"authors\":", paper.source.line);
  AppendStringArray(out, paper.authors);
  out += ",\"year\":";
  AppendNullableString(out, paper.year);
  out += ",\"doi\":";
  AppendNullableString(out, paper.doi);
  out += ",\"categories\":";
  AppendNullableString(out, paper.categories);
  AppendTex(out, paper.tex);
  out += ",\"key\":";
  AppendNullableString(out, paper.key);
  out += ",\"links\":[";
  for (size_t i = 0; i < paper.links.size(); ++i) {
    if (i > 0) out += ',';
    AppendLink(out, paper.links[i]);
  }
  out += "],\"citations\":[";
  for (size_t i = 0; i < paper.citations.size(); ++i) {
    if (i > 0) out += ',';
    AppendCitation(out, paper.citations[i]);
  }
  out += "]}";
}

using PaperJsonWriter = JsonItemsWriter<Writer, Paper, AppendPaperJson>;
using ArtefactJsonWriter = JsonItemsWriter<GroupWriter, Artefact, AppendArtefact>;

std::unique_ptr<Writer> MakeJsonWriter(const WriterOptions&) {
  return std::make_unique<PaperJsonWriter>(false, "{\"papers\": [\n");
}
std::unique_ptr<Writer> MakeJsonLinesWriter(const WriterOptions&) {
  return std::make_unique<PaperJsonWriter>(true, "");
}

std::unique_ptr<GroupWriter> MakeGroupedJsonWriter(const WriterOptions&) {
  return std::make_unique<ArtefactJsonWriter>(false, "{\"links\": [\n");
}
std::unique_ptr<GroupWriter> MakeGroupedJsonLinesWriter(const WriterOptions&) {
  return std::make_unique<ArtefactJsonWriter>(true, "");
}

}  // namespace citex
