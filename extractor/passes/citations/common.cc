// What every citation finder uses: compiled patterns and records.
#include <string>
#include <string_view>

#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

RE2::Options MakeOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_max_mem(64 << 20);
  options.set_log_errors(true);
  return options;
}

}  // namespace

const RE2& Re(const std::string& pattern) {
  static const RE2::Options options = MakeOptions();
  return *new RE2(pattern, options);
}

Citation MakeRecord(std::string_view text, size_t start, size_t end, CitationKind kind) {
  Citation c;
  c.span = {start, end};
  c.text = std::string(text.substr(start, end - start));
  c.kind = kind;
  return c;
}

}  // namespace citex::citation_internal
