// Field text for BibTeX: one escaping table applied in one pass, so that
// bibtex and biber read any input (TeX specials, unbalanced braces, invalid
// UTF-8) without an error, and LaTeX typesets what the input said.
#pragma once

#include <string>
#include <string_view>

namespace citex {

struct BibtexStyle {
  // Latin letters with diacritics and typographic quotes and dashes become
  // LaTeX ({\"o}, {\c{C}}, --) for classic bibtex; anything without a LaTeX
  // form stays UTF-8. Never inside math.
  bool latex_accents = false;
  // The text is TeX source (Paper::tex): math ($...$, \(...\),
  // \ensuremath{...}), macros and the braces that pair up pass through, and
  // outside math only what would break bibtex or LaTeX is escaped: a bare
  // & % # _ ^, an unpaired $ or brace, a lone backslash. "~" stays a tie.
  bool tex = false;
};

// Appends `text` as the value of a text field (note, author parts):
// specials escaped, whitespace runs (newlines too) made one space, invalid
// UTF-8 as U+FFFD.
void AppendBibtexText(std::string_view text, BibtexStyle style, std::string& out);

// As AppendBibtexText, and words with a capital after their first letter
// are braced ({BERT}, {LoRA}, {GPT}-4, {3D}) so styles that lower-case
// titles keep them; in TeX, only outside math and macro names.
void AppendBibtexTitle(std::string_view title, BibtexStyle style, std::string& out);

// Appends a url or doi as it is (biblatex reads these verbatim), except for
// the bytes that would break a BibTeX value or are never part of a URL:
// braces, backslash, spaces and control characters are percent-encoded.
void AppendBibtexVerbatim(std::string_view value, std::string& out);

}  // namespace citex
