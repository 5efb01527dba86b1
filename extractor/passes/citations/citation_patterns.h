// The RE2 patterns of the citation pass (extractor/citations.cc), one named
// constant each. Every comment lists text the pattern matches and text it
// rejects; tests/citations_test.cc checks each of those examples.
//
// The pieces are joined into whole patterns by the functions at the end of
// this file; every piece is a complete RE2 expression (UTF-8 mode) and uses
// only non-capturing groups, so the capture numbers are set by the whole
// patterns alone. RE2 runs in time linear in the input, so none of these can
// backtrack catastrophically on hostile text.
#pragma once

#include <string>

namespace citex::citation_patterns {

// A surname as written: an upper-case letter followed by a lower-case letter
// (or an apostrophe and another capital, as in O'Neil), then letters, marks,
// hyphens and apostrophes. Up to three particles may precede it.
//   matches: Wang, Müller, Çelik, Al-Rfou, O'Neil, O’Neil, OpenAI, McDonald,
//            van der Maaten, de Vries, García-Márquez, Meißner
//   rejects: COCO, ILSVRC, CVPR, HOSPITAL, O1, wang, 2023
inline constexpr char kSurname[] =
    R"((?:(?:[vV]an|[vV]on|[dD]e|[dD]er|[dD]en|[dD]el|[dD]ella|[dD]i|[dD]a|)"
    R"([dD]u|[lL]e|[lL]a|dos|das|ten|ter)\s+){0,3})"
    R"((?:\p{Lu}[\p{Ll}\p{M}]|\p{Lu}['’]\p{Lu})[\p{L}\p{M}'’\-]*)";

// "et al." in its usual spellings, with the space (or comma) before it and
// an optional possessive after it.
//   matches: " et al.", " et al", " et. al", " et.al", ", et al.", " et al.'s"
//            (a comma after is not part)
//   rejects: " etal", " et alia"
inline constexpr char kEtAl[] = R"((?:\s*,)?\s+et(?:\.\s*|\s+)al\b\.?(?:['’]s\b)?)";

// An organisation written in capitals, accepted as an author only inside
// brackets and only with a comma before the year: "(FAO, 2005)",
// "(CEPAL, 2000)", "(WHO, 2020)". "(COCO 2017)" stays a dataset name.
//   matches: FAO, CEPAL, WHO, OECD
//   rejects: A, Fao, HOSPITALIZATION (more than 8 letters)
inline constexpr char kOrganisation[] = R"(\p{Lu}{2,8})";

// The words joining the last two authors (Spanish and Portuguese "y"/"e"
// too: "de Janvry y Sadoulet, 2004").
//   matches: " and ", " & ", ", and ", "&", " y "
//   rejects: " or ", " with "
inline constexpr char kAuthorJoin[] = R"((?:\s*,)?\s*(?:\band\b|&|\sy\s|\se\s)\s*)";

// A year with an optional one-letter suffix; 1600-2099.
//   matches: 2023, 2023b, 1985, 1859
//   rejects: 12023, 2019th, 3000, 1500, 23
inline constexpr char kYear[] = R"((?:1[6-9]\d\d|20\d\d)[a-z]?\b)";

// What separates the authors from the year in an author-year item.
//   matches: ", ", " ", " , "
//   rejects: "; ", " (" (that is the narrative form)
inline constexpr char kAuthorYearSep[] = R"((?:\s*,\s*|\s+))";

// One year-token inside a list of years: a year, or a lone suffix letter
// continuing the previous year ("2020a, b"). Used to split a matched list.
//   matches: 2020, 2011a, b (in "2020a, b")
//   rejects: 20, bb
inline constexpr char kYearToken[] = R"(((?:1[6-9]\d\d|20\d\d))([a-z]?)\b|\b([a-z])\b)";

// A locator after a year ("p. 4", "pp. 3-5", "ch. 2", "Theorem 1").
//   matches: ", p. 4", ", pp. 10–12", ", chap. 3", " Sec. 2"
//   rejects: ", 2021" (a second year), ", Smith"
inline constexpr char kLocator[] =
    R"((?:\s*,?\s*(?:pp?\.|pages?|chap\.|ch\.|chapter|[sS]ec\.|§|Thm\.|Theorem|)"
    R"(Lemma|Fig\.|Eq\.)\s*[0-9A-Za-z]+(?:\s*[-–]\s*[0-9]+)?))";

// A bracketed group: anything without nested parentheses (or brackets)
// between "(" and ")" (or "[" and "]"). The content is then searched for
// author-year items; the opening is where the label look-back starts.
//   matches: (Wang et al., 2023), (e.g., Wang, 2023, p. 4), (3 MB), [1-3]
//   rejects: "(a (b) c)" as a whole (only the inner "(b)" is a group)
inline constexpr char kParenGroup[] = R"(\(([^()]*)\))";
inline constexpr char kBracketGroup[] = R"(\[([^\[\]]*)\])";

// A bracket of reference numbers (validated further in code: every number
// 1..999, ranges ascending and at most 50 long, no 0, not an interval).
//   matches: [1], [2-4], [12–15], [1, 3, 5], [2,3,5]
//   rejects: [HOSPITAL], [a, b], [1.5], [-1]
inline constexpr char kNumericBracket[] = R"(\[\s*([0-9][0-9,\s\-–—]*?)\s*\])";

// One number or range inside a numeric bracket.
//   matches: 3, 2-4, 12–15, 10 - 12
inline constexpr char kNumberOrRange[] = R"(([0-9]+)(?:\s*[-–—]\s*([0-9]+))?)";

// arXiv identifiers: new style after "arXiv:", old style (archive/NNNNNNN,
// prefix optional), and abs/pdf/html URLs. Capture 1 is the id.
//   matches: arXiv:1705.07904, arXiv: 2301.00001v2, hep-th/9901001,
//            arXiv:math.AG/0601001, https://arxiv.org/abs/2106.09685,
//            arxiv.org/pdf/1705.07904v3.pdf
//   rejects: 1705.07904 alone (a bare number), arXiv.2301.00001 (a DOI part)
inline constexpr char kArxivNew[] =
    R"(\b[aA][rR][xX][iI][vV]\s*:\s*([0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?)\b)";
inline constexpr char kArxivOld[] =
    R"((?:\b[aA][rR][xX][iI][vV]\s*:\s*)?\b((?:hep-th|hep-ph|hep-lat|hep-ex|)"
    R"(astro-ph|cond-mat|gr-qc|math-ph|nucl-th|nucl-ex|quant-ph|nlin|math|)"
    R"(physics|cs|q-bio|q-fin|stat|chao-dyn|solv-int|patt-sol|alg-geom|dg-ga)"
    R"()(?:\.[A-Za-z]{2})?/[0-9]{7}(?:v[0-9]+)?)\b)";
inline constexpr char kArxivUrl[] =
    R"((?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/)"
    R"(([0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?|[a-z\-]+(?:\.[A-Za-z]{2})?/[0-9]{7})"
    R"((?:v[0-9]+)?)(?:\.pdf)?)";

// DOIs: "doi:" or a doi.org URL prefix (optional), then 10.NNNN/suffix.
// Trailing punctuation and unbalanced closing brackets are cut in code.
//   matches: doi:10.1145/3292500.3330701, https://doi.org/10.1038/nature14539,
//            10.48550/arXiv.2301.00001, DOI: 10.1000/182
//   rejects: 10.5/abc (prefix too short), 3.10.1145 (no slash)
inline constexpr char kDoi[] = R"((?:\b[dD][oO][iI]\s*:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?)"
                               R"(\b(10\.[0-9]{4,9}/[^\s"<>\x{201C}\x{201D}]+))";

