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
#include "extractor/citations.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractor/citation_patterns.h"

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
      "However", "In", "On", "At", "As", "By", "For", "From", "To", "With",
      "Since", "Following", "Unlike", "Like", "While", "Whereas", "Recently",
      "Moreover", "Furthermore", "Also", "Thus", "Then", "Here", "We", "Our",
      "The", "This", "That", "These", "Those", "See", "Both", "And", "But",
      "Or", "Although", "After", "Before", "During", "Finally", "First",
      "Second", "Third", "Similarly", "Specifically", "Notably", "Compared",
      "Building", "Based", "Using", "Inspired", "Previous", "Prior", "Recent",
      "Early", "Later", "Until", "Between", "Among", "Across", "Within",
      "Section", "Sections", "Sec", "Figure", "Figures", "Fig", "Figs", "Table",
      "Tables", "Eq", "Equation", "Equations", "Appendix", "Chapter", "Algorithm",
      "Theorem", "Lemma", "Proposition", "Definition", "Corollary", "Step",
      "Stage", "Phase", "Version", "Release", "Part", "Example", "Exercise",
      "Question", "Task", "Level", "Round", "Track", "Challenge", "Summer",
      "Winter", "Spring", "Fall", "Autumn", "January", "February", "March",
      "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
      "Sep", "Sept", "Oct", "Nov", "Dec", "Since", "Year", "Years", "Data",
      "Dataset", "Datasets", "Test", "Update", "Edition", "Vol", "Volume",
      "No", "Issue", "Cf", "See", "Note", "Source", "Sources", "Copyright",
  };
  return kStop.count(w) > 0;
}

// Nouns that follow a name and are not part of it ("the MathInstruct dataset").
bool IsGenericNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "dataset", "datasets", "benchmark", "benchmarks", "model", "models",
      "method", "methods", "framework", "corpus", "corpora", "algorithm",
      "approach", "library", "toolkit", "system", "architecture", "optimizer",
      "suite", "task", "tasks", "challenge", "metric", "loss", "network",
      "technique", "paradigm", "family", "series", "score", "test", "setting",
      "protocol", "pipeline", "baseline", "baselines", "data", "format",
      "scheme", "strategy", "procedure", "objective", "estimator", "variant",
      "codebase", "package", "tool", "platform", "environment", "simulator",
      "leaderboard", "competition", "evaluation", "collection",
  };
  return kNouns.count(w) > 0;
}

