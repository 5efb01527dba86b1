// Where the output goes: standard output, or -o FILE written to a temporary
// file beside it and renamed into place only when the run succeeds, so an
// interrupted run never leaves a truncated FILE.
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

  // Opens `stdout_fd` for "" or "-", else a temporary file for `path`.
  // Returns false with error() set.
  bool Open(const std::string& path, int stdout_fd);
  // Writes all of `bytes`. Returns false with error() set.
  bool Write(std::string_view bytes);
  // Renames the temporary file into place. Returns false with error() set.
  bool Commit();
  const std::string& error() const { return error_; }

 private:
  int fd_ = 1;
  std::string path_;
  std::string temp_path_;
  std::string error_;
};

}  // namespace citex
