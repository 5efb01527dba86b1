#include "cli/progress.h"

#include <sys/stat.h>

#include <cstdio>

namespace citex {

Progress::Progress(bool enabled, const std::vector<std::string>& files, std::FILE* err)
    : enabled_(enabled), err_(err) {
  start_ = last_ = std::chrono::steady_clock::now();
  for (const std::string& file : files) {
    struct stat info;
    if (file == "-" || stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      total_bytes_ = 0;
      return;
    }
    total_bytes_ += static_cast<size_t>(info.st_size);
  }
}

void Progress::Update(const RunStats& stats) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  latest_ = stats;
  behind_ = drawn_ && now - last_ < std::chrono::milliseconds(200);
  if (!behind_) Draw(stats, now);
}

void Progress::Draw(const RunStats& stats, std::chrono::steady_clock::time_point now) {
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = stats.bytes / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  std::fprintf(err_, "\r%zu records, %.1f MB, %.1f MB/s", stats.papers, mb, rate);
  if (total_bytes_ > 0 && rate > 0) {
    const double left = (total_bytes_ / 1e6 - mb) / rate;
    std::fprintf(err_, ", ETA %.0f s", left > 0 ? left : 0);
  }
  std::fputs("\x1b[K", err_);  // clear the rest of the line
}

void Progress::Finish() {
  if (enabled_ && behind_) Draw(latest_, std::chrono::steady_clock::now());
  if (enabled_ && drawn_) std::fputs("\n", err_);
}

}  // namespace citex
