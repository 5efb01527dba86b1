// The link pass. See docs/links.md for the rules and extractor/link_patterns.h
// for the patterns.
//
// Three stages, each linear in the length of the abstract:
//   1. Find: RE2 finds where a link may start (kLinkStart); a hand-written
//      forward scan decides where it ends (brackets, quotes, LaTeX residue,
//      CJK punctuation, arXiv line wraps) and trims what a reader would not
//      copy. Every byte is scanned a bounded number of times.
//   2. Classify: the cleaned url is parsed into host and path segments and
//      mapped to kind/type/name.
//   3. Read the sentence: status and role come from cue patterns matched on a
//      bounded window of the sentence that holds the link.
#include "extractor/passes/links/links.h"

#include <re2/re2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/passes/links/link_patterns.h"

namespace citex {
namespace {

// How many bytes of the sentence before and after a link are read for cues.
// Bounding the window keeps the pass linear when a hostile "sentence" holds
// thousands of links.
constexpr size_t kWindowBefore = 300;
constexpr size_t kWindowAfter = 200;
// A third-party cue this close before the link, with no release or own cue
// after it, makes the link third-party ("we use LLaMA (LINK)").
constexpr size_t kNearBefore = 50;
// A link is joined across at most this many line wraps (real ones have one or
// two); the bound keeps hostile input linear.
constexpr size_t kMaxJoins = 8;

RE2::Options Latin1Options() {
  // The cue patterns are ASCII; Latin-1 mode lets them run over any bytes,
  // including invalid UTF-8, without surprises.
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(true);
  return options;
}

struct CompiledPatterns {
  RE2 link_start{link_patterns::kLinkStart, Latin1Options()};
  RE2 github_title{link_patterns::kGithubPageTitle, Latin1Options()};
  RE2 arxiv_path{link_patterns::kArxivPath, Latin1Options()};
  RE2 doi_path{link_patterns::kDoiPath, Latin1Options()};
  RE2 coming_soon{link_patterns::kComingSoonCue, Latin1Options()};
  RE2 released{link_patterns::kReleasedCue, Latin1Options()};
  RE2 label_before{link_patterns::kLabelBefore, Latin1Options()};
  RE2 own{link_patterns::kOwnCue, Latin1Options()};
  RE2 third_party{link_patterns::kThirdPartyCue, Latin1Options()};
  RE2 project_page{link_patterns::kProjectPageCue, Latin1Options()};
};

const CompiledPatterns& Patterns() {
  // Built once, on first use; C++11 guarantees thread-safe initialisation.
  static const CompiledPatterns* const patterns = new CompiledPatterns;
  return *patterns;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// The path of a url with a scheme ("/abs/2301.00001" of
// "https://arxiv.org/abs/2301.00001?x#y"); empty when it has none.
re2::StringPiece PathOf(std::string_view url) {
  const size_t path_start = url.find('/', url.find("://") + 3);
  if (path_start == std::string_view::npos) return re2::StringPiece();
  size_t path_end = url.find_first_of("?#", path_start);
  if (path_end == std::string_view::npos) path_end = url.size();
  return re2::StringPiece(url.data() + path_start, path_end - path_start);
}

// Whether c is one of the characters of `set` (never true for '\0').
bool InSet(const char* set, char c) { return c != '\0' && std::strchr(set, c) != nullptr; }

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

// One link found in the text, before classification.
struct Candidate {
  size_t start = 0;  // first byte of `text`
  size_t end = 0;    // one past the last byte of `text`
  std::string url;   // cleaned, with a scheme
};

// The scheme-less start kinds of kLinkStart.
enum class StartKind { kScheme, kWww, kCodeHost, kGithubIo };

// Host and path segments of a cleaned url ("https://host/a/b?q#f").
struct ParsedUrl {
  std::string host;                   // lower-cased, no userinfo, port or "www."
  std::vector<std::string> segments;  // non-empty path segments, as written
};

ParsedUrl ParseUrl(std::string_view url) {
  ParsedUrl parsed;
  size_t p = url.find("://");
  p = (p == std::string_view::npos) ? 0 : p + 3;
  size_t auth_end = url.find_first_of("/?#", p);
  if (auth_end == std::string_view::npos) auth_end = url.size();
  std::string_view auth = url.substr(p, auth_end - p);
  if (size_t at = auth.rfind('@'); at != std::string_view::npos) auth = auth.substr(at + 1);
  if (size_t colon = auth.rfind(':'); colon != std::string_view::npos) auth = auth.substr(0, colon);
  parsed.host = AsciiLower(auth);
  if (StartsWithNoCase(parsed.host, "www.")) parsed.host.erase(0, 4);
  size_t path_end = url.find_first_of("?#", auth_end);
  if (path_end == std::string_view::npos) path_end = url.size();
  std::string_view path = url.substr(auth_end, path_end - auth_end);
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) parsed.segments.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  return parsed;
}

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

// How many path segments a code host needs before its link names a thing:
// github.com/owner/repo needs 2, huggingface.co/datasets/owner/name 3.
size_t SegmentsNeeded(const ParsedUrl& url) {
  if (url.host == "github.com") return 2;
  if (url.host == "huggingface.co" || url.host == "hf.co") {
    if (!url.segments.empty() && (url.segments[0] == "datasets" || url.segments[0] == "spaces" ||
                                  url.segments[0] == "collections")) {
      return 3;
    }
    return 2;
  }
  return 0;
}

// Prefilters: cheap byte scans that say whether a pattern can match at all.
// Each is a necessary condition for its pattern, so skipping the pattern
// when it is false leaves the result unchanged; most abstracts hold no link.

// Whether text[i, i + lower.size()) equals `lower` ignoring ASCII case (the
// patterns' (?i) in Latin-1 mode folds no byte onto an ASCII letter but its
// other case).
bool EqualsNoCaseAt(std::string_view text, size_t i, std::string_view lower) {
  return i <= text.size() && StartsWithNoCase(text.substr(i), lower);
}

// Which of the two whole-text patterns may match.
//   start: kLinkStart. Every alternative holds "://" or a '.' that "www"
//          precedes or "co/", "com/" or "github.io" follows (any case).
//   title: kGithubPageTitle. It holds "github" (any case), whitespace and a
//          '-'; found from the '-', walking back only over the whitespace
//          run before it, so the runs walked are disjoint.
struct LinkTriggers {
  bool start = false;
  bool title = false;
};

LinkTriggers ScanLinkTriggers(std::string_view text) {
  LinkTriggers t;
  const size_t n = text.size();
  // Looks at the byte at i, one of ':', '.' and '-'.
  auto visit = [&](size_t i) {
    const char c = text[i];
    if (c == ':') {
      if (text.compare(i, 3, "://") == 0) t.start = true;
    } else if (c == '.') {
      // Most dots end a sentence or a number: a quick look first.
      const char prev = i > 0 ? AsciiLower(text[i - 1]) : '\0';
      const char next = i + 1 < n ? AsciiLower(text[i + 1]) : '\0';
      if (prev != 'w' && next != 'c' && next != 'g') return;
      if ((i >= 3 && EqualsNoCaseAt(text, i - 3, "www")) || EqualsNoCaseAt(text, i + 1, "co/") ||
          EqualsNoCaseAt(text, i + 1, "com/") || EqualsNoCaseAt(text, i + 1, "github.io")) {
        t.start = true;
      }
    } else if (!t.title && i > 0 && IsWhitespace(text[i - 1])) {
      size_t j = i;
      while (j > 0 && IsWhitespace(text[j - 1])) --j;
      if (j < i && j >= 6 && EqualsNoCaseAt(text, j - 6, "github")) t.title = true;
    }
  };
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i dash = _mm_set1_epi8('-');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, dot)), _mm_cmpeq_epi8(v, dash));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    while (mask != 0) {
      visit(i + static_cast<size_t>(__builtin_ctz(mask)));
      mask &= mask - 1;
    }
    if (t.start && t.title) return t;
  }
