#include "extractor/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>

namespace citex {
namespace {

// A chunk closes at whichever comes first. Small enough that memory stays
// flat with a few per thread, and that a batch's papers are still in cache
// when they are written (about 110 KB of arXiv records); large enough that
// locking is rare.
constexpr ChunkLimits kChunkLimits = {64, 1 << 18};

struct Batch {
  Chunk chunk;
  DecodedChunk decoded;
  size_t sequence = 0;
};

// A regular JSON Lines file is cut in ranges of this many bytes, each read
// by the thread that claims it (about 75 arXiv records).
constexpr size_t kRangeBytes = 1 << 17;

// A recycled chunk keeps its buffer unless one huge record grew it.
constexpr size_t kKeptChunkBytes = 4 * kChunkLimits.bytes;

}  // namespace

// Threads started once for the whole run and given each input in turn, and
// what each keeps from one input to the next. A thread compiles its own
// patterns on first use (extractor/base/per_thread.h), and a new batch grows
// its buffers page by page: threads and batches made anew for every input
// paid both again at every file (bench/run.py's many-files figure; README).
class Pipeline::Workers {
 public:
  // Starts up to `count` threads; `refused` gets why one could not start.
  Workers(size_t count, std::string* refused) : spare_(count + 1) {
    for (size_t index = 1; index <= count; ++index) {
      try {
        threads_.emplace_back([this, index] { Serve(index); });
      } catch (const std::system_error& e) {
        *refused = e.what();  // out of threads or stack memory: go on with those started
        break;
      }
    }
  }
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    job_posted_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  size_t size() const { return threads_.size(); }

  // The batches thread `index` (0 the caller) has written, for it alone to
  // decode into again: the thread that decoded a batch frees its papers when
  // it decodes the next into it, as a free on another thread costs glibc's
  // arena locks, and a kept buffer needs no growing.
  std::vector<std::unique_ptr<Batch>>& Spare(size_t index) { return spare_[index]; }

  // Runs job(1) .. job(size()) on the threads and job(0) on the caller, and
  // returns when every call has. The threads' calls work on the caller's
  // frame and may wait for its turn: a throw out of job(0) cannot unwind
  // past them, so it ends the process, as an escaping throw on any thread does.
  void Run(const std::function<void(size_t)>& job) {
    if (threads_.empty()) return job(0);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = &job;
      running_ = threads_.size();
      ++generation_;
    }
    job_posted_.notify_all();
    try {
      job(0);
    } catch (...) {
      std::terminate();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    job_done_.wait(lock, [this] { return running_ == 0; });
  }

 private:
  void Serve(size_t index) {
    size_t served = 0;  // the generation of the last job run here
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      job_posted_.wait(lock, [&] { return stopping_ || generation_ != served; });
      if (stopping_) return;
      served = generation_;
      const std::function<void(size_t)>& job = *job_;
      lock.unlock();
      job(index);
      lock.lock();
      if (--running_ == 0) job_done_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable job_posted_;
  std::condition_variable job_done_;
  const std::function<void(size_t)>* job_ = nullptr;
  size_t generation_ = 0;  // jobs posted
  size_t running_ = 0;     // threads still in the current job
  bool stopping_ = false;
  std::vector<std::vector<std::unique_ptr<Batch>>> spare_;
  std::vector<std::thread> threads_;
};

// Every thread runs the same loop: cut the next chunk (in turn), decode it,
// run the passes and prepare the stages (in parallel with the others), and
// write its own batches when their turn comes, between decoding others. A
// batch is written where it was decoded: its papers are still in that
// core's cache, where writing another thread's batch made the in-order work
// (keys, JSON) pull every paper across, a fifth more CPU time at -j2.
class Pipeline::FileRun {
 public:
  FileRun(Pipeline& pipeline, PaperReader& reader, Workers& workers)
      : pipeline_(pipeline), reader_(reader), workers_(workers) {}

