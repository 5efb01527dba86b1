// Papers held in memory rather than in a file: the Python module's items.
// An item is a bare abstract, or one JSON object read exactly as a line of
// JSON Lines is (the same decoder, so the same fields and the same errors).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/read/input.h"

namespace citex {

// The text stays the caller's: it must outlive the reader. The Python
// module's items are views into Python's own strings, so a batch of
// abstracts is copied once, into the chunk that reads it.
struct Item {
  std::string_view text;  // the abstract, or the JSON object
  bool json = false;      // `text` is a JSON object
};

// Reads `items` in order, the pipeline's way: cut into chunks, decoded on
// any thread. Each paper's source is {path, its 1-based position}; so is
// each error's, and a bad item is skipped (a --strict pipeline stops there).
// With options.format kCitex, JSON items are citex records whose findings
// are kept, as -i citex reads them.
std::unique_ptr<PaperReader> MakeItemReader(std::vector<Item> items, std::string path,
                                            const ReaderOptions& options, ErrorSink errors);

}  // namespace citex
