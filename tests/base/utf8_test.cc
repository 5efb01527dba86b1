// ASCII detection, which scans sixteen and eight bytes a step: a byte with
// its high bit set is found at every position, in and after those steps.
#include "extractor/base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace citex {
namespace {

TEST(IsAscii, FindsAHighByteAtEveryPosition) {
  for (size_t size = 0; size <= 40; ++size) {
    const std::string ascii(size, '\x7F');
    EXPECT_TRUE(IsAscii(ascii)) << size;
    for (size_t at = 0; at < size; ++at) {
      std::string text = ascii;
      text[at] = '\x80';
      EXPECT_FALSE(IsAscii(text)) << size << " " << at;
    }
  }
}

}  // namespace
}  // namespace citex
