// The bundled samples' papers, read once, for the micro-benchmarks.
#pragma once

#include <string>
#include <vector>

#include "extractor/passes/pass.h"
#include "extractor/read/input.h"

namespace citex::bench {

inline const std::vector<Paper>& SamplePapers() {
  static const std::vector<Paper> papers = [] {
    std::vector<Paper> all;
    for (const char* name :
         {"daily-papers.txt", "arxiv-snapshot.jsonl", "hf-daily-2025-03-04.json"}) {
      auto reader = OpenPaperReader(std::string(CITEX_SOURCE_DIR) + "/samples/" + name, {},
                                    [](const InputError&) {});
      Paper paper;
      while (reader && reader->Next(paper)) all.push_back(paper);
    }
    return all;
  }();
  return papers;
}

inline const std::vector<Paper>& ExtractedSamplePapers() {
  static const std::vector<Paper> papers = [] {
    std::vector<Paper> all = SamplePapers();
    for (Paper& paper : all) Extract(paper);
    return all;
  }();
  return papers;
}

inline size_t AbstractBytes(const std::vector<Paper>& papers) {
  size_t bytes = 0;
  for (const Paper& paper : papers) bytes += paper.abstract.size();
  return bytes;
}

}  // namespace citex::bench