// Words that end a label from the left ("the Self-Instruct": stop at "the").
bool IsLabelStop(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "The", "A", "An", "Our", "We", "In", "Of", "On", "For", "With", "By",
      "To", "And", "Or", "As", "At", "From", "This", "That", "These", "Those",
      "Its", "Their", "His", "Her", "It", "Both", "Each", "All", "Such",
      "E.g.", "I.e.", "Cf.", "See", "Like", "Unlike", "Using", "Via",
      "Section", "Sec.", "Table", "Figure", "Fig.", "Eq.", "Equation",
      "Appendix", "Chapter", "Theorem", "Lemma", "Algorithm", "Ref.", "Refs.",
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

Citation MakeRecord(std::string_view text, size_t start, size_t end,
                    CitationKind kind) {
  Citation c;
  c.span = {start, end};
  c.text = std::string(text.substr(start, end - start));
  c.kind = kind;
  return c;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// One surname found in an author list, with its byte offsets.
struct Name {
  std::string text;
  size_t start;
  size_t end;
};

// Splits a matched author list (text[start, end)) into surnames.
std::vector<Name> SplitAuthors(std::string_view text, size_t start,
                               size_t end) {
  std::vector<Name> names;
  StringPiece rest(text.data() + start, end - start);
  StringPiece name;
  while (RE2::FindAndConsume(&rest, SurnameRe(), &name)) {
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
std::vector<YearToken> SplitYears(std::string_view text, size_t start,
                                  size_t end) {
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
      years.push_back({base + std::string(suffix.data(), suffix.size()), s,
                       s + digits.size() + suffix.size()});
    } else if (!letter.empty() && base_had_suffix) {
      size_t s = Offset(text, letter);
      years.push_back({base + std::string(letter.data(), letter.size()), s,
                       s + 1});
    } else {
      break;
    }
  }
  return years;
}

// Builds the records of one author-year callout. `first_end`: where the first
// record ends (nullopt: at the end of the first year). Returns nothing when
// the authors are all stop words.
std::vector<Citation> AuthorYearRecords(std::string_view text,
                                        size_t authors_start,
                                        size_t authors_end, size_t years_start,
                                        size_t years_end,
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
constexpr std::array<QuotePair, 5> kQuotes = {{{"\"", "\""},
                                               {"“", "”"},
                                               {"‘", "’"},
                                               {"'", "'"},
                                               {"«", "»"}}};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The name the text gives the cited work, read from at most kLabelLookback
// bytes before `open` (the group's opening bracket). `floor`: nothing before
// it belongs to this callout's context (the end of the previous callout).
std::optional<std::string> FindLabel(std::string_view text, size_t open,
                                     size_t floor) {
  size_t lo = open > kLabelLookback ? open - kLabelLookback : 0;
  lo = std::max(lo, floor);
  std::string_view w = text.substr(lo, open - lo);
  while (!w.empty() && IsSpace(w.back())) w.remove_suffix(1);
  // A quoted name: the "Lottery Ticket Hypothesis" (Frankle & Carbin 2019).
  for (const QuotePair& q : kQuotes) {
    if (!EndsWith(w, q.close)) continue;
    std::string_view inner = w.substr(0, w.size() - q.close.size());
    size_t at = inner.rfind(q.open);
    if (at == std::string_view::npos) continue;
    // The opening quote starts a word: not the apostrophe of "it's".
    if (at > 0 && !IsSpace(inner[at - 1]) && inner[at - 1] != '(') continue;
    std::string_view label = inner.substr(at + q.open.size());
    if (label.empty() || label.size() > 60 || IsSpace(label.front())) continue;
    return std::string(label);
  }
  // Whitespace-separated tokens, last first.
  std::vector<std::string_view> tokens;
  bool window_starts_text = lo == 0;
  {
    size_t end = w.size();
    while (end > 0 && tokens.size() < 6) {
      size_t s = end;
      while (s > 0 && !IsSpace(w[s - 1])) --s;
      tokens.push_back(w.substr(s, end - s));
      end = s;
      while (end > 0 && IsSpace(w[end - 1])) --end;
      if (end == 0 && s == 0) break;
    }
    // If the window was cut mid-text, the farthest token may be a fragment.
    if (!window_starts_text && !tokens.empty() && end == 0 && lo > floor &&
        !IsSpace(text[lo - 1])) {
      tokens.pop_back();
    }
  }
  size_t i = 0;
  if (i < tokens.size() && IsGenericNoun(tokens[i])) ++i;
  size_t run_begin = i;
  while (i < tokens.size() && i - run_begin < 4 && IsNameLike(tokens[i]) &&
         !IsLabelStop(tokens[i]) && !IsSentenceEnd(tokens[i]) &&
         tokens[i].back() != ',' && tokens[i].back() != ';' &&
         tokens[i].back() != ')') {
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
      (i == tokens.size() && window_starts_text) ||
      (i < tokens.size() && IsSentenceEnd(tokens[i]));
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
    has_letter = has_letter || IsAsciiUpper(c) || IsAsciiLower(c) ||
                 static_cast<unsigned char>(c) >= 0x80;
  }
  if (!has_letter) return std::nullopt;
  return label;
}

// Gives every record of a group the group's label when all of them cite the
// same authors (one work or one series of works); otherwise no label.
void ApplyLabel(std::vector<Citation>* records,
                const std::optional<std::string>& label) {
  if (!label || records->empty()) return;
  // Numbers say nothing about authors: several numbers are several works.
  if (records->front().kind == CitationKind::kNumeric && records->size() > 1) return;
  for (const Citation& c : *records) {
    if (c.authors != records->front().authors) return;
  }
  for (Citation& c : *records) c.label = label;
}

// ---- finders -----------------------------------------------------------

// Author-year items inside one group's content (text[cs, ce)).
std::vector<Citation> GroupItems(std::string_view text, size_t cs, size_t ce) {
  std::vector<Citation> out;
  StringPiece content(text.data() + cs, ce - cs);
  const RE2& re = GroupItemRe();
  std::array<StringPiece, 3> m;
  size_t pos = 0;
  while (pos < content.size() &&
         re.Match(content, pos, content.size(), RE2::UNANCHORED, m.data(),
                  static_cast<int>(m.size()))) {
    size_t as = Offset(text, m[1]), ae = as + m[1].size();
    size_t ys = Offset(text, m[2]), ye = ys + m[2].size();
    std::vector<Citation> recs =
        AuthorYearRecords(text, as, ae, ys, ye, std::nullopt);
    size_t next = static_cast<size_t>(m[0].data() + m[0].size() - content.data());
    pos = std::max(next, pos + 1);
    // "; 1999a" after the item: more years by the same authors.
    std::array<StringPiece, 2> cont;
    while (!recs.empty() && pos < content.size() &&
           ContinuedYearsRe().Match(content, pos, content.size(), RE2::ANCHOR_START,
                                    cont.data(), 2)) {
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
  pos = 0;
  while (pos < content.size() &&
         org.Match(content, pos, content.size(), RE2::UNANCHORED, m.data(),
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
    std::vector<Citation> recs =
        AuthorYearRecords(text, as, ae, ys, ye, std::nullopt);
    for (Citation& c : recs) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) {
    return a.span.start < b.span.start;
  });
  return out;
}

void FindGroups(std::string_view text, const RE2& group_re,
                std::vector<Callout>* out) {
  StringPiece rest(text.data(), text.size());
  StringPiece content;
  while (RE2::FindAndConsume(&rest, group_re, &content)) {
    size_t cs = Offset(text, content), ce = cs + content.size();
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

void FindNarrative(std::string_view text, std::vector<Callout>* out) {
  StringPiece all(text.data(), text.size());
  const RE2& re = NarrativeRe();
  std::array<StringPiece, 4> m;
  size_t pos = 0;
  while (pos < all.size() &&
         re.Match(all, pos, all.size(), RE2::UNANCHORED, m.data(),
                  static_cast<int>(m.size()))) {
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
  while (pos < all.size() &&
         re.Match(all, pos, all.size(), RE2::UNANCHORED, m.data(),
                  static_cast<int>(m.size()))) {
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
    std::vector<Citation> recs =
        AuthorYearRecords(text, as, ae, ys, ye, std::nullopt);
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
bool LooksMathematical(std::string_view text, size_t open, size_t close,
                       size_t items) {
  if (open > 0) {
    char p = text[open - 1];
    if (IsAsciiUpper(p) || IsAsciiLower(p) || IsAsciiDigit(p) || p == '_' ||
        p == ')') {
      return true;
    }
  }
  if (close + 1 < text.size()) {
    char n = text[close + 1];
    if (n == '^' || n == '_' || n == '(') return true;
  }
  size_t lo = open > 24 ? open - 24 : 0;
  std::string_view before = text.substr(lo, open - lo);
  while (!before.empty() && IsSpace(before.back())) before.remove_suffix(1);
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
    while (!prev.empty() && IsSpace(prev.back())) prev.remove_suffix(1);
    if (prev.empty()) return false;
    char last = prev.back();
    if (last == '$' || last == ')') return true;
    bool one_letter = (IsAsciiLower(last) || IsAsciiUpper(last)) &&
                      (prev.size() == 1 || IsSpace(prev[prev.size() - 2]) ||
                       prev[prev.size() - 2] == '(');
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
      bool gap_ok = recs.empty() ? gap.find_first_not_of(" \t\n") ==
                                       std::string_view::npos
                                 : commas == 1;
      // No leading zeros ([001]); no lone Miller index ([100], [110], [111]).
      bool leading_zero = lo_s[0] == '0' || (!hi_s.empty() && hi_s[0] == '0');
      bool miller = recs.empty() && hi_s.empty() && lo_s.size() == 3 &&
                    std::string_view(lo_s.data(), 3).find_first_not_of("01") ==
                        std::string_view::npos;
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
      if (lo < 1 || hi > kMaxRef || hi < lo || hi - lo > kMaxRange ||
          lo <= last) {
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
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '!' ||
        c == '?') {
      --n;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      std::string_view s = doi.substr(0, n);
      if (std::count(s.begin(), s.end(), open) <
          std::count(s.begin(), s.end(), c)) {
        --n;
        continue;
      }
    }
    break;
  }
  return n;
}

void FindIdentifiers(std::string_view text, std::vector<Callout>* out) {
  auto scan = [&](const RE2& re, CitationKind kind) {
    StringPiece all(text.data(), text.size());
    std::array<StringPiece, 2> m;
    size_t pos = 0;
    while (pos < all.size() &&
           re.Match(all, pos, all.size(), RE2::UNANCHORED, m.data(), 2)) {
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
  scan(ArxivUrlRe(), CitationKind::kArxiv);
  scan(DoiRe(), CitationKind::kDoi);
  scan(ArxivNewRe(), CitationKind::kArxiv);
  scan(ArxivOldRe(), CitationKind::kArxiv);
}

}  // namespace

std::vector<Citation> FindCitations(std::string_view abstract) {
  std::vector<Callout> callouts;
  FindIdentifiers(abstract, &callouts);
  FindGroups(abstract, ParenGroupRe(), &callouts);
  FindGroups(abstract, BracketGroupRe(), &callouts);
  FindNarrative(abstract, &callouts);
  FindBare(abstract, &callouts);
  FindNumeric(abstract, &callouts);

  // Accept by priority, then by position; drop what overlaps.
  std::stable_sort(callouts.begin(), callouts.end(),
                   [](const Callout& a, const Callout& b) {
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

}  // namespace citex
