// Every writer on papers made from arbitrary bytes (title line, then the
// abstract), after the passes and the key stage: no crash, valid UTF-8, the
// JSON Lines output parses and the HTML page keeps the input inert.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "extractor/base/utf8.h"
#include "extractor/passes/pass.h"
#include "extractor/stages/stage.h"
#include "formats/writer.h"
#include "tests/strings.h"

namespace {

using citex::testing::Count;

// The page of one paper: one script (the page's own), one article, and no
// href the input chose the scheme of.
bool IsInertHtml(const std::string& page) {
  return Count(page, "<script") == 1 && Count(page, "<article") == 1 &&
         Count(page, "</article>") == 1 && Count(page, "href=\"javascript") == 0 &&
         Count(page, "href=\"data") == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  citex::Paper paper;
  const size_t newline = input.find('\n');
  paper.title = input.substr(0, newline);
  paper.abstract = newline == std::string::npos ? input : input.substr(newline + 1);
  paper.authors = {paper.title};
  paper.id = paper.title.substr(0, 12);
  citex::Extract(paper);
  citex::MakeKeyStage()->Apply(paper);
  for (const citex::FormatInfo& format : citex::Formats()) {
    std::string out;
    citex::WriterOptions options;
    options.bibtex_latex_accents = size % 2 == 1;
    auto writer = format.make(options);
    writer->Begin(out);
    writer->Write(paper, out);
    writer->End(out);
    if (!citex::IsValidUtf8(out)) std::abort();
    if (format.name == "html" && !IsInertHtml(out)) std::abort();
    if (format.name == "jsonl") {
      // Throws, and so fails the fuzzer, on anything but one valid record.
      const nlohmann::json record = nlohmann::json::parse(out);
      if (record["links"].size() != paper.links.size()) std::abort();
    }
  }
  return 0;
}