#endif
  for (; i < n; ++i) {
    if (text[i] == ':' || text[i] == '.' || text[i] == '-') visit(i);
  }
  return t;
}

class LinkScanner {
 public:
  explicit LinkScanner(std::string_view text) : text_(text) {}

  // Every link in text order, duplicates included.
  std::vector<Candidate> FindAll() {
    std::vector<Candidate> out;
    const LinkTriggers triggers = ScanLinkTriggers(text_);
    if (!triggers.start) {
      if (triggers.title) AddGithubPageTitles(&out);
      return out;
    }
    const RE2& start_re = Patterns().link_start;
    size_t pos = 0;
    // Only the whole match is asked for: RE2 then finds it with its DFAs
    // alone, while asking for groups makes it also run a slower submatch
    // engine over each match. The alternative that matched is read off the matched literal,
    // which no two alternatives share: a scheme ends in "://", a code host
    // in another '/', ".github.io" starts with '.', and "www." is the rest.
    re2::StringPiece match;
    const re2::StringPiece input(text_.data(), text_.size());
    while (pos < text_.size() &&
           start_re.Match(input, pos, text_.size(), RE2::UNANCHORED, &match, 1)) {
      size_t start = static_cast<size_t>(match.data() - text_.data());
      const std::string_view literal(match.data(), match.size());
      StartKind kind = StartKind::kWww;
      if (EndsWith(literal, "://")) {
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
    }
    if (triggers.title) AddGithubPageTitles(&out);
    return out;
  }

 private:
  // Adds "GitHub - owner/repo" titles that no link covers, keeping `out`
  // in text order.
  void AddGithubPageTitles(std::vector<Candidate>* out) const {
    const RE2& title_re = Patterns().github_title;
    re2::StringPiece input(text_.data(), text_.size());
    re2::StringPiece repo;
    std::vector<Candidate> titles;
    while (RE2::FindAndConsume(&input, title_re, &repo)) {
      Candidate cand;
      cand.start = static_cast<size_t>(repo.data() - text_.data());
      cand.end = cand.start + repo.size();
      cand.url = "https://github.com/" + std::string(repo.data(), repo.size());
      titles.push_back(std::move(cand));
    }
    if (titles.empty()) return;
    std::vector<Candidate> merged;
    merged.reserve(out->size() + titles.size());
    size_t a = 0;
    for (Candidate& t : titles) {
      while (a < out->size() && (*out)[a].start < t.start) merged.push_back(std::move((*out)[a++]));
      const bool overlaps = (!merged.empty() && merged.back().end > t.start) ||
                            (a < out->size() && (*out)[a].start < t.end);
      if (!overlaps) merged.push_back(std::move(t));
    }
    while (a < out->size()) merged.push_back(std::move((*out)[a++]));
    *out = std::move(merged);
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
    // Check the host before scanning the rest, so that a rejected start
    // costs only its authority and the search resumes past it.
    if (kind == StartKind::kScheme || kind == StartKind::kWww) {
      const size_t auth_start = kind == StartKind::kScheme ? body : start;
      size_t auth_end = auth_start;
      while (auth_end < n) {
        const size_t len = AuthorityCharLength(auth_end);
        if (len == 0) break;
        auth_end += len;
      }
      size_t trimmed = auth_end;
      while (trimmed > auth_start && (text_[trimmed - 1] == '.' || text_[trimmed - 1] == ':')) {
        --trimmed;
      }
      if (!IsValidAuthority(text_.substr(auth_start, trimmed - auth_start),
                            kind == StartKind::kWww)) {
        // No link starts inside a rejected authority except one glued
        // after it ("http://xhttps://..."): back up by the length of "https:".
        *resume = std::max(start + 1, auth_end > 6 ? auth_end - 6 : 0);
        return false;
      }
      host_end = auth_end;
    } else if (kind == StartKind::kGithubIo) {
      // ".github.io" alone, "-x.github.io", "x..github.io" are not hosts;
      // "x.github.iox" or "x.github.io_y" is another host.
      if (!IsValidAuthority(text_.substr(start, body - start), false)) return false;
      if (body < n) {
        const auto c = static_cast<unsigned char>(text_[body]);
        if (IsAsciiAlnum(c) || c == '-' || c == '_') return false;
      }
    }
    size_t i = body;
    size_t paren = 0, bracket = 0, squote = 0, dquote = 0;
    std::vector<Span> gaps;  // line-wrap joins: newline + indentation
    const bool host_only = kind != StartKind::kCodeHost && host_end < n &&
                           !InSet("/?#", text_[host_end]) && text_[host_end] != '\n';
    if (host_only) i = host_end;
    while (!host_only) {
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
        if (c == '\'') ++squote;
        if (c == '"') ++dquote;
        ++i;
      }
      size_t next = 0;
      if (i < n && text_[i] == '\n' && gaps.size() < kMaxJoins &&
          JoinsNextLine(start, i, gaps, kind, &next)) {
        gaps.push_back(Span{i, next});
        i = next;
        continue;
      }
      break;
    }
    size_t end = i;
    // Trim what a reader would not copy.
    while (end > body) {
      const char c = text_[end - 1];
      if (InSet(".,;:!?*~\\", c)) {
        if (end >= 2 && text_[end - 2] == '\\' && c != '\\') {
          end -= 2;  // an escaped "\~" at the end goes with its backslash
          continue;
        }
        --end;
        continue;
      }
      if (c == '\'' && squote % 2 == 1) {
        --squote;
        --end;
        continue;
      }
      if (c == '"' && dquote % 2 == 1) {
        --dquote;
        --end;
        continue;
      }
      if (c == '(' || c == '[') {
        --end;
        continue;
      }
      break;
    }
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
      url.push_back(text_[i]);
    }
    return url;
  }

  std::string_view text_;
};

