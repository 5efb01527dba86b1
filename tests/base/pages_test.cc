// Pages from the system: zeroed and writable, and from 2 MiB up aligned to
// a huge page, with the extra mapped for the alignment given back.
#include "extractor/base/pages.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace citex {
namespace {

// Whether any mapping of this process holds `at` (/proc/self/maps).
bool Mapped(uintptr_t at) {
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    unsigned long start = 0, end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx", &start, &end) == 2 && start <= at && at < end) {
      return true;
    }
  }
  return false;
}

TEST(MapPages, GivesZeroedWritablePagesAlignedFromAHugePageUp) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  for (const size_t bytes : {size_t{1}, page, size_t{100000}, kHugePageBytes,
                             kHugePageBytes + 1, 5 * kHugePageBytes + 12345}) {
    auto* pages = static_cast<unsigned char*>(MapPages(bytes));
    ASSERT_NE(pages, nullptr) << bytes;
    const auto at = reinterpret_cast<uintptr_t>(pages);
    EXPECT_EQ(at % (bytes >= kHugePageBytes ? kHugePageBytes : page), 0u) << bytes;
    EXPECT_EQ(pages[0], 0) << bytes;
    EXPECT_EQ(pages[bytes - 1], 0) << bytes;
    pages[0] = 1;
    pages[bytes - 1] = 2;
    UnmapPages(pages, bytes);
    const size_t length = (bytes + page - 1) / page * page;
    EXPECT_FALSE(Mapped(at)) << bytes;
    EXPECT_FALSE(Mapped(at + length - 1)) << bytes;
    // The page after was mapped with it for the alignment, and went back.
    if (bytes >= kHugePageBytes) EXPECT_FALSE(Mapped(at + length)) << bytes;
  }
}

// Below a huge page every page is mapped in before it is touched.
TEST(MapPages, MapsSmallArraysInAtOnce) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t bytes = 16 * page + 1;
  void* pages = MapPages(bytes);
  ASSERT_NE(pages, nullptr);
  std::vector<unsigned char> resident(17);
  ASSERT_EQ(mincore(pages, bytes, resident.data()), 0);
  for (size_t i = 0; i < resident.size(); ++i) EXPECT_EQ(resident[i] & 1, 1) << "page " << i;
  UnmapPages(pages, bytes);
}

}  // namespace
}  // namespace citex
