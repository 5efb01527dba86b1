// JSON ({"papers": [...]}) and JSON Lines (one record a line), written
// directly from the record walk: building a DOM per record would cost more
// than the extraction itself.
#include "formats/json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "extractor/base/utf8.h"
#include "formats/record_fields.h"
#include "formats/writer.h"

namespace citex {
namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

// Whether any of the eight bytes at `at` needs a look (NeedsEscape), by the
// zero-byte trick on whole words: most text needs none, eight bytes a step.
bool WordNeedsEscape(const char* at) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  uint64_t word;
  std::memcpy(&word, at, 8);
  const uint64_t quote = word ^ (kOnes * '"');
  const uint64_t backslash = word ^ (kOnes * '\\');
  const uint64_t zero_quote = (quote - kOnes) & ~quote;
  const uint64_t zero_backslash = (backslash - kOnes) & ~backslash;
  const uint64_t below_space = word - kOnes * 0x20;  // a high bit where a byte < 0x20 borrowed
  return ((zero_quote | zero_backslash | below_space | word) & kHighs) != 0;
}

// The record walk (record_fields.h) as compact JSON. A comma goes before a
// key or value that follows another at the same level.
class JsonSink {
 public:
  explicit JsonSink(std::string& out) : out_(out) {}

  void BeginObject() { Open("{"); }
  void EndObject() { Close('}'); }
  void BeginArray(size_t) { Open("["); }
  void EndArray() { Close(']'); }
  __attribute__((always_inline)) void Key(std::string_view name) {
    Put(name, "\"", "\":");
    comma_ = false;
  }
  void Text(std::string_view s) {
    if (comma_) out_ += ',';
    AppendJsonString(out_, s);
    comma_ = true;
  }
  __attribute__((always_inline)) void Word(std::string_view word) {
    Put(word, "\"", "\"");
    comma_ = true;
  }
  void Null() { Literal("null"); }
  void Bool(bool value) { Literal(value ? "true" : "false"); }
  void Count(size_t n) {
    const fmt::format_int digits(n);
    Literal(std::string_view(digits.data(), digits.size()));
  }
  void Score(double score) {
    if (comma_) out_ += ',';
    fmt::format_to(std::back_inserter(out_), "{:.2f}", score);
    comma_ = true;
  }

 private:
  // The separator a value needs, `before`, `text` and `after`, in one
  // append: a record is mostly short keys and words, and each append call
  // costs more than the copying.
  __attribute__((always_inline)) void Put(std::string_view text, std::string_view before,
                                          std::string_view after) {
    char buffer[64];
    const size_t size = comma_ + before.size() + text.size() + after.size();
    if (size > sizeof buffer) {
      if (comma_) out_ += ',';
      out_.append(before).append(text).append(after);
      return;
    }
    char* o = buffer;
    if (comma_) *o++ = ',';
    o = std::copy(before.begin(), before.end(), o);
    o = std::copy(text.begin(), text.end(), o);
    o = std::copy(after.begin(), after.end(), o);
    out_.append(buffer, size);
  }
  void Open(std::string_view bracket) {
    Put(bracket, "", "");
    comma_ = false;
  }
  void Close(char bracket) {
    out_ += bracket;
    comma_ = true;
  }
  void Literal(std::string_view text) {
    Put(text, "", "");
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
    if (i + 8 <= s.size() && !WordNeedsEscape(s.data() + i)) {
      i += 8;
      continue;
    }
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
