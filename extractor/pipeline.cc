#include "extractor/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "extractor/extract.h"

namespace citex {
namespace {

// A batch closes at whichever comes first; both keep memory flat and the
// threads busy without holding output back for long.
constexpr size_t kBatchPapers = 1024;
constexpr size_t kBatchBytes = 8 << 20;

}  // namespace

Pipeline::Pipeline(const PipelineOptions& options, std::function<bool(const Paper&)> deliver,
                   ErrorSink errors)
    : options_(options), deliver_(std::move(deliver)) {
  errors_ = [this, errors = std::move(errors)](const InputError& error) {
    if (!error.warning) ++stats_.errors;
    errors(error);
  };
}

void Pipeline::ExtractBatch(std::vector<Paper>& batch, const std::vector<char>& has_findings) {
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < batch.size(); i = next++) {
      if (!has_findings[i]) Extract(batch[i]);
    }
  };
  const size_t helpers = std::min(options_.threads, batch.size()) - 1;
  std::vector<std::thread> threads;
  threads.reserve(helpers);
  for (size_t t = 0; t < helpers; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
}

void Pipeline::Keep(Paper& paper) const {
  if (options_.only.empty()) return;
  const auto unwanted = [this](const auto& item) { return !options_.only.count(ToString(item.kind)); };
  paper.links.erase(std::remove_if(paper.links.begin(), paper.links.end(), unwanted),
                    paper.links.end());
  paper.citations.erase(std::remove_if(paper.citations.begin(), paper.citations.end(), unwanted),
                        paper.citations.end());
}

bool Pipeline::Finish(std::vector<Paper>& batch) {
  for (Paper& paper : batch) {
    Keep(paper);
    keys_.Assign(paper);
    stats_.findings += paper.links.size() + paper.citations.size();
    if (!deliver_(paper)) return false;
  }
  batch.clear();
  return true;
}

bool Pipeline::RunFile(const std::string& path) {
  bool stop = false;
  const ErrorSink errors = [&](const InputError& error) {
    errors_(error);
    if (options_.strict && !error.warning) stop = true;
  };
  std::unique_ptr<PaperReader> reader = OpenPaperReader(path, options_.reader, errors);
  if (!reader) return !stop;
  std::vector<Paper> batch;
  std::vector<char> has_findings;
  size_t batch_bytes = 0;
  bool more = true;
  while (more && !stop) {
    batch.emplace_back();
    more = reader->Next(batch.back());
    if (!more || stop) {
      batch.pop_back();
    } else {
      batch.back().index = stats_.papers++;
      batch_bytes += batch.back().abstract.size();
      has_findings.push_back(reader->HasFindings());
    }
    if (!batch.empty() && (!more || stop || batch.size() >= kBatchPapers ||
                           batch_bytes >= kBatchBytes || reader->Starved())) {
      ExtractBatch(batch, has_findings);
      has_findings.clear();
      batch_bytes = 0;
      if (!Finish(batch)) return false;
      stats_.bytes = bytes_before_file_ + reader->BytesRead();
      if (on_batch_) on_batch_(stats_, reader->BytesRead());
    }
  }
  bytes_before_file_ += reader->BytesRead();
  stats_.bytes = bytes_before_file_;
  return !stop;
}

}  // namespace citex
