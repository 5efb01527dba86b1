// The readers behind OpenPaperReader, one per file. Internal to the library.
#pragma once

#include <memory>
#include <string>

#include "extractor/read/byte_source.h"
#include "extractor/read/input.h"

namespace citex {

// Sets paper.tex to `detected`, or to what --tex says, and decodes the
// accent macros of a TeX title and names outside math ("Bal\'azs" ->
// "Balázs"): people want the letters, and keys read them (readers' helper,
// input.cc).
void SetTexFields(TexFields detected, const ReaderOptions& options, Paper& paper);

// A single abstract, or a page copied from the Hugging Face Daily Papers
// list (text_reader.cc).
std::unique_ptr<PaperReader> MakeTextReader(std::unique_ptr<ByteSource> source,
                                            const std::string& path, const ReaderOptions& options,
                                            const ErrorSink& errors);

// One JSON object a line (jsonl_reader.cc).
std::unique_ptr<PaperReader> MakeJsonLinesReader(std::unique_ptr<ByteSource> source,
                                                 const std::string& path,
                                                 const ReaderOptions& options,
                                                 const ErrorSink& errors);

// JSON documents: an array of objects, one object, several in a row, or
// citex's {"papers": [...]}; elements are split off as a stream
// (json_reader.cc).
std::unique_ptr<PaperReader> MakeJsonReader(std::unique_ptr<ByteSource> source,
                                            const std::string& path, const ReaderOptions& options,
                                            const ErrorSink& errors);

}  // namespace citex
