// Internal to the link pass (extractor/passes/links/): what its three stages
// hand each other. Not part of citex's interface.
//   link_find.cc      1. find where each link starts and ends, clean its url
//   link_classify.cc  2. map the url to kind, category, type, name, canonical
//   link_cues.cc      3. read the sentence around it for status and role
//   links.cc          the pass: the three in order, each link once
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/model.h"
#include "extractor/passes/links/links.h"

namespace citex {
namespace links_internal {

// The patterns are ASCII; Latin-1 mode lets them run over any bytes,
// including invalid UTF-8, without surprises.
inline RE2::Options Latin1Options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(true);
  return options;
}

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether `s` starts with `prefix` (lower case) ignoring ASCII case.
inline bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Whether c is one of the characters of `set` (never true for '\0').
inline bool InSet(const char* set, char c) { return c != '\0' && std::strchr(set, c) != nullptr; }

// One link found in the text, before classification.
struct Candidate {
  size_t start = 0;  // first byte of `text`
  size_t end = 0;    // one past the last byte of `text`
  std::string url;   // cleaned, with a scheme
};

// Candidates FindCandidates returns at most: a hostile record of a million
// urls must not cost gigabytes. Four times the links kept, as repeats of
// one url are candidates too.
inline constexpr size_t kMaxCandidates = 4 * kMaxLinksPerPaper;

// Stage 1. Every link of `text` in text order, duplicates included.
std::vector<Candidate> FindCandidates(std::string_view text);

// The prefilter of stage 1: which of the two whole-text patterns may match.
//   start: kLinkStart. Every alternative holds "://" or a '.' that "www"
//          precedes or "co/", "com/" or "github.io" follows (any case).
//   title: kGithubPageTitle. It holds "github" (any case), whitespace and a
//          '-'; found from the '-', walking back only over the whitespace
//          run before it, so the runs walked are disjoint.
//   bare:  a bare domain: a letter or digit, '.', and a lower-case top-level
//          label of kBareDomainTlds or of two letters, not followed by a
//          letter, digit, '-' or '_'.
// Each is a necessary condition for its pattern, so skipping the pattern
// when it is false leaves the result unchanged; most abstracts hold no link.
struct LinkTriggers {
  bool start = false;
  bool title = false;
  bool bare = false;
};
LinkTriggers ScanLinkTriggers(std::string_view text);
// What the ':', '.' or '-' at text[i] sets in `t`. ScanLinkTriggers visits
// only the bytes where it can set something (a '.' with a letter after it
// or a 'w' before it, a '-' after whitespace); the tests visit them all.
void VisitLinkTrigger(std::string_view text, size_t i, LinkTriggers& t);

// Where kLinkStart is searched for: each of its matches holds a trigger
// byte (the ':' or '.' that sets LinkTriggers::start), at most
// kStartBeforeTrigger bytes after the match begins ("huggingface.co/": 11)
// and with the match ending at most kStartAfterTrigger bytes after it
// (".github.io": 10; "https:" and a gap "  \n  //": 8). So a search needs
// only the few bytes around each trigger, not the whole text.
inline constexpr size_t kStartBeforeTrigger = 11;
inline constexpr size_t kStartAfterTrigger = 10;
// The first trigger byte of kLinkStart at or after `from`; npos if none.
size_t NextStartTrigger(std::string_view text, size_t from);

// Host and path segments of a cleaned url ("https://host/a/b?q#f").
struct ParsedUrl {
  std::string host;                   // lower-cased, no userinfo, port or "www."
  std::vector<std::string> segments;  // non-empty path segments, as written
};
ParsedUrl ParseUrl(std::string_view url);

// How many path segments a code host needs before its link names a thing:
// github.com/owner/repo needs 2, huggingface.co/datasets/owner/name 3.
// Stage 1 joins a line wrap after a '/' when fewer are there.
size_t SegmentsNeeded(const ParsedUrl& url);

// Stage 2: sets what the url names (kind, category, type, name, expires)
// and its canonical form, from the hosts table.
void Classify(std::string_view url, Link* link);

// Stage 3. Sentence boundaries of `text`: sorted end offsets, the last is
// text.size(). Dots inside `links` are skipped.
std::vector<size_t> SentenceEnds(std::string_view text, const std::vector<Candidate>& links);

// Stage 3: sets link->status and link->role from the sentence that holds
// links[index], and makes a page on an unknown host (kind kOther, type
// "page") a kProject when the sentence calls it a project page.
void ReadSentence(std::string_view text, const std::vector<Candidate>& links, size_t index,
                  const std::vector<size_t>& sentence_ends, Link* link);

}  // namespace links_internal
}  // namespace citex
