// JSON Lines: one record a line, so a broken line costs only itself.
#include "extractor/json_record.h"
#include "extractor/readers.h"

namespace citex {
namespace {

class JsonLinesReader : public PaperReader {
 public:
  JsonLinesReader(std::unique_ptr<ByteSource> source, std::string path,
                  const ReaderOptions& options, ErrorSink errors)
      : source_(std::move(source)),
        path_(std::move(path)),
        max_record_bytes_(options.max_record_bytes),
        errors_(std::move(errors)),
        decoder_(options) {}

  bool Next(Paper& paper) override {
    std::string_view line;
    for (;;) {
      switch (source_->NextLine(line, max_record_bytes_)) {
        case ByteSource::LineStatus::kEnd:
          if (!source_->error().empty()) errors_({path_, 0, source_->error(), true});
          return false;
        case ByteSource::LineStatus::kTooLong:
          errors_({path_, source_->line_number(), "record is larger than --max-record-bytes",
                   false});
          continue;
        case ByteSource::LineStatus::kLine:
          break;
      }
      if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;
      if (decoder_.DecodeAt(line, path_, source_->line_number(), errors_, paper,
                            &has_findings_)) {
        return true;
      }
    }
  }
  bool HasFindings() const override { return has_findings_; }
  bool Starved() const override { return source_->starved(); }
  size_t BytesRead() const override { return source_->bytes_read(); }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string path_;
  size_t max_record_bytes_;
  ErrorSink errors_;
  JsonRecordDecoder decoder_;
  bool has_findings_ = false;
};

}  // namespace

std::unique_ptr<PaperReader> MakeJsonLinesReader(std::unique_ptr<ByteSource> source,
                                                 const std::string& path,
                                                 const ReaderOptions& options,
                                                 const ErrorSink& errors) {
  return std::make_unique<JsonLinesReader>(std::move(source), path, options, errors);
}

}  // namespace citex
