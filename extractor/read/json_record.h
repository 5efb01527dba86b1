// Turns one JSON object into a Paper: the arXiv snapshot, the Hugging Face
// papers API ({"paper": {...}} or plain), fields named on the command line,
// and citex's own records (which already carry links and citations).
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractor/model.h"
#include "extractor/read/byte_source.h"
#include "extractor/read/input.h"

namespace citex {

class JsonRecordDecoder : public RecordDecoder {
 public:
  JsonRecordDecoder(const ReaderOptions& options, std::string path);

  // Sets paper.source to the record's path:line; reports a skipped record or
  // a repaired one (invalid UTF-8 replaced with U+FFFD) to `errors`.
  bool Decode(const Chunk& chunk, const RecordSpan& record, Paper& paper, bool* has_findings,
              const ErrorSink& errors) override;

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
    kTex,
    kCount
  };
  struct Target {
    Slot slot;
    int rank;  // lower wins when several candidate fields are present
  };
  struct Found;

  // Fills `paper` from the object in json[0, size); `capacity` bytes are
  // readable there. Returns "" on success, else why the record was skipped.
  std::string Parse(const char* json, size_t size, size_t capacity, Paper& paper,
                    bool* has_findings, bool* repaired_utf8);
  void Walk(simdjson::ondemand::object object, std::string_view prefix, Found& found);
  TexFields DetectTex(const Found& found) const;

  std::string path_;
  bool citex_only_;
  bool default_text_field_;   // no --text-field: an arXiv or Hub abstract
  bool default_title_field_;  // no --title-field
  ReaderOptions options_;
  std::deque<std::string> names_;  // the paths below, where they stay put
  std::unordered_map<std::string_view, Target> fields_;  // dotted path -> slot
  std::unordered_set<std::string_view> prefixes_;        // dotted paths worth descending into
  simdjson::ondemand::parser parser_;
  std::string repaired_;  // a record with its invalid UTF-8 replaced
};

// What the JSON readers share: the file, the options, a decoder for each thread.
class JsonRecordReader : public PaperReader {
 public:
  JsonRecordReader(std::unique_ptr<ByteSource> source, std::string path,
                   const ReaderOptions& options, ErrorSink errors)
      : PaperReader(options, std::move(errors)),
        source_(std::move(source)),
        path_(std::move(path)),
        max_record_bytes_(options.max_record_bytes),
        options_(options) {}

  std::unique_ptr<RecordDecoder> NewDecoder() const override {
    return std::make_unique<JsonRecordDecoder>(options_, path_);
  }
  size_t BytesRead() const override { return source_->bytes_read(); }
  bool MayPause() const override { return !source_->regular_file(); }

 protected:
  std::unique_ptr<ByteSource> source_;
  std::string path_;
  size_t max_record_bytes_;

 private:
  ReaderOptions options_;
};

}  // namespace citex
