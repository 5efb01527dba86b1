// N independent citex runs at once on N threads of one process, each a whole
// `citex -j 1` (RunCli) with its own pipeline, key tables and output to
// /dev/null. Against one run, N of them show what threads of one process
// get from the cores when they share nothing: the ceiling for `-j N`
// without the turns and the shared key stage.
//
// usage: inprocess_pair N CITEX-ARGUMENTS...   (e.g. 2 -j 1 -f jsonl corpus.jsonl)
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  const int runs = argc > 2 ? std::atoi(argv[1]) : 0;
  if (runs < 1) {
    std::fprintf(stderr, "usage: %s N CITEX-ARGUMENTS...\n", argv[0]);
    return 2;
  }
  citex::CliStreams streams;
  argv[1] = argv[0];  // ParseCli reads argv[0] as the program name
  const citex::ParsedCli parsed = citex::ParseCli(argc - 1, argv + 1, streams);
  if (!parsed.options) return parsed.status;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  std::vector<int> statuses(runs);
  for (int i = 0; i < runs; ++i) {
    threads.emplace_back([&, i] {
      citex::CliStreams own;
      own.out = open("/dev/null", O_WRONLY);
      statuses[i] = citex::RunCli(*parsed.options, own);
      close(own.out);
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%d runs at once: %.3f s\n", runs, seconds);
  for (int status : statuses) {
    if (status > 1) return status;
  }
  return 0;
}
