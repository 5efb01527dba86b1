// The run loop: cut the input into bounded chunks of whole records; N
// threads each decode a chunk and run the passes on it; the stages and the
// writer see each paper in input order. Memory is bounded by a few chunks a
// thread, whatever the input size; output is byte-identical for every
// thread count. `deliver`, the error sink and the batch callback are called
// from worker threads, one call at a time, in input order.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extractor/passes/pass.h"
#include "extractor/read/input.h"
#include "extractor/stages/stage.h"

namespace citex {

struct PipelineOptions {
  ReaderOptions reader;
  size_t threads = 1;
  bool strict = false;  // stop at the first bad record
};

struct RunStats {
  size_t papers = 0;
  size_t findings = 0;  // links and citations written
  size_t errors = 0;    // bad records and unreadable files
  size_t bytes = 0;     // input bytes read
  // The input being read is a pipe or terminal, which may pause: a batch's
  // output should go out with it rather than wait in a buffer.
  bool input_may_pause = false;
};

class Pipeline {
 public:
  // `deliver` gets each finished paper, in input order, and may move from
  // it: nothing reads the paper after. The paper stays where it is until the
  // batch callback that follows it returns, so `deliver` may keep a pointer
  // for it. `deliver` returns false to stop the run (the output failed); the
  // batch callback is then not called.
  // `errors` gets bad records as they are found.
  // `passes` run on every paper that is not already extracted (-i citex);
  // `stages` run on every paper, in order, before `deliver`.
  Pipeline(const PipelineOptions& options, Passes passes, Stages stages,
           std::function<bool(Paper&)> deliver, ErrorSink errors);
  ~Pipeline();

  // Reads one input ("-" is standard input). Returns false when the run must
  // stop: output failed, or an error under --strict.
  bool RunFile(const std::string& path);

  // Reads the papers of the reader `open` makes from the error sink it is
  // given (papers held in memory, for the Python module). Returns as RunFile.
  using OpenReader = std::function<std::unique_ptr<PaperReader>(const ErrorSink& errors)>;
  bool Run(const OpenReader& open);
  // Ends the run: every stage's Finish, in order. Call once, after the last RunFile.
  void Finish();

  // Called after each batch with the stats so far (for progress).
  void OnBatch(std::function<void(const RunStats&)> callback) { on_batch_ = std::move(callback); }

  const RunStats& stats() const { return stats_; }

 private:
  class FileRun;  // one input's run on every thread (pipeline.cc)
  class Workers;  // the threads besides the caller's, kept for every input

  // The threads to run inputs on, started at the first input.
  Workers& StartedWorkers();

  PipelineOptions options_;
  Passes passes_;
  Stages stages_;
  std::function<bool(Paper&)> deliver_;
  ErrorSink errors_;
  std::function<void(const RunStats&)> on_batch_;
  RunStats stats_;
  size_t bytes_before_file_ = 0;
  std::unique_ptr<Workers> workers_;
};

}  // namespace citex
