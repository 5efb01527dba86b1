#include "extractor/read/items.h"

#include "extractor/read/json_record.h"

namespace citex {
namespace {

// JSON items go to the JSON record decoder; a bare abstract is taken as is.
class ItemDecoder : public RecordDecoder {
 public:
  ItemDecoder(const ReaderOptions& options, const std::string& path, const std::vector<char>& json)
      : json_decoder_(options, path), path_(path), json_(json) {}

  bool Decode(const Chunk& chunk, const RecordSpan& record, Paper& paper, bool* has_findings,
              const ErrorSink& errors) override {
    if (json_[record.line - 1]) {
      return json_decoder_.Decode(chunk, record, paper, has_findings, errors);
    }
    ClearForReuse(paper);
    paper.abstract.assign(chunk.bytes, record.offset, record.size);
    paper.source.path.assign(path_);
    paper.source.line = record.line;
    *has_findings = false;
    return true;
  }

 private:
  JsonRecordDecoder json_decoder_;
  const std::string& path_;
  const std::vector<char>& json_;  // per item, by position
};

class ItemReader : public PaperReader {
 public:
  ItemReader(std::vector<Item> items, std::string path, const ReaderOptions& options,
             ErrorSink errors)
      : PaperReader(options, std::move(errors)),
        items_(std::move(items)),
        path_(std::move(path)),
        options_(options) {
    for (const Item& item : items_) json_.push_back(item.json);
  }

  std::unique_ptr<RecordDecoder> NewDecoder() const override {
    return std::make_unique<ItemDecoder>(options_, path_, json_);
  }
  size_t BytesRead() const override { return bytes_read_; }

 private:
  // The item's line is its 1-based position.
  void Cut(Chunk& chunk, const ChunkLimits& limits) override {
    while (next_ < items_.size() && chunk.records.size() < limits.records &&
           chunk.bytes.size() < limits.bytes) {
      const std::string_view text = items_[next_++].text;
      bytes_read_ += text.size();
      chunk.Add(text, next_);
    }
    done_ = next_ == items_.size();
  }

  std::vector<Item> items_;
  std::vector<char> json_;
  std::string path_;
  ReaderOptions options_;
  size_t next_ = 0;
  size_t bytes_read_ = 0;
};

}  // namespace

std::unique_ptr<PaperReader> MakeItemReader(std::vector<Item> items, std::string path,
                                            const ReaderOptions& options, ErrorSink errors) {
  return std::make_unique<ItemReader>(std::move(items), std::move(path), options,
                                      std::move(errors));
}

}  // namespace citex
