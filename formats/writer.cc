#include "formats/writer.h"

namespace citex {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "bibtex") return Format::kBibtex;
  if (name == "markdown") return Format::kMarkdown;
  return std::nullopt;
}

std::unique_ptr<Writer> MakeWriter(Format format, const WriterOptions& options) {
  switch (format) {
    case Format::kJson: return MakeJsonWriter();
    case Format::kJsonl: return MakeJsonLinesWriter();
    case Format::kCsv: return MakeCsvWriter();
    case Format::kBibtex: return MakeBibtexWriter(options);
    case Format::kMarkdown: return MakeMarkdownWriter();
  }
  return MakeJsonWriter();
}

}  // namespace citex
