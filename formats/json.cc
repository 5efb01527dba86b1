// JSON ({"papers": [...]}) and JSON Lines (one record a line), written
// directly from the record walk: building a DOM per record would cost more
// than the extraction itself.
#include "formats/json.h"

#include <fmt/format.h>

#include "extractor/base/utf8.h"
#include "formats/record_fields.h"
#include "formats/writer.h"

namespace citex {
namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

// The record walk (record_fields.h) as compact JSON. A comma goes before a
// key or value that follows another at the same level.
class JsonSink {
 public:
  explicit JsonSink(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray(size_t) { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view name) {
    Separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    comma_ = false;
  }
  void Text(std::string_view s) {
    Separate();
    AppendJsonString(out_, s);
    comma_ = true;
  }
  void Word(std::string_view word) {
    Separate();
    out_ += '"';
    out_ += word;
    out_ += '"';
    comma_ = true;
  }
  void Null() { Literal("null"); }
  void Bool(bool value) { Literal(value ? "true" : "false"); }
  void Count(size_t n) {
    const fmt::format_int digits(n);
    Literal(std::string_view(digits.data(), digits.size()));
  }
  void Score(double score) {
    Separate();
    fmt::format_to(std::back_inserter(out_), "{:.2f}", score);
    comma_ = true;
  }

 private:
  void Separate() {
    if (comma_) out_ += ',';
  }
  void Open(char bracket) {
    Separate();
    out_ += bracket;
    comma_ = false;
  }
  void Close(char bracket) {
    out_ += bracket;
    comma_ = true;
  }
  void Literal(std::string_view text) {
    Separate();
    out_ += text;
    comma_ = true;
  }

  std::string& out_;
  bool comma_ = false;
};

void AppendArtefact(std::string& out, const Artefact& artefact) {
  JsonSink sink(out);
  record_fields::VisitArtefact(sink, artefact);
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
  JsonSink sink(out);
  record_fields::VisitPaper(sink, paper);
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
