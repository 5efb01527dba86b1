// The RE2 patterns of the citation pass (extractor/passes/citations/), one
// named constant each, and beside each the text it matches and the text it
// rejects (in full, RE2::FullMatch). tests/passes/citations/
// citation_patterns_test.cc runs every table in AllExamples() at the end.
//
// The pieces are joined into whole patterns by the functions further down;
// every piece is a complete RE2 expression (UTF-8 mode) and uses only
// non-capturing groups, so the capture numbers are set by the whole
// patterns alone. RE2 runs in time linear in the input, so none of these can
// backtrack catastrophically on hostile text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/base/arxiv_id.h"

namespace citex::citation_patterns {

// A pattern and its examples. Built only when a test asks (functions, not
// globals), so the pass pays nothing for them.
struct Examples {
  std::string_view name;
  std::string pattern;
  std::vector<std::string_view> matches;
  std::vector<std::string_view> rejects;
};

// A surname as written: an upper-case letter followed by a lower-case letter
// (or an apostrophe and another capital, as in O'Neil), then letters, marks,
// hyphens and apostrophes. Up to three particles may precede it.
inline constexpr char kSurname[] =
    R"((?:(?:[vV]an|[vV]on|[dD]e|[dD]er|[dD]en|[dD]el|[dD]ella|[dD]i|[dD]a|)"
    R"([dD]u|[lL]e|[lL]a|dos|das|ten|ter)\s+){0,3})"
    R"((?:\p{Lu}[\p{Ll}\p{M}]|\p{Lu}['’]\p{Lu})[\p{L}\p{M}'’\-]*)";
inline Examples SurnameExamples() {
  return {"kSurname",
          kSurname,
          {"Wang", "Müller", "Çelik", "Al-Rfou", "O'Neil", "O’Neil", "OpenAI", "McDonald",
           "van der Maaten", "de Vries", "García-Márquez", "Meißner"},
          {"COCO", "ILSVRC", "CVPR", "HOSPITAL", "O1", "wang", "2023"}};
}

// A name suffix after a surname: "Lucas Jr. (1976)", "(Lucas, Jr., 1976)",
// "Kennedy III (2003)". Not an author of its own.
inline constexpr char kNameSuffix[] = R"((?:\s*,?\s*(?:Jr|Sr)\b\.?|\s+(?:II|III|IV)\b))";
inline Examples NameSuffixExamples() {
  return {"kNameSuffix", kNameSuffix, {" Jr.", ", Jr.", " Jr", ", Sr.", " III"}, {" Junior", " Jrs", " IIII"}};
}

// "et al." in its usual spellings, with the space (or comma) before it and
// an optional possessive after it (a comma after is not part).
inline constexpr char kEtAl[] = R"((?:\s*,)?\s+et(?:\.\s*|\s+)al\b\.?(?:['’]s\b)?)";
inline Examples EtAlExamples() {
  return {"kEtAl",
          kEtAl,
          {" et al.", " et al", " et. al", " et.al", ", et al.", " et al.'s"},
          {" etal", " et alia"}};
}

// An organisation written in capitals, accepted as an author only inside
// brackets and only with a comma before the year: "(FAO, 2005)",
// "(CEPAL, 2000)", "(WHO, 2020)". "(COCO 2017)" stays a dataset name.
inline constexpr char kOrganisation[] = R"(\p{Lu}{2,8})";
inline Examples OrganisationExamples() {
  return {"kOrganisation",
          kOrganisation,
          {"FAO", "CEPAL", "WHO", "OECD"},
          {"A", "Fao", "HOSPITALIZATION" /* more than 8 letters */}};
}

// The words joining the last two authors (Spanish and Portuguese "y"/"e"
// too: "de Janvry y Sadoulet, 2004").
inline constexpr char kAuthorJoin[] = R"((?:\s*,)?\s*(?:\band\b|&|\sy\s|\se\s)\s*)";
inline Examples AuthorJoinExamples() {
  return {"kAuthorJoin", kAuthorJoin, {" and ", " & ", ", and ", "&", " y "}, {" or ", " with "}};
}

// A year with an optional one-letter suffix; 1600-2099.
inline constexpr char kYear[] = R"((?:1[6-9]\d\d|20\d\d)[a-z]?\b)";
inline Examples YearExamples() {
  return {
      "kYear", kYear, {"2023", "2023b", "1985", "1859"}, {"12023", "2019th", "3000", "1500", "23"}};
}

// What separates the authors from the year in an author-year item ("; " is
// a list, " (" the narrative form).
inline constexpr char kAuthorYearSep[] = R"((?:\s*,\s*|\s+))";
inline Examples AuthorYearSepExamples() {
  return {"kAuthorYearSep", kAuthorYearSep, {", ", " ", " , "}, {"; ", " ("}};
}

// One year-token inside a list of years: a year, or a lone suffix letter
// continuing the previous year ("b" in "2020a, b"). Used to split a matched
// list.
inline constexpr char kYearToken[] =
    R"(((?:1[6-9]\d\d|20\d\d)(?:/(?:1[6-9]\d\d|20\d\d))?)([a-z]?)\b|\b([a-z])\b)";
inline Examples YearTokenExamples() {
  return {"kYearToken", kYearToken, {"2020", "2011a", "b", "1813/1919"}, {"20", "bb", "1813/"}};
}

// A locator after a year: a keyword and a number ("p. 4", "Ch. 3",
// "Section 2.4.1.1", "Theorem 1"), or, after a comma, a bare page number of
// up to three digits ("Booij (2010, 89)"), so that a second year stays a year.
inline constexpr char kLocator[] =
    R"((?:\s*,?\s*(?:pp?\.|pages?|[cC]hap\.|[cC]h\.|[cC]hapter|[sS]ec\.|[sS]ect\.|[sS]ection|§|)"
    R"(Thm\.|Theorem|Lemma|Fig\.|Eq\.|[nN]ote|fn\.)\s*[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)"
    R"((?:\s*[-–]\s*[0-9]+)?|\s*,\s*[0-9]{1,3}(?:\s*[-–]\s*[0-9]{1,4})?\b))";
inline Examples LocatorExamples() {
  return {"kLocator",
          kLocator,
          {", p. 4", ", pp. 10–12", ", chap. 3", " Sec. 2", ", 89", ", 23–25", ", Ch. 3",
           ", Section 2.4.1.1", ", Eq. 13"},
          {", 2021", ", Smith", ", 1234", " 89"}};
}

// A bracketed group: anything without nested parentheses (or brackets)
// between "(" and ")" (or "[" and "]"); in "(a (b) c)" only "(b)" is one.
// The content is then searched for author-year items; the opening is where
// the label look-back starts.
inline constexpr char kParenGroup[] = R"(\(([^()]*)\))";
inline Examples ParenGroupExamples() {
  return {"kParenGroup",
          kParenGroup,
          {"(Wang et al., 2023)", "(e.g., Wang, 2023, p. 4)", "(3 MB)"},
          {"(a (b) c)"}};
}
inline constexpr char kBracketGroup[] = R"(\[([^\[\]]*)\])";
inline Examples BracketGroupExamples() {
  return {"kBracketGroup", kBracketGroup, {"[Arpit et al. 2017]", "[1-3]"}, {"[a [b] c]"}};
}

// A bracket of reference numbers (validated further in code: every number
// 1..999, ranges ascending and at most 50 long, no 0, not an interval).
inline constexpr char kNumericBracket[] = R"(\[\s*([0-9][0-9,\s\-–—]*?)\s*\])";
inline Examples NumericBracketExamples() {
  return {"kNumericBracket",
          kNumericBracket,
          {"[1]", "[2-4]", "[12–15]", "[1, 3, 5]", "[2,3,5]"},
          {"[HOSPITAL]", "[a, b]", "[1.5]", "[-1]"}};
}

// One number or range inside a numeric bracket.
inline constexpr char kNumberOrRange[] = R"(([0-9]+)(?:\s*[-–—]\s*([0-9]+))?)";
inline Examples NumberOrRangeExamples() {
  return {"kNumberOrRange", kNumberOrRange, {"3", "2-4", "12–15", "10 - 12"}, {"a", "-3"}};
}

// arXiv identifiers: new style after "arXiv:" (a bare number is not one,
// nor "arXiv." inside a DOI), old style (archive/NNNNNNN, prefix optional),
// and abs/pdf/html URLs (the id is extractor/base/arxiv_id.h). Capture 1 is
// the id.
inline constexpr char kArxivNew[] =
    R"(\b[aA][rR][xX][iI][vV]\s*:\s*()" CITEX_ARXIV_NEW_ID "(?:" CITEX_ARXIV_VERSION R"()?)\b)";
inline Examples ArxivNewExamples() {
  return {"kArxivNew",
          kArxivNew,
          {"arXiv:1705.07904", "arXiv: 2301.00001v2", "ARXIV:2106.09685"},
          {"1705.07904", "arXiv.2301.00001"}};
}
inline constexpr char kArxivOld[] =
    R"((?:\b[aA][rR][xX][iI][vV]\s*:\s*)?\b()" CITEX_ARXIV_ARCHIVES CITEX_ARXIV_OLD_NUMBER
    "(?:" CITEX_ARXIV_VERSION R"()?)\b)";
inline Examples ArxivOldExamples() {
  return {"kArxivOld",
          kArxivOld,
          {"hep-th/9901001", "arXiv:math.AG/0601001", "cs/0112017v2"},
          {"hep-th/99010", "foo/9901001"}};
}
inline constexpr char kArxivUrl[] =
    R"((?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/)"
    "(" CITEX_ARXIV_ID "(?:" CITEX_ARXIV_VERSION R"()?)(?:\.pdf)?)";
inline Examples ArxivUrlExamples() {
  return {"kArxivUrl",
          kArxivUrl,
          {"https://arxiv.org/abs/2106.09685", "arxiv.org/pdf/1705.07904v3.pdf",
           "http://export.arxiv.org/abs/hep-th/9901001"},
          {"https://arxiv.org/list/cs.CL", "arxiv.org/abs/12.34"}};
}

// DOIs: "doi:" or a doi.org URL prefix (optional), then 10.NNNN/suffix (a
// prefix of four digits at least, and a slash), up to whitespace, a quote,
// `<` `>`, a LaTeX brace or backslash ("10.1103/PhysRevLett.133.046802}{PRL"
// is 10.1103/PhysRevLett.133.046802). Trailing punctuation and
// unbalanced closing brackets are cut in code.
inline constexpr char kDoi[] = R"((?:\b[dD][oO][iI]\s*:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?)"
                               R"(\b(10\.[0-9]{4,9}/[^\s"<>{}\\\x{201C}\x{201D}]+))";