// The first i' >= i where text[i'] is '\n', '.', '!' or '?'; n if none.
size_t NextSentenceByte(std::string_view text, size_t i) {
  const size_t n = text.size();
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, dot)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < n && text[i] != '\n' && text[i] != '.' && text[i] != '!' && text[i] != '?') ++i;
  return i;
}

// Sentence boundaries: a sentence ends after . ! ? followed by whitespace (or
// the end), except after common abbreviations, and at a blank line. Dots
// inside links are skipped. Returns sorted end offsets; the last is n.
std::vector<size_t> SentenceEnds(std::string_view text, const std::vector<Candidate>& links) {
  std::vector<size_t> ends;
  size_t link = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    // Only '\n', '.', '!' and '?' can end a sentence; the bytes between are
    // skipped (a link among them is skipped below all the same).
    i = NextSentenceByte(text, i);
    if (i >= n) break;
    while (link < links.size() && links[link].end <= i) ++link;
    if (link < links.size() && links[link].start <= i) {
      i = links[link].end - 1;
      continue;
    }
    const char c = text[i];
    if (c == '\n' && i + 1 < n && text[i + 1] == '\n') {
      ends.push_back(i + 1);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    if (i + 1 < n && !(text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\t')) continue;
    if (c == '.') {
      // The word before the dot, at most 8 bytes back.
      size_t w = i;
      while (w > 0 && i - w < 8 && static_cast<unsigned char>(text[w - 1]) > 0x20) --w;
      std::string word = AsciiLower(text.substr(w, i - w));
      if (!word.empty() && word[0] == '(') word.erase(0, 1);
      // "e.g." and "i.e." are letters and dots; "7.62%." ends a sentence.
      bool dotted = word.find('.') != std::string::npos;
      for (char ch : word) dotted = dotted && ((ch >= 'a' && ch <= 'z') || ch == '.');
      if (word.size() <= 1 || dotted || word == "al" || word == "vs" || word == "cf" ||
          word == "fig" || word == "eq" || word == "no" || word == "sec" || word == "approx") {
        continue;
      }
    }
    ends.push_back(i + 1);
  }
  ends.push_back(n);
  return ends;
}

// The normalised window of text around links[index]: lower-cased ASCII,
// whitespace runs as one space, every link (this one too) as " LINK ".
// `before` is the part that ends at this link.
void Window(std::string_view text, const std::vector<Candidate>& links, size_t index,
            size_t sentence_start, size_t sentence_end, std::string* before, std::string* full) {
  const Candidate& self = links[index];
  const size_t from =
      std::max(sentence_start, self.start > kWindowBefore ? self.start - kWindowBefore : 0);
  const size_t to = std::min(sentence_end, self.end + kWindowAfter);
  // The first link that could overlap the window.
  size_t link = static_cast<size_t>(
      std::lower_bound(links.begin(), links.end(), from,
                       [](const Candidate& c, size_t pos) { return c.end <= pos; }) -
      links.begin());
  std::string out;
  out.reserve(to - from + 16);
  bool space = false;
  for (size_t i = from; i < to; ++i) {
    if (link < links.size() && links[link].start <= i) {
      if (link == index) *before = out;
      out += " LINK ";
      i = std::max(i, links[link].end) - 1;
      ++link;
      space = true;
      continue;
    }
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '~') {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    space = false;
    out.push_back(AsciiLower(c));
  }
  while (!before->empty() && before->back() == ' ') before->pop_back();
  *full = std::move(out);
}

// Drops the markup that may stand between a label and its link, so that
// "code: \url{LINK", "code: <a href=\"LINK" and "code: (LINK" read as
// "code:". Bounded: each round removes at least one character.
void StripMarkupTail(std::string* s) {
  for (int round = 0; round < 8; ++round) {
    const size_t before = s->size();
    while (!s->empty() && InSet(" {([<\"'=", s->back())) s->pop_back();
    size_t w = s->size();
    while (w > 0 && (*s)[w - 1] >= 'a' && (*s)[w - 1] <= 'z') --w;
    const std::string word = s->substr(w);
    if (w > 0 && (*s)[w - 1] == '\\') {
      s->resize(w - 1);  // \url, \href
    } else if (word == "href" && w >= 3 && s->compare(w - 3, 3, "<a ") == 0) {
      s->resize(w - 3);
    }
    if (s->size() == before) break;
  }
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Whether the link is the object of a third-party cue: one stands in the
// last kNearBefore bytes before it ("we use LLaMA (LINK)", "built on DINO
// (LINK)", "baselines from LINK") and no release or own cue comes between
// ("our code, based on PyTorch, is available at LINK" is own).
bool GovernedByThirdPartyCue(std::string_view before) {
  const CompiledPatterns& re = Patterns();
  re2::StringPiece near(
      before.data() + (before.size() > kNearBefore ? before.size() - kNearBefore : 0),
      std::min(before.size(), kNearBefore));
  const char* last_end = nullptr;
  while (RE2::FindAndConsume(&near, re.third_party)) last_end = near.data();
  if (last_end == nullptr) return false;
  const re2::StringPiece after(last_end,
                               static_cast<size_t>(before.data() + before.size() - last_end));
  return !RE2::PartialMatch(after, re.released) && !RE2::PartialMatch(after, re.own);
}

struct Classification {
  LinkKind kind = LinkKind::kOther;
  std::string type = "page";
  std::string name;
};

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string StripGitSuffix(std::string s) {
  if (EndsWith(s, ".git")) s.resize(s.size() - 4);
  return s;
}

Classification Classify(std::string_view url) {
  const CompiledPatterns& re = Patterns();
  const ParsedUrl u = ParseUrl(url);
  const auto& seg = u.segments;
  Classification c;
  if (u.host == "github.com") {
    c.kind = LinkKind::kGithub;
    if (seg.empty()) return c;
    if ((seg[0] == "orgs" || seg[0] == "users") && seg.size() >= 2) {
      c.type = "user";
      c.name = seg[1];
      return c;
    }
    if (IsOneOf(seg[0], {"features",      "topics",
                         "collections",   "marketplace",
                         "explore",       "sponsors",
                         "settings",      "about",
                         "pricing",       "enterprise",
                         "login",         "join",
                         "search",        "trending",
                         "apps",          "site",
                         "security",      "orgs",
                         "users",         "readme",
                         "events",        "customer-stories",
                         "notifications", "new"})) {
      return c;
    }
    if (seg.size() == 1) {
      c.type = "user";
      c.name = seg[0];
      return c;
    }
    c.type = "repo";
    c.name = seg[0] + "/" + StripGitSuffix(seg[1]);
    return c;
  }
  if (u.host == "gist.github.com") {
    c.kind = LinkKind::kGithub;
    c.type = "gist";
    if (seg.size() >= 2) c.name = seg[0] + "/" + seg[1];
    if (seg.size() == 1) c.name = seg[0];
    return c;
  }
  if (u.host == "raw.githubusercontent.com") {
    c.kind = LinkKind::kGithub;
    c.type = "file";
    if (seg.size() >= 2) c.name = seg[0] + "/" + seg[1];
    return c;
  }
  if (EndsWith(u.host, ".github.io")) {
    c.kind = LinkKind::kProject;
    return c;
  }
  if (u.host == "huggingface.co" || u.host == "hf.co") {
    c.kind = LinkKind::kHuggingface;
    if (seg.empty()) return c;
    const std::string& s0 = seg[0];
    if (s0 == "datasets" || s0 == "spaces" || s0 == "collections") {
      if (seg.size() >= 3) {
        c.type = s0 == "datasets" ? "dataset" : s0 == "spaces" ? "space" : "collection";
        c.name = seg[1] + "/" + seg[2];
      } else if (seg.size() == 2 && s0 == "datasets") {
        c.type = "dataset";  // a canonical dataset without an owner ("squad")
        c.name = seg[1];
      }
      return c;
    }
    if (s0 == "papers") {
      if (seg.size() >= 2) {
        c.type = "paper";
        c.name = seg[1];
      }
      return c;
    }
    if (s0 == "docs" || s0 == "blog") {
      c.type = s0;
      return c;
    }
    if (s0 == "organizations" && seg.size() >= 2) {
      c.type = "user";
      c.name = seg[1];
      return c;
    }
    if (IsOneOf(s0, {"models", "tasks", "learn", "join", "login", "pricing", "settings", "chat",
                     "api", "posts", "enterprise", "organizations", "new", "terms-of-service",
                     "privacy", "inference-endpoints", "spaces", "search"})) {
      return c;
    }
    if (seg.size() == 1) {
      c.type = "user";
      c.name = s0;
      return c;
    }
    c.type = "model";
    c.name = s0 + "/" + seg[1];
    return c;
  }
  if (u.host == "arxiv.org" || u.host == "export.arxiv.org") {
    c.kind = LinkKind::kArxiv;
    const re2::StringPiece path = PathOf(url);
    std::string id;
    if (RE2::FullMatch(path, re.arxiv_path, static_cast<void*>(nullptr), &id)) {
      c.type = "paper";
      c.name = id;
    }
    return c;
  }
  if (u.host == "doi.org" || u.host == "dx.doi.org") {
    c.kind = LinkKind::kDoi;
    const re2::StringPiece path = PathOf(url);
    std::string doi;
    if (RE2::FullMatch(path, re.doi_path, &doi)) {
      c.type = "paper";
      c.name = doi;
    }
    return c;
  }
  if (IsOneOf(u.host, {"gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com"})) {
    if (seg.size() == 1) {
      c.type = "user";
      c.name = seg[0];
    } else if (seg.size() >= 2) {
      c.type = "repo";
      c.name = seg[0] + "/" + StripGitSuffix(seg[1]);
    }
    return c;
  }
  if (u.host == "sourceforge.net") {
    if (seg.size() >= 2 && (seg[0] == "projects" || seg[0] == "p")) {
      c.type = "repo";
      c.name = seg[1];
    }
    return c;
  }
  if (u.host == "anonymous.4open.science") {
    // The anonymous code host reviewers are sent to: /r/<id>/...
    if (seg.size() >= 2 && seg[0] == "r") {
      c.type = "repo";
      c.name = seg[1];
    }
    return c;
  }
  return c;
}

// The key under which two links count as the same: the url case-folded,
// without a trailing slash ("https://x.io/{https://x.io}" is one link;
// http:// and https:// are two, as are github.com and www.github.com).
std::string DedupKey(std::string_view url) {
  std::string key = AsciiLower(url);
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

}  // namespace

std::vector<Link> FindLinks(std::string_view abstract) {
  std::vector<Link> result;
  if (abstract.empty()) return result;
  const std::vector<Candidate> candidates = LinkScanner(abstract).FindAll();
  if (candidates.empty()) return result;
  const CompiledPatterns& re = Patterns();
  const std::vector<size_t> sentence_ends = SentenceEnds(abstract, candidates);
  std::unordered_set<std::string> seen;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& cand = candidates[k];
    if (!seen.insert(DedupKey(cand.url)).second) continue;
    Link link;
    link.url = cand.url;
    link.text = std::string(abstract.substr(cand.start, cand.end - cand.start));
    link.span = Span{cand.start, cand.end};
    Classification cls = Classify(cand.url);
    // The sentence that holds the link.
    auto it = std::upper_bound(sentence_ends.begin(), sentence_ends.end(), cand.start);
    const size_t sentence_end = it == sentence_ends.end() ? abstract.size() : *it;
    const size_t sentence_start = it == sentence_ends.begin() ? 0 : *(it - 1);
    std::string before, full;
    Window(abstract, candidates, k, sentence_start, sentence_end, &before, &full);
    const re2::StringPiece full_sp(full);
    std::string label_text = before;
    StripMarkupTail(&label_text);
    const bool label = RE2::PartialMatch(label_text, re.label_before);
    if (RE2::PartialMatch(full_sp, re.coming_soon)) {
      link.status = Status::kComingSoon;
    } else if (label || RE2::PartialMatch(full_sp, re.released)) {
      link.status = Status::kReleased;
    }
    if (GovernedByThirdPartyCue(before)) {
      link.role = Role::kThirdParty;
    } else if (RE2::PartialMatch(full_sp, re.own)) {
      link.role = Role::kOwn;
    } else if (link.status != Status::kUnknown || label) {
      link.role = Role::kOwn;
    } else if (RE2::PartialMatch(full_sp, re.third_party)) {
      link.role = Role::kThirdParty;
    }
    if (cls.kind == LinkKind::kOther && cls.type == "page" &&
        RE2::PartialMatch(full_sp, re.project_page)) {
      cls.kind = LinkKind::kProject;
    }
    link.kind = cls.kind;
    link.type = std::move(cls.type);
    link.name = std::move(cls.name);
    result.push_back(std::move(link));
  }
  return result;
}

namespace {
class LinkPass : public Pass {
 public:
  std::string_view name() const override { return "links"; }
  void Run(Paper& paper) const override { paper.links = FindLinks(paper.abstract); }
};
}  // namespace

std::unique_ptr<const Pass> MakeLinkPass() { return std::make_unique<LinkPass>(); }

}  // namespace citex
