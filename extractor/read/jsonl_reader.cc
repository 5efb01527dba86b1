// JSON Lines: one record a line, so a broken line costs only itself.
#include "extractor/read/json_record.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

class JsonLinesReader : public JsonRecordReader {
 public:
  using JsonRecordReader::JsonRecordReader;

  bool Next(Paper& paper) override {
    std::string_view line;
    for (;;) {
      switch (source_->NextLine(line, max_record_bytes_)) {
        case ByteSource::LineStatus::kEnd:
          if (!source_->error().empty()) errors_({path_, 0, source_->error(), true});
          return false;
        case ByteSource::LineStatus::kTooLong:
          errors_(
              {path_, source_->line_number(), "record is larger than --max-record-bytes", false});
          if (strict_) return false;
          continue;
        case ByteSource::LineStatus::kLine:
          break;
      }
      if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;
      if (DecodeRecord(line, source_->line_number(), paper)) return true;
      if (strict_) return false;
    }
  }
};

}  // namespace

std::unique_ptr<PaperReader> MakeJsonLinesReader(std::unique_ptr<ByteSource> source,
                                                 const std::string& path,
                                                 const ReaderOptions& options,
                                                 const ErrorSink& errors) {
  return std::make_unique<JsonLinesReader>(std::move(source), path, options, errors);
}

}  // namespace citex
