// Author lists and year lists of author-year callouts, read into records.
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extractor/passes/citations/citation_patterns.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

namespace cp = citation_patterns;

const RE2& SurnameRe() {
  static const Pattern re(std::string("(") + cp::kSurname + ")");
  return re.get();
}
const RE2& EtAlRe() {
  static const Pattern re(cp::kEtAl);
  return re.get();
}
const RE2& JoinRe() {
  static const Pattern re(cp::kAuthorJoin);
  return re.get();
}
const RE2& YearTokenRe() {
  static const Pattern re(cp::kYearToken);
  return re.get();
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
      "See",         "Note",       "Source",       "Sources",   "Copyright", "Additionally",
      "Indeed",      "Hence",      "Therefore",    "Instead",   "Meanwhile", "Overall",
      "Further",     "Conversely", "Likewise",     "Nevertheless", "Nonetheless", "Still",
      "Yet",         "Now",        "Again",        "Alternatively", "Consequently", "Importantly",
  };
  // Sentence adverbs: "Interestingly, Smith et al. (2020)"; surnames in
  // "-ly" are short (Kelly, Daly, Connolly).
  if (w.size() >= 9 && w.substr(w.size() - 2) == "ly") return true;
  return kStop.count(w) > 0;
}

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
    if (s == "Jr" || s == "Sr") continue;  // a name suffix (kNameSuffix), not an author
    names.push_back({s, Offset(text, name), Offset(text, name) + name.size()});
  }
  return names;
}

}  // namespace

bool HasEtAl(std::string_view text, size_t start, size_t end) {
  StringPiece piece(text.data() + start, end - start);
  return RE2::PartialMatch(piece, EtAlRe());
}

bool HasJoin(std::string_view text, size_t start, size_t end) {
  StringPiece piece(text.data() + start, end - start);
  return RE2::PartialMatch(piece, JoinRe());
}

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

}  // namespace citex::citation_internal
