// Buffered reading of one file descriptor in large chunks, with the line
// splitting the readers share. Memory stays bounded by the largest record
// allowed plus one chunk, whatever the file size.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace citex {

// Where the line starting at start[0] ends, looking at the first `size`
// bytes, of which the first `from` are known to hold no line end: a "\n", a
// "\r\n" or a lone "\r" (old Mac files). Returns the line's length and sets
// *eol_bytes to the line break's; npos when no line end is in sight yet (a
// "\r" as the last byte is not known to be lone until more arrives).
size_t FindLineEnd(const char* start, size_t size, size_t from, size_t* eol_bytes);

class ByteSource {
 public:
  // Takes ownership of `fd` when `owns_fd`.
  ByteSource(int fd, bool owns_fd);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Unconsumed buffered bytes.
  const char* data() const { return buffer_ ? buffer_.get() + begin_ : ""; }
  size_t size() const { return end_ - begin_; }
  void Consume(size_t n) { begin_ += n; }
  // Reads more bytes after the buffered ones. Returns false at end of file
  // or on a read error (then error() is non-empty).
  bool Fill();

  enum class LineStatus { kLine, kTooLong, kEnd };
  // Splits off the next line (without its "\n", "\r\n" or lone "\r"); the last line of a
  // file needs no newline. A line longer than `max_bytes` is skipped whole
  // and reported as kTooLong. line_number() is the 1-based number of the
  // line returned.
  LineStatus NextLine(std::string_view& line, size_t max_bytes);
  size_t line_number() const { return line_number_; }
  // True when a whole line is buffered: NextLine() will not wait for input.
  bool HasLine() const {
    return std::memchr(data(), '\n', size()) != nullptr ||
           std::memchr(data(), '\r', size()) != nullptr;
  }

  // Reads up to `n` bytes at file offset `offset` into `out` without moving
  // through the buffer; any thread may call it. Returns the bytes read (fewer
  // only at the end of the file), or -1 with errno set.
  ssize_t ReadAt(char* out, size_t n, size_t offset) const;
  // The file offset of data()[0]: what was consumed so far.
  size_t consumed() const { return bytes_read_ - size(); }

  bool starved() const { return starved_; }
  // False for a pipe or terminal, whose writer may pause for a while.
  bool regular_file() const { return regular_file_; }
  size_t bytes_read() const { return bytes_read_; }
  const std::string& error() const { return error_; }

 private:
  int fd_;
  bool owns_fd_;
  bool regular_file_ = false;
  // Grown without zero-filling: a small file or a fuzz input should not pay
  // for clearing a chunk it never uses.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t file_size_ = 0;  // regular files: st_size when opened
  size_t begin_ = 0;
  size_t end_ = 0;
  size_t line_number_ = 0;
  size_t bytes_read_ = 0;
  bool eof_ = false;
  bool starved_ = false;
  std::string error_;
};

}  // namespace citex
