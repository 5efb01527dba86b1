#include <fcntl.h>

#include "cli/cli.h"

namespace {

// A descriptor 0-2 closed by the caller would be the next one open() hands
// out, and messages meant for stderr would land in the -o file. Park
// /dev/null there first: stdin reads as empty, writes to a closed stdout
// fail (reported, not silently lost), writes to a closed stderr are dropped.
void ReserveStandardDescriptors() {
  static const int kModes[] = {O_RDONLY, O_RDONLY, O_WRONLY};
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) >= 0) continue;
    (void)open("/dev/null", kModes[fd]);  // the lowest free descriptor: fd
  }
}

}  // namespace

int main(int argc, char** argv) {
  ReserveStandardDescriptors();
  citex::CliStreams streams;
  const citex::ParsedCli parsed = citex::ParseCli(argc, argv, streams);
  if (!parsed.options) return parsed.status;
  return citex::RunCli(*parsed.options, streams);
}
