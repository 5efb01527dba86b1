// JSON documents, read as a stream: the top level may be an array of
// records, one record, several records in a row, or citex's own
// {"papers": [...]}. Each element is cut out by a small scanner that only
// tracks strings and nesting, then decoded on its own, so a huge array never
// sits in memory and a bad element costs only itself.
#include "extractor/base/text.h"
#include "extractor/read/json_record.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

class JsonReader : public JsonRecordReader {
 public:
  using JsonRecordReader::JsonRecordReader;

  bool Next(Paper& paper) override {
    std::string_view element;
    size_t line = 0;
    while (NextElement(element, line)) {
      if (DecodeRecord(element, line, paper)) return true;
      if (strict_) return false;
    }
    return false;
  }

 private:
  // Makes at least `n` bytes available unless the file ends first.
  bool Want(size_t n) {
    while (source_->size() < n) {
      if (!source_->Fill()) return false;
    }
    return true;
  }

  void Fatal(const std::string& reason) {
    if (!failed_) errors_({path_, line_, reason, true});
    failed_ = true;
  }

  // Skips whitespace, and the commas and brackets between elements, up to
  // the first byte of the next element. Returns false at the end.
  bool SkipToElement() {
    for (;;) {
      if (!Want(1)) {
        if (!source_->error().empty())
          Fatal(source_->error());
        else if (in_array_)
          Fatal("unexpected end of file inside a JSON array");
        return false;
      }
      const char c = source_->data()[0];
      if (IsAsciiSpace(c)) {
        if (c == '\n') ++line_;
        source_->Consume(1);
      } else if (c == '[' && !in_array_) {
        in_array_ = true;
        source_->Consume(1);
      } else if (c == ',' && in_array_) {
        source_->Consume(1);
      } else if (c == ']' && in_array_) {
        in_array_ = false;
        source_->Consume(1);
        if (wrapped_ && !CloseWrapper()) return false;
      } else if (c == '{' && !in_array_ && OpenWrapper()) {
        in_array_ = true;
      } else {
        return true;
      }
    }
  }

  // At a top-level '{': consumes `{"papers": [` when that is what follows.
  bool OpenWrapper() {
    static constexpr char kKey[] = "\"papers\"";
    Want(256);
    const std::string_view head(source_->data(), source_->size());
    size_t i = 1;
    while (i < head.size() && IsAsciiSpace(head[i])) ++i;
    if (head.compare(i, sizeof(kKey) - 1, kKey) != 0) return false;
    i += sizeof(kKey) - 1;
    while (i < head.size() && IsAsciiSpace(head[i])) ++i;
    if (i >= head.size() || head[i] != ':') return false;
    ++i;
    while (i < head.size() && IsAsciiSpace(head[i])) ++i;
    if (i >= head.size() || head[i] != '[') return false;
    for (size_t k = 0; k <= i; ++k) {
      if (head[k] == '\n') ++line_;
    }
    source_->Consume(i + 1);
    wrapped_ = true;
    return true;
  }

  // After the wrapped array's ']': the closing '}' of {"papers": [...]}.
  bool CloseWrapper() {
    wrapped_ = false;
    for (;;) {
      if (!Want(1)) {
        Fatal("unexpected end of file: missing '}' after the papers array");
        return false;
      }
      const char c = source_->data()[0];
      source_->Consume(1);
      if (c == '\n') ++line_;
      if (IsAsciiSpace(c)) continue;
      if (c == '}') return true;
      Fatal("only \"papers\" is read from a citex JSON document");
      return false;
    }
  }

  bool NextElement(std::string_view& element, size_t& element_line) {
    for (;;) {
      if (failed_ || !SkipToElement()) return false;
      element_line = line_;
      const char first = source_->data()[0];
      const bool container = first == '{' || first == '[';
      if (!container && !in_array_) {
        Fatal(std::string("not JSON: expected '[' or '{', found '") + first + "'");
        return false;
      }
      size_t depth = 0;
      bool in_string = false;
      bool escape = false;
      bool oversized = false;
      size_t end = 0;  // bytes of the element scanned so far
      for (;;) {
        if (end == source_->size() && !source_->Fill()) {
          if (!source_->error().empty())
            Fatal(source_->error());
          else
            Fatal("unexpected end of file inside a JSON value");
          return false;
        }
        const char c = source_->data()[end];
        if (in_string) {
          if (escape)
            escape = false;
          else if (c == '\\')
            escape = true;
          else if (c == '"')
            in_string = false;
          else if (c == '\n')
            ++line_;
          ++end;
        } else if (c == '"') {
          in_string = true;
          ++end;
        } else if (!container && (c == '{' || c == '[' || c == '}' || c == ']')) {
          break;  // a scalar ends at any bracket
        } else if (c == '{' || c == '[') {
          ++depth;
          ++end;
        } else if (c == '}' || c == ']') {
          ++end;
          if (--depth == 0) break;
        } else if (!container && (c == ',' || IsAsciiSpace(c))) {
          break;
        } else {
          if (c == '\n') ++line_;
          ++end;
        }
        if (end > max_record_bytes_) {
          // Keep scanning to find the element's end, without keeping it.
          oversized = true;
          source_->Consume(end);
          end = 0;
        }
      }
      if (end == 0) {
        // A stray '}' or ']' inside the array: step over it, or nothing moves.
        errors_({path_, element_line, std::string("unexpected '") + first + "' in a JSON array",
                 false});
        source_->Consume(1);
        if (strict_) return false;
        continue;
      }
      element = std::string_view(source_->data(), end);
      source_->Consume(end);
      if (oversized) {
        errors_({path_, element_line, "record is larger than --max-record-bytes", false});
        if (strict_) return false;
        continue;
      }
      if (!container) {
        errors_({path_, element_line, "record is not a JSON object", false});
        if (strict_) return false;
        continue;
      }
      return true;
    }
  }

  size_t line_ = 1;
  bool in_array_ = false;
  bool wrapped_ = false;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<PaperReader> MakeJsonReader(std::unique_ptr<ByteSource> source,
                                            const std::string& path, const ReaderOptions& options,
                                            const ErrorSink& errors) {
  return std::make_unique<JsonReader>(std::move(source), path, options, errors);
}

}  // namespace citex
