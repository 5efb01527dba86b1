// The citation pass. See docs/citations.md for the rules and their reasons.
//
// Five finders run over the abstract, each producing "callouts" (one piece of
// text that cites one or more works, with one record per cited work):
//   1. identifiers: arXiv ids and DOIs                       (priority 0)
//   2. groups: author-year items inside (...) or [...]       (priority 1)
//   3. narrative: Wang et al. (2023), Wang and Li [2023]      (priority 2)
//   4. bare: Grafton et al. 1995, Adler and Dashen, 1968      (priority 3)
//   5. numeric brackets: [1], [2-4], [1, 3, 5]               (priority 4)
// Callouts are accepted in priority order when they do not overlap one
// already accepted, then the records are returned in text order.
#include "extractor/passes/citations/citations.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/passes/citations/citation_patterns.h"

namespace citex {
namespace {

namespace cp = citation_patterns;

using re2::StringPiece;

RE2::Options MakeOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_max_mem(64 << 20);
  options.set_log_errors(true);
  return options;
}

const RE2& Re(const std::string& pattern) {
  // Callers keep the returned reference in a function-local static.
  static const RE2::Options options = MakeOptions();
  return *new RE2(pattern, options);
}

// Group item: (1) authors, (2) years. Searched inside a group's content.
const RE2& GroupItemRe() {
  static const RE2& re = Re(cp::GroupItemPattern());
  return re;
}

// Years continuing the previous item after a semicolon. Matched anchored at
// the end of an item: (1) years.
const RE2& ContinuedYearsRe() {
  static const RE2& re = Re(cp::ContinuedYearsPattern());
  return re;
}

// Organisation item inside a group: (1) the capitals, (2) years.
const RE2& OrganisationItemRe() {
  static const RE2& re = Re(cp::OrganisationItemPattern());
  return re;
}

// Narrative: (1) authors, (2) years in parentheses or (3) in brackets.
const RE2& NarrativeRe() {
  static const RE2& re = Re(cp::NarrativePattern());
  return re;
}

// Bare (no brackets): same shape as a group item; needs "et al." or "and".
const RE2& BareRe() { return GroupItemRe(); }

const RE2& ParenGroupRe() {
  static const RE2& re = Re(cp::kParenGroup);
  return re;
}
const RE2& BracketGroupRe() {
  static const RE2& re = Re(cp::kBracketGroup);
  return re;
}
const RE2& NumericBracketRe() {
  static const RE2& re = Re(cp::kNumericBracket);
  return re;
}
const RE2& NumberOrRangeRe() {
  static const RE2& re = Re(cp::kNumberOrRange);
  return re;
}
const RE2& SurnameRe() {
  static const RE2& re = Re(std::string("(") + cp::kSurname + ")");
  return re;
}
const RE2& EtAlRe() {
  static const RE2& re = Re(cp::kEtAl);
  return re;
}
const RE2& JoinRe() {
  static const RE2& re = Re(cp::kAuthorJoin);
  return re;
}
const RE2& YearTokenRe() {
  static const RE2& re = Re(cp::kYearToken);
  return re;
}
const RE2& ArxivNewRe() {
  static const RE2& re = Re(cp::kArxivNew);
  return re;
}
const RE2& ArxivOldRe() {
  static const RE2& re = Re(cp::kArxivOld);
  return re;
}
const RE2& ArxivUrlRe() {
  static const RE2& re = Re(cp::kArxivUrl);
  return re;
}
const RE2& DoiRe() {
  static const RE2& re = Re(cp::kDoi);
  return re;
}

// Capitalised words that are never surnames at the start of an author list:
// sentence openers, document parts and months ("However, Smith (2020)",
// "Section (2017)", "(June 2023)").
bool IsStopName(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "However",     "In",         "On",           "At",        "As",        "By",
      "For",         "From",       "To",           "With",      "Since",     "Following",
      "Unlike",      "Like",       "While",        "Whereas",   "Recently",  "Moreover",
      "Furthermore", "Also",       "Thus",         "Then",      "Here",      "We",
      "Our",         "The",        "This",         "That",      "These",     "Those",
      "See",         "Both",       "And",          "But",       "Or",        "Although",
      "After",       "Before",     "During",       "Finally",   "First",     "Second",
      "Third",       "Similarly",  "Specifically", "Notably",   "Compared",  "Building",
      "Based",       "Using",      "Inspired",     "Previous",  "Prior",     "Recent",
      "Early",       "Later",      "Until",        "Between",   "Among",     "Across",
      "Within",      "Section",    "Sections",     "Sec",       "Figure",    "Figures",
      "Fig",         "Figs",       "Table",        "Tables",    "Eq",        "Equation",
      "Equations",   "Appendix",   "Chapter",      "Algorithm", "Theorem",   "Lemma",
      "Proposition", "Definition", "Corollary",    "Step",      "Stage",     "Phase",
      "Version",     "Release",    "Part",         "Example",   "Exercise",  "Question",
      "Task",        "Level",      "Round",        "Track",     "Challenge", "Summer",
      "Winter",      "Spring",     "Fall",         "Autumn",    "January",   "February",
      "March",       "April",      "May",          "June",      "July",      "August",
      "September",   "October",    "November",     "December",  "Jan",       "Feb",
      "Mar",         "Apr",        "Jun",          "Jul",       "Aug",       "Sep",
      "Sept",        "Oct",        "Nov",          "Dec",       "Since",     "Year",
      "Years",       "Data",       "Dataset",      "Datasets",  "Test",      "Update",
      "Edition",     "Vol",        "Volume",       "No",        "Issue",     "Cf",
      "See",         "Note",       "Source",       "Sources",   "Copyright",
  };
  return kStop.count(w) > 0;
}

