// UTF-8 checking shared by readers and writers: every writer emits valid
// UTF-8 whatever the input held, replacing each invalid byte with U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace citex {

// The UTF-8 byte order mark. Files may start with one, and files joined with
// cat carry more, at the start of a line.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

inline bool HasBomAt(std::string_view s, size_t i) {
  return s.compare(i, kUtf8Bom.size(), kUtf8Bom) == 0;
}

// Length of the valid UTF-8 sequence starting at s[i] (1-4), or 0 when the
// byte there does not start one (stray continuation, overlong form,
// surrogate, beyond U+10FFFF, truncated). REQUIRES: i < s.size().
size_t Utf8SequenceLength(std::string_view s, size_t i);

// What DecodeUtf8 returns for a byte that starts no valid sequence.
constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes the character at s[i] and sets *length to its byte length; for a
// byte that starts no valid sequence returns kInvalidCodePoint with
// *length = 1, so a caller walking the text looks at every byte.
// REQUIRES: i < s.size().
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* length);

// Offset of the first byte at or after `from` that starts no valid
// sequence, or std::string_view::npos.
size_t FindInvalidUtf8(std::string_view s, size_t from);

// True when all of `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// True when every byte of `s` is below 0x80.
bool IsAscii(std::string_view s);

// Appends `s` to `out`, each byte that starts no valid sequence replaced by
// U+FFFD. Valid input is copied unchanged.
void AppendValidUtf8(std::string& out, std::string_view s);

}  // namespace citex
