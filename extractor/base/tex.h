// Reading TeX source as arXiv writes titles, names and abstracts: where its
// math is, so that math is never rewritten (no accent decoding, no
// escaping), and accent macros decoded outside it. Stateless.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/model.h"

namespace citex::tex {

// The math spans of `text`, in order, delimiters included: $...$, $$...$$,
// \(...\), \[...\] and \ensuremath{...}. A span's braces balance, since
// bibtex counts every brace, escaped or not: "${x$" is no math. A $ with no
// partner ("costs $5") opens nothing, nor does an escaped one (\$). Linear
// in the length of `text`, whatever it holds.
//   "$\Lambda_{\alpha}$ to $\Q(\sqrt{5})$" -> [0, 18), [22, 36)
//   "\ensuremath{x^2} and \(y\)"            -> [0, 16), [21, 27)
//   "a $5 price", "\$5 and \$6", "${a$"      -> none
std::vector<Span> MathSpans(std::string_view text);

// The length of the macro starting at the backslash text[pos]: "\alpha" is
// a control word (letters), "\%" a control symbol (one character); 1 for a
// lone backslash at the end.
size_t MacroLength(std::string_view text, size_t pos);

// latin::DecodeLatexAccents outside the math spans:
// "Gr\"obner bases for $\"{a}$" -> "Gröbner bases for $\"{a}$".
std::string DecodeAccentsOutsideMath(std::string_view text);
// The same written over `text`, which is left untouched when it holds no accent.
void DecodeAccentsOutsideMathIn(std::string& text);

}  // namespace citex::tex
