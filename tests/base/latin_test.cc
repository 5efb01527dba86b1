#include "extractor/base/latin.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "tests/external_tool.h"

namespace citex::latin {
namespace {

TEST(DecodeLatexAccents, ArxivNamesAndTitles) {
  EXPECT_EQ(DecodeLatexAccents("C. Bal\\'azs"), "C. Balázs");
  EXPECT_EQ(DecodeLatexAccents("P\\'eter E. Frenkel"), "Péter E. Frenkel");
  EXPECT_EQ(DecodeLatexAccents("{\\O}bro"), "Øbro");
  EXPECT_EQ(DecodeLatexAccents("Rastislav \\v{S}r\\'amek, Bro\\v{n}a Brejov\\'a"),
            "Rastislav Šrámek, Broňa Brejová");
  EXPECT_EQ(DecodeLatexAccents("Gr\\\"obner basis"), "Gröbner basis");
  EXPECT_EQ(DecodeLatexAccents("{\\\"U}ber Stra\\ss e, Stra\\ss{}e"), "Über Straße, Straße");
  EXPECT_EQ(DecodeLatexAccents("\\c{C}a\\u{g}lar G\\\"ul\\c cehre"), "Çağlar Gülçehre");
  EXPECT_EQ(DecodeLatexAccents("Nicol\\`{o} Cesa-Bianchi, Mart\\'{\\i}n, Mart\\'in"),
            "Nicolò Cesa-Bianchi, Martín, Martín");
  EXPECT_EQ(DecodeLatexAccents("{\\l}ukasz \\AA{}ngstr\\\"om {\\aa}"), "łukasz Ångström å");
}

TEST(DecodeLatexAccents, LeavesEverythingElse) {
  EXPECT_EQ(DecodeLatexAccents("From dyadic $\\Lambda_{\\alpha}$ to $\\Q(\\sqrt{5})$"),
            "From dyadic $\\Lambda_{\\alpha}$ to $\\Q(\\sqrt{5})$");
  EXPECT_EQ(DecodeLatexAccents("100% & $5 ~ ^ \\ {unbalanced \\"),
            "100% & $5 ~ ^ \\ {unbalanced \\");
  EXPECT_EQ(DecodeLatexAccents("\\'{} \\v{} \\cite{x} \\oe\\ss"), "\\'{} \\v{} \\cite{x} œß");
  EXPECT_EQ(DecodeLatexAccents("no macros"), "no macros");
}

TEST(FindLetter, FoldsAndSpellsInLatex) {
  ASSERT_NE(FindLetter(U'ö'), nullptr);
  EXPECT_STREQ(FindLetter(U'ö')->ascii, "oe");
  EXPECT_STREQ(FindLetter(U'ö')->latex, "{\\\"o}");
  EXPECT_STREQ(FindLetter(U'Ç')->latex, "{\\c{C}}");
  EXPECT_STREQ(FindLetter(U'í')->latex, "{\\'\\i}");
  EXPECT_EQ(FindLetter(U'x'), nullptr);
  EXPECT_EQ(FindLetter(U'王'), nullptr);
}

TEST(NextCodePoint, InvalidBytesAreOneReplacementEach) {
  const std::string s = "a\xc3\xa9\xff\xe2\x82";
  size_t pos = 0;
  EXPECT_EQ(NextCodePoint(s, pos), U'a');
  EXPECT_EQ(NextCodePoint(s, pos), U'é');
  EXPECT_EQ(NextCodePoint(s, pos), kReplacement);
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(NextCodePoint(s, pos), kReplacement);
  EXPECT_EQ(NextCodePoint(s, pos), kReplacement);
  EXPECT_EQ(pos, s.size());
}

// The table is generated; FindLetter bisects it, so it must stay sorted.
constexpr Letter kTable[] = {
#include "extractor/base/latin_letters.inc"
};

TEST(LetterTable, IsSortedAndEveryRowIsFound) {
  for (size_t i = 1; i < std::size(kTable); ++i) EXPECT_LT(kTable[i - 1].cp, kTable[i].cp) << i;
  for (const Letter& letter : kTable) {
    ASSERT_NE(FindLetter(letter.cp), nullptr) << letter.cp;
    EXPECT_STREQ(FindLetter(letter.cp)->ascii, letter.ascii);
  }
  EXPECT_EQ(std::size(kTable), 524u);
  EXPECT_EQ(FindLetter(0x00D7), nullptr);  // ×: not a letter
  EXPECT_EQ(FindLetter(0x0166), nullptr);  // Ŧ: no decomposition, no entry
}

TEST(LetterTable, IsWhatTheGeneratorMakesFromUnicodeData) {
  const std::string data = "/usr/share/unicode/UnicodeData.txt";
  CITEX_REQUIRE(std::ifstream(data).good(), data + " missing (Debian package unicode-data)");
  const std::string source = testing::SourceDir();
  const testing::ToolResult generated =
      testing::RunTool("/usr/bin/python3 '" + source + "/scripts/gen_latin.py' " + data);
  ASSERT_EQ(generated.status, 0) << generated.output;
  EXPECT_TRUE(generated.output == testing::ReadFile(source + "/extractor/base/latin_letters.inc"))
      << "run scripts/gen_latin.py > extractor/base/latin_letters.inc";
}

}  // namespace
}  // namespace citex::latin
