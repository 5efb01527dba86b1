// The passes on arbitrary bytes: no crash, no hang, and every finding's
// text is exactly the abstract's bytes at its span.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extractor/passes/pass.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  citex::Paper paper;
  paper.abstract.assign(reinterpret_cast<const char*>(data), size);
  citex::Extract(paper);
  const auto check = [&](const auto& item) {
    if (item.span.start > item.span.end || item.span.end > paper.abstract.size() ||
        paper.abstract.compare(item.span.start, item.span.end - item.span.start, item.text) != 0) {
      std::abort();
    }
  };
  for (const citex::Link& link : paper.links) check(link);
  for (const citex::Citation& citation : paper.citations) check(citation);
  return 0;
}