// Nouns that follow a name and are not part of it ("the MathInstruct dataset").
bool IsGenericNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "dataset",     "datasets",  "benchmark",   "benchmarks",  "model",        "models",
      "method",      "methods",   "framework",   "corpus",      "corpora",      "algorithm",
      "approach",    "library",   "toolkit",     "system",      "architecture", "optimizer",
      "suite",       "task",      "tasks",       "challenge",   "metric",       "loss",
      "network",     "technique", "paradigm",    "family",      "series",       "score",
      "test",        "setting",   "protocol",    "pipeline",    "baseline",     "baselines",
      "data",        "format",    "scheme",      "strategy",    "procedure",    "objective",
      "estimator",   "variant",   "codebase",    "package",     "tool",         "platform",
      "environment", "simulator", "leaderboard", "competition", "evaluation",   "collection",
  };
  return kNouns.count(w) > 0;
}

// Words that end a label from the left ("the Self-Instruct": stop at "the").
bool IsLabelStop(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "The",      "A",       "An",      "Our",   "We",        "In",     "Of",    "On",   "For",
      "With",     "By",      "To",      "And",   "Or",        "As",     "At",    "From", "This",
      "That",     "These",   "Those",   "Its",   "Their",     "His",    "Her",   "It",   "Both",
      "Each",     "All",     "Such",    "E.g.",  "I.e.",      "Cf.",    "See",   "Like", "Unlike",
      "Using",    "Via",     "Section", "Sec.",  "Table",     "Figure", "Fig.",  "Eq.",  "Equation",
      "Appendix", "Chapter", "Theorem", "Lemma", "Algorithm", "Ref.",   "Refs.",
  };
  return kStop.count(w) > 0;
}

// A callout: the text extent it occupies and the records it yields.
struct Callout {
  size_t start = 0;
  size_t end = 0;
  int priority = 0;
  std::vector<Citation> records;
};

