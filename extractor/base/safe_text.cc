#include "extractor/base/safe_text.h"

#include "extractor/base/text.h"
#include "extractor/base/utf8.h"

namespace citex {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Category Cf in UnicodeData.txt (Unicode 15), as ranges.
constexpr Range kFormatCharacters[] = {
    {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
    {0x070F, 0x070F},   {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},
    {0x200B, 0x200F},   {0x202A, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
    {0xE0020, 0xE007F},
};

constexpr std::string_view kWebSchemes[] = {"http://", "https://", "ftp://"};

}  // namespace

bool IsInvisibleFormat(char32_t c) {
  if (c < kFormatCharacters[0].first) return false;
  for (const Range& range : kFormatCharacters) {
    if (c >= range.first && c <= range.last) return true;
  }
  return false;
}

bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

std::string PercentEncodeInvisible(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  size_t run = 0;  // start of the bytes kept as they are
  for (size_t i = 0; i < url.size();) {
    const auto byte = static_cast<unsigned char>(url[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, almost every byte of a url
      ++i;
      continue;
    }
    size_t length = 0;
    const char32_t c = DecodeUtf8(url, i, &length);
    if (c == kInvalidCodePoint || (!IsControl(c) && !IsInvisibleFormat(c))) {
      i += length;
      continue;
    }
    out.append(url, run, i - run);
    for (; length > 0; --length, ++i) {
      const auto encoded = static_cast<unsigned char>(url[i]);
      out.push_back('%');
      out.push_back(kHex[encoded >> 4]);
      out.push_back(kHex[encoded & 0xF]);
    }
    run = i;
  }
  out.append(url, run, url.size() - run);
  return out;
}

namespace {

// VisibleText, or WithoutControls when `keep_format`.
std::string Clean(std::string_view text, bool keep_format) {
  std::string valid;
  AppendValidUtf8(valid, text);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size();) {
    size_t length = 0;
    const char32_t c = DecodeUtf8(valid, i, &length);
    if (IsWhitespace(valid[i])) {
      out.push_back(' ');
    } else if (!IsControl(c) && (keep_format || !IsInvisibleFormat(c))) {
      out.append(valid, i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace

std::string VisibleText(std::string_view text) { return Clean(text, false); }

std::string WithoutControls(std::string_view text) { return Clean(text, true); }

bool IsWebUrl(std::string_view url) {
  for (std::string_view scheme : kWebSchemes) {
    if (url.size() > scheme.size() && AsciiLower(url.substr(0, scheme.size())) == scheme) {
      return true;
    }
  }
  return false;
}

}  // namespace citex
