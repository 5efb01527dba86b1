// JSON Lines: one record a line, so a broken line costs only itself.
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include "extractor/base/utf8.h"
#include "extractor/read/json_record.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

// The record a line holds: the line without leading byte order marks
// (concatenated files carry several); empty for a blank line.
std::string_view RecordOf(std::string_view line) {
  while (HasBomAt(line, 0)) line.remove_prefix(kUtf8Bom.size());
  if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) return {};
  return line;
}

constexpr char kTooLong[] = "record is larger than --max-record-bytes";

class JsonLinesReader : public JsonRecordReader {
 public:
  JsonLinesReader(std::unique_ptr<ByteSource> source, const std::string& path,
                  const ReaderOptions& options, const ErrorSink& errors, bool by_ranges)
      : JsonRecordReader(std::move(source), path, options, errors),
        by_ranges_(by_ranges),
        next_range_(source_->consumed()),
        first_range_(next_range_) {}

  bool CutsRanges() const override { return by_ranges_; }

  ByteRange ClaimRange(size_t bytes) override {
    const ByteRange range{next_range_, next_range_ + bytes};
    next_range_ = range.end;
    return range;
  }

  void CutRange(const ByteRange& range, Chunk& chunk) const override;

  // The furthest either cut has read (a caller may use Next on a file too).
  size_t BytesRead() const override {
    return std::max(ranges_read_.load(std::memory_order_relaxed), source_->bytes_read());
  }

 private:
  void Cut(Chunk& chunk, const ChunkLimits& limits) override {
    std::string_view line;
    while (chunk.records.size() < limits.records && chunk.bytes.size() < limits.bytes) {
      // Input arriving slowly: hand out what came instead of waiting for more.
      if (!chunk.records.empty() && source_->starved() && !source_->HasLine()) return;
      switch (source_->NextLine(line, max_record_bytes_)) {
        case ByteSource::LineStatus::kEnd:
          if (!source_->error().empty()) chunk.AddError({path_, 0, source_->error(), true});
          done_ = true;
          return;
        case ByteSource::LineStatus::kTooLong:
          chunk.AddError({path_, source_->line_number(), kTooLong, false});
          if (strict_) {
            done_ = true;
            return;
          }
          continue;
        case ByteSource::LineStatus::kLine:
          break;
      }
      const std::string_view record = RecordOf(line);
      if (!record.empty()) chunk.Add(record, source_->line_number());
    }
  }

  const bool by_ranges_;
  size_t next_range_;        // where the next claimed range begins
  const size_t first_range_;  // where the first line begins (after a byte order mark)
  mutable std::atomic<size_t> ranges_read_{0};  // the furthest byte a range read
};

// The lines that start in `range` are those after a line end at or past
// range.begin - 1, so the read starts one byte early. The last of them may
// run past range.end: it is read on to its end, as far as max_record_bytes_.
// What the line-by-line Cut finds on the same bytes, this finds too: the
// same records and errors, with line numbers counted from the range's first.
void JsonLinesReader::CutRange(const ByteRange& range, Chunk& chunk) const {
  // The recycled buffer keeps its size: growing it into what it held before
  // writes no zeros.
  std::string bytes;
  bytes.swap(chunk.bytes);
  chunk.Clear();
  chunk.lines_from_range = true;
  const size_t from = range.begin > first_range_ ? range.begin - 1 : range.begin;
  size_t held = 0;  // bytes read into `bytes`, from file offset `from` on
  bool at_eof = false;
  // Reads `more` bytes after those held (fewer at the end of the file).
  const auto read_more = [&](size_t more) {
    if (at_eof) return false;
    if (bytes.size() < held + more) bytes.resize(held + more);
    const ssize_t got = source_->ReadAt(bytes.data() + held, more, from + held);
    if (got < 0) {
      // Fatal, as in the line-by-line cut: no more ranges are claimed.
      chunk.AddError({path_, 0, std::strerror(errno), true});
      chunk.input_ended = at_eof = true;
      return false;
    }
    held += static_cast<size_t>(got);
    at_eof = static_cast<size_t>(got) < more;
    return got > 0;
  };
  const size_t end = range.end - from;  // range.end, as an index into bytes
  read_more(end);
  if (at_eof) chunk.input_ended = true;
  size_t start = 0;  // of the next line
  if (from < range.begin) {
    // After the first line end from the byte before the range on. None in
    // sight, or a "\r" last that may be half a "\r\n": the next line starts
    // at range.end or later, in a later range.
    size_t eol = 0;
    const size_t length = FindLineEnd(bytes.data(), held, 0, &eol);
    start = length == std::string_view::npos ? end : length + eol;
  }
  while (start < end && start < held) {
    size_t scanned = 0;  // bytes of this line known to hold no line end
    size_t eol = 0;
    size_t length;
    bool too_long = false;
    while ((length = FindLineEnd(bytes.data() + start, held - start, scanned, &eol)) ==
           std::string_view::npos) {
      // A "\r" last may be the first half of a "\r\n": look at it again.
      scanned = held - start - (bytes[held - 1] == '\r' ? 1 : 0);
      if (scanned > max_record_bytes_) {
        // This line reaches past the range, so no later line is this range's.
        too_long = true;
        break;
      }
      // As much again as the line has so far: most end within a few KiB.
      if (!read_more(std::max<size_t>(held - start, 1 << 12))) break;
    }
    ++chunk.lines;
    size_t next = held;
    if (length == std::string_view::npos) {
      length = scanned;  // the last line, without a line end (or too long)
    } else {
      next = start + length + eol;
    }
    if (too_long || length > max_record_bytes_) {
      chunk.AddError({path_, chunk.lines, kTooLong, false});
    } else {
      const std::string_view record = RecordOf(std::string_view(bytes.data() + start, length));
      if (!record.empty()) {
        chunk.records.push_back(
            {static_cast<size_t>(record.data() - bytes.data()), record.size(), chunk.lines, 0});
      }
    }
    start = next;
  }
  // Progress counts what was read, whichever range finished first.
  size_t seen = ranges_read_.load(std::memory_order_relaxed);
  while (seen < from + held &&
         !ranges_read_.compare_exchange_weak(seen, from + held, std::memory_order_relaxed)) {
  }
  // simdjson reads a little past a record's end.
  bytes.resize(held);
  bytes.append(simdjson::SIMDJSON_PADDING, ' ');
  chunk.bytes.swap(bytes);
}

}  // namespace

std::unique_ptr<PaperReader> MakeJsonLinesReader(std::unique_ptr<ByteSource> source,
                                                 const std::string& path,
                                                 const ReaderOptions& options,
                                                 const ErrorSink& errors) {
  // Ranges are read at file offsets: a named regular file, read from its start.
  const bool by_ranges = path != "-" && source->regular_file();
  return std::make_unique<JsonLinesReader>(std::move(source), path, options, errors, by_ranges);
}

}  // namespace citex
