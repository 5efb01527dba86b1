// JSON documents, read as a stream: the top level may be an array of
// records, one record, several records in a row, or citex's own
// {"papers": [...]}. Each element is cut out by a small scanner that only
// tracks strings and nesting, then decoded on its own (on any thread), so a
// huge array never sits in memory and a bad element costs only itself.
#include <array>

#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/read/json_record.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

// The bytes the scanner must look at; it steps over all others at once.
// Between strings: quotes, brackets and newlines (counted for line numbers);
// inside a string: its end, an escape, newlines.
constexpr std::array<bool, 256> ByteSet(std::string_view bytes) {
  std::array<bool, 256> set{};
  for (char c : bytes) set[static_cast<unsigned char>(c)] = true;
  return set;
}
constexpr std::array<bool, 256> kStructural = ByteSet("\"{}[]\n");
constexpr std::array<bool, 256> kInString = ByteSet("\"\\\n");

bool IsBracket(char c) { return c == '{' || c == '[' || c == '}' || c == ']'; }

class JsonReader : public JsonRecordReader {
 public:
  using JsonRecordReader::JsonRecordReader;

 private:
  enum class Step { kRecord, kSkipped, kWait, kEnd };

  void Cut(Chunk& chunk, const ChunkLimits& limits) override {
    while (chunk.records.size() < limits.records && chunk.bytes.size() < limits.bytes) {
      // Input arriving slowly: hand out what came instead of waiting for more.
      const bool dont_wait = !chunk.records.empty() && source_->starved();
      switch (NextElement(chunk, dont_wait)) {
        case Step::kRecord:
          continue;
        case Step::kSkipped:
          if (!strict_) continue;
          done_ = true;
          return;
        case Step::kWait:
          return;
        case Step::kEnd:
          done_ = true;
          return;
      }
    }
  }

  // Makes at least `n` bytes available unless the file ends first.
  bool Want(size_t n) {
    while (source_->size() < n) {
      if (!source_->Fill()) return false;
    }
    return true;
  }

  Step Fatal(Chunk& chunk, const std::string& reason) {
    chunk.AddError({path_, line_, reason, true});
    return Step::kEnd;
  }