size_t Offset(std::string_view text, const StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

Citation MakeRecord(std::string_view text, size_t start, size_t end, CitationKind kind) {
  Citation c;
  c.span = {start, end};
  c.text = std::string(text.substr(start, end - start));
  c.kind = kind;
  return c;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// One surname found in an author list, with its byte offsets.
struct Name {
  std::string text;
  size_t start;
  size_t end;
};

// Splits a matched author list (text[start, end)) into surnames.
std::vector<Name> SplitAuthors(std::string_view text, size_t start, size_t end) {
  std::vector<Name> names;
  StringPiece rest(text.data() + start, end - start);
  StringPiece name;
  // The pattern is one group around the whole of it, so the whole match is
  // the name; asking RE2 for the whole match only spares it a submatch engine.
  while (SurnameRe().Match(rest, 0, rest.size(), RE2::UNANCHORED, &name, 1)) {
    rest.remove_prefix(static_cast<size_t>(name.data() + name.size() - rest.data()));
    std::string s(name.data(), name.size());
    // Possessives are not part of the name: "Smith's (2020) method".
    for (std::string_view suffix : {"'s", "’s"}) {
      if (s.size() > suffix.size() &&
          s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
        s.resize(s.size() - suffix.size());
      }
    }
    while (!s.empty() && (s.back() == '-' || s.back() == '\'')) s.pop_back();
    names.push_back({s, Offset(text, name), Offset(text, name) + name.size()});
  }
  return names;
}

bool HasEtAl(std::string_view text, size_t start, size_t end) {
  StringPiece piece(text.data() + start, end - start);
  return RE2::PartialMatch(piece, EtAlRe());
}

bool HasJoin(std::string_view text, size_t start, size_t end) {
  StringPiece piece(text.data() + start, end - start);
  return RE2::PartialMatch(piece, JoinRe());
}

// A year token inside a matched year list.
struct YearToken {
  std::string year;  // with suffix
  size_t start;
  size_t end;
};

// Splits "2020, 2021" / "2020a, b" into years. A lone letter continues the
// previous year only when that year had a suffix letter itself ("2020a, b").
std::vector<YearToken> SplitYears(std::string_view text, size_t start, size_t end) {
  std::vector<YearToken> years;
  StringPiece rest(text.data() + start, end - start);
  StringPiece digits, suffix, letter;
  std::string base;
  bool base_had_suffix = false;
  while (RE2::FindAndConsume(&rest, YearTokenRe(), &digits, &suffix, &letter)) {
    if (!digits.empty()) {
      base = std::string(digits.data(), digits.size());
      base_had_suffix = !suffix.empty();
      size_t s = Offset(text, digits);
      years.push_back(
          {base + std::string(suffix.data(), suffix.size()), s, s + digits.size() + suffix.size()});
    } else if (!letter.empty() && base_had_suffix) {
      size_t s = Offset(text, letter);
      years.push_back({base + std::string(letter.data(), letter.size()), s, s + 1});
    } else {
      break;
    }
  }
  return years;
}

// Builds the records of one author-year callout. `first_end`: where the first
// record ends (nullopt: at the end of the first year). Returns nothing when
// the authors are all stop words.
std::vector<Citation> AuthorYearRecords(std::string_view text, size_t authors_start,
                                        size_t authors_end, size_t years_start, size_t years_end,
                                        std::optional<size_t> first_end) {
  std::vector<Name> names = SplitAuthors(text, authors_start, authors_end);
  if (names.empty() && authors_end > authors_start) {
    // An organisation in capitals (only from OrganisationItemRe).
    names.push_back({std::string(text.substr(authors_start, authors_end - authors_start)),
                     authors_start, authors_end});
  }
  bool et_al = HasEtAl(text, authors_start, authors_end);
  // Drop leading stop words ("However, Smith and Jones (2020)").
  size_t first = 0;
  while (first < names.size() && IsStopName(names[first].text)) ++first;
  if (first == names.size()) return {};
  std::vector<YearToken> years = SplitYears(text, years_start, years_end);
  if (years.empty()) return {};
  std::vector<std::string> authors;
  for (size_t i = first; i < names.size(); ++i) authors.push_back(names[i].text);
  size_t start = names[first].start;
  std::vector<Citation> out;
  for (size_t i = 0; i < years.size(); ++i) {
    size_t s = i == 0 ? start : years[i].start;
    size_t e = i == 0 ? first_end.value_or(years[0].end) : years[i].end;
    Citation c = MakeRecord(text, s, e, CitationKind::kAuthorYear);
    c.authors = authors;
    c.et_al = et_al;
    c.year = years[i].year;
    out.push_back(std::move(c));
  }
  return out;
}

// Narrative author lists: a comma list is an author list only when it ends
// in "and"/"&" or "et al."; otherwise only the last name is the author.
size_t NarrativeAuthorsStart(std::string_view text, size_t start, size_t end) {
  if (HasJoin(text, start, end) || HasEtAl(text, start, end)) return start;
  std::vector<Name> names = SplitAuthors(text, start, end);
  return names.empty() ? start : names.back().start;
}

// ---- labels -----------------------------------------------------------

constexpr size_t kLabelLookback = 80;

bool IsSentenceEnd(std::string_view token) {
  if (token.empty()) return false;
  char c = token.back();
  return c == '.' || c == '!' || c == '?' || c == ':';
}

// Name-like: a letter or digit first, and an upper-case letter or a digit
// somewhere (Self-Instruct, muParam, MATH, Phi-2, MIMIC-III, GPT-4).
bool IsNameLike(std::string_view token) {
  static const RE2& shape = Re(cp::kLabelToken);
  static const RE2& marked = Re(cp::kLabelMark);
  StringPiece piece(token.data(), token.size());
  return RE2::FullMatch(piece, shape) && RE2::PartialMatch(piece, marked);
}

// A capitalised ordinary word: one capital, then lower-case ASCII only.
bool IsPlainCapitalised(std::string_view token) {
  if (token.size() < 2 || !IsAsciiUpper(token[0])) return false;
  for (size_t i = 1; i < token.size(); ++i) {
    if (!IsAsciiLower(token[i])) return false;
  }
  return true;
}

// Quote pairs that may wrap a label.
struct QuotePair {
  std::string_view open;
  std::string_view close;
};
constexpr std::array<QuotePair, 5> kQuotes = {
    {{"\"", "\""}, {"“", "”"}, {"‘", "’"}, {"'", "'"}, {"«", "»"}}};

// The name the text gives the cited work, read from at most kLabelLookback
// bytes before `open` (the group's opening bracket). `floor`: nothing before
// it belongs to this callout's context (the end of the previous callout).
std::optional<std::string> FindLabel(std::string_view text, size_t open, size_t floor) {
  size_t lo = open > kLabelLookback ? open - kLabelLookback : 0;
  lo = std::max(lo, floor);
  std::string_view w = text.substr(lo, open - lo);
  while (!w.empty() && IsWhitespace(w.back())) w.remove_suffix(1);
  // A quoted name: the "Lottery Ticket Hypothesis" (Frankle & Carbin 2019).
  for (const QuotePair& q : kQuotes) {
    if (!EndsWith(w, q.close)) continue;
    std::string_view inner = w.substr(0, w.size() - q.close.size());
    size_t at = inner.rfind(q.open);
    if (at == std::string_view::npos) continue;
    // The opening quote starts a word: not the apostrophe of "it's".
    if (at > 0 && !IsWhitespace(inner[at - 1]) && inner[at - 1] != '(') continue;
    std::string_view label = inner.substr(at + q.open.size());
    if (label.empty() || label.size() > 60 || IsWhitespace(label.front())) continue;
    return std::string(label);
  }
  // Whitespace-separated tokens, last first.
  std::vector<std::string_view> tokens;
  bool window_starts_text = lo == 0;
  {
    size_t end = w.size();
    while (end > 0 && tokens.size() < 6) {
      size_t s = end;
      while (s > 0 && !IsWhitespace(w[s - 1])) --s;
      tokens.push_back(w.substr(s, end - s));
      end = s;
      while (end > 0 && IsWhitespace(w[end - 1])) --end;
      if (end == 0 && s == 0) break;
    }
    // If the window was cut mid-text, the farthest token may be a fragment.
    if (!window_starts_text && !tokens.empty() && end == 0 && lo > floor &&
        !IsWhitespace(text[lo - 1])) {
      tokens.pop_back();
    }
  }
  size_t i = 0;
  if (i < tokens.size() && IsGenericNoun(tokens[i])) ++i;
  size_t run_begin = i;
  while (i < tokens.size() && i - run_begin < 4 && IsNameLike(tokens[i]) &&
         !IsLabelStop(tokens[i]) && !IsSentenceEnd(tokens[i]) && tokens[i].back() != ',' &&
         tokens[i].back() != ';' && tokens[i].back() != ')') {
    ++i;
  }
  if (i == run_begin) return std::nullopt;
  // An author's possessive is not a name for the work ("Kurepa's [Kurepa 1971]").
  if (EndsWith(tokens[run_begin], "'s") || EndsWith(tokens[run_begin], "’s")) {
    return std::nullopt;
  }
  // The farthest token of the run, at the start of a sentence, is just a
  // capitalised word ("Research (Brown 2019)").
  size_t last = i - 1;
  bool at_sentence_start =
      (i == tokens.size() && window_starts_text) || (i < tokens.size() && IsSentenceEnd(tokens[i]));
  if (at_sentence_start && IsPlainCapitalised(tokens[last])) {
    if (last == run_begin) return std::nullopt;
    --last;
  }
  // tokens[run_begin..last] are in reverse order; they are contiguous in w.
  const char* b = tokens[last].data();
  const char* e = tokens[run_begin].data() + tokens[run_begin].size();
  std::string label(b, static_cast<size_t>(e - b));
  // A label names something: a bare number or year ("Section 3 [5]",
  // "in 2020 [3]") is not a name.
  bool has_letter = false;
  for (char c : label) {
    has_letter =
        has_letter || IsAsciiUpper(c) || IsAsciiLower(c) || static_cast<unsigned char>(c) >= 0x80;
  }
  if (!has_letter) return std::nullopt;
  return label;
}

// Gives every record of a group the group's label when all of them cite the
// same authors (one work or one series of works); otherwise no label.
void ApplyLabel(std::vector<Citation>* records, const std::optional<std::string>& label) {
  if (!label || records->empty()) return;
  // Numbers say nothing about authors: several numbers are several works.
  if (records->front().kind == CitationKind::kNumeric && records->size() > 1) return;
  for (const Citation& c : *records) {
    if (c.authors != records->front().authors) return;
  }
  for (Citation& c : *records) c.label = label;
}

// ---- prefilters ----------------------------------------------------------

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
bool YearDigitsAt(std::string_view text, size_t i) {
  if (i + 4 > text.size()) return false;
  const char a = text[i], b = text[i + 1];
  const bool lead = (a == '1' && b >= '6' && b <= '9') || (a == '2' && b == '0');
  return lead && IsAsciiDigit(text[i + 2]) && IsAsciiDigit(text[i + 3]);
}

bool DigitsAt(std::string_view text, size_t i, size_t count) {
  if (i + count > text.size()) return false;
  for (size_t k = 0; k < count; ++k) {
    if (!IsAsciiDigit(text[i + k])) return false;
  }
  return true;
}

char LowerAscii(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Calls f(i) for every i where text[i] == c, in order, via memchr, until f
// returns false (nothing more to learn).
template <typename F>
void ForEachByte(std::string_view text, char c, F f) {
  const char* const data = text.data();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const void* hit = std::memchr(data + i, c, n - i);
    if (hit == nullptr) return;
    i = static_cast<size_t>(static_cast<const char*>(hit) - data);
    if (!f(i)) return;
    ++i;
  }
}

Triggers ScanTriggers(std::string_view text) {
  Triggers t;
  const size_t n = text.size();
  // Every trigger made of digits holds at least four in a row (a year, "10."
  // and four digits, "/" and seven digits), and any four consecutive
  // positions hold exactly one multiple of 4. So only digits at multiples of
  // 4 are looked at, and around each one every place where such a trigger
  // could start that covers it.
  for (size_t i = 0; i < n; i += 4) {
    if (!IsAsciiDigit(text[i])) continue;
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
  }
  t.paren = text.find('(') != std::string_view::npos;
  ForEachByte(text, '[', [&](size_t i) {
    t.bracket = true;
    // Walks forward over the whitespace run after this '[' only.
    size_t j = i + 1;
    while (j < n && IsWhitespace(text[j])) ++j;
    if (j < n && IsAsciiDigit(text[j])) t.numeric_bracket = true;
    return !t.numeric_bracket;
  });
  auto arxiv_at = [&](size_t i) {  // text[i] is 'x' or 'X'
    if (i >= 2 && i + 3 <= n && LowerAscii(text[i - 2]) == 'a' && LowerAscii(text[i - 1]) == 'r' &&
        LowerAscii(text[i + 1]) == 'i' && LowerAscii(text[i + 2]) == 'v') {
      t.arxiv_word = true;
      if (text.compare(i - 2, 10, "arxiv.org/") == 0) t.arxiv_host = true;
    }
    return !t.arxiv_host;
  };
  ForEachByte(text, 'x', arxiv_at);
  ForEachByte(text, 'X', arxiv_at);
  return t;
}

// Whether text[start, end) holds a year: without one no group item matches.
bool HasYearDigits(std::string_view text, size_t start, size_t end) {
  for (size_t i = start; i + 4 <= end; ++i) {
    if (YearDigitsAt(text, i)) return true;
  }
  return false;
}

// ---- finders -----------------------------------------------------------

// Whether content[pos] starts whitespace and then ';': kContinuedYears
// (anchored at pos) needs it.
bool NextNonSpaceIsSemicolon(std::string_view content, size_t pos) {
  while (pos < content.size() && IsWhitespace(content[pos])) ++pos;
  return pos < content.size() && content[pos] == ';';
}

// Whether the organisation pattern may match in content: it needs a ','
// with a capital right before it (A-Z, or the last byte of a non-ASCII one)
// and a year right after it, whitespace allowed between. Each ',' walks over
// the whitespace runs next to it only, so the scan is linear.
bool MayHoldOrganisationItem(std::string_view content) {
  for (size_t c = content.find(','); c != std::string_view::npos; c = content.find(',', c + 1)) {
    size_t b = c;
    while (b > 0 && IsWhitespace(content[b - 1])) --b;
    if (b == 0) continue;
    const auto last = static_cast<unsigned char>(content[b - 1]);
    if (!IsAsciiUpper(content[b - 1]) && last < 0x80) continue;
    size_t a = c + 1;
    while (a < content.size() && IsWhitespace(content[a])) ++a;
    if (YearDigitsAt(content, a)) return true;
  }
  return false;
}

// GroupItemRe.Match(text, startpos, text.size(), UNANCHORED, m, 3), with the
// groups read off the whole match instead of from RE2's submatch engine,
// which is several times slower than its DFAs on this large pattern. The
// whole match is NameStart, authors (group 1), a separator and years
// (group 2), and the groups follow from it alone:
//   - NameStart excludes letters and an author list starts with one, so
//     the list starts at the first byte when that is an ASCII letter and
//     at the second when it is another ASCII byte (NameStart took it);
//     a non-ASCII first byte is left to RE2;
//   - neither NameStart, nor the authors, nor the separator holds an ASCII
//     digit, and the years start with one: group 2 starts at the first
//     digit and runs to the end of the match;
//   - the separator is only whitespace (RE2's \s) and commas, and an author
//     list ends in a letter, mark, ' ’ - '.' or "s": group 1 ends before
//     the whitespace and commas that precede the years.
bool MatchGroupItem(const RE2& re, const StringPiece& text, size_t startpos,
                    std::array<StringPiece, 3>* m) {
  StringPiece& whole = (*m)[0];
  if (!re.Match(text, startpos, text.size(), RE2::UNANCHORED, &whole, 1)) return false;
  const std::string_view w(whole.data(), whole.size());
  if (w.empty() || static_cast<unsigned char>(w[0]) >= 0x80) {
    return re.Match(text, startpos, text.size(), RE2::UNANCHORED, m->data(), 3);
  }
  const size_t as = IsAsciiUpper(w[0]) || IsAsciiLower(w[0]) ? 0 : 1;
  size_t ys = as;
  while (ys < w.size() && !IsAsciiDigit(w[ys])) ++ys;
  size_t ae = ys;
  while (ae > as && (w[ae - 1] == ' ' || w[ae - 1] == '\t' || w[ae - 1] == '\n' ||
                     w[ae - 1] == '\f' || w[ae - 1] == '\r' || w[ae - 1] == ',')) {
    --ae;
  }
  if (ys == w.size() || ae == as) {  // not reached for a match of the pattern
    return re.Match(text, startpos, text.size(), RE2::UNANCHORED, m->data(), 3);
  }
  (*m)[1] = StringPiece(w.data() + as, ae - as);
  (*m)[2] = StringPiece(w.data() + ys, w.size() - ys);
  return true;
}

// Author-year items inside one group's content (text[cs, ce)).
std::vector<Citation> GroupItems(std::string_view text, size_t cs, size_t ce) {
  std::vector<Citation> out;
  StringPiece content(text.data() + cs, ce - cs);
  const RE2& re = GroupItemRe();
  std::array<StringPiece, 3> m;
  size_t pos = 0;
  while (pos < content.size() && MatchGroupItem(re, content, pos, &m)) {
    size_t as = Offset(text, m[1]), ae = as + m[1].size();
    size_t ys = Offset(text, m[2]), ye = ys + m[2].size();
    std::vector<Citation> recs = AuthorYearRecords(text, as, ae, ys, ye, std::nullopt);
    size_t next = static_cast<size_t>(m[0].data() + m[0].size() - content.data());
    pos = std::max(next, pos + 1);
    // "; 1999a" after the item: more years by the same authors.
    std::array<StringPiece, 2> cont;
    while (
        !recs.empty() && pos < content.size() && NextNonSpaceIsSemicolon(content, pos) &&
        ContinuedYearsRe().Match(content, pos, content.size(), RE2::ANCHOR_START, cont.data(), 2)) {
      size_t cs2 = Offset(text, cont[1]);
      std::vector<YearToken> more = SplitYears(text, cs2, cs2 + cont[1].size());
      if (more.empty()) break;
      for (const YearToken& y : more) {
        Citation c = MakeRecord(text, y.start, y.end, CitationKind::kAuthorYear);
        c.authors = recs.front().authors;
        c.et_al = recs.front().et_al;
        c.year = y.year;
        recs.push_back(std::move(c));
      }
      pos = cs2 + cont[1].size() - cs;
    }
    for (Citation& c : recs) out.push_back(std::move(c));
  }
  // Organisations: only where no author-year item already is.
  const RE2& org = OrganisationItemRe();
  pos = MayHoldOrganisationItem(content) ? 0 : content.size();
  while (pos < content.size() && org.Match(content, pos, content.size(), RE2::UNANCHORED, m.data(),
                                           static_cast<int>(m.size()))) {
    size_t next = static_cast<size_t>(m[0].data() + m[0].size() - content.data());
    pos = std::max(next, pos + 1);
    size_t as = Offset(text, m[1]), ae = as + m[1].size();
    size_t ys = Offset(text, m[2]), ye = ys + m[2].size();
    bool inside = false;
    for (const Citation& c : out) {
      inside = inside || (as < c.span.end && c.span.start < ye);
    }
    if (inside) continue;
    std::vector<Citation> recs = AuthorYearRecords(text, as, ae, ys, ye, std::nullopt);
    for (Citation& c : recs) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(),
            [](const Citation& a, const Citation& b) { return a.span.start < b.span.start; });
  return out;
}

void FindGroups(std::string_view text, const RE2& group_re, std::vector<Callout>* out) {
  StringPiece rest(text.data(), text.size());
  StringPiece match;
  // The content is the match without its two brackets (one byte each);
  // asking RE2 for the whole match only lets it use its DFA alone.
  while (group_re.Match(rest, 0, rest.size(), RE2::UNANCHORED, &match, 1)) {
    rest.remove_prefix(static_cast<size_t>(match.data() + match.size() - rest.data()));
    size_t cs = Offset(text, match) + 1, ce = cs + match.size() - 2;
    if (!HasYearDigits(text, cs, ce)) continue;  // every item needs a year
    std::vector<Citation> recs = GroupItems(text, cs, ce);
    if (recs.empty()) continue;
    Callout callout;
    callout.start = cs - 1;
    callout.end = ce + 1;
    callout.priority = 1;
    callout.records = std::move(recs);
    out->push_back(std::move(callout));
  }
}

// ---- where a whole-text search may begin ------------------------------
//
// A narrative or bare match is NameStart (one byte or none), an author list,
// a separator, and then the part that holds its trigger: the year of a bare
// item, the "(" or "[" before the years of a narrative one. Everything
// between its first byte and its trigger is author-list text: letters,
// marks, whitespace, ',', '&', '.', '\'', '’' and '-'
// (kSurname, kAuthorJoin, kEtAl, kAuthorYearSep). So an ASCII byte outside
// that set (a "barrier": a digit, a bracket, ';', ':', ...) can only be
// a match's first byte, never lie after it and before its trigger. Given the
// first trigger at or after `pos`, no match starts at or after `pos` and
// before the last barrier ahead of that trigger, and a search from there
// finds the same leftmost match as a search from `pos` (RE2 reads the text
// before its start position as context, and a match begins with NameStart,
// never with ^ or \b alone). The walk back stops at `pos`, and the next search
// starts after the trigger, so every byte is walked over at most once.

bool IsAuthorBarrier(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80 || IsAsciiUpper(c) || IsAsciiLower(c)) return false;
  // RE2's \s is \t \n \f \r and space; \v is let through too, to be safe.
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return false;
  return c != ',' && c != '&' && c != '.' && c != '\'' && c != '-';
}

size_t SearchStart(std::string_view text, size_t pos, size_t trigger) {
  size_t b = trigger;
  while (b > pos && !IsAuthorBarrier(text[b - 1])) --b;
  return b > pos ? b - 1 : pos;
}

// The first s >= pos where a year (kYear's digits) starts; npos if none.
// The four digits of a year cover exactly one of pos, pos + 4, pos + 8, ...;
// only digits there are looked at, and from each one the year starts that
// cover it, in order. Years covering an earlier such position start earlier.
size_t NextYear(std::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); i += 4) {
    if (!IsAsciiDigit(text[i])) continue;
    for (size_t s = i >= pos + 3 ? i - 3 : pos; s <= i; ++s) {
      if (YearDigitsAt(text, s)) return s;
    }
  }
  return std::string_view::npos;
}

