// Author-year callouts: bracket groups, narrative and bare forms.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/passes/citations/citation_patterns.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

namespace cp = citation_patterns;

// Years continuing the previous item after a semicolon. Matched anchored at
// the end of an item: (1) years.
const RE2& ContinuedYearsRe() {
  static const Pattern re(cp::ContinuedYearsPattern());
  return re.get();
}

// Organisation item inside a group: (1) the capitals, (2) years.
const RE2& OrganisationItemRe() {
  static const Pattern re(cp::OrganisationItemPattern());
  return re.get();
}

const RE2& LocatorRe() {
  static const Pattern re(cp::kLocator);
  return re.get();
}

// Whether content[pos] is where an item ends: the end, ",", ";" or a
// closing bracket, after whitespace ("(Koenig 1999, 4, among others)").
bool EndsItem(std::string_view content, size_t pos) {
  while (pos < content.size() && IsWhitespace(content[pos])) ++pos;
  return pos == content.size() || content[pos] == ',' || content[pos] == ';';
}

// A locator as a field of its own: "Ch. 3" from ", Ch. 3 ".
std::string LocatorText(std::string_view s) {
  while (!s.empty() && (IsWhitespace(s.front()) || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && IsWhitespace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Bare (no brackets): same shape as a group item; needs "et al." or "and".
const RE2& BareRe() { return GroupItemRe(); }

// Whether content[pos] starts whitespace and then ';': kContinuedYears
// (anchored at pos) needs it.
bool NextNonSpaceIsSemicolon(std::string_view content, size_t pos) {
  while (pos < content.size() && IsWhitespace(content[pos])) ++pos;
  return pos < content.size() && content[pos] == ';';
}

// Whether the organisation pattern may match in content: it needs a ',' (or
// a ':', "(IRLS: 1989)") with a capital right before it (A-Z, or the last byte of a non-ASCII one)
// and a year right after it, whitespace allowed between. Each ',' walks over
// the whitespace runs next to it only, so the scan is linear.
bool MayHoldOrganisationItem(std::string_view content) {
  for (size_t c = content.find_first_of(",:"); c != std::string_view::npos;
       c = content.find_first_of(",:", c + 1)) {
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

}  // namespace

// Group item: (1) authors, (2) years. Searched inside a group's content.
const RE2& GroupItemRe() {
  static const Pattern re(cp::GroupItemPattern());
  return re.get();
}

// Narrative: (1) authors, (2) years in parentheses or (3) in brackets.
const RE2& NarrativeRe() {
  static const Pattern re(cp::NarrativePattern());
  return re.get();
}

const RE2& ParenGroupRe() {
  static const Pattern re(cp::kParenGroup);
  return re.get();
}
const RE2& BracketGroupRe() {
  static const Pattern re(cp::kBracketGroup);
  return re.get();
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
    // ", 4" or ", p. 4" after the item, up to the next item or the end.
    StringPiece locator;
    const std::string_view in(content.data(), content.size());
    if (!recs.empty() && pos < content.size() &&
        LocatorRe().Match(content, pos, content.size(), RE2::ANCHOR_START, &locator, 1) &&
        EndsItem(in, Offset(in, locator) + locator.size())) {
      recs.back().locator = LocatorText(std::string_view(locator.data(), locator.size()));
      pos = Offset(in, locator) + locator.size();
    }
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
  while (!Full(*out) && group_re.Match(rest, 0, rest.size(), RE2::UNANCHORED, &match, 1)) {
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
//     that case is left to RE2 unless the years hold only runs of four
//     digits, commas and whitespace (a locator holds a letter, '§' or a
//     number of at most three digits).
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
    // Only years (runs of four digits) here; a bare page number is a locator.
    size_t run = 0;
    for (size_t i = ys; i <= ye; ++i) {
      if (i < ye && IsAsciiDigit(w[i])) {
        ++run;
        continue;
      }
      if (run != 0 && run != 4) return slow();
      run = 0;
      if (i < ye && w[i] != ',' && !IsRe2Space(w[i])) return slow();
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
  while (pos < all.size() && !Full(*out)) {
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
    recs.back().locator = LocatorText(text.substr(ye, end - 1 - ye));
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
  while (pos < all.size() && !Full(*out)) {
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

}  // namespace citex::citation_internal
