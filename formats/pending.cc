// Placeholders until the CSV, BibTeX and Markdown writers land (issue 5).
#include <stdexcept>

#include "formats/writer.h"

namespace citex {
namespace {
class Pending : public Writer {
 public:
  void Write(const Paper&, std::string&) override {
    throw std::runtime_error("this format is not implemented yet");
  }
};
}  // namespace
std::unique_ptr<Writer> MakeCsvWriter() { return std::make_unique<Pending>(); }
std::unique_ptr<Writer> MakeBibtexWriter(const WriterOptions&) { return std::make_unique<Pending>(); }
std::unique_ptr<Writer> MakeMarkdownWriter() { return std::make_unique<Pending>(); }
}  // namespace citex
