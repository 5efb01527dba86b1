// What every citation finder uses: compiled patterns and records.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

RE2::Options MakeOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_max_mem(64 << 20);
  options.set_log_errors(true);
  return options;
}

// Whether the text this thread's patterns search is all ASCII (AsciiText).
thread_local bool ascii_text = false;

// The ASCII members of the Unicode classes AsciiOnly narrows; nullptr for
// any other class.
const char* AsciiMembers(std::string_view name) {
  if (name == "Lu") return "A-Z";
  if (name == "Ll") return "a-z";
  if (name == "L") return "A-Za-z";
  if (name == "N") return "0-9";
  if (name == "M") return "";
  return nullptr;
}

// Whether a class member spanning pattern[start, end) is a range's end
// ("a-é") or start ("é-z"): dropping it would change the range.
bool InRange(std::string_view pattern, size_t start, size_t end) {
  const bool after_dash = start >= 2 && pattern[start - 1] == '-' && pattern[start - 2] != '\\' &&
                          pattern[start - 2] != '[';
  const bool before_dash =
      end + 1 < pattern.size() && pattern[end] == '-' && pattern[end + 1] != ']';
  return after_dash || before_dash;
}

// Where the escape or character at pattern[i] ends, and whether it stands
// for a non-ASCII character (a UTF-8 sequence, \xHH or \x{H...} above 7F).
size_t CharEnd(std::string_view pattern, size_t i, bool* non_ascii) {
  if (pattern[i] != '\\') {
    size_t end = i + 1;
    while (end < pattern.size() && (static_cast<unsigned char>(pattern[end]) & 0xC0) == 0x80) {
      ++end;
    }
    *non_ascii = static_cast<unsigned char>(pattern[i]) >= 0x80;
    return end;
  }
  if (i + 1 < pattern.size() && pattern[i + 1] == 'x') {
    const bool braced = i + 2 < pattern.size() && pattern[i + 2] == '{';
    const size_t digits = braced ? i + 3 : i + 2;
    const size_t end = braced ? pattern.find('}', digits) : std::min(digits + 2, pattern.size());
    if (end == std::string_view::npos) return pattern.size();
    *non_ascii =
        std::strtoul(std::string(pattern.substr(digits, end - digits)).c_str(), nullptr, 16) > 0x7F;
    return braced ? end + 1 : end;
  }
  *non_ascii = false;
  return std::min(i + 2, pattern.size());
}

}  // namespace

std::string AsciiOnly(std::string_view pattern) {
  const std::string unchanged(pattern);
  for (size_t flags = pattern.find("(?"); flags != std::string_view::npos;
       flags = pattern.find("(?", flags + 1)) {
    if (flags + 2 < pattern.size() && pattern[flags + 2] != ':') return unchanged;  // (?i) ...
  }
  std::string out;
  bool in_class = false;
  size_t members = 0;  // where the current class's members start in `out`
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && (pattern[i + 1] == 'p' || pattern[i + 1] == 'P')) {
      const size_t close = pattern.find('}', i);
      if (pattern[i + 1] == 'P' || i + 2 >= pattern.size() || pattern[i + 2] != '{' ||
          close == std::string_view::npos) {
        return unchanged;
      }
      const char* ascii = AsciiMembers(pattern.substr(i + 3, close - i - 3));
      if (ascii == nullptr || (!in_class && *ascii == '\0')) return unchanged;
      out += in_class ? std::string(ascii) : std::string("[") + ascii + "]";
      i = close + 1;
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
      out += c;
      ++i;
      if (i < pattern.size() && pattern[i] == '^') out += pattern[i++];
      if (i < pattern.size() && pattern[i] == ']') out += pattern[i++];
      members = out.size();
      continue;
    }
    if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') return unchanged;
    if (c == ']' && in_class) {
      if (out.size() == members) return unchanged;  // nothing of the class is ASCII
      in_class = false;
    }
    bool non_ascii = false;
    const size_t end = CharEnd(pattern, i, &non_ascii);
    if (in_class && non_ascii) {
      if (InRange(pattern, i, end)) return unchanged;
    } else {
      out.append(pattern.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

Pattern::Pattern(const std::string& pattern)
    : forms_{pattern, AsciiOnly(pattern)}, ascii_form_(forms_[1] != forms_[0] ? 1 : 0) {
  static std::atomic<size_t> patterns{0};
  slot_ = 2 * patterns++;
}

const RE2& Pattern::get() const {
  const int form = ascii_text ? ascii_form_ : 0;
  thread_local std::vector<std::unique_ptr<const RE2>> compiled;
  const size_t slot = slot_ + static_cast<size_t>(form);
  if (slot >= compiled.size()) compiled.resize(slot + 2);
  if (!compiled[slot]) {
    static const RE2::Options options = MakeOptions();
    compiled[slot] = std::make_unique<const RE2>(forms_[form], options);
  }
  return *compiled[slot];
}

AsciiText::AsciiText(bool ascii) : outer_(ascii_text) { ascii_text = ascii; }
AsciiText::~AsciiText() { ascii_text = outer_; }

Citation MakeRecord(std::string_view text, size_t start, size_t end, CitationKind kind) {
  Citation c;
  c.span = {start, end};
  c.text = std::string(text.substr(start, end - start));
  c.kind = kind;
  return c;
}

}  // namespace citex::citation_internal
