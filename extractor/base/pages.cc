#include "extractor/base/pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace citex {

void* MapPages(size_t bytes) {
  if (bytes < kHugePageBytes) {
    void* pages = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    return pages == MAP_FAILED ? nullptr : pages;
  }
  // A huge page must be aligned: map one more and trim both ends.
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t length = (bytes + page - 1) / page * page;
  void* mapped = mmap(nullptr, length + kHugePageBytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return nullptr;
  char* const low = static_cast<char*>(mapped);
  const size_t skipped =
      (kHugePageBytes - reinterpret_cast<uintptr_t>(low) % kHugePageBytes) % kHugePageBytes;
  char* const start = low + skipped;
  if (skipped > 0) munmap(low, skipped);
  munmap(start + length, kHugePageBytes - skipped);
  madvise(start, bytes, MADV_HUGEPAGE);  // a hint: where refused, 4 KB pages
  return start;
}

void UnmapPages(void* pages, size_t bytes) { munmap(pages, bytes); }

}  // namespace citex
