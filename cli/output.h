// Where the output goes: standard output, or -o FILE. A regular FILE is
// written to an unpredictable temporary file beside it (mkstemp: O_EXCL, so
// nothing planted there is followed) with FILE's mode, and renamed over it
// only when the run succeeds, so an interrupted run never leaves a truncated
// FILE; SIGINT, SIGTERM and SIGHUP remove the temporary file. A symlink is
// followed to the file it names; a device or a pipe is written through.
#pragma once

#include <string>
#include <string_view>

namespace citex {

class Output {
 public:
  Output() = default;
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Opens `stdout_fd` for "" or "-", else `path` as above. Returns false
  // with error() set.
  bool Open(const std::string& path, int stdout_fd);
  // Writes all of `bytes`. Returns false with error() set, or with
  // broken_pipe() when the reader went away (not an error: the run ends).
  bool Write(std::string_view bytes);
  // Renames the temporary file into place. Returns false with error() set.
  bool Commit();
  const std::string& error() const { return error_; }
  bool broken_pipe() const { return broken_pipe_; }

 private:
  bool OpenTemporary(const std::string& target);

  int fd_ = 1;
  bool owns_fd_ = false;
  std::string path_;       // the real file, symlinks followed
  std::string temp_path_;  // non-empty while a temporary file exists
  std::string error_;
  bool broken_pipe_ = false;
};

}  // namespace citex
