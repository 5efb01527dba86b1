#include "cli/cli.h"

int main(int argc, char** argv) {
  citex::CliStreams streams;
  const citex::ParsedCli parsed = citex::ParseCli(argc, argv, streams);
  if (!parsed.options) return parsed.status;
  return citex::RunCli(*parsed.options, streams);
}