inline Examples DoiExamples() {
  return {"kDoi",
          kDoi,
          {"doi:10.1145/3292500.3330701", "https://doi.org/10.1038/nature14539",
           "10.48550/arXiv.2301.00001", "DOI: 10.1000/182"},
          {"10.5/abc", "3.10.1145"}};
}

// A word that can be (part of) the name of a cited work, as written before
// the citation: a letter or digit first, then letters, marks, digits and
// - + . / _ ' ’. Together with kLabelMark (a capital or a digit somewhere).
inline constexpr char kLabelToken[] = R"([\p{L}\p{N}][\p{L}\p{M}\p{N}\-+./_'’]*)";
inline Examples LabelTokenExamples() {
  return {"kLabelToken",
          kLabelToken,
          {"Self-Instruct", "muParam", "MATH", "Phi-2", "MIMIC-III", "t-SNE", "3D-ResNet"},
          {"∼12-14", "112°d", "(ICL)", "\"quoted\""}};
}
// Matched somewhere in a label token (the table is of single characters).
inline constexpr char kLabelMark[] = R"([\p{Lu}\p{N}])";
inline Examples LabelMarkExamples() {
  return {"kLabelMark", kLabelMark, {"S", "2", "Ç"}, {"practice", "p"}};
}

// ---- whole patterns, composed from the pieces above ----------------------
// Each is compiled once by the pass. Capture groups are noted.

