// Every reader on arbitrary bytes (the first byte picks the reader and the
// record size limit): no crash, no hang, every paper's strings usable.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
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
  size_t errors = 0;
  auto reader = citex::OpenPaperReader(path, options, [&](const citex::InputError&) { ++errors; });
  citex::Paper paper;
  size_t papers = 0;
  while (reader && reader->Next(paper)) ++papers;
  close(fd);
  return 0;
}
