#include "extractor/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace citex {
namespace {

// A batch closes at whichever comes first. Small enough that every thread
// holds one with memory flat; large enough that locking is rare.
constexpr size_t kBatchPapers = 256;
constexpr size_t kBatchBytes = 1 << 20;

struct Batch {
  std::vector<Paper> papers;
  std::vector<char> has_findings;  // citex input: already extracted
  size_t sequence = 0;
};

}  // namespace

Pipeline::Pipeline(const PipelineOptions& options, Passes passes, Stages stages,
                   std::function<bool(const Paper&)> deliver, ErrorSink errors)
    : options_(options),
      passes_(std::move(passes)),
      stages_(std::move(stages)),
      deliver_(std::move(deliver)) {
  errors_ = [this, errors = std::move(errors)](const InputError& error) {
    if (!error.warning) ++stats_.errors;
    errors(error);
  };
}

// Every thread runs the whole loop: take the next batch from the reader
// (in turn), extract it (in parallel with the others), hand it to the
// writer (in input order). Only reading and writing are serialized.
bool Pipeline::RunFile(const std::string& path) {
  std::atomic<bool> stop{false};
  const ErrorSink errors = [&](const InputError& error) {
    errors_(error);
    if (options_.strict && !error.warning) stop = true;
  };
  std::unique_ptr<PaperReader> reader = OpenPaperReader(path, options_.reader, errors);
  if (!reader) return !stop;

  std::mutex read_mutex;
  bool exhausted = false;
  // What the reader has done so far, for the writer's progress reports.
  std::atomic<size_t> read_papers{0}, read_errors{0}, read_bytes{0};
  size_t next_sequence = 0;
  std::mutex write_mutex;
  std::condition_variable turn;
  size_t next_to_write = 0;
  bool output_failed = false;

  const auto read_batch = [&](Batch& batch) {
    std::lock_guard<std::mutex> lock(read_mutex);
    batch.papers.clear();
    batch.has_findings.clear();
    if (exhausted) return false;
    size_t bytes = 0;
    while (batch.papers.size() < kBatchPapers && bytes < kBatchBytes) {
      batch.papers.emplace_back();
      if (stop || !reader->Next(batch.papers.back()) || stop) {
        batch.papers.pop_back();
        exhausted = true;
        break;
      }
      batch.papers.back().index = stats_.papers++;
      bytes += batch.papers.back().abstract.size();
      batch.has_findings.push_back(reader->HasFindings());
      if (reader->Starved()) break;  // slow input: let what we have out now
    }
    batch.sequence = next_sequence++;
    stats_.bytes = bytes_before_file_ + reader->BytesRead();
    read_papers = stats_.papers;
    read_errors = stats_.errors;
    read_bytes = stats_.bytes;
    return true;
  };

  const auto write_batch = [&](Batch& batch) {
    std::unique_lock<std::mutex> lock(write_mutex);
    turn.wait(lock, [&] { return next_to_write == batch.sequence; });
    for (Paper& paper : batch.papers) {
      if (output_failed) break;
      for (const auto& stage : stages_) stage->Apply(paper);
      stats_.findings += paper.links.size() + paper.citations.size();
      output_failed = !deliver_(paper);
    }
    // Never the read lock here: a reader may hold it while it waits for input.
    RunStats snapshot;
    snapshot.papers = read_papers;
    snapshot.errors = read_errors;
    snapshot.bytes = read_bytes;
    snapshot.findings = stats_.findings;
    if (on_batch_ && !output_failed) on_batch_(snapshot);
    if (output_failed) stop = true;
    ++next_to_write;
    turn.notify_all();
  };

  const auto work = [&] {
    Batch batch;
    while (read_batch(batch)) {
      for (size_t i = 0; i < batch.papers.size(); ++i) {
        if (!batch.has_findings[i]) RunPasses(passes_, batch.papers[i]);
      }
      write_batch(batch);
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < std::max<size_t>(options_.threads, 1); ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  bytes_before_file_ += reader->BytesRead();
  stats_.bytes = bytes_before_file_;
  return !stop && !output_failed;
}

}  // namespace citex