// What may precede a surname: the start, or not a letter, digit or name
// punctuation, so a name is never matched from the middle of a word
// ("c" in Mc|Donald).
inline constexpr char kNameStart[] = R"((?:^|[^\p{L}\p{M}\p{N}'’\-]))";
inline Examples NameStartExamples() {
  return {"kNameStart", kNameStart, {"", " ", "(", ";"}, {"c", "-", "'"}};
}

// Authors: one surname, a comma list ending in "and"/"&", optional "et al.".
inline std::string AuthorsPattern() {
  const std::string name = std::string(kSurname) + "(?:" + kNameSuffix + ")?";
  return name + R"((?:\s*,\s*)" + name + ")*(?:" + kAuthorJoin + name + ")?(?:" + kEtAl + ")?";
}
inline Examples AuthorsExamples() {
  return {"AuthorsPattern",
          AuthorsPattern(),
          {"Wang", "Wang et al.", "Wang and Li", "Wang, Li, and Chen", "Albaladejo, Guo et al.",
           "van der Maaten & Hinton", "Lucas Jr.", "Lucas, Jr.", "Lucas Jr. and Prescott"},
          {"wang et al.", "COCO", "Wang and"}};
}

// A reprint or translation: the first edition's year, "/", the edition's:
// "Gesenius (1813/1919)", "(Kant 1781/1998)". One year of one work.
inline constexpr char kReprintYear[] = R"((?:1[6-9]\d\d|20\d\d)/(?:1[6-9]\d\d|20\d\d)[a-z]?\b)";
inline Examples ReprintYearExamples() {
  return {"kReprintYear", kReprintYear, {"1813/1919", "1781/1998", "1900/2001a"}, {"1813/19", "1813-1919", "12/2020"}};
}

