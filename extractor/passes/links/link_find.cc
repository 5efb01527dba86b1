// Stage 1 of the link pass: where each link starts and ends, and its cleaned
// url. RE2 finds where a link may start (kLinkStart); a hand-written forward
// scan decides where it ends (brackets, quotes, LaTeX residue, CJK
// punctuation, arXiv line wraps) and trims what a reader would not copy.
// Every byte is scanned a bounded number of times.
#include <re2/re2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/base/per_thread.h"
#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/passes/links/link_internal.h"
#include "extractor/passes/links/link_patterns.h"

namespace citex {
namespace links_internal {
namespace {

// A link is joined across at most this many line wraps (real ones have one or
// two); the bound keeps hostile input linear.
constexpr size_t kMaxJoins = 8;

struct FindPatterns {
  RE2 link_start{link_patterns::kLinkStart, Latin1Options()};
  RE2 github_title{link_patterns::kGithubPageTitle, Latin1Options()};
};

const FindPatterns& Patterns() { return PerThread<FindPatterns>(); }

// Non-ASCII characters that end a link: spaces, CJK and full-width
// punctuation, typographic quotes, the ellipsis, and anything malformed.
bool IsStopCodePoint(uint32_t cp) {
  if (cp == kInvalidCodePoint) return true;
  if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
      cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF) {
    return true;  // spaces
  }
  if (cp == 0x00AB || cp == 0x00BB) return true;  // « »
  if (cp >= 0x2018 && cp <= 0x201F) return true;  // ‘ ’ ‚ ‛ “ ” „ ‟
  if (cp == 0x2026) return true;                  // …
  if (cp >= 0x3001 && cp <= 0x3003) return true;  // 、 。 〃
  if (cp >= 0x3008 && cp <= 0x3011) return true;  // 〈 〉 《 》 「 」 『 』 【 】
  if (cp >= 0x3014 && cp <= 0x301F) return true;  // 〔 〕 ... 〟
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;  // ！ ＂ ... （ ） ， ． ／
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;  // ： ； ＜ ＝ ＞ ？ ＠
  if (cp >= 0xFF3B && cp <= 0xFF40) return true;  // ［ ＼ ］ ＾ ＿ ｀
  if (cp >= 0xFF5B && cp <= 0xFF65) return true;  // ｛ ｜ ｝ ～ ｟ ｠ ｡ ｢ ｣ ､ ･
  return false;
}

// The characters a LaTeX source escapes with a backslash inside a URL
// ("\_", "\%", "\&", "\#", "\~", "\$"). The url keeps the character only.
bool IsLatexEscapable(char c) { return InSet("_%&#~$", c); }

// The scheme-less start kinds of kLinkStart.
enum class StartKind { kScheme, kWww, kCodeHost, kGithubIo, kBareDomain };

// Whether `auth` (the part of a url between "://" and the first / ? #) names
// a host: labels of letters, digits, '-' and non-ASCII, none empty, none
// starting or ending with '-'; an optional userinfo@ and :port (digits).
// `www` asks in addition for a dotted name with a real top-level label
// (www.x.org), as a scheme-less "www." is only a link when it names a site.
bool IsValidAuthority(std::string_view auth, bool www) {
  if (size_t at = auth.rfind('@'); at != std::string_view::npos) auth = auth.substr(at + 1);
  if (size_t colon = auth.find(':'); colon != std::string_view::npos) {
    std::string_view port = auth.substr(colon + 1);
    for (char c : port) {
      if (c < '0' || c > '9') return false;
    }
    auth = auth.substr(0, colon);
  }
  if (auth.empty()) return false;
  size_t labels = 0;
  std::string_view last_label;
  size_t i = 0;
  while (i <= auth.size()) {
    size_t j = auth.find('.', i);
    if (j == std::string_view::npos) j = auth.size();
    std::string_view label = auth.substr(i, j - i);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char ch : label) {
      const auto c = static_cast<unsigned char>(ch);
      if (c < 0x80 && !IsAsciiAlnum(c) && c != '-') return false;
    }
    ++labels;
    last_label = label;
    i = j + 1;
  }
  if (www) {
    if (labels < 3 || last_label.size() < 2) return false;
    bool all_digits = true;
    for (char c : last_label) all_digits = all_digits && c >= '0' && c <= '9';
    if (all_digits) return false;
  }
  return true;
}

// Whether text[i, i + lower.size()) equals `lower` ignoring ASCII case (the
// patterns' (?i) in Latin-1 mode folds no byte onto an ASCII letter but its
// other case).
bool EqualsNoCaseAt(std::string_view text, size_t i, std::string_view lower) {
  return i <= text.size() && StartsWithNoCase(text.substr(i), lower);
}

// Whether text[i..] starts with one of the spaces-and-one-wrap runs kLinkStart
// allows between a scheme's ':' and its "//": up to two spaces or tabs, an
// optional newline, up to two more. Sets *len to the run's length.
bool SchemeGapAt(std::string_view text, size_t i, size_t* len) {
  size_t j = i;
  size_t k = 0;
  while (k < 2 && j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j, ++k;
  if (j < text.size() && text[j] == '\n') ++j;
  k = 0;
  while (k < 2 && j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j, ++k;
  *len = j - i;
  return text.compare(j, 2, "//") == 0;
}

bool IsLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }

// Whether `label` is one of `list` (lower case, as written).
template <size_t N>
bool InList(std::string_view label, const char* const (&list)[N]) {
  for (const char* item : list) {
    if (label == item) return true;
  }
  return false;
}

// The length of the top-level label of kBareDomainTlds that starts at text[i]
// (right after a dot) and is not followed by a letter, digit, '-' or '_';
// 0 if none. Two-letter lower-case labels give 2 (the caller decides whether
// a country label counts).
size_t BareTldAt(std::string_view text, size_t i) {
  size_t j = i;
  // A generic label may be capitalised ("NeuroMorpho.Org"); the rest is lower case.
  const bool capital = i < text.size() && text[i] >= 'A' && text[i] <= 'Z';
  if (capital) ++j;
  while (j < text.size() && j - i < 8 && IsLowerAlpha(text[j])) ++j;
  if (j == i) return 0;
  if (j < text.size()) {
    const auto c = static_cast<unsigned char>(text[j]);
    if (IsAsciiAlnum(c) || c == '-' || c == '_') return 0;
  }
  // At most 8 letters: lower-cased in place, no allocation (this runs on the
  // dots of every abstract).
  char lowered[8];
  const size_t len = j - i;
  for (size_t k = 0; k < len; ++k) lowered[k] = AsciiLower(text[i + k]);
  const std::string_view label(lowered, len);
  if (!capital && len == 2) return 2;
  if (InList(label, link_patterns::kBareDomainTlds)) return len;
  return 0;
}

// The invisible marks a copy from a word processor leaves in or after a url
// (U+200B-U+200F zero-width characters and directional marks, U+2060-U+2064):
// the url drops them. The directional overrides (U+202A-U+202E) are not
// marks: they stay, percent-encoded, so that a reader sees them.
bool IsInvisibleMarkAt(std::string_view text, size_t i) {
  if (i + 3 > text.size() || static_cast<unsigned char>(text[i]) != 0xE2) return false;
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  return (b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8F) || (b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA4);
}

// Whether the ':' or '.' at text[i] is a trigger byte of kLinkStart: "://"
// or a scheme's gap before "//", the '.' of "www.", or a '.' before "co/",
// "com/" or "github.io" (any case).
bool StartTriggerAt(std::string_view text, size_t i) {
  const size_t n = text.size();
  if (text[i] == ':') {
    size_t len = 0;
    return text.compare(i, 3, "://") == 0 ||
           (i + 1 < n && (text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n') &&
            SchemeGapAt(text, i + 1, &len));
  }
  const char prev = i > 0 ? AsciiLower(text[i - 1]) : '\0';
  const char next = i + 1 < n ? AsciiLower(text[i + 1]) : '\0';
  if (prev != 'w' && next != 'c' && next != 'g') return false;
  return (i >= 3 && EqualsNoCaseAt(text, i - 3, "www")) || EqualsNoCaseAt(text, i + 1, "co/") ||
         EqualsNoCaseAt(text, i + 1, "com/") || EqualsNoCaseAt(text, i + 1, "github.io");
}

}  // namespace

void VisitLinkTrigger(std::string_view text, size_t i, LinkTriggers& t) {
  const size_t n = text.size();
  const char c = text[i];
  if (c == ':') {
    if (StartTriggerAt(text, i)) t.start = true;
  } else if (c == '.') {
    // Most dots end a sentence or a number: a quick look first.
    const char raw_next = i + 1 < n ? text[i + 1] : '\0';
    if (!t.bare && (IsLowerAlpha(raw_next) || (raw_next >= 'A' && raw_next <= 'Z')) && i > 0 &&
        IsAsciiAlnum(static_cast<unsigned char>(text[i - 1])) && BareTldAt(text, i + 1) > 0) {
      t.bare = true;
    }
    if (!t.start && StartTriggerAt(text, i)) t.start = true;
  } else if (!t.title && i > 0 && IsWhitespace(text[i - 1])) {
    size_t j = i;
    while (j > 0 && IsWhitespace(text[j - 1])) --j;
    if (j < i && j >= 6 && EqualsNoCaseAt(text, j - 6, "github")) t.title = true;
  }
}

LinkTriggers ScanLinkTriggers(std::string_view text) {
  LinkTriggers t;
  const size_t n = text.size();
  const auto is_trigger = [&](size_t i) {
    return text[i] == ':' || text[i] == '.' || text[i] == '-';
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, with the bytes before and after each: most
  // dots end a sentence or a number and most dashes join words, and those
  // are not visited (VisitLinkTrigger sets nothing for them).
  if (n >= 17) {
    if (is_trigger(0)) VisitLinkTrigger(text, 0, t);
    i = 1;
  }
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i dash = _mm_set1_epi8('-');
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i w = _mm_set1_epi8('w');
  const __m128i before_a = _mm_set1_epi8('a' - 1);
  const __m128i after_z = _mm_set1_epi8('z' + 1);
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i before_tab = _mm_set1_epi8('\t' - 1);
  const __m128i after_cr = _mm_set1_epi8('\r' + 1);
  for (; i + 17 <= n; i += 16) {
    const char* at = text.data() + i;
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i is_colon = _mm_cmpeq_epi8(v, colon);
    const __m128i is_dot = _mm_cmpeq_epi8(v, dot);
    const __m128i is_dash = _mm_cmpeq_epi8(v, dash);
    // Most blocks hold none of the three.
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(is_colon, is_dot), is_dash)) == 0) continue;
    const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at - 1));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 1));
    // Signed compares: bytes from 0x80 up are negative, neither letters nor space.
    const __m128i next_lower = _mm_or_si128(next, case_bit);
    const __m128i letter_next =
        _mm_and_si128(_mm_cmpgt_epi8(next_lower, before_a), _mm_cmplt_epi8(next_lower, after_z));
    const __m128i w_before = _mm_cmpeq_epi8(_mm_or_si128(prev, case_bit), w);
    const __m128i space_before =
        _mm_or_si128(_mm_cmpeq_epi8(prev, space),
                     _mm_and_si128(_mm_cmpgt_epi8(prev, before_tab), _mm_cmplt_epi8(prev, after_cr)));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(is_colon, _mm_and_si128(is_dot, _mm_or_si128(letter_next, w_before))),
                     _mm_and_si128(is_dash, space_before));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    while (mask != 0) {
      VisitLinkTrigger(text, i + static_cast<size_t>(__builtin_ctz(mask)), t);
      mask &= mask - 1;
    }
    if (t.start && t.title && t.bare) return t;
  }
