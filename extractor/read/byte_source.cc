#include "extractor/read/byte_source.h"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace citex {
namespace {
constexpr size_t kChunkBytes = 1 << 20;
}  // namespace

size_t FindLineEnd(const char* start, size_t size, size_t from, size_t* eol_bytes) {
  const void* newline = std::memchr(start + from, '\n', size - from);
  const size_t lf = newline ? static_cast<const char*>(newline) - start : size;
  const void* cr = std::memchr(start + from, '\r', lf - from);
  if (cr != nullptr) {
    const size_t at = static_cast<const char*>(cr) - start;
    if (at + 1 < size) {
      *eol_bytes = start[at + 1] == '\n' ? 2 : 1;
      return at;
    }
    return std::string_view::npos;
  }
  if (newline == nullptr) return std::string_view::npos;
  *eol_bytes = 1;
  return lf;
}

ByteSource::ByteSource(int fd, bool owns_fd) : fd_(fd), owns_fd_(owns_fd) {
  // A short read from a regular file only means its end is near; from a pipe
  // or terminal it means the writer is slow.
  struct stat info;
  regular_file_ = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (regular_file_) file_size_ = static_cast<size_t>(info.st_size);
}

ByteSource::~ByteSource() {
  if (owns_fd_) close(fd_);
}

ssize_t ByteSource::ReadAt(char* out, size_t n, size_t offset) const {
  size_t got = 0;
  while (got < n) {
    const ssize_t r = pread(fd_, out + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

bool ByteSource::Fill() {
  if (eof_) return false;
  // Keep only the unconsumed bytes, at the front.
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // A regular file asks for what is left of it (and one byte more, to see
  // its end) up to a chunk; anything else for a whole chunk.
  size_t chunk = kChunkBytes;
  if (regular_file_ && file_size_ >= bytes_read_) {
    chunk = std::min(chunk, std::max<size_t>(file_size_ - bytes_read_ + 1, 4096));
  }
  if (capacity_ < end_ + chunk) {
    // Doubling keeps a record that spans many chunks from being copied once per chunk.
    const size_t capacity = std::max(end_ + chunk, 2 * capacity_);
    std::unique_ptr<char[]> grown(new char[capacity]);
    if (end_ > 0) std::memcpy(grown.get(), buffer_.get(), end_);
    buffer_ = std::move(grown);
    capacity_ = capacity;
  }
  for (;;) {
    const ssize_t n = read(fd_, buffer_.get() + end_, chunk);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      bytes_read_ += static_cast<size_t>(n);
      // A pipe hands over at most its buffer (64 KiB) a read: short reads are
      // normal there. Starved means nothing more is waiting right now.
      if (!regular_file_ && static_cast<size_t>(n) < chunk) {
        struct pollfd waiting = {fd_, POLLIN, 0};
        starved_ = poll(&waiting, 1, 0) == 0;
      } else {
        starved_ = false;
      }
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    eof_ = true;
    return false;
  }
}

ByteSource::LineStatus ByteSource::NextLine(std::string_view& line, size_t max_bytes) {
  size_t scanned = 0;  // bytes of the current line known to hold no line end
  bool too_long = false;
  for (;;) {
    const char* start = data();
    size_t eol_bytes = 0;
    const size_t length = FindLineEnd(start, size(), scanned, &eol_bytes);
    if (length != std::string_view::npos) {
      ++line_number_;
      Consume(length + eol_bytes);
      if (too_long || length > max_bytes) return LineStatus::kTooLong;
      line = std::string_view(start, length);
      return LineStatus::kLine;
    }
    // A "\r" last may be the first half of a "\r\n": look at it again.
    scanned = size() > 0 && data()[size() - 1] == '\r' ? size() - 1 : size();
    if (scanned > max_bytes) {
      // Drop what is buffered of an oversized line; keep looking for its end.
      too_long = true;
      Consume(scanned);
      scanned = 0;
    }
    if (!Fill()) {
      if (size() == 0 && !too_long) return LineStatus::kEnd;
      ++line_number_;
      if (too_long) {
        Consume(size());
        return LineStatus::kTooLong;
      }
      line = std::string_view(data(), size());
      Consume(size());
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      return LineStatus::kLine;
    }
  }
}

}  // namespace citex