// The first i >= pos where "(" or "[", whitespace and a year start; npos if
// none. Whitespace here is a superset of RE2's \s.
size_t NextBracketYear(std::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); ++i) {
    if (text[i] != '(' && text[i] != '[') continue;
    size_t j = i + 1;
    while (j < text.size() && IsWhitespace(text[j])) ++j;
    if (YearDigitsAt(text, j)) return i;
    i = j - 1;  // no '(' or '[' in the whitespace run
  }
  return std::string_view::npos;
}

bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// NarrativeRe().Match(text, startpos, text.size(), UNANCHORED, m, 4), with
// the groups read off the whole match where that is unambiguous (see
// MatchGroupItem): NameStart, authors (group 1), whitespace, "(" or "[",
// whitespace, years (group 2 after "(", group 3 after "["), for "(" an
// optional locator, whitespace, and the closing bracket, the last byte.
//   - group 1 starts as in MatchGroupItem and ends before the whitespace
//     that precedes the first "(" or "[" after its start (an author list
//     holds no bracket and ends in no whitespace);
//   - the years start at the first digit after that bracket and end before
//     the whitespace that precedes the closing bracket (years end in a
//     digit or a letter), except that after "(" a locator may come between:
//     that case is left to RE2 unless the years hold only digits, commas
//     and whitespace (every locator holds a letter or '§').
bool MatchNarrative(const RE2& re, const StringPiece& text, size_t startpos,
                    std::array<StringPiece, 4>* m) {
  StringPiece& whole = (*m)[0];
  if (!re.Match(text, startpos, text.size(), RE2::UNANCHORED, &whole, 1)) return false;
  auto slow = [&] { return re.Match(text, startpos, text.size(), RE2::UNANCHORED, m->data(), 4); };
  const std::string_view w(whole.data(), whole.size());
  if (w.size() < 4 || static_cast<unsigned char>(w[0]) >= 0x80) return slow();
  const size_t as = IsAsciiUpper(w[0]) || IsAsciiLower(w[0]) ? 0 : 1;
  size_t q = as;
  while (q < w.size() && w[q] != '(' && w[q] != '[') ++q;
  if (q >= w.size()) return slow();
  const bool paren = w[q] == '(';
  size_t ae = q;
  while (ae > as && IsRe2Space(w[ae - 1])) --ae;
  size_t ys = q + 1;
  while (ys < w.size() && IsRe2Space(w[ys])) ++ys;
  const size_t close = w.size() - 1;
  if (w[close] != (paren ? ')' : ']')) return slow();
  size_t ye = close;
  while (ye > ys && IsRe2Space(w[ye - 1])) --ye;
  if (ae == as || ys >= ye || !IsAsciiDigit(w[ys])) return slow();
  if (paren) {
    for (size_t i = ys; i < ye; ++i) {
      if (!IsAsciiDigit(w[i]) && w[i] != ',' && !IsRe2Space(w[i])) return slow();
    }
  }
  (*m)[1] = StringPiece(w.data() + as, ae - as);
  const StringPiece years(w.data() + ys, ye - ys);
  (*m)[2] = paren ? years : StringPiece();
  (*m)[3] = paren ? StringPiece() : years;
  return true;
}