#endif
  for (; i < n; ++i) {
    if (is_trigger(i)) VisitLinkTrigger(text, i, t);
  }
  return t;
}

size_t NextStartTrigger(std::string_view text, size_t from) {
  const size_t n = text.size();
  size_t i = from;
#if defined(__SSE2__)
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i dot = _mm_set1_epi8('.');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    auto mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, dot))));
    while (mask != 0) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
      if (StartTriggerAt(text, at)) return at;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < n; ++i) {
    if ((text[i] == ':' || text[i] == '.') && StartTriggerAt(text, i)) return i;
  }
  return std::string_view::npos;
}

namespace {

class LinkScanner {
 public:
  explicit LinkScanner(std::string_view text) : text_(text) {}

  // Every link in text order, duplicates included.
  std::vector<Candidate> FindAll() {
    std::vector<Candidate> out;
    const LinkTriggers triggers = ScanLinkTriggers(text_);
    if (!triggers.start) {
      if (triggers.title) AddGithubPageTitles(&out);
      if (triggers.bare) AddBareDomains(&out);
      return out;
    }
    const RE2& start_re = Patterns().link_start;
    size_t pos = 0;
    // Only the whole match is asked for: RE2 then finds it with its DFAs
    // alone, while asking for groups makes it also run a slower submatch
    // engine over each match. The alternative that matched is read off the matched literal,
    // which no two alternatives share: a scheme ends in "://", a code host
    // in another '/', ".github.io" starts with '.', and "www." is the rest.
    // RE2 looks only around each trigger (link_internal.h): the first match
    // from `pos` holds the first trigger from `pos`, or starts after it.
    re2::StringPiece match;
    const re2::StringPiece input(text_.data(), text_.size());
    for (size_t trigger = NextStartTrigger(text_, 0);
         trigger != std::string_view::npos && out.size() < kMaxCandidates;) {
      const size_t from = std::max(pos, trigger - std::min(trigger, kStartBeforeTrigger));
      const size_t to = std::min(text_.size(), trigger + kStartAfterTrigger + 1);
      if (!start_re.Match(input, from, to, RE2::UNANCHORED, &match, 1) ||
          static_cast<size_t>(match.data() - text_.data()) > trigger) {
        trigger = NextStartTrigger(text_, trigger + 1);  // a trigger no match holds
        continue;
      }
      size_t start = static_cast<size_t>(match.data() - text_.data());
      const std::string_view literal(match.data(), match.size());
      StartKind kind = StartKind::kWww;
      if (literal.find(':') != std::string_view::npos) {
        kind = StartKind::kScheme;
      } else if (literal.back() == '/') {
        kind = StartKind::kCodeHost;
      } else if (literal.front() == '.') {
        kind = StartKind::kGithubIo;
      }
      const size_t body = start + match.size();
      if (kind == StartKind::kGithubIo) {
        // Walk back over the host's labels, never before `pos`, so that every
        // byte is walked over at most once.
        while (start > pos && IsHostByte(text_[start - 1])) --start;
        while (start < body && !IsAsciiAlnum(static_cast<unsigned char>(text_[start]))) ++start;
      }
      Candidate cand;
      // A rejected start resumes the search after the matched start: no link
      // starts inside it, and retrying at start + 1 would rescan a long host
      // ("_aaaa...a.github.io") once per byte.
      size_t resume = body;
      if (AcceptsStart(start, kind) && Scan(start, body, kind, &cand, &resume)) {
        resume = std::max(cand.end, start + 1);
        out.push_back(std::move(cand));
      }
      pos = resume;
      trigger = NextStartTrigger(text_, pos);
    }
    if (triggers.title) AddGithubPageTitles(&out);
    if (triggers.bare) AddBareDomains(&out);
    return out;
  }

