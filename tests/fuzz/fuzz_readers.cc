// Every reader on arbitrary bytes (the first byte picks the reader and the
// record size limit): no crash, no hang, every paper's strings usable. A
// reader that cuts by byte ranges must find, in ranges of any size (the last
// byte picks it), what its line-by-line cut finds.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "extractor/read/input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const citex::InputFormat kFormats[] = {
      citex::InputFormat::kAuto, citex::InputFormat::kText, citex::InputFormat::kJsonl,
      citex::InputFormat::kJson, citex::InputFormat::kCitex};
  citex::ReaderOptions options;
  options.format = kFormats[data[0] % 5];
  options.max_record_bytes = (data[0] & 0x80) ? 64 : 1 << 20;
  const int fd = memfd_create("citex-fuzz", 0);
  if (fd < 0) return 0;
  if (write(fd, data + 1, size - 1) != static_cast<ssize_t>(size - 1)) {
    close(fd);
    return 0;
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  // What each way of cutting finds: every error's line and reason, every
  // paper's line and fields, in input order.
  const auto describe = [](std::string& out, const citex::Paper& p) {
    out += std::to_string(p.source.line) + " " + p.id + "|" + p.title + "|" + p.abstract + "\n";
  };
  const auto note = [](std::string& out) {
    return [&out](const citex::InputError& e) {
      out += std::to_string(e.line) + " " + e.reason + "\n";
    };
  };
  std::string serial;
  std::unique_ptr<citex::PaperReader> reader =
      citex::OpenPaperReader(path, options, note(serial));
  citex::Paper paper;
  while (reader && reader->Next(paper)) describe(serial, paper);
  if (reader && reader->CutsRanges()) {
    std::string ranged;
    reader = citex::OpenPaperReader(path, options, note(ranged));
    const std::unique_ptr<citex::RecordDecoder> decoder = reader->NewDecoder();
    const size_t range_bytes = 1 + data[size - 1] % 64;
    citex::Chunk chunk;
    citex::DecodedChunk decoded;
    size_t lines = 0;
    for (bool ended = false; !ended;) {
      reader->CutRange(reader->ClaimRange(range_bytes), chunk);
      ended = chunk.input_ended;
      citex::DecodeChunk(*decoder, chunk, decoded);
      decoded.ShiftLines(lines);
      lines += chunk.lines;
      size_t next_error = 0;
      for (size_t i = 0; i < decoded.papers.size(); ++i) {
        decoded.ReportBefore(i, &next_error, false, note(ranged));
        describe(ranged, decoded.papers[i]);
      }
      decoded.ReportBefore(decoded.papers.size(), &next_error, false, note(ranged));
    }
    if (ranged != serial) {
      std::fprintf(stderr, "line by line:\n%s\nin ranges of %zu bytes:\n%s", serial.c_str(),
                   range_bytes, ranged.c_str());
      std::abort();
    }
  }
  close(fd);
  return 0;
}