void FindNarrative(std::string_view text, std::vector<Callout>* out) {
  StringPiece all(text.data(), text.size());
  const RE2& re = NarrativeRe();
  std::array<StringPiece, 4> m;
  size_t pos = 0;
  while (pos < all.size()) {
    const size_t trigger = NextBracketYear(text, pos);
    if (trigger == std::string_view::npos) break;  // no match at or after pos
    if (!MatchNarrative(re, all, SearchStart(text, pos, trigger), &m)) break;
    size_t end = Offset(text, m[0]) + m[0].size();
    pos = std::max(end, pos + 1);
    const StringPiece& years = m[2].data() != nullptr ? m[2] : m[3];
    size_t as = Offset(text, m[1]), ae = as + m[1].size();
    as = NarrativeAuthorsStart(text, as, ae);
    size_t ys = Offset(text, years), ye = ys + years.size();
    std::vector<Citation> recs = AuthorYearRecords(text, as, ae, ys, ye, end);
    if (recs.empty()) continue;
    Callout callout;
    callout.start = recs.front().span.start;
    callout.end = end;
    callout.priority = 2;
    callout.records = std::move(recs);
    out->push_back(std::move(callout));
  }
}

void FindBare(std::string_view text, std::vector<Callout>* out) {
  StringPiece all(text.data(), text.size());
  const RE2& re = BareRe();
  std::array<StringPiece, 3> m;
  size_t pos = 0;
  while (pos < all.size()) {
    const size_t trigger = NextYear(text, pos);
    if (trigger == std::string_view::npos) break;  // no match at or after pos
    if (!MatchGroupItem(re, all, SearchStart(text, pos, trigger), &m)) break;
    size_t end = Offset(text, m[0]) + m[0].size();
    pos = std::max(end, pos + 1);
    size_t as = Offset(text, m[1]), ae = as + m[1].size();
    size_t ys = Offset(text, m[2]), ye = ys + m[2].size();
    // Without brackets only "et al." or a joined pair with a comma before
    // the year marks a citation: "Grafton et al. 1995", "Adler and Dashen,
    // 1968"; not "COCO 2017", "Windows 2000" or "Division of Particle and
    // Field 2004" (a real abstract).
    bool comma = text.substr(ae, ys - ae).find(',') != std::string_view::npos;
    if (!HasEtAl(text, as, ae) && !(HasJoin(text, as, ae) && comma)) continue;
    std::vector<Citation> recs = AuthorYearRecords(text, as, ae, ys, ye, std::nullopt);
    if (recs.empty()) continue;
    Callout callout;
    callout.start = recs.front().span.start;
    callout.end = recs.back().span.end;
    callout.priority = 3;
    callout.records = std::move(recs);
    out->push_back(std::move(callout));
  }
}