 private:
  // Merges `extra` (in text order) into `out`, dropping any that overlaps a
  // link already there.
  static void MergeIn(std::vector<Candidate> extra, std::vector<Candidate>* out) {
    if (extra.empty()) return;
    std::vector<Candidate> merged;
    merged.reserve(out->size() + extra.size());
    size_t a = 0;
    for (Candidate& t : extra) {
      while (a < out->size() && (*out)[a].start < t.start) merged.push_back(std::move((*out)[a++]));
      const bool overlaps = (!merged.empty() && merged.back().end > t.start) ||
                            (a < out->size() && (*out)[a].start < t.end);
      if (!overlaps) merged.push_back(std::move(t));
    }
    while (a < out->size()) merged.push_back(std::move((*out)[a++]));
    *out = std::move(merged);
  }

  // Adds the bare domains ("available at madevolve.org", "(swig.org)",
  // "surfer.nmr.mgh.harvard.edu/fswiki/PhotoTools") that no link covers: a
  // host whose last label is one of kBareDomainTlds (or a country label
  // after ac., edu., ... or before a path), used as a place (BarePlaceCue).
  // Each dot is looked at once; the walk back over a host never passes the
  // previous dot looked at, so every byte is walked over a bounded number of
  // times.
  void AddBareDomains(std::vector<Candidate>* out) {
    const size_t n = text_.size();
    std::vector<Candidate> found;
    size_t floor = 0;
    size_t covered = 0;  // the next link of `out` that may hold a dot
    for (size_t i = text_.find('.'); i != std::string_view::npos && i < n;
         i = text_.find('.', i + 1)) {
      while (covered < out->size() && (*out)[covered].end <= i) ++covered;
      if (covered < out->size() && (*out)[covered].start <= i) {
        i = (*out)[covered].end - 1;
        floor = std::max(floor, i + 1);
        continue;
      }
      if (i == 0 || !IsAsciiAlnum(static_cast<unsigned char>(text_[i - 1])) ||
          BareTldAt(text_, i + 1) == 0) {
        continue;
      }
      size_t start = i;
      while (start > floor && IsHostByte(text_[start - 1])) --start;
      while (start < i && !IsAsciiAlnum(static_cast<unsigned char>(text_[start]))) ++start;
      // A host broken by a stray space before this part ("compevol. auckland.ac.nz",
      // "cocomac.g- node.org") starts at its first part.
      size_t joined_from = start;
      if (start >= floor + 3 && start >= 3 && text_[start - 1] == ' ' &&
          (text_[start - 2] == '.' || text_[start - 2] == '-')) {
        size_t b = start - 2;
        while (b > floor && IsHostByte(text_[b - 1])) --b;
        while (b < start - 2 && !IsAsciiAlnum(static_cast<unsigned char>(text_[b]))) ++b;
        size_t next = 0;
        if (b < start - 2 && JoinsHostOverSpace(b, start - 1, &next) && next == start) {
          joined_from = b;
        }
      }
      floor = i + 1;
      if (!AcceptsStart(joined_from, StartKind::kBareDomain)) continue;
      size_t host_end = start;
      while (host_end < n && IsHostByte(text_[host_end])) ++host_end;
      size_t trimmed = host_end;
      while (trimmed > start && (text_[trimmed - 1] == '.' || text_[trimmed - 1] == '-')) --trimmed;
      const bool path = host_end + 1 < n && text_[host_end] == '/' &&
                        IsAsciiAlnum(static_cast<unsigned char>(text_[host_end + 1]));
      std::string host(text_.substr(joined_from, trimmed - joined_from));
      if (joined_from != start) host.erase(start - 1 - joined_from, 1);  // the space
      const std::string host_lower = AsciiLower(host);
      const bool name = !path && InList(std::string_view(host_lower), link_patterns::kBareDomainNames);
      start = joined_from;
      if (name || !BareHostOk(host, path) ||
          !BarePlaceCue(start, trimmed, path)) {
        floor = std::max(floor, host_end);
        i = std::max(i, host_end > 0 ? host_end - 1 : 0);
        continue;
      }
      Candidate cand;
      size_t resume = host_end;
      if (Scan(start, start, StartKind::kBareDomain, &cand, &resume)) {
        resume = std::max(cand.end, start + 1);
        found.push_back(std::move(cand));
      }
      floor = std::max(floor, resume);
      if (resume > i + 1) i = resume - 1;
    }
    MergeIn(std::move(found), out);
  }