  // False when the run must stop: output failed, or an error under --strict.
  bool Run() {
    workers_.Run([this](size_t thread) { Work(thread); });
    return !stop_;
  }

 private:
  // Decoded batches a thread may hold before it waits for their turn: a
  // thread goes on decoding while a slower batch of another is next in line,
  // and memory stays bounded. Four were 5% faster at -j 2 but raised the
  // 200 MB peak (bench/format_scale.py) from 16.3 to 17.9 MB.
  static constexpr size_t kHeld = 2;

  void Work(size_t thread) {
    const std::unique_ptr<RecordDecoder> decoder = reader_.NewDecoder();
    std::deque<std::unique_ptr<Batch>> held;  // decoded, in input order
    bool input_done = false;
    // Cutting from a pipe or terminal may wait for input: nothing decoded
    // may wait with it, or a slow input would not stream.
    const bool cut_may_wait = reader_.MayPause();
    for (;;) {
      WriteHeld(thread, held, /*wait=*/!held.empty() &&
                          (held.size() >= kHeld || input_done || cut_may_wait));
      if (input_done && held.empty()) return;
      if (input_done || held.size() >= kHeld) continue;
      std::unique_ptr<Batch> batch = Reuse(thread);
      if (!Cut(*batch)) {
        workers_.Spare(thread).push_back(std::move(batch));  // for the next input
        input_done = true;
        continue;
      }
      DecodeChunk(*decoder, batch->chunk, batch->decoded);
      for (size_t i = 0; i < batch->decoded.papers.size(); ++i) {
        Paper& paper = batch->decoded.papers[i];
        if (!batch->decoded.has_findings[i]) RunPasses(pipeline_.passes_, paper);
        for (const auto& stage : pipeline_.stages_) stage->Prepare(paper);
      }
      held.push_back(std::move(batch));
    }
  }

  // Writes the held batches whose turn has come; with `wait`, first waits
  // until the oldest one's turn comes.
  void WriteHeld(size_t thread, std::deque<std::unique_ptr<Batch>>& held, bool wait) {
    std::unique_lock<std::mutex> lock(write_mutex_);
    if (wait) {
      written_.wait(lock, [&] { return held.front()->sequence == next_to_write_; });
    }
    while (!held.empty() && held.front()->sequence == next_to_write_) {
      std::unique_ptr<Batch> batch = std::move(held.front());
      held.pop_front();
      lock.unlock();
      Write(*batch);
      workers_.Spare(thread).push_back(std::move(batch));
      lock.lock();
      ++next_to_write_;
      written_.notify_all();
    }
  }

  // One of the thread's written batches, else a new one.
  std::unique_ptr<Batch> Reuse(size_t thread) {
    std::vector<std::unique_ptr<Batch>>& spare = workers_.Spare(thread);
    if (spare.empty()) return std::make_unique<Batch>();
    std::unique_ptr<Batch> batch = std::move(spare.back());
    spare.pop_back();
    if (batch->chunk.bytes.capacity() > kKeptChunkBytes) {
      std::string().swap(batch->chunk.bytes);
    }
    return batch;
  }

  // The next chunk and its place in the output. A range is claimed in turn
  // and read outside the lock, in parallel with the other threads' reads;
  // it takes its place even when no line starts in it.
  bool Cut(Batch& batch) {
    const bool by_ranges = reader_.CutsRanges();
    ByteRange range;
    {
      std::lock_guard<std::mutex> lock(read_mutex_);
      if (exhausted_ || stop_) return false;
      if (by_ranges) {
        range = reader_.ClaimRange(kRangeBytes);
      } else if (!reader_.NextChunk(batch.chunk, kChunkLimits)) {
        exhausted_ = true;
        return false;
      }
      batch.sequence = next_sequence_++;
      if (!by_ranges) {
        bytes_read_ = reader_.BytesRead();
        return true;
      }
    }
    reader_.CutRange(range, batch.chunk);
    if (batch.chunk.input_ended) exhausted_ = true;
    bytes_read_ = reader_.BytesRead();
    return true;
  }

