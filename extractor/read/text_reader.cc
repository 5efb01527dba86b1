// Text input. A file is a Daily Papers page when, past the page chrome, it
// holds at least one title line followed by a blank line and a longer
// paragraph; otherwise the whole file is one abstract without a title.
#include <re2/re2.h>

#include <string_view>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

// Single-line paragraphs of a copied Daily Papers page that are not papers.
constexpr std::string_view kPageChrome[] = {
    "new",          "Get trending papers in your email inbox!", "Subscribe",
    "Daily Papers", "byAK and the research community",          "Submit",
    "Search",
};

// The page's date line: a month, abbreviated or whole, and a day.
// Matches: "Aug 14", "August 14, 2025", "Sept. 3", "2025-08-14".
// Rejects: "August is a month", "14 models", "Octopus 2" (a title).
constexpr char kDateLinePattern[] =
    R"((?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|)"
    R"(Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2}(?:, \d{4})?)|)"
    R"((?:\d{4}-\d{2}-\d{2}))";

// Longest line taken for a title; anything longer is prose.
constexpr size_t kMaxTitleBytes = 400;

struct Paragraph {
  size_t start = 0;  // byte offset in the file
  size_t end = 0;    // end of its last line, without the line break
  size_t line = 0;   // 1-based line of its first line
  bool single_line = true;
};

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (!IsWhitespace(c)) return false;
  }
  return true;
}

bool IsChrome(std::string_view text) {
  static const RE2 date_line(kDateLinePattern);
  for (std::string_view chrome : kPageChrome) {
    if (text == chrome) return true;
  }
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), date_line);
}