  // Whether `host` (no trailing dot) is a bare domain: two labels or more,
  // valid, a letter in a label before the last, and a last label of
  // kBareDomainTlds, or of two lower-case letters after a second-level label
  // of kBareDomainSecondLevels or before a path.
  static bool BareHostOk(std::string_view host, bool path) {
    if (!IsValidAuthority(host, false) || host.find_first_of(":@") != std::string_view::npos) {
      return false;
    }
    const size_t last_dot = host.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0) return false;
    const std::string_view written = host.substr(last_dot + 1);
    const std::string lowered = AsciiLower(written);
    const std::string_view tld = lowered;
    for (size_t k = 0; k < written.size(); ++k) {
      if (!IsLowerAlpha(written[k]) && !(k == 0 && written[k] >= 'A' && written[k] <= 'Z')) return false;
    }
    if (written[0] >= 'A' && written[0] <= 'Z' && !InList(tld, link_patterns::kBareDomainTlds)) {
      return false;
    }
    const std::string_view rest = host.substr(0, last_dot);
    bool letter = false;
    for (char c : rest) letter = letter || (AsciiLower(c) >= 'a' && AsciiLower(c) <= 'z');
    if (!letter) return false;
    if (InList(tld, link_patterns::kBareDomainTlds)) return true;
    if (tld.size() != 2) return false;
    if (path) return true;
    const size_t second_dot = rest.rfind('.');
    if (second_dot == std::string_view::npos) return false;
    return InList(rest.substr(second_dot + 1), link_patterns::kBareDomainSecondLevels);
  }