  // Serial, in input order: the errors and papers of one batch.
  void Write(Batch& batch) {
    Pipeline& p = pipeline_;
    DecodedChunk& decoded = batch.decoded;
    if (batch.chunk.lines_from_range) {
      decoded.ShiftLines(lines_before_);
      lines_before_ += batch.chunk.lines;
    }
    size_t next_error = 0;
    for (size_t i = 0; i <= decoded.papers.size() && !stop_; ++i) {
      if (!decoded.ReportBefore(i, &next_error, p.options_.strict, p.errors_)) stop_ = true;
      if (stop_ || i == decoded.papers.size()) break;
      Paper& paper = decoded.papers[i];
      paper.index = p.stats_.papers++;
      for (const auto& stage : p.stages_) stage->Apply(paper);
      for (const std::string& warning : paper.warnings) {
        p.errors_({paper.source.path, paper.source.line, warning, false, true});
      }
      p.stats_.findings += paper.links.size() + paper.citations.size();
      if (!p.deliver_(paper)) output_failed_ = stop_ = true;
    }
    p.stats_.bytes = p.bytes_before_file_ + bytes_read_;
    p.stats_.input_may_pause = reader_.MayPause();
    if (p.on_batch_ && !output_failed_) p.on_batch_(p.stats_);
  }

  Pipeline& pipeline_;
  PaperReader& reader_;
  Workers& workers_;
  std::atomic<bool> stop_{false};

  std::mutex read_mutex_;  // the reader, and:
  std::atomic<bool> exhausted_{false};
  size_t next_sequence_ = 0;
  std::atomic<size_t> bytes_read_{0};

  std::mutex write_mutex_;  // the turn, and:
  std::condition_variable written_;
  size_t next_to_write_ = 0;
  // Only the writing thread touches these:
  bool output_failed_ = false;
  size_t lines_before_ = 0;  // in the ranges written so far
};

Pipeline::Pipeline(const PipelineOptions& options, Passes passes, Stages stages,
                   std::function<bool(Paper&)> deliver, ErrorSink errors)
    : options_(options),
      passes_(std::move(passes)),
      stages_(std::move(stages)),
      deliver_(std::move(deliver)) {
  errors_ = [this, errors = std::move(errors)](const InputError& error) {
    if (!error.warning) ++stats_.errors;
    errors(error);
  };
}

Pipeline::~Pipeline() = default;

Pipeline::Workers& Pipeline::StartedWorkers() {
  if (!workers_) {
    const size_t wanted = std::max<size_t>(options_.threads, 1) - 1;
    std::string refused;  // why a thread could not start
    workers_ = std::make_unique<Workers>(wanted, &refused);
    if (!refused.empty()) {
      errors_({"citex", 0,
               "could not start a thread (" + refused + "), ran with " +
                   std::to_string(workers_->size() + 1),
               false, true});
    }
  }
  return *workers_;
}

bool Pipeline::RunFile(const std::string& path) {
  return Run(
      [&](const ErrorSink& errors) { return OpenPaperReader(path, options_.reader, errors); });
}

bool Pipeline::Run(const OpenReader& open) {
  bool stop = false;
  const ErrorSink open_errors = [&](const InputError& error) {
    errors_(error);
    if (options_.strict && !error.warning) stop = true;
  };
  std::unique_ptr<PaperReader> reader = open(open_errors);
  if (!reader) return !stop;
  const bool go_on = FileRun(*this, *reader, StartedWorkers()).Run();
  bytes_before_file_ += reader->BytesRead();
  stats_.bytes = bytes_before_file_;
  return go_on;
}

void Pipeline::Finish() {
  for (const auto& stage : stages_) stage->Finish();
}

}  // namespace citex