std::vector<Paragraph> SplitParagraphs(std::string_view text) {
  std::vector<Paragraph> paragraphs;
  size_t line_start = 0;
  size_t line_number = 1;
  bool open = false;
  while (line_start < text.size()) {
    // Lines end in "\n", "\r\n" or a lone "\r" (old Mac files).
    size_t line_end = text.find_first_of("\r\n", line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    if (line_end + 1 < text.size() && text[line_end] == '\r' && text[line_end + 1] == '\n') {
      ++line_end;
    }
    if (IsBlank(line)) {
      open = false;
    } else if (open) {
      paragraphs.back().end = line_start + line.size();
      paragraphs.back().single_line = false;
    } else {
      paragraphs.push_back({line_start, line_start + line.size(), line_number, true});
      open = true;
    }
    line_start = line_end + 1;
    ++line_number;
  }
  return paragraphs;
}

class TextDecoder : public RecordDecoder {
 public:
  TextDecoder(std::string path, const ReaderOptions& options)
      : path_(std::move(path)), options_(options) {}

  bool Decode(const Chunk& chunk, const RecordSpan& record, Paper& paper, bool* has_findings,
              const ErrorSink&) override {
    const std::string_view bytes = std::string_view(chunk.bytes).substr(record.offset, record.size);
    ClearForReuse(paper);
    CollapseWhitespaceInto(bytes.substr(0, record.title_size), paper.title);
    paper.abstract.assign(bytes.substr(record.title_size));
    paper.source.path.assign(path_);
    paper.source.line = record.line;
    SetTexFields(TexFields{}, options_, paper);  // a page copied from a browser is plain text
    *has_findings = false;
    return true;
  }

 private:
  std::string path_;
  ReaderOptions options_;
};

// Removes the byte order marks that start lines: `cat a.txt b.txt` leaves
// b's in the middle, where it would end up in a title.
void DropLineStartBoms(std::string& text) {
  if (text.find(kUtf8Bom) == std::string::npos) return;
  size_t kept = 0;
  for (size_t i = 0; i < text.size();) {
    const bool line_start = kept == 0 || text[kept - 1] == '\n' || text[kept - 1] == '\r';
    if (line_start && HasBomAt(text, i)) {
      i += kUtf8Bom.size();
    } else {
      text[kept++] = text[i++];
    }
  }
  text.resize(kept);
}

// The whole file is read first (a page is judged as a whole), then handed
// out in chunks of papers.
class TextReader : public PaperReader {
 public:
  TextReader(std::unique_ptr<ByteSource> source, std::string path, const ReaderOptions& options,
             ErrorSink errors)
      : PaperReader(options, std::move(errors)),
        source_(std::move(source)),
        path_(std::move(path)),
        options_(options) {
    Load(options.max_record_bytes);
  }

  std::unique_ptr<RecordDecoder> NewDecoder() const override {
    return std::make_unique<TextDecoder>(path_, options_);
  }
  size_t BytesRead() const override { return source_->bytes_read(); }
  bool MayPause() const override { return !source_->regular_file(); }

 private:
  void Load(size_t max_bytes) {
    while (source_->size() <= max_bytes && source_->Fill()) {
    }
    if (!source_->error().empty()) {
      load_error_ = {path_, 0, source_->error(), true};
      return;
    }
    if (source_->size() > max_bytes) {
      load_error_ = {path_, 1, "text input is larger than --max-record-bytes", true};
      return;
    }
    text_.assign(source_->data(), source_->size());
    DropLineStartBoms(text_);
    for (const Paragraph& p : SplitParagraphs(text_)) {
      if (p.single_line && IsChrome(Slice(p))) continue;
      content_.push_back(p);
    }
    if (!IsPage(content_) && !content_.empty()) {
      // One abstract: everything from the first paragraph to the last.
      content_ = {{content_.front().start, content_.back().end, content_.front().line, false}};
    }
  }

  void Cut(Chunk& chunk, const ChunkLimits& limits) override {
    if (!load_error_.reason.empty()) {
      chunk.AddError(load_error_);
      done_ = true;
      return;
    }
    while (chunk.records.size() < limits.records && chunk.bytes.size() < limits.bytes) {
      if (next_ == content_.size()) {
        done_ = true;
        return;
      }
      const Paragraph& p = content_[next_];
      if (StartsPaper(content_, next_)) {
        chunk.Add(Slice(content_[next_ + 1]), p.line, Slice(p));
        next_ += 2;
      } else if (IsTitle(p)) {
        chunk.AddError({path_, p.line,
                        "title with no abstract: \"" + CollapseWhitespace(Slice(p)) + "\"", false});
        ++next_;
        if (strict_) {
          done_ = true;
          return;
        }
      } else {
        chunk.Add(Slice(p), p.line);  // an abstract without a title line
        ++next_;
      }
    }
  }

  std::string_view Slice(const Paragraph& p) const {
    return std::string_view(text_).substr(p.start, p.end - p.start);
  }

  bool IsTitle(const Paragraph& p) const {
    return p.single_line && p.end - p.start <= kMaxTitleBytes;
  }

  // A title line followed by a paragraph that is longer, or of several lines.
  bool StartsPaper(const std::vector<Paragraph>& content, size_t i) const {
    if (i + 1 >= content.size() || !IsTitle(content[i])) return false;
    const Paragraph& title = content[i];
    const Paragraph& body = content[i + 1];
    return !body.single_line || body.end - body.start > title.end - title.start;
  }

  bool IsPage(const std::vector<Paragraph>& content) const {
    for (size_t i = 0; i + 1 < content.size(); ++i) {
      if (StartsPaper(content, i)) return true;
    }
    return false;
  }

  std::unique_ptr<ByteSource> source_;
  std::string path_;
  ReaderOptions options_;
  InputError load_error_;
  std::string text_;
  std::vector<Paragraph> content_;  // the page's paragraphs, or the one abstract
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<PaperReader> MakeTextReader(std::unique_ptr<ByteSource> source,
                                            const std::string& path, const ReaderOptions& options,
                                            const ErrorSink& errors) {
  return std::make_unique<TextReader>(std::move(source), path, options, errors);
}

}  // namespace citex
