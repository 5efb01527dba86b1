// The format table: the one list of output formats.
#include "formats/writer.h"

namespace citex {

std::unique_ptr<Writer> MakeJsonWriter(const WriterOptions& options);       // formats/json.cc
std::unique_ptr<Writer> MakeJsonLinesWriter(const WriterOptions& options);  // formats/json.cc
std::unique_ptr<Writer> MakeCsvWriter(const WriterOptions& options);        // formats/csv.cc
std::unique_ptr<Writer> MakeBibtexWriter(const WriterOptions& options);     // formats/bibtex.cc
std::unique_ptr<Writer> MakeMarkdownWriter(const WriterOptions& options);   // formats/markdown.cc
std::unique_ptr<Writer> MakeHtmlWriter(const WriterOptions& options);       // formats/html.cc
std::unique_ptr<GroupWriter> MakeGroupedJsonWriter(const WriterOptions& options);       // json.cc
std::unique_ptr<GroupWriter> MakeGroupedJsonLinesWriter(const WriterOptions& options);  // json.cc
std::unique_ptr<GroupWriter> MakeGroupedCsvWriter(const WriterOptions& options);        // csv.cc
std::unique_ptr<GroupWriter> MakeGroupedMarkdownWriter(
    const WriterOptions& options);  // markdown.cc

const std::vector<FormatInfo>& Formats() {
  static const std::vector<FormatInfo> formats = {
      {"json", "json", "one JSON array of papers", MakeJsonWriter, MakeGroupedJsonWriter},
      {"jsonl", "jsonl", "one JSON object per paper per line (streams)", MakeJsonLinesWriter,
       MakeGroupedJsonLinesWriter},
      {"csv", "csv", "one row per link or citation", MakeCsvWriter, MakeGroupedCsvWriter},
      {"bibtex", "bib", "an entry per paper and a stub per cited work", MakeBibtexWriter, nullptr},
      {"markdown", "md", "a link list of released code and pages", MakeMarkdownWriter,
       MakeGroupedMarkdownWriter},
      {"html", "html", "a review page: abstracts with every finding marked (streams)",
       MakeHtmlWriter, nullptr},
  };
  return formats;
}

const FormatInfo* FindFormat(std::string_view name) {
  for (const FormatInfo& format : Formats()) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace citex
