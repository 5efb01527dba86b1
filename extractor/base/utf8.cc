#include "extractor/base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <cstring>

namespace citex {

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t length;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

char32_t DecodeUtf8(std::string_view s, size_t i, size_t* length) {
  const size_t n = Utf8SequenceLength(s, i);
  if (n == 0) {
    *length = 1;
    return kInvalidCodePoint;
  }
  *length = n;
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = byte(0) & kLeadMask[n];
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  return cp;
}

size_t FindInvalidUtf8(std::string_view s, size_t from) {
  size_t i = from;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = Utf8SequenceLength(s, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s, 0) == std::string_view::npos; }

bool IsAscii(std::string_view s) {
  // Any high bit set is a non-ASCII byte: sixteen bytes a step, then eight.
  uint64_t high = 0;
  size_t i = 0;
#if defined(__SSE2__)
  __m128i high16 = _mm_setzero_si128();
  for (; i + 16 <= s.size(); i += 16) {
    high16 = _mm_or_si128(high16, _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)));
  }
  if (_mm_movemask_epi8(high16) != 0) return false;
#endif
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
  return (high & 0x8080808080808080ULL) == 0;
}

void AppendValidUtf8(std::string& out, std::string_view s) {
  size_t run = 0;  // start of the pending valid run
  for (size_t bad = FindInvalidUtf8(s, 0); bad != std::string_view::npos;
       bad = FindInvalidUtf8(s, run)) {
    out.append(s.data() + run, bad - run);
    out.append("\xEF\xBF\xBD");
    run = bad + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace citex