// True when the bracket at text[open] reads as an index or a mathematical
// interval rather than a reference list: preceded directly by a letter, digit,
// "_" or ")" (x[1], f(x)[2]); followed directly by "^", "_" or "(" ([0,1]^d);
// after ":" or "=" ('epochs': [50, 100, 200]); or holding exactly two items
// after "in", "within", "∈" or "\in" (x in [1, 2]), while "as in [1]" stays
// a citation.
bool LooksMathematical(std::string_view text, size_t open, size_t close, size_t items) {
  if (open > 0) {
    char p = text[open - 1];
    if (IsAsciiUpper(p) || IsAsciiLower(p) || IsAsciiDigit(p) || p == '_' || p == ')') {
      return true;
    }
  }
  if (close + 1 < text.size()) {
    char n = text[close + 1];
    if (n == '^' || n == '_' || n == '(') return true;
  }
  size_t lo = open > 24 ? open - 24 : 0;
  std::string_view before = text.substr(lo, open - lo);
  while (!before.empty() && IsWhitespace(before.back())) before.remove_suffix(1);
  // A value in code or a formula: 'epochs': [50, 100, 200], x = [1, 2, 3].
  if (!before.empty() && (before.back() == ':' || before.back() == '=')) {
    return true;
  }
  if (items != 2) return false;
  if (EndsWith(before, "∈") || EndsWith(before, "\\in")) return true;
  // "x in [1, 2]": "in"/"within" after a one-letter variable (or a formula
  // ending in "$" or ")"); "as proposed in [3, 4]" stays a citation.
  for (std::string_view w : {"in", "within"}) {
    if (!EndsWith(before, w)) continue;
    size_t at = before.size() - w.size();
    if (at > 0 && (IsAsciiLower(before[at - 1]) || IsAsciiUpper(before[at - 1]))) {
      continue;  // the end of a longer word ("protein")
    }
    std::string_view prev = before.substr(0, at);
    while (!prev.empty() && IsWhitespace(prev.back())) prev.remove_suffix(1);
    if (prev.empty()) return false;
    char last = prev.back();
    if (last == '$' || last == ')') return true;
    bool one_letter =
        (IsAsciiLower(last) || IsAsciiUpper(last)) &&
        (prev.size() == 1 || IsWhitespace(prev[prev.size() - 2]) || prev[prev.size() - 2] == '(');
    return one_letter;
  }
  return false;
}