  // Whether the bare domain text[start, end) is used as a place: a path
  // follows it, it opens a bracket ("(swig.org)", "{\\tt braingraph.org}"), a
  // label or a word of kBareDomainWordsBefore stands right before it ("at",
  // "from", "Website:"), or a word of kBareDomainWordsAfter right after it
  // ("the braingraph.org site").
  bool BarePlaceCue(size_t start, size_t end, bool path) const {
    if (path) return true;
    if (start > 0 && InSet("([{<", text_[start - 1])) return true;
    // The word before, over at most a few spaces.
    size_t w_end = start;
    while (w_end > 0 && start - w_end < 4 && IsWhitespace(text_[w_end - 1])) --w_end;
    if (w_end < start) {
      size_t w = w_end;
      while (w > 0 && w_end - w < 16 && static_cast<unsigned char>(text_[w - 1]) > 0x20) --w;
      std::string word = AsciiLower(text_.substr(w, w_end - w));
      if (!word.empty() && word.back() == ':') return true;
      if (!word.empty() && word[0] == '\\') return true;  // {\\tt x.org}, \\texttt x.org
      while (!word.empty() && InSet("([{\"'", word.front())) word.erase(0, 1);
      if (InList(std::string_view(word), link_patterns::kBareDomainWordsBefore)) return true;
    }
    // The word after, past closing brackets and spaces.
    size_t a = end;
    while (a < text_.size() && a - end < 4 && InSet(")]}'\" \t\n", text_[a])) ++a;
    if (a == end || !IsWhitespace(text_[a - 1])) return false;
    size_t b = a;
    while (b < text_.size() && b - a < 12 && IsLowerAlpha(AsciiLower(text_[b]))) ++b;
    if (b < text_.size() && IsAsciiAlnum(static_cast<unsigned char>(text_[b]))) return false;
    return InList(std::string_view(AsciiLower(text_.substr(a, b - a))),
                  link_patterns::kBareDomainWordsAfter);
  }

  // Adds "GitHub - owner/repo" titles that no link covers, keeping `out`
  // in text order.
  void AddGithubPageTitles(std::vector<Candidate>* out) const {
    const RE2& title_re = Patterns().github_title;
    re2::StringPiece input(text_.data(), text_.size());
    re2::StringPiece repo;
    std::vector<Candidate> titles;
    while (titles.size() < kMaxCandidates && RE2::FindAndConsume(&input, title_re, &repo)) {
      Candidate cand;
      cand.start = static_cast<size_t>(repo.data() - text_.data());
      cand.end = cand.start + repo.size();
      cand.url = "https://github.com/" + std::string(repo.data(), repo.size());
      titles.push_back(std::move(cand));
    }
    MergeIn(std::move(titles), out);
  }