// A word that can be (part of) the name of a cited work, as written before
// the citation: a letter or digit first, then letters, marks, digits and
// - + . / _ ' ’. Together with kLabelMark (a capital or a digit somewhere).
//   matches: Self-Instruct, muParam, MATH, Phi-2, MIMIC-III, t-SNE, 3D-ResNet
//   rejects: ∼12-14, 112°d, (ICL), "quoted"
inline constexpr char kLabelToken[] = R"([\p{L}\p{N}][\p{L}\p{M}\p{N}\-+./_'’]*)";
//   matches (somewhere): Self-Instruct, muParam, Phi-2, Çelik   rejects: practice, layers
inline constexpr char kLabelMark[] = R"([\p{Lu}\p{N}])";

// ---- whole patterns, composed from the pieces above ----------------------
// Each is compiled once by citations.cc. Capture groups are noted.

// What may precede a surname: the start, or not a letter, digit or name
// punctuation, so a name is never matched from the middle of a word.
//   matches: "", " ", "(", ";"     rejects: "c" (Mc|Donald), "-", "'"
inline constexpr char kNameStart[] = R"((?:^|[^\p{L}\p{M}\p{N}'’\-]))";

// Authors: one surname, a comma list ending in "and"/"&", optional "et al.".
//   matches: Wang, Wang et al., Wang and Li, Wang, Li, and Chen,
//            Albaladejo, Guo et al., van der Maaten & Hinton
//   rejects: wang et al., COCO, Wang and
inline std::string AuthorsPattern() {
  const std::string name = kSurname;
  return name + R"((?:\s*,\s*)" + name + ")*(?:" + kAuthorJoin + name + ")?(?:" + kEtAl + ")?";
}

