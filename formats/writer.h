// Output formats. A Writer turns papers into bytes appended to a caller's
// buffer; the caller decides when to flush. One writer per file in formats/,
// each with one factory, listed in the format table (formats/format_table.cc).
// Writers are used from one thread, in input order.
//
// Adding a format: one writer file with its factory (and its grouped
// writer's, when the format can show one record per artefact), one row in
// the table, and its golden files (scripts/update-golden.sh writes them). The CLI, the
// golden tests, the writer fuzzer and the writer benchmark read the table.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/model.h"

namespace citex {

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

// Writes --group-by link records: one artefact at a time, in order of first
// sight, after the last paper of the run.
class GroupWriter {
 public:
  virtual ~GroupWriter() = default;
  virtual void Begin(std::string& out) { (void)out; }
  virtual void Write(const Artefact& artefact, std::string& out) = 0;
  virtual void End(std::string& out) { (void)out; }
};

struct WriterOptions {
  // BibTeX: write non-ASCII as LaTeX accent macros for classic bibtex.
  bool bibtex_latex_accents = false;
  // CSV: write cells starting with = + - @ as they are instead of defusing
  // them with a leading ' (--csv-raw-formulas).
  bool csv_raw_formulas = false;
};

struct FormatInfo {
  std::string_view name;         // the --format value
  std::string_view extension;    // of its golden files, without the dot
  std::string_view description;  // one line for --help
  std::unique_ptr<Writer> (*make)(const WriterOptions& options);
  // The --group-by link writer; nullptr when the format cannot group.
  std::unique_ptr<GroupWriter> (*make_grouped)(const WriterOptions& options);
};

// Every format, in the order --help lists them.
const std::vector<FormatInfo>& Formats();

// The format called `name`; nullptr when there is none.
const FormatInfo* FindFormat(std::string_view name);

}  // namespace citex
