// Reading papers from files: the byte source, format sniffing and the
// readers (text pages, JSON Lines, JSON arrays, citex's own output).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/model.h"

namespace citex {

enum class InputFormat { kAuto, kText, kJsonl, kJson, kCitex };

// "auto", "text", "jsonl", "json", "citex"; nullopt for anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

// Where a record came from and what was wrong with it.
struct InputError {
  std::string path;
  size_t line = 0;  // 0 when the error concerns the whole file
  std::string reason;
  bool fatal = false;    // the rest of the file cannot be read
  bool warning = false;  // the record was kept; the exit status is unaffected
};

using ErrorSink = std::function<void(const InputError&)>;

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  int stdin_fd = 0;  // what the path "-" reads
  // Field paths for JSON records, dotted for nesting ("paper.title").
  // Empty: the arXiv snapshot and Hugging Face names.
  std::string title_field;
  std::string text_field;
  std::string id_field;
  // A record (a JSON line, an array element, a text file) larger than this
  // is reported and skipped instead of exhausting memory.
  size_t max_record_bytes = 64 << 20;
  // --strict: a reader stops at its first bad record instead of skipping it.
  bool strict = false;
  // --tex yes|no: every title, name and abstract is TeX source, or none is.
  // Unset: the reader knows (arXiv metadata is TeX, a copied page is not).
  std::optional<bool> tex;
};

// One record of a chunk: its bytes in Chunk::bytes and the line it starts on.
struct RecordSpan {
  size_t offset = 0;
  size_t size = 0;
  size_t line = 0;
  size_t title_size = 0;  // text pages: the title's bytes, the abstract after them
};

// An error and where it goes among a chunk's records: before record `before`.
struct PlacedError {
  size_t before = 0;
  InputError error;
};

// A run of whole records cut from one input, in input order, with the
// errors the cut found among them. Decoding a chunk needs nothing else, so
// each thread can decode its own while the next one is cut.
struct Chunk {
  std::string bytes;  // the records, then padding for simdjson
  std::vector<RecordSpan> records;
  std::vector<PlacedError> errors;
  // A chunk cut from a byte range (PaperReader::CutRange) numbers its lines
  // from 1, not knowing how many lines the ranges before it hold: the
  // pipeline adds that count, in input order (DecodedChunk::ShiftLines).
  bool lines_from_range = false;
  size_t lines = 0;          // how many lines start in the range
  bool input_ended = false;  // the file ends within the range: no range after it holds any

  void Clear();
  // Copies `record` (and the `title` before it) into bytes, a line end after.
  void Add(std::string_view record, size_t line, std::string_view title = {});
  // An error found after the records added so far.
  void AddError(InputError error) { errors.push_back({records.size(), std::move(error)}); }
};

// A span of a file's bytes, [begin, end).
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

// How much one chunk holds at most.
struct ChunkLimits {
  size_t records = 256;
  size_t bytes = 1 << 20;
};

// A chunk decoded: the usable papers and every error, in input order.
struct DecodedChunk {
  std::vector<Paper> papers;
  std::vector<char> has_findings;   // per paper: citex's own output, already extracted
  std::vector<PlacedError> errors;  // `before` counts papers

  // Reports, from errors[*next_error] on, those placed before papers[paper]
  // (all that are left when `paper` is papers.size()). Returns false at the
  // first that ends a --strict run.
  bool ReportBefore(size_t paper, size_t* next_error, bool strict, const ErrorSink& sink) const;
  // Adds `lines` to every paper's and error's line number (none to an error
  // about the whole file, line 0).
  void ShiftLines(size_t lines);
};

// Turns records into papers. Each thread has its own; no state is shared.
class RecordDecoder {
 public:
  virtual ~RecordDecoder() = default;
  // Fills `paper` (id, title, abstract, authors, year, doi, categories,
  // source; links and citations too for citex input) from `record`, first
  // emptying it with ClearForReuse: it may hold an earlier record. Returns
  // false, after telling `errors` why, when the record is skipped; a repaired
  // record is kept with a warning. `*has_findings`: citex's own output.
  virtual bool Decode(const Chunk& chunk, const RecordSpan& record, Paper& paper,
                      bool* has_findings, const ErrorSink& errors) = 0;
};

// Decodes every record of `chunk` into `out`, the cut's errors and the
// decoder's merged in input order.
void DecodeChunk(RecordDecoder& decoder, const Chunk& chunk, DecodedChunk& out);

// Reads papers from one file. Cutting (NextChunk) is serial, except for
// what CutsRanges() allows; decoding runs on any thread, through a decoder of
// its own. Bad records are reported in the chunks and skipped.
class PaperReader {
 public:
  explicit PaperReader(const ReaderOptions& options, ErrorSink errors)
      : strict_(options.strict), errors_(std::move(errors)) {}
  virtual ~PaperReader() = default;

  // Cuts the next records, up to `limits`, fewer when input arrives slowly
  // (so what came can be written out now). False at the end of the file,
  // after a fatal error, or under --strict after the first bad record.
  bool NextChunk(Chunk& chunk, const ChunkLimits& limits);
  virtual std::unique_ptr<RecordDecoder> NewDecoder() const = 0;
  // Bytes consumed so far, for progress reports.
  virtual size_t BytesRead() const = 0;
  // True when the input is a pipe or terminal, which may pause: what was
  // read so far should then be written out at once.
  virtual bool MayPause() const { return false; }

  // A regular file of JSON Lines is cut in parallel, by byte ranges: each
  // holds the lines that start in it. ClaimRange only hands out the next
  // `bytes` of the file (serial, but almost free); CutRange, on any thread,
  // reads a range's lines into `chunk` (empty or recycled on entry) with the
  // errors it finds, numbered within the range. Other inputs are cut by
  // NextChunk alone.
  virtual bool CutsRanges() const { return false; }
  virtual ByteRange ClaimRange(size_t bytes) {
    (void)bytes;
    return {};
  }
  virtual void CutRange(const ByteRange& range, Chunk& chunk) const {
    (void)range;
    chunk.Clear();
    chunk.input_ended = true;
  }

  // The next paper, cut and decoded on this thread; errors go to the sink
  // given at open. For callers without a pipeline.
  bool Next(Paper& paper);

 protected:
  // Adds records to `chunk` (empty on entry) up to `limits`; sets `done_`
  // when nothing more can follow.
  virtual void Cut(Chunk& chunk, const ChunkLimits& limits) = 0;

  const bool strict_;  // stop at the first bad record
  bool done_ = false;

 private:
  ErrorSink errors_;
  std::unique_ptr<RecordDecoder> decoder_;  // Next()'s
  Chunk chunk_;
  DecodedChunk decoded_;
  size_t next_paper_ = 0;
  size_t next_error_ = 0;
};

// Opens `path` ("-" is standard input) and picks the reader from
// options.format, sniffing the first bytes for kAuto. Returns nullptr after
// reporting a fatal error (missing file, directory, unreadable).
std::unique_ptr<PaperReader> OpenPaperReader(const std::string& path, const ReaderOptions& options,
                                             const ErrorSink& errors);

}  // namespace citex