void FindNumeric(std::string_view text, std::vector<Callout>* out) {
  StringPiece rest(text.data(), text.size());
  StringPiece content;
  constexpr long kMaxRef = 999;
  constexpr long kMaxRange = 50;
  while (RE2::FindAndConsume(&rest, NumericBracketRe(), &content)) {
    size_t close = Offset(text, rest) - 1;
    size_t open = text.rfind('[', Offset(text, content));
    if (open == std::string_view::npos) continue;
    // Parse "a, b-c, d"; every piece must be a number or an ascending range.
    std::vector<Citation> recs;
    bool ok = true;
    StringPiece items = content;
    StringPiece lo_s, hi_s;
    size_t consumed_end = Offset(text, content);
    long last = 0;
    size_t pieces = 0;
    auto tail_is_close = [&](size_t at) {
      std::string_view t = text.substr(at, close - at);
      return t.find_first_not_of(" \t\n") == std::string_view::npos;
    };
    while (ok && RE2::FindAndConsume(&items, NumberOrRangeRe(), &lo_s, &hi_s)) {
      size_t s = Offset(text, lo_s);
      // Only separators between pieces: spaces and one comma.
      std::string_view gap = text.substr(consumed_end, s - consumed_end);
      size_t commas = std::count(gap.begin(), gap.end(), ',');
      bool gap_ok =
          recs.empty() ? gap.find_first_not_of(" \t\n") == std::string_view::npos : commas == 1;
      // No leading zeros ([001]); no lone Miller index ([100], [110], [111]).
      bool leading_zero = lo_s[0] == '0' || (!hi_s.empty() && hi_s[0] == '0');
      bool miller =
          recs.empty() && hi_s.empty() && lo_s.size() == 3 &&
          std::string_view(lo_s.data(), 3).find_first_not_of("01") == std::string_view::npos;
      if (!gap_ok || lo_s.size() > 3 || hi_s.size() > 3 || leading_zero ||
          (miller && tail_is_close(Offset(text, lo_s) + 3))) {
        ok = false;
        break;
      }
      long lo = std::stol(std::string(lo_s.data(), lo_s.size()));
      long hi = hi_s.empty() ? lo : std::stol(std::string(hi_s.data(), hi_s.size()));
      size_t e = hi_s.empty() ? s + lo_s.size() : Offset(text, hi_s) + hi_s.size();
      consumed_end = e;
      // Numbers ascend through the list: [10, 2] is not a reference list.
      if (lo < 1 || hi > kMaxRef || hi < lo || hi - lo > kMaxRange || lo <= last) {
        ok = false;
        break;
      }
      last = hi;
      ++pieces;
      for (long n = lo; n <= hi; ++n) {
        Citation c = MakeRecord(text, s, e, CitationKind::kNumeric);
        c.id = std::to_string(n);
        recs.push_back(std::move(c));
      }
    }
    if (!ok || recs.empty()) continue;
    if (LooksMathematical(text, open, close, pieces)) continue;
    // Nothing but spaces may follow the last piece.
    std::string_view tail =
        text.substr(consumed_end, Offset(text, content) + content.size() - consumed_end);
    if (tail.find_first_not_of(" \t\n") != std::string_view::npos) continue;
    Callout callout;
    callout.start = open;
    callout.end = close + 1;
    callout.priority = 4;
    callout.records = std::move(recs);
    out->push_back(std::move(callout));
  }
}