  // Skips whitespace, and the commas and brackets between elements, up to
  // the first byte of the next element.
  Step SkipToElement(Chunk& chunk, bool dont_wait) {
    for (;;) {
      if (source_->size() == 0) {
        if (dont_wait) return Step::kWait;
        if (source_->Fill()) continue;
        if (!source_->error().empty()) return Fatal(chunk, source_->error());
        if (in_array_) return Fatal(chunk, "unexpected end of file inside a JSON array");
        return Step::kEnd;
      }
      const char c = source_->data()[0];
      if (IsAsciiSpace(c)) {
        if (c == '\n') ++line_;
        source_->Consume(1);
      } else if (c == kUtf8Bom[0] && Want(kUtf8Bom.size()) &&
                 HasBomAt(std::string_view(source_->data(), source_->size()), 0)) {
        source_->Consume(kUtf8Bom.size());  // a second file joined on with cat
      } else if (c == '[' && !in_array_) {
        in_array_ = true;
        source_->Consume(1);
      } else if (c == ',' && in_array_) {
        source_->Consume(1);
      } else if (c == ']' && in_array_) {
        in_array_ = false;
        source_->Consume(1);
        if (wrapped_ && !CloseWrapper(chunk)) return Step::kEnd;
      } else if (c == '{' && !in_array_ && OpenWrapper()) {
        in_array_ = true;
      } else {
        return Step::kRecord;
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
  bool CloseWrapper(Chunk& chunk) {
    wrapped_ = false;
    for (;;) {
      if (!Want(1)) {
        Fatal(chunk, "unexpected end of file: missing '}' after the papers array");
        return false;
      }
      const char c = source_->data()[0];
      source_->Consume(1);
      if (c == '\n') ++line_;
      if (IsAsciiSpace(c)) continue;
      if (c == '}') return true;
      Fatal(chunk, "only \"papers\" is read from a citex JSON document");
      return false;
    }
  }

  // Finds where the value at the front of the buffer ends: an object or
  // array at its matching bracket, anything else (an error the caller
  // reports) at a bracket, comma or space. An oversized value is scanned to
  // its end without being kept. kWait, with nothing consumed, when the value
  // is not all here and `dont_wait`.
  Step Scan(bool container, bool dont_wait, size_t* value_end, bool* oversized) {
    const size_t first_line = line_;
    size_t end = 0;
    size_t depth = 0;
    bool in_string = false;
    for (;;) {
      const char* data = source_->data();
      const size_t size = source_->size();
      while (end < size) {
        const char c = data[end];
        const unsigned char byte = static_cast<unsigned char>(c);
        if (in_string) {
          if (kInString[byte]) {
            if (c == '\\' && end + 1 == size) break;  // the escaped byte is still to come
            if (c == '\\') ++end;
            if (data[end] == '\n') ++line_;
            if (c == '"') in_string = false;
          }
        } else if (container && !kStructural[byte]) {
        } else if (c == '"') {
          in_string = true;
        } else if (!container) {
          if (IsBracket(c) || c == ',' || IsAsciiSpace(c)) break;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            *value_end = end + 1;
            *oversized = *oversized || end + 1 > max_record_bytes_;
            return Step::kRecord;
          }
        } else {
          ++line_;  // the newline
        }
        ++end;
      }
      if (!container && !in_string && end < size) {
        *value_end = end;
        *oversized = *oversized || end > max_record_bytes_;
        return Step::kRecord;
      }
      if (end > max_record_bytes_) {
        // Keep scanning to find the value's end, without keeping it.
        *oversized = true;
        source_->Consume(end);
        end = 0;
      }
      if (dont_wait && !*oversized) {
        line_ = first_line;
        return Step::kWait;
      }
      if (!source_->Fill()) return Step::kEnd;
    }
  }

  Step NextElement(Chunk& chunk, bool dont_wait) {
    const Step skipped = SkipToElement(chunk, dont_wait);
    if (skipped != Step::kRecord) return skipped;
    const size_t element_line = line_;
    const char first = source_->data()[0];
    const bool container = first == '{' || first == '[';
    if (!container && !in_array_) {
      return Fatal(chunk, std::string("not JSON: expected '[' or '{', found '") + first + "'");
    }
    size_t end = 0;
    bool oversized = false;
    const Step scanned = Scan(container, dont_wait, &end, &oversized);
    if (scanned == Step::kWait) return scanned;
    if (scanned == Step::kEnd) {
      return Fatal(chunk, source_->error().empty() ? "unexpected end of file inside a JSON value"
                                                   : source_->error());
    }
    if (end == 0) {
      // A stray '}' or ']' inside the array: step over it, or nothing moves.
      chunk.AddError(
          {path_, element_line, std::string("unexpected '") + first + "' in a JSON array", false});
      source_->Consume(1);
      return Step::kSkipped;
    }
    const std::string_view element(source_->data(), end);
    source_->Consume(end);
    if (oversized || !container) {
      chunk.AddError(
          {path_, element_line,
           oversized ? "record is larger than --max-record-bytes" : "record is not a JSON object",
           false});
      return Step::kSkipped;
    }
    chunk.Add(element, element_line);
    return Step::kRecord;
  }

  size_t line_ = 1;
  bool in_array_ = false;
  bool wrapped_ = false;
};

}  // namespace

std::unique_ptr<PaperReader> MakeJsonReader(std::unique_ptr<ByteSource> source,
                                            const std::string& path, const ReaderOptions& options,
                                            const ErrorSink& errors) {
  return std::make_unique<JsonReader>(std::move(source), path, options, errors);
}

}  // namespace citex
