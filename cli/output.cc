#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace citex {

Output::~Output() {
  if (!temp_path_.empty()) {
    close(fd_);
    unlink(temp_path_.c_str());
  }
}

bool Output::Open(const std::string& path, int stdout_fd) {
  fd_ = stdout_fd;
  if (path.empty() || path == "-") return true;
  path_ = path;
  struct stat info;
  if (stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    // A device or a pipe cannot be replaced by rename: write to it directly.
    fd_ = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) {
      error_ = path + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }
  temp_path_ = path + ".citex-" + std::to_string(getpid()) + ".tmp";
  fd_ = open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    error_ = path + ": " + std::strerror(errno);
    temp_path_.clear();
    return false;
  }
  return true;
}

bool Output::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = (path_.empty() ? std::string("standard output") : path_) +
               ": write error: " + std::strerror(errno);
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool Output::Commit() {
  if (temp_path_.empty()) return true;
  const bool closed = close(fd_) == 0;
  if (!closed || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error_ = path_ + ": " + std::strerror(errno);
    unlink(temp_path_.c_str());
    temp_path_.clear();
    return false;
  }
  temp_path_.clear();
  return true;
}

}  // namespace citex