// Cuts trailing punctuation and unbalanced closing brackets from a DOI.
size_t TrimDoi(std::string_view doi) {
  size_t n = doi.size();
  while (n > 0) {
    char c = doi[n - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '!' || c == '?') {
      --n;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      std::string_view s = doi.substr(0, n);
      if (std::count(s.begin(), s.end(), open) < std::count(s.begin(), s.end(), c)) {
        --n;
        continue;
      }
    }
    break;
  }
  return n;
}

void FindIdentifiers(std::string_view text, const Triggers& t, std::vector<Callout>* out) {
  auto scan = [&](const RE2& re, CitationKind kind) {
    StringPiece all(text.data(), text.size());
    std::array<StringPiece, 2> m;
    size_t pos = 0;
    while (pos < all.size() && re.Match(all, pos, all.size(), RE2::UNANCHORED, m.data(), 2)) {
      size_t s = Offset(text, m[0]);
      size_t e = s + m[0].size();
      pos = std::max(e, pos + 1);
      std::string id(m[1].data(), m[1].size());
      if (kind == CitationKind::kDoi) {
        size_t keep = TrimDoi(id);
        e -= id.size() - keep;
        id.resize(keep);
        if (id.find('/') == std::string::npos || EndsWith(id, "/")) continue;
      }
      Callout callout;
      callout.start = s;
      callout.end = e;
      callout.priority = 0;
      Citation c = MakeRecord(text, s, e, kind);
      c.id = id;
      callout.records.push_back(std::move(c));
      out->push_back(std::move(callout));
    }
  };
  // URLs first: they are longer than the id they contain.
  if (t.arxiv_host) scan(ArxivUrlRe(), CitationKind::kArxiv);
  if (t.doi) scan(DoiRe(), CitationKind::kDoi);
  if (t.arxiv_word) scan(ArxivNewRe(), CitationKind::kArxiv);
  if (t.old_id) scan(ArxivOldRe(), CitationKind::kArxiv);
}

}  // namespace

std::vector<Citation> FindCitations(std::string_view abstract) {
  std::vector<Callout> callouts;
  const Triggers t = ScanTriggers(abstract);
  FindIdentifiers(abstract, t, &callouts);
  if (t.year && t.paren) FindGroups(abstract, ParenGroupRe(), &callouts);
  if (t.year && t.bracket) FindGroups(abstract, BracketGroupRe(), &callouts);
  if (t.year_in_bracket) FindNarrative(abstract, &callouts);
  if (t.year) FindBare(abstract, &callouts);
  if (t.numeric_bracket) FindNumeric(abstract, &callouts);
  if (callouts.empty()) return {};

  // Accept by priority, then by position; drop what overlaps.
  std::stable_sort(callouts.begin(), callouts.end(), [](const Callout& a, const Callout& b) {
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.start < b.start;
  });
  // Accepted extents are disjoint: keep them ordered by start and check only
  // the neighbours (O(log n) per callout, even for hostile input).
  std::map<size_t, size_t> taken;  // start -> end
  std::vector<const Callout*> accepted;
  for (const Callout& c : callouts) {
    auto next = taken.lower_bound(c.start);
    if (next != taken.end() && next->first < c.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.start) continue;
    if (c.start == c.end) continue;
    taken.emplace(c.start, c.end);
    accepted.push_back(&c);
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const Callout* a, const Callout* b) { return a->start < b->start; });

  std::vector<Citation> result;
  size_t floor = 0;
  for (const Callout* c : accepted) {
    std::vector<Citation> recs = c->records;
    // Labels for bracketed callouts (groups and numeric brackets) only.
    if (c->priority == 1 || c->priority == 4) {
      ApplyLabel(&recs, FindLabel(abstract, c->start, floor));
    }
    for (Citation& r : recs) result.push_back(std::move(r));
    floor = c->end;
  }
  return result;
}

namespace {
class CitationPass : public Pass {
 public:
  std::string_view name() const override { return "citations"; }
  void Run(Paper& paper) const override { paper.citations = FindCitations(paper.abstract); }
};
}  // namespace

std::unique_ptr<const Pass> MakeCitationPass() { return std::make_unique<CitationPass>(); }

}  // namespace citex