  static bool IsHostByte(char c) {
    return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  }

  // The character before a link start must not glue it to a word, except
  // that a scheme may follow a letter ("fieldhttps://..." starts at "https").
  bool AcceptsStart(size_t start, StartKind kind) const {
    if (start == 0) return true;
    const auto prev = static_cast<unsigned char>(text_[start - 1]);
    if (kind == StartKind::kScheme) return prev != '_';
    if (prev >= 0x80) return true;
    return !IsAsciiAlnum(prev) && !InSet(".-_@/\\", prev);
  }

  // Scans the link that starts at `start` and whose body (after the matched
  // start) begins at `body`. Fills `cand` and returns true when it is a link.
  // On failure sets *resume to where the next search may start.
  bool Scan(size_t start, size_t body, StartKind kind, Candidate* cand, size_t* resume) {
    const size_t n = text_.size();
    // Where the host ends; a link whose host is not followed by / ? # ends
    // there ("http://example.com,and" is "http://example.com").
    size_t host_end = body;
    std::vector<Span> gaps;  // joins: line wraps, stray spaces
    if (kind == StartKind::kScheme) {
      // "http: //x.org", "https:\n//x.org": the run between ':' and "//".
      const size_t colon = text_.find(':', start);
      if (colon + 3 < body) gaps.push_back(Span{colon + 1, body - 2});
    }
    if (!CheckHost(start, body, kind, &host_end, &gaps, resume)) return false;
    Quotes quotes;
    const bool host_only = kind != StartKind::kCodeHost && host_end < n &&
                           !InSet("/?#", text_[host_end]) && text_[host_end] != '\n';
    // A host joined over a stray space is scanned on from its end.
    const size_t scan_from = gaps.empty() || gaps.back().end <= body ? body : host_end;
    const size_t stop =
        host_only ? host_end : ScanToStop(start, scan_from, kind, &gaps, &quotes);
    const size_t end = TrimEnd(body, stop, &quotes);
    while (!gaps.empty() && gaps.back().end > end) gaps.pop_back();
    if (end <= body && kind != StartKind::kGithubIo) {
      *resume = std::max(start + 1, end);
      return false;
    }
    cand->start = start;
    cand->end = end;
    cand->url = CleanUrl(start, end, gaps, kind);
    // The trimmed url must still name a host ("http://x.-" trims to "http://x.").
    const std::string_view url = cand->url;
    const size_t p = url.find("://") + 3;
    size_t auth_end = url.find_first_of("/?#", p);
    if (auth_end == std::string_view::npos) auth_end = url.size();
    if (!IsValidAuthority(url.substr(p, auth_end - p), kind == StartKind::kWww)) {
      *resume = std::max(start + 1, end);
      return false;
    }
    return true;
  }

  // Quotes counted inside a link: an odd count means the last one closes a
  // quote opened before the link.
  struct Quotes {
    size_t single = 0;
    size_t double_ = 0;
  };

  // Checks the host before the rest is scanned, so that a rejected start
  // costs only its authority and the search resumes past it. Sets *host_end
  // for a scheme or www start; on failure sets *resume.
  bool CheckHost(size_t start, size_t body, StartKind kind, size_t* host_end,
                 std::vector<Span>* gaps, size_t* resume) const {
    const size_t n = text_.size();
    if (kind == StartKind::kScheme || kind == StartKind::kWww || kind == StartKind::kBareDomain) {
      const size_t auth_start = kind == StartKind::kScheme ? body : start;
      size_t auth_end = AuthorityEnd(auth_start);
      std::string joined;  // the authority without a stray space, when joined
      {
        size_t next = 0;
        if (JoinsHostOverSpace(auth_start, auth_end, &next)) {
          gaps->push_back(Span{auth_end, next});
          joined = std::string(text_.substr(auth_start, auth_end - auth_start));
          auth_end = AuthorityEnd(next);
          joined.append(text_.substr(next, auth_end - next));
        }
      }
      std::string_view auth =
          joined.empty() ? text_.substr(auth_start, auth_end - auth_start) : joined;
      while (!auth.empty() && (auth.back() == '.' || auth.back() == ':')) auth.remove_suffix(1);
      if (!IsValidAuthority(auth, kind == StartKind::kWww)) {
        // No link starts inside a rejected authority except one glued
        // after it ("http://xhttps://..."): back up by the length of "https:".
        *resume = std::max(start + 1, auth_end > 6 ? auth_end - 6 : 0);
        return false;
      }
      *host_end = auth_end;
    } else if (kind == StartKind::kGithubIo) {
      // ".github.io" alone, "-x.github.io", "x..github.io" are not hosts;
      // "x.github.iox" or "x.github.io_y" is another host.
      if (!IsValidAuthority(text_.substr(start, body - start), false)) {
        *resume = body;
        return false;
      }
      if (body < n) {
        const auto c = static_cast<unsigned char>(text_[body]);
        if (IsAsciiAlnum(c) || c == '-' || c == '_') {
          *resume = body;
          return false;
        }
      }
    }
    return true;
  }

