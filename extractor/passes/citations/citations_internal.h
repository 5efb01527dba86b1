// What the files of the citation pass share: the callout type, the compiled
// patterns' constructor, the author-year helpers and each finder. Internal to
// extractor/passes/citations/ (and its tests); FindCitations in citations.h is
// the public face.
#pragma once

#include <re2/re2.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/model.h"
#include "extractor/passes/citations/citations.h"

namespace citex::citation_internal {

using re2::StringPiece;

// A pattern, compiled on first use in the form the text needs (UTF-8,
// 64 MiB). For text that is all ASCII its Unicode classes are narrowed to
// their ASCII members (AsciiOnly): on such text both forms match exactly the
// same spans, and the narrowed one compiles some 40 times faster (\p{L}
// alone is hundreds of UTF-8 ranges), which is most of what one short
// abstract costs, and runs in a smaller DFA. Callers keep it in a
// function-local static; each thread compiles its own (base/per_thread.h
// says why).
class Pattern {
 public:
  explicit Pattern(const std::string& pattern);
  // The form for the text this thread's AsciiText scope declares (the
  // pattern as written outside one).
  const RE2& get() const;

 private:
  std::string forms_[2];  // as written, narrowed to ASCII
  int ascii_form_;        // 1, or 0 when narrowing changes nothing
  size_t slot_;           // of its forms in each thread's compiled patterns
};

// Declares, for this thread while it lives, whether every text the patterns
// search is ASCII (FindCitations sets it for the abstract: the finders only
// search the abstract and its parts).
class AsciiText {
 public:
  explicit AsciiText(bool ascii);
  ~AsciiText();
  AsciiText(const AsciiText&) = delete;
  AsciiText& operator=(const AsciiText&) = delete;

 private:
  bool outer_;
};

// `pattern` as it reads ASCII text: \p{Lu} \p{Ll} \p{L} \p{N} narrowed to
// A-Z a-z A-Za-z 0-9, \p{M} and non-ASCII class members dropped (text without
// them cannot match them). A pattern this cannot narrow safely (other
// classes, ranges to non-ASCII, case folding) comes back unchanged.
std::string AsciiOnly(std::string_view pattern);

// A callout: the text extent it occupies and the records it yields.
struct Callout {
  size_t start = 0;
  size_t end = 0;
  int priority = 0;
  std::vector<Citation> records;
};

inline size_t Offset(std::string_view text, const StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

Citation MakeRecord(std::string_view text, size_t start, size_t end, CitationKind kind);

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// ---- author-year helpers (authors.cc) ----------------------------------

bool HasEtAl(std::string_view text, size_t start, size_t end);
bool HasJoin(std::string_view text, size_t start, size_t end);

// A year token inside a matched year list.
struct YearToken {
  std::string year;  // with suffix
  size_t start;
  size_t end;
};

// Splits "2020, 2021" / "2020a, b" into years. A lone letter continues the
// previous year only when that year had a suffix letter itself ("2020a, b").
std::vector<YearToken> SplitYears(std::string_view text, size_t start, size_t end);

// Builds the records of one author-year callout. `first_end`: where the first
// record ends (nullopt: at the end of the first year). Returns nothing when
// the authors are all stop words.
std::vector<Citation> AuthorYearRecords(std::string_view text, size_t authors_start,
                                        size_t authors_end, size_t years_start, size_t years_end,
                                        std::optional<size_t> first_end);

// Narrative author lists: a comma list is an author list only when it ends
// in "and"/"&" or "et al."; otherwise only the last name is the author.
size_t NarrativeAuthorsStart(std::string_view text, size_t start, size_t end);

// ---- labels (labels.cc) ------------------------------------------------

// The name the text gives the cited work, read from at most kLabelLookback
// bytes before `open` (the group's opening bracket). `floor`: nothing before
// it belongs to this callout's context (the end of the previous callout).
std::optional<std::string> FindLabel(std::string_view text, size_t open, size_t floor);

// Gives every record of a group the group's label when all of them cite the
// same authors (one work or one series of works); otherwise no label.
void ApplyLabel(std::vector<Citation>* records, const std::optional<std::string>& label);

// ---- prefilters (triggers.cc) -------------------------------------------

// Which finders can match at all, from one cheap byte scan of the text. Each
// flag is a necessary condition for its patterns to match anywhere: a
// finder whose flag is false would find nothing, so skipping it leaves the
// result unchanged. Most abstracts hold no year, bracket number or
// identifier, and then no pattern runs over them. The checks are ASCII
// supersets of what the patterns need (\d and \s are ASCII in RE2; every
// whitespace byte RE2's \s accepts is skipped here too).
struct Triggers {
  bool year = false;             // 1[6-9]dd or 20dd: kYear, in every author-year form
  bool year_in_bracket = false;  // "(" or "[", whitespace, a year: the narrative form
  bool numeric_bracket = false;  // "[", whitespace, a digit: kNumericBracket
  bool arxiv_word = false;       // "arxiv" in any case: kArxivNew
  bool arxiv_host = false;       // "arxiv.org/": kArxivUrl
  bool old_id = false;           // "/" then seven digits: kArxivOld
  bool doi = false;              // "10." then four digits: kDoi
  bool paren = false;            // "(": kParenGroup
  bool bracket = false;          // "[": kBracketGroup
};

// Whether text[i, i+4) is 1600-2099 as digits (kYear without its suffix).
bool YearDigitsAt(std::string_view text, size_t i);

// Which finders can match in `text`, from one cheap byte scan.
Triggers ScanTriggers(std::string_view text);

// Whether text[start, end) holds a year: without one no group item matches.
bool HasYearDigits(std::string_view text, size_t start, size_t end);

// ---- finders -------------------------------------------------------------

// Callouts the finders together collect at most: a hostile record of
// millions of "(Smith 2020)" must not cost gigabytes. Four times the
// citations kept, since overlapping forms compete for the same text.
inline constexpr size_t kMaxCallouts = 4 * kMaxCitationsPerPaper;
inline bool Full(const std::vector<Callout>& out) { return out.size() >= kMaxCallouts; }

// Author-year forms (author_year.cc). The group patterns and the fast paths
// are here so that the tests can check them against plain RE2.
const RE2& GroupItemRe();
const RE2& NarrativeRe();
const RE2& ParenGroupRe();
const RE2& BracketGroupRe();
bool MatchGroupItem(const RE2& re, const StringPiece& text, size_t startpos,
                    std::array<StringPiece, 3>* m);
bool MatchNarrative(const RE2& re, const StringPiece& text, size_t startpos,
                    std::array<StringPiece, 4>* m);
void FindGroups(std::string_view text, const RE2& group_re, std::vector<Callout>* out);
void FindNarrative(std::string_view text, std::vector<Callout>* out);
void FindBare(std::string_view text, std::vector<Callout>* out);

// Numeric brackets (numeric.cc).
void FindNumeric(std::string_view text, std::vector<Callout>* out);

// arXiv ids and DOIs (identifiers.cc).
void FindIdentifiers(std::string_view text, const Triggers& t, std::vector<Callout>* out);

}  // namespace citex::citation_internal