// One year or several for the same authors.
inline std::string YearsPattern() {
  const std::string year = std::string("(?:") + kReprintYear + "|" + kYear + ")";
  return year + R"((?:\s*,\s*(?:)" + year + R"(|[a-z]\b))*)";
}
inline Examples YearsExamples() {
  return {"YearsPattern",
          YearsPattern(),
          {"2023", "2020, 2021", "2020a, b", "2006a,b", "1813/1919", "1813/1919, 1920"},
          {"23", "2020-", "Wang", "1813/"}};
}

// An author-year item inside a bracket group, or bare in running text:
// (1) authors, (2) years.
inline std::string GroupItemPattern() {
  return std::string(kNameStart) + "(" + AuthorsPattern() + ")" + kAuthorYearSep + "(" +
         YearsPattern() + ")";
}
inline Examples GroupItemExamples() {
  return {"GroupItemPattern",
          GroupItemPattern(),
          {"Wang et al., 2023", "Kuwajima et al., 1985", "Frankle & Carbin 2019",
           "Wang et al., 2020, 2021", "Ruberson, et al., 1987", "Gesenius 1813/1919",
           "Lucas Jr., 1976"},
          {"COCO 2017", "Wang et al. (2023)", "e.g., 2023"}};
}

// Years after a semicolon continuing the previous item's authors, matched
// anchored at the item's end: (1) years. "; 1999a;" is one in
// "(Hu et al. 1998; 1999a; in press)".
inline std::string ContinuedYearsPattern() {
  return R"(\s*;\s*()" + YearsPattern() + R"()\s*(?:[;)\]]|$))";
}
inline Examples ContinuedYearsExamples() {
  return {"ContinuedYearsPattern",
          ContinuedYearsPattern(),
          {"; 1999a;", "; 2021"},
          {"; in press", "; Smith 2020"}};
}

// An organisation item inside a bracket group: (1) capitals, (2) years.
inline std::string OrganisationItemPattern() {
  return std::string(kNameStart) + "(" + kOrganisation + R"()\s*[,:]\s*()" + YearsPattern() + ")";
}
inline Examples OrganisationItemExamples() {
  return {"OrganisationItemPattern",
          OrganisationItemPattern(),
          {"FAO, 2005", "CEPAL, 2000", "WHO, 2020, 2021", "IRLS: 1989"},
          {"COCO 2017", "F, 2005"}};
}

// A narrative citation: (1) authors, then years in parentheses (2) — with
// an optional locator — or in brackets (3).
inline std::string NarrativePattern() {
  return std::string(kNameStart) + "(" + AuthorsPattern() + R"()\s*(?:\(\s*()" + YearsPattern() +
         ")(?:" + kLocator + R"()?\s*\)|\[\s*()" + YearsPattern() + R"()\s*\]))";
}
inline Examples NarrativeExamples() {
  return {"NarrativePattern",
          NarrativePattern(),
          {"Wang et al. (2023)", "Wang and Li (2023)", "Wang et al. [2023]", "Gazzini ( 2017 )",
           "Smith (2020, p. 4)", "Bignamini et al. (2009, 2010)", "Booij (2010, 89)",
           "Berman (1978, Ch. 3)", "Kastner (2016, Section 2.4.1.1)", "Gesenius (1813/1919)",
           "Lucas Jr. (1976)", "Lucas, Jr. (1976)"},
          {"Section 2 (2017)", "Wang et al., 2023", "COCO (2017)", "Smith (2020, 1234)",
           "Smith (12/2020)"}};
}

// Every table above, for the test.
inline std::vector<Examples> AllExamples() {
  return {SurnameExamples(),      NameSuffixExamples(),     ReprintYearExamples(), EtAlExamples(),           OrganisationExamples(),
          AuthorJoinExamples(),   YearExamples(),           AuthorYearSepExamples(),
          YearTokenExamples(),    LocatorExamples(),        ParenGroupExamples(),
          BracketGroupExamples(), NumericBracketExamples(), NumberOrRangeExamples(),
          ArxivNewExamples(),     ArxivOldExamples(),       ArxivUrlExamples(),
          DoiExamples(),          LabelTokenExamples(),     LabelMarkExamples(),
          NameStartExamples(),    AuthorsExamples(),        YearsExamples(),
          GroupItemExamples(),    ContinuedYearsExamples(), OrganisationItemExamples(),
          NarrativeExamples()};
}

}  // namespace citex::citation_patterns
