// One updating progress line on stderr: records, MB, MB/s and, when the
// inputs' total size is known, an ETA, on `err`. Silent unless enabled.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "extractor/pipeline.h"

namespace citex {

class Progress {
 public:
  Progress(bool enabled, const std::vector<std::string>& files, std::FILE* err);
  void Update(const RunStats& stats);
  // Draws the totals if the last update was skipped, and ends the line.
  void Finish();

 private:
  void Draw(const RunStats& stats, std::chrono::steady_clock::time_point now);

  bool enabled_;
  std::FILE* err_;
  size_t total_bytes_ = 0;  // 0 when unknown (standard input, pipes)
  bool drawn_ = false;
  bool behind_ = false;  // the line shows less than `latest_`
  RunStats latest_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace citex