  // Where the link that starts at `start` stops, before trimming: at the
  // first byte that cannot be in a url, joining line wraps into `gaps`.
  size_t ScanToStop(size_t start, size_t body, StartKind kind, std::vector<Span>* gaps,
                    Quotes* quotes) const {
    const size_t n = text_.size();
    size_t i = body;
    size_t paren = 0, bracket = 0;
    while (true) {
      while (i < n) {
        const auto c = static_cast<unsigned char>(text_[i]);
        if (c >= 0x80) {
          size_t len = 1;
          if (IsStopCodePoint(DecodeUtf8(text_, i, &len))) break;
          i += len;
          continue;
        }
        if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '{' || c == '}' || c == '|' ||
            c == '`') {
          break;
        }
        if (c == '\\') {
          if (i + 1 < n && IsLatexEscapable(text_[i + 1])) {
            i += 2;
            continue;
          }
          break;
        }
        if (c == '(') ++paren;
        if (c == '[') ++bracket;
        if (c == ')') {
          if (paren == 0) break;
          --paren;
        }
        if (c == ']') {
          if (bracket == 0) break;
          --bracket;
        }
        if (c == '\'') ++quotes->single;
        if (c == '"') ++quotes->double_;
        ++i;
      }
      size_t next = 0;
      if (i < n && text_[i] == '\n' && gaps->size() < kMaxJoins &&
          JoinsNextLine(start, i, *gaps, kind, &next)) {
        gaps->push_back(Span{i, next});
        i = next;
        continue;
      }
      // "http://doi.org/ 10.5281/zenodo.1": a DOI after a stray space.
      if (i + 5 < n && text_[i] == ' ' && gaps->size() < kMaxJoins && i >= start + 8 &&
          EqualsNoCaseAt(text_, i - 8, "doi.org/") && text_.compare(i + 1, 3, "10.") == 0 &&
          text_[i + 4] >= '0' && text_[i + 4] <= '9' &&
          ParseUrl(CleanUrl(start, i, *gaps, kind)).segments.empty()) {
        gaps->push_back(Span{i, i + 1});
        i = i + 1;
        continue;
      }
      return i;
    }
  }

  // Trims from text[body, end) what a reader would not copy: sentence
  // punctuation, an unmatched opening bracket, a closing quote.
  size_t TrimEnd(size_t body, size_t end, Quotes* quotes) const {
    while (end > body) {
      if (end >= body + 3 && IsInvisibleMarkAt(text_, end - 3)) {
        end -= 3;
        continue;
      }
      const char c = text_[end - 1];
      if (InSet(".,;:!?*~\\", c)) {
        if (end >= 2 && text_[end - 2] == '\\' && c != '\\') {
          end -= 2;  // an escaped "\~" at the end goes with its backslash
          continue;
        }
        --end;
        continue;
      }
      if (c == '\'' && quotes->single % 2 == 1) {
        --quotes->single;
        --end;
        continue;
      }
      if (c == '"' && quotes->double_ % 2 == 1) {
        --quotes->double_;
        --end;
        continue;
      }
      if (c == '(' || c == '[') {
        --end;
        continue;
      }
      break;
    }
    return end;
  }

  // Where the authority that starts at i ends (AuthorityCharLength).
  size_t AuthorityEnd(size_t i) const {
    while (i < text_.size()) {
      const size_t len = AuthorityCharLength(i);
      if (len == 0) break;
      i += len;
    }
    return i;
  }

  // Whether the host text[auth_start, auth_end) goes on after a stray space
  // or line wrap: it cannot stand alone (one label before a final '.', as in
  // "http://compevol. auckland.ac.nz" and "https://github. com/a", or a final
  // '-', as in "http://cocomac.g- node.org"), and after at most three spaces
  // (one newline) comes a lower-case host part that holds a dot or is
  // followed by '/', whose last label is letters. Sets *next to its start.
  bool JoinsHostOverSpace(size_t auth_start, size_t auth_end, size_t* next) const {
    const size_t n = text_.size();
    if (auth_end <= auth_start + 1 || auth_end >= n) return false;
    const char last = text_[auth_end - 1];
    const std::string_view head = text_.substr(auth_start, auth_end - auth_start - 1);
    if (last == '.') {
      if (head.find('.') != std::string_view::npos || head.empty()) return false;
    } else if (last != '-') {
      return false;
    }
    size_t j = auth_end;
    size_t newlines = 0;
    while (j < n && j - auth_end < 3 && (text_[j] == ' ' || text_[j] == '\n')) {
      newlines += text_[j] == '\n';
      ++j;
    }
    if (j == auth_end || newlines > 1 || j >= n) return false;
    const auto first = static_cast<unsigned char>(text_[j]);
    if (!(IsLowerAlpha(static_cast<char>(first)) || (first >= '0' && first <= '9'))) return false;
    size_t k = j;
    bool dot = false;
    while (k < n && (IsLowerAlpha(text_[k]) || (text_[k] >= '0' && text_[k] <= '9') ||
                     text_[k] == '-' || text_[k] == '.')) {
      dot = dot || text_[k] == '.';
      ++k;
    }
    size_t tail_end = k;
    while (tail_end > j && text_[tail_end - 1] == '.') --tail_end;
    const bool slash = k < n && text_[k] == '/';
    if (!slash && text_.substr(j, tail_end - j).find('.') == std::string_view::npos) return false;
    if (!dot && !slash) return false;
    // The joined host's last label is letters, two at least.
    const std::string_view joined_tail = text_.substr(j, tail_end - j);
    const size_t d = joined_tail.rfind('.');
    const std::string_view tld = d == std::string_view::npos ? joined_tail : joined_tail.substr(d + 1);
    if (tld.size() < 2) return false;
    for (char c : tld) {
      if (!IsLowerAlpha(c)) return false;
    }
    *next = j;
    return true;
  }

  // The byte length of the character at i when it may be part of a url's
  // authority (userinfo@host:port), else 0. '_' is included so that
  // "http://example.com_" is seen whole and rejected.
  size_t AuthorityCharLength(size_t i) const {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) return (IsAsciiAlnum(c) || InSet("-.:@_", c)) ? 1 : 0;
    size_t len = 1;
    return IsStopCodePoint(DecodeUtf8(text_, i, &len)) ? 0 : len;
  }

  // Whether a link that reaches the newline at `nl` continues on the next
  // line: only when the part so far cannot stand alone (it ends in '-' or
  // '_', or in '/' before the path a code host needs, or in '/' followed by
  // something that is clearly a path), and the next line does not start a
  // link of its own or a word.
  bool JoinsNextLine(size_t start, size_t nl, const std::vector<Span>& gaps, StartKind kind,
                     size_t* next) const {
    const size_t n = text_.size();
    if (nl == 0) return false;
    const char last = text_[nl - 1];
    if (last != '/' && last != '-' && last != '_') return false;
    size_t j = nl + 1;
    while (j < n && (text_[j] == ' ' || text_[j] == '\t')) ++j;
    if (j >= n) return false;
    const auto first = static_cast<unsigned char>(text_[j]);
    if (!IsAsciiAlnum(first) && first != '_' && first != '%' && first != '~') return false;
    const std::string_view rest = text_.substr(j);
    if (StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") ||
        StartsWithNoCase(rest, "ftp://") || StartsWithNoCase(rest, "www.")) {
      return false;  // never glue two links
    }
    if (last == '/') {
      const std::string partial = CleanUrl(start, nl, gaps, kind);
      const ParsedUrl parsed = ParseUrl(partial);
      const bool incomplete = parsed.segments.size() < SegmentsNeeded(parsed);
      if (!incomplete && !LooksLikePath(j)) return false;
    }
    *next = j;
    return true;
  }

  // Whether the token at `j` (up to whitespace) reads as a path rather than
  // a word: it holds a path character or a digit before its last character.
  bool LooksLikePath(size_t j) const {
    size_t k = j;
    while (k < text_.size() && static_cast<unsigned char>(text_[k]) > 0x20) ++k;
    // Ignore trailing sentence punctuation.
    while (k > j && InSet(".,;:!?)'\"", text_[k - 1])) --k;
    for (size_t m = j; m < k; ++m) {
      const char c = text_[m];
      if ((c >= '0' && c <= '9') || InSet("/_-.=?#%&", c)) return true;
    }
    return false;
  }

  // The url for text[start, end): line-wrap gaps removed, LaTeX escapes
  // undone, "https://" added when there is no scheme.
  std::string CleanUrl(size_t start, size_t end, const std::vector<Span>& gaps,
                       StartKind kind) const {
    std::string url;
    if (kind != StartKind::kScheme) url = "https://";
    size_t g = 0;
    for (size_t i = start; i < end; ++i) {
      if (g < gaps.size() && i == gaps[g].start) {
        i = gaps[g].end - 1;
        ++g;
        continue;
      }
      if (text_[i] == '\\' && i + 1 < end && IsLatexEscapable(text_[i + 1])) continue;
      if (IsInvisibleMarkAt(text_, i) && i + 3 <= end) {
        i += 2;
        continue;
      }
      url.push_back(text_[i]);
    }
    return url;
  }

  std::string_view text_;
};

}  // namespace

std::vector<Candidate> FindCandidates(std::string_view text) { return LinkScanner(text).FindAll(); }

}  // namespace links_internal
}  // namespace citex
