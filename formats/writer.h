// Output formats. A Writer turns papers into bytes appended to a caller's
// buffer; the caller decides when to flush. One writer per file in formats/.
// Writers are used from one thread, in input order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/model.h"

namespace citex {

enum class Format { kJson, kJsonl, kCsv, kBibtex, kMarkdown };

// "json", "jsonl", "csv", "bibtex", "markdown"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

class Writer {
 public:
  virtual ~Writer() = default;
  // Appends what comes before the first paper (a header, an opening bracket).
  virtual void Begin(std::string& out) { (void)out; }
  // Appends one paper. Papers arrive in input order.
  virtual void Write(const Paper& paper, std::string& out) = 0;
  // Appends what comes after the last paper.
  virtual void End(std::string& out) { (void)out; }
};

struct WriterOptions {
  // BibTeX: write non-ASCII as LaTeX accent macros for classic bibtex.
  bool bibtex_latex_accents = false;
};

std::unique_ptr<Writer> MakeJsonWriter();       // formats/json.cc
std::unique_ptr<Writer> MakeJsonLinesWriter();  // formats/json.cc
std::unique_ptr<Writer> MakeCsvWriter();        // formats/csv.cc
std::unique_ptr<Writer> MakeBibtexWriter(const WriterOptions& options);  // formats/bibtex.cc
std::unique_ptr<Writer> MakeMarkdownWriter();   // formats/markdown.cc

std::unique_ptr<Writer> MakeWriter(Format format, const WriterOptions& options = {});

}  // namespace citex
