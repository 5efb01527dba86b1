// Percent-encoding of what a url must not carry unseen, byte for byte.
#include "extractor/base/safe_text.h"

#include <gtest/gtest.h>

#include <string>

namespace citex {
namespace {

TEST(PercentEncodeInvisible, KeepsPrintableAsciiAndVisibleNonAscii) {
  EXPECT_EQ(PercentEncodeInvisible("https://github.com/a/b?x=1#y"), "https://github.com/a/b?x=1#y");
  EXPECT_EQ(PercentEncodeInvisible("https://例え.jp/café"), "https://例え.jp/café");
  EXPECT_EQ(PercentEncodeInvisible(""), "");
}

TEST(PercentEncodeInvisible, EncodesControlsAndFormatCharactersWhereTheyStand) {
  // U+202E RIGHT-TO-LEFT OVERRIDE, first, inside and last.
  EXPECT_EQ(PercentEncodeInvisible("\xE2\x80\xAEhttps://a/b"), "%E2%80%AEhttps://a/b");
  EXPECT_EQ(PercentEncodeInvisible("https://a/evil\xE2\x80\xAEgnp.exe"),
            "https://a/evil%E2%80%AEgnp.exe");
  EXPECT_EQ(PercentEncodeInvisible("https://a/b\xE2\x80\x8B"), "https://a/b%E2%80%8B");
  // Soft hyphen (the first format character), a C0 control, DEL, a C1 control.
  EXPECT_EQ(PercentEncodeInvisible("a\xC2\xAD" "b"), "a%C2%ADb");
  EXPECT_EQ(PercentEncodeInvisible(std::string("a\x01" "b\x7F" "c", 5)), "a%01b%7Fc");
  EXPECT_EQ(PercentEncodeInvisible("a\xC2\x85" "b"), "a%C2%85b");
  EXPECT_EQ(PercentEncodeInvisible("a b\tc"), "a b%09c");
}

TEST(PercentEncodeInvisible, LeavesAByteThatIsNotUtf8AsItIs) {
  EXPECT_EQ(PercentEncodeInvisible("a\xFF" "b"), "a\xFF" "b");
}

}  // namespace
}  // namespace citex
