// The prefilters: which finders can match at all, from one byte scan.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <string_view>

#include "extractor/base/text.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

bool DigitsAt(std::string_view text, size_t i, size_t count) {
  if (i + count > text.size()) return false;
  for (size_t k = 0; k < count; ++k) {
    if (!IsAsciiDigit(text[i + k])) return false;
  }
  return true;
}

char LowerAscii(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

// Whether text[i, i+4) is 1600-2099 as digits (kYear without its suffix).
bool YearDigitsAt(std::string_view text, size_t i) {
  if (i + 4 > text.size()) return false;
  const char a = text[i], b = text[i + 1];
  const bool lead = (a == '1' && b >= '6' && b <= '9') || (a == '2' && b == '0');
  return lead && IsAsciiDigit(text[i + 2]) && IsAsciiDigit(text[i + 3]);
}

Triggers ScanTriggers(std::string_view text) {
  Triggers t;
  const size_t n = text.size();
  // Every trigger made of digits holds at least four in a row (a year, "10."
  // and four digits, "/" and seven digits), and any four consecutive
  // positions hold exactly one multiple of 4. So only digits at multiples of
  // 4 are looked at, and around each one every place where such a trigger
  // could start that covers it.
  const auto around = [&](size_t i) {
    for (size_t s = i >= 7 ? i - 7 : 0; s <= i; ++s) {
      if (s + 3 >= i && YearDigitsAt(text, s)) {  // a year covering i
        t.year = true;
        if (!t.year_in_bracket) {
          // Walks back over the whitespace run before this year only; each
          // year start is looked at from one multiple of 4, so the runs
          // walked are disjoint.
          size_t j = s;
          while (j > 0 && IsWhitespace(text[j - 1])) --j;
          if (j > 0 && (text[j - 1] == '(' || text[j - 1] == '[')) t.year_in_bracket = true;
        }
      }
      if (s + 3 <= i && s + 6 >= i && text[s] == '1' && text[s + 1] == '0' && text[s + 2] == '.' &&
          DigitsAt(text, s + 3, 4)) {
        t.doi = true;  // "10." and four digits covering i
      }
      if (s < i && text[s] == '/' && DigitsAt(text, s + 1, 7)) t.old_id = true;
    }
  };
  // The byte triggers, each looked at once (the flags do not depend on the
  // order): '(' , '[' and the 'x' of "arxiv".
  const auto at_byte = [&](size_t i) {
    const char c = text[i];
    if (c == '(') {
      t.paren = true;
    } else if (c == '[') {
      t.bracket = true;
      if (t.numeric_bracket) return;
      // Walks forward over the whitespace run after this '[' only.
      size_t j = i + 1;
      while (j < n && IsWhitespace(text[j])) ++j;
      if (j < n && IsAsciiDigit(text[j])) t.numeric_bracket = true;
    } else if (!t.arxiv_host && i >= 2 && i + 3 <= n && LowerAscii(text[i - 2]) == 'a' &&
               LowerAscii(text[i - 1]) == 'r' && LowerAscii(text[i + 1]) == 'i' &&
               LowerAscii(text[i + 2]) == 'v') {  // c is 'x' or 'X'
      t.arxiv_word = true;
      if (text.compare(i - 2, 10, "arxiv.org/") == 0) t.arxiv_host = true;
    }
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: the digits at multiples of 4, and the bytes.
  const __m128i below = _mm_set1_epi8('0' - 1);
  const __m128i above = _mm_set1_epi8('9' + 1);
  const __m128i paren = _mm_set1_epi8('(');
  const __m128i bracket = _mm_set1_epi8('[');
  const __m128i x = _mm_set1_epi8('x');
  const __m128i case_bit = _mm_set1_epi8(0x20);  // 'X' | 0x20 is 'x'
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
    auto digits = static_cast<unsigned>(_mm_movemask_epi8(digit)) & 0x1111u;
    while (digits != 0) {
      around(i + static_cast<size_t>(__builtin_ctz(digits)));
      digits &= digits - 1;
    }
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, paren), _mm_cmpeq_epi8(v, bracket)),
                     _mm_cmpeq_epi8(_mm_or_si128(v, case_bit), x));
    auto bytes = static_cast<unsigned>(_mm_movemask_epi8(hit));
    while (bytes != 0) {
      at_byte(i + static_cast<size_t>(__builtin_ctz(bytes)));
      bytes &= bytes - 1;
    }
  }
#endif
  for (size_t k = i; k < n; ++k) {
    const char c = text[k];
    if (c == '(' || c == '[' || c == 'x' || c == 'X') at_byte(k);
  }
  for (; i < n; i += 4) {
    if (IsAsciiDigit(text[i])) around(i);
  }
  return t;
}

// Whether text[start, end) holds a year: without one no group item matches.
bool HasYearDigits(std::string_view text, size_t start, size_t end) {
  for (size_t i = start; i + 4 <= end; ++i) {
    if (YearDigitsAt(text, i)) return true;
  }
  return false;
}

}  // namespace citex::citation_internal
