// Reading papers from files: the byte source, format sniffing and the
// readers (text pages, JSON Lines, JSON arrays, citex's own output).
// A reader is used from one thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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
};

// Reads papers from one file. Bad records go to the ErrorSink and are
// skipped; Next() returns false at the end of the file or after a fatal error.
class PaperReader {
 public:
  virtual ~PaperReader() = default;
  // Fills `paper` (id, title, abstract, authors, year, doi, categories,
  // source; links and citations too for citex input).
  virtual bool Next(Paper& paper) = 0;
  // True for citex's own output: the findings are already there.
  virtual bool HasFindings() const { return false; }
  // True when the last read from the file returned less than asked: input is
  // arriving slowly, so buffered results should be written out now.
  virtual bool Starved() const = 0;
  // Bytes consumed so far, for progress reports.
  virtual size_t BytesRead() const = 0;
};

// Opens `path` ("-" is standard input) and picks the reader from
// options.format, sniffing the first bytes for kAuto. Returns nullptr after
// reporting a fatal error (missing file, directory, unreadable).
std::unique_ptr<PaperReader> OpenPaperReader(const std::string& path, const ReaderOptions& options,
                                             const ErrorSink& errors);

}  // namespace citex
