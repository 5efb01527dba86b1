#include "extractor/base/tex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citex::tex {
namespace {

// Each math span of `text`, as text.
std::vector<std::string> Math(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& span : MathSpans(text)) {
    out.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(MathSpans, FindsEveryDelimiter) {
  EXPECT_EQ(Math("From dyadic $\\Lambda_{\\alpha}$ to $\\Q(\\sqrt{5})$"),
            (Strings{"$\\Lambda_{\\alpha}$", "$\\Q(\\sqrt{5})$"}));
  EXPECT_EQ(Math("\\ensuremath{x^{2}} and \\(y\\) and \\[z\\] and $$w$$"),
            (Strings{"\\ensuremath{x^{2}}", "\\(y\\)", "\\[z\\]", "$$w$$"}));
  EXPECT_EQ(Math("CeAg$_2$Ge$_2$"), (Strings{"$_2$", "$_2$"}));
  EXPECT_EQ(Math("($\\alpha\\text{-Fe}_2\\text{O}_3$)"),
            (Strings{"$\\alpha\\text{-Fe}_2\\text{O}_3$"}));
  EXPECT_EQ(Math("a set $\\{x\\}$"), (Strings{"$\\{x\\}$"}));
}

TEST(MathSpans, RejectsWhatIsNotMath) {
  EXPECT_EQ(Math("costs $5 today"), Strings{});  // no partner
  EXPECT_EQ(Math("\\$5 and \\$6"), Strings{});   // escaped
  EXPECT_EQ(Math("${a$ b"), Strings{});          // braces do not balance
  EXPECT_EQ(Math("$}a{$"), Strings{});
  EXPECT_EQ(Math("\\(a"), Strings{});
  EXPECT_EQ(Math("\\ensuremath{a"), Strings{});
  EXPECT_EQ(Math("no math"), Strings{});
  // An unbalanced first pair leaves its second $ to open the next span.
  EXPECT_EQ(Math("${ $x$"), (Strings{"$x$"}));
  // "$$" with no "$$" after it is a lone $ and then math.
  EXPECT_EQ(Math("$$x$"), (Strings{"$x$"}));
}

TEST(MathSpans, HostileTextStaysLinear) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "\\( { \\ensuremath{ ${ ";
  EXPECT_EQ(MathSpans(text).size(), 0u);
}

TEST(MacroLength, WordsSymbolsAndALoneBackslash) {
  EXPECT_EQ(MacroLength("\\alpha_1", 0), 6u);
  EXPECT_EQ(MacroLength("\\%x", 0), 2u);
  EXPECT_EQ(MacroLength("a\\", 1), 1u);
}

TEST(DecodeAccentsOutsideMath, DecodesTextNeverMath) {
  EXPECT_EQ(DecodeAccentsOutsideMath("Gr\\\"obner bases for $\\\"{a}$ and Koll\\'ar"),
            "Gröbner bases for $\\\"{a}$ and Kollár");
  EXPECT_EQ(DecodeAccentsOutsideMath("$\\'e$ \\'e \\ensuremath{\\'e}"),
            "$\\'e$ é \\ensuremath{\\'e}");
  EXPECT_EQ(DecodeAccentsOutsideMath("plain"), "plain");
}

}  // namespace
}  // namespace citex::tex
