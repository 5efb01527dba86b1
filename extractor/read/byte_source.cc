#include "extractor/read/byte_source.h"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace citex {
namespace {
constexpr size_t kChunkBytes = 1 << 20;
}  // namespace

ByteSource::ByteSource(int fd, bool owns_fd) : fd_(fd), owns_fd_(owns_fd) {
  // A short read from a regular file only means its end is near; from a pipe
  // or terminal it means the writer is slow.
  struct stat info;
  regular_file_ = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
}

ByteSource::~ByteSource() {
  if (owns_fd_) close(fd_);
}

bool ByteSource::Fill() {
  if (eof_) return false;
  // Keep only the unconsumed bytes, at the front.
  if (begin_ > 0) {
    std::memmove(&buffer_[0], buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() < end_ + kChunkBytes) buffer_.resize(end_ + kChunkBytes);
  for (;;) {
    const ssize_t n = read(fd_, &buffer_[end_], kChunkBytes);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      bytes_read_ += static_cast<size_t>(n);
      // A pipe hands over at most its buffer (64 KiB) a read: short reads are
      // normal there. Starved means nothing more is waiting right now.
      if (!regular_file_ && static_cast<size_t>(n) < kChunkBytes) {
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
  size_t scanned = 0;  // bytes of the current line known to hold no newline
  bool too_long = false;
  for (;;) {
    const char* start = data();
    const void* newline = std::memchr(start + scanned, '\n', size() - scanned);
    if (newline != nullptr) {
      const size_t length = static_cast<const char*>(newline) - start;
      ++line_number_;
      Consume(length + 1);
      if (too_long || length > max_bytes) return LineStatus::kTooLong;
      line = std::string_view(start, length);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      return LineStatus::kLine;
    }
    scanned = size();
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