// One year or several for the same authors.
//   matches: 2023, 2020, 2021, 2020a, b, 2006a,b
//   rejects: 23, 2020-, Wang
inline std::string YearsPattern() {
  return std::string(kYear) + R"((?:\s*,\s*(?:)" + kYear + R"(|[a-z]\b))*)";
}

// An author-year item inside a bracket group, or bare in running text:
// (1) authors, (2) years.
//   matches: Wang et al., 2023 | Kuwajima et al., 1985 | Frankle & Carbin 2019
//            | Wang et al., 2020, 2021 | Ruberson, et al., 1987
//   rejects: COCO 2017 | Wang et al. (2023) | e.g., 2023
inline std::string GroupItemPattern() {
  return std::string(kNameStart) + "(" + AuthorsPattern() + ")" + kAuthorYearSep + "(" +
         YearsPattern() + ")";
}

// Years after a semicolon continuing the previous item's authors, matched
// anchored at the item's end: (1) years.
//   matches: "; 1999a;" (in "(Hu et al. 1998; 1999a; in press)"), "; 2021"
//   rejects: "; in press", "; Smith 2020"
inline std::string ContinuedYearsPattern() {
  return R"(\s*;\s*()" + YearsPattern() + R"()\s*(?:[;)\]]|$))";
}

// An organisation item inside a bracket group: (1) capitals, (2) years.
//   matches: FAO, 2005 | CEPAL, 2000 | WHO, 2020, 2021
//   rejects: COCO 2017 | F, 2005
inline std::string OrganisationItemPattern() {
  return std::string(kNameStart) + "(" + kOrganisation + R"()\s*,\s*()" + YearsPattern() + ")";
}

// A narrative citation: (1) authors, then years in parentheses (2) — with
// an optional locator — or in brackets (3).
//   matches: Wang et al. (2023) | Wang and Li (2023) | Wang et al. [2023]
//            | Gazzini ( 2017 ) | Smith (2020, p. 4) | Bignamini et al. (2009, 2010)
//   rejects: Section 2 (2017) | Wang et al., 2023 | COCO (2017)
inline std::string NarrativePattern() {
  return std::string(kNameStart) + "(" + AuthorsPattern() + R"()\s*(?:\(\s*()" + YearsPattern() +
         ")(?:" + kLocator + R"()?\s*\)|\[\s*()" + YearsPattern() + R"()\s*\]))";
}

}  // namespace citex::citation_patterns
