// JSON Lines: one record a line, so a broken line costs only itself.
#include "extractor/base/utf8.h"
#include "extractor/read/json_record.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

class JsonLinesReader : public JsonRecordReader {
 public:
  using JsonRecordReader::JsonRecordReader;

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
          chunk.AddError(
              {path_, source_->line_number(), "record is larger than --max-record-bytes", false});
          if (strict_) {
            done_ = true;
            return;
          }
          continue;
        case ByteSource::LineStatus::kLine:
          break;
      }
      while (HasBomAt(line, 0)) line.remove_prefix(kUtf8Bom.size());
      if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;
      chunk.Add(line, source_->line_number());
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
