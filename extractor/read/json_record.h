// Turns one JSON object into a Paper: the arXiv snapshot, the Hugging Face
// papers API ({"paper": {...}} or plain), fields named on the command line,
// and citex's own records (which already carry links and citations).
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/model.h"
#include "extractor/read/byte_source.h"
#include "extractor/read/input.h"

namespace citex {

class JsonRecordDecoder {
 public:
  explicit JsonRecordDecoder(const ReaderOptions& options);

  // Fills `paper` from the object in `json` (source and index untouched).
  // Returns "" on success, else why the record was skipped. Sets
  // `*has_findings` when the record is citex output, and `*repaired_utf8`
  // when invalid UTF-8 had to be replaced with U+FFFD to read it.
  std::string Decode(std::string_view json, Paper& paper, bool* has_findings, bool* repaired_utf8);

  // Decode() for a record found at path:line: sets paper.source and reports
  // a skipped record or a repaired one to `errors`. Returns true when
  // `paper` is usable.
  bool DecodeAt(std::string_view json, const std::string& path, size_t line,
                const ErrorSink& errors, Paper& paper, bool* has_findings);

 private:
  enum class Slot {
    kId,
    kTitle,
    kText,
    kAuthors,
    kDoi,
    kCategories,
    kPublished,
    kYear,
    kIndex,
    kLinks,
    kCitations,
    kCount
  };
  struct Target {
    Slot slot;
    int rank;  // lower wins when several candidate fields are present
  };
  struct Found;

  void Walk(simdjson::ondemand::object object, const std::string& prefix, Found& found);

  bool citex_only_;
  std::unordered_map<std::string, Target> fields_;  // dotted path -> slot
  std::unordered_map<std::string, bool> prefixes_;  // dotted paths worth descending into
  simdjson::ondemand::parser parser_;
  std::string padded_;
};

// What the JSON readers share: the file, where errors go, the decoder.
class JsonRecordReader : public PaperReader {
 public:
  JsonRecordReader(std::unique_ptr<ByteSource> source, std::string path,
                   const ReaderOptions& options, ErrorSink errors)
      : source_(std::move(source)),
        path_(std::move(path)),
        max_record_bytes_(options.max_record_bytes),
        strict_(options.strict),
        errors_(std::move(errors)),
        decoder_(options) {}

  bool HasFindings() const override { return has_findings_; }
  bool Starved() const override { return source_->starved(); }
  size_t BytesRead() const override { return source_->bytes_read(); }

 protected:
  // Decodes the record that starts at `line`; true when `paper` is usable.
  bool DecodeRecord(std::string_view json, size_t line, Paper& paper) {
    return decoder_.DecodeAt(json, path_, line, errors_, paper, &has_findings_);
  }

  std::unique_ptr<ByteSource> source_;
  std::string path_;
  size_t max_record_bytes_;
  bool strict_;  // stop at the first bad record
  ErrorSink errors_;

 private:
  JsonRecordDecoder decoder_;
  bool has_findings_ = false;
};

}  // namespace citex
