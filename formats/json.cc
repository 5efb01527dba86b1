#include "formats/writer.h"
namespace citex {
namespace {
class JsonWriter : public Writer {
 public:
  void Write(const Paper&, std::string&) override {}
};
}  // namespace
std::unique_ptr<Writer> MakeJsonWriter() { return std::make_unique<JsonWriter>(); }
std::unique_ptr<Writer> MakeJsonLinesWriter() { return std::make_unique<JsonWriter>(); }
}  // namespace citex
