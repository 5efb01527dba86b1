#include "extractor/base/latin.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "extractor/base/utf8.h"

namespace citex::latin {

char32_t NextCodePoint(std::string_view s, size_t& pos) {
  size_t length = 1;
  const char32_t cp = DecodeUtf8(s, pos, &length);
  pos += length;
  return cp == kInvalidCodePoint ? kReplacement : cp;
}

namespace {

// Generated from Unicode's canonical decompositions: the base letters give
// the ASCII folding (a/o/u with diaeresis fold to ae/oe/ue, as German names
// are transliterated), a single accent gives the LaTeX macro. Sorted by cp.
constexpr Letter kLetters[] = {
    {0x00A0, "", "~"},            // no-break space
    {0x00C0, "A", "{\\`A}"},      // À
    {0x00C1, "A", "{\\'A}"},      // Á
    {0x00C2, "A", "{\\^A}"},      // Â
    {0x00C3, "A", "{\\~A}"},      // Ã
    {0x00C4, "Ae", "{\\\"A}"},    // Ä
    {0x00C5, "A", "{\\r{A}}"},    // Å
    {0x00C6, "AE", "{\\AE}"},     // Æ
    {0x00C7, "C", "{\\c{C}}"},    // Ç
    {0x00C8, "E", "{\\`E}"},      // È
    {0x00C9, "E", "{\\'E}"},      // É
    {0x00CA, "E", "{\\^E}"},      // Ê
    {0x00CB, "E", "{\\\"E}"},     // Ë
    {0x00CC, "I", "{\\`I}"},      // Ì
    {0x00CD, "I", "{\\'I}"},      // Í
    {0x00CE, "I", "{\\^I}"},      // Î
    {0x00CF, "I", "{\\\"I}"},     // Ï
    {0x00D0, "D", nullptr},       // Ð
    {0x00D1, "N", "{\\~N}"},      // Ñ
    {0x00D2, "O", "{\\`O}"},      // Ò
    {0x00D3, "O", "{\\'O}"},      // Ó
    {0x00D4, "O", "{\\^O}"},      // Ô
    {0x00D5, "O", "{\\~O}"},      // Õ
    {0x00D6, "Oe", "{\\\"O}"},    // Ö
    {0x00D8, "O", "{\\O}"},       // Ø
    {0x00D9, "U", "{\\`U}"},      // Ù
    {0x00DA, "U", "{\\'U}"},      // Ú
    {0x00DB, "U", "{\\^U}"},      // Û
    {0x00DC, "Ue", "{\\\"U}"},    // Ü
    {0x00DD, "Y", "{\\'Y}"},      // Ý
    {0x00DE, "Th", nullptr},      // Þ
    {0x00DF, "ss", "{\\ss}"},     // ß
    {0x00E0, "a", "{\\`a}"},      // à
    {0x00E1, "a", "{\\'a}"},      // á
    {0x00E2, "a", "{\\^a}"},      // â
    {0x00E3, "a", "{\\~a}"},      // ã
    {0x00E4, "ae", "{\\\"a}"},    // ä
    {0x00E5, "a", "{\\r{a}}"},    // å
    {0x00E6, "ae", "{\\ae}"},     // æ
    {0x00E7, "c", "{\\c{c}}"},    // ç
    {0x00E8, "e", "{\\`e}"},      // è
    {0x00E9, "e", "{\\'e}"},      // é
    {0x00EA, "e", "{\\^e}"},      // ê
    {0x00EB, "e", "{\\\"e}"},     // ë
    {0x00EC, "i", "{\\`\\i}"},    // ì
    {0x00ED, "i", "{\\'\\i}"},    // í
    {0x00EE, "i", "{\\^\\i}"},    // î
    {0x00EF, "i", "{\\\"\\i}"},   // ï
    {0x00F0, "d", nullptr},       // ð
    {0x00F1, "n", "{\\~n}"},      // ñ
    {0x00F2, "o", "{\\`o}"},      // ò
    {0x00F3, "o", "{\\'o}"},      // ó
    {0x00F4, "o", "{\\^o}"},      // ô
    {0x00F5, "o", "{\\~o}"},      // õ
    {0x00F6, "oe", "{\\\"o}"},    // ö
    {0x00F8, "o", "{\\o}"},       // ø
    {0x00F9, "u", "{\\`u}"},      // ù
    {0x00FA, "u", "{\\'u}"},      // ú
    {0x00FB, "u", "{\\^u}"},      // û
    {0x00FC, "ue", "{\\\"u}"},    // ü
    {0x00FD, "y", "{\\'y}"},      // ý
    {0x00FE, "th", nullptr},      // þ
    {0x00FF, "y", "{\\\"y}"},     // ÿ
    {0x0100, "A", "{\\=A}"},      // Ā
    {0x0101, "a", "{\\=a}"},      // ā
    {0x0102, "A", "{\\u{A}}"},    // Ă
    {0x0103, "a", "{\\u{a}}"},    // ă
    {0x0104, "A", "{\\k{A}}"},    // Ą
    {0x0105, "a", "{\\k{a}}"},    // ą
    {0x0106, "C", "{\\'C}"},      // Ć
    {0x0107, "c", "{\\'c}"},      // ć
    {0x0108, "C", "{\\^C}"},      // Ĉ
    {0x0109, "c", "{\\^c}"},      // ĉ
    {0x010A, "C", "{\\.C}"},      // Ċ
    {0x010B, "c", "{\\.c}"},      // ċ
    {0x010C, "C", "{\\v{C}}"},    // Č
    {0x010D, "c", "{\\v{c}}"},    // č
    {0x010E, "D", "{\\v{D}}"},    // Ď
    {0x010F, "d", "{\\v{d}}"},    // ď
    {0x0110, "D", nullptr},       // Đ
    {0x0111, "d", nullptr},       // đ
    {0x0112, "E", "{\\=E}"},      // Ē
    {0x0113, "e", "{\\=e}"},      // ē
    {0x0114, "E", "{\\u{E}}"},    // Ĕ
    {0x0115, "e", "{\\u{e}}"},    // ĕ
    {0x0116, "E", "{\\.E}"},      // Ė
    {0x0117, "e", "{\\.e}"},      // ė
    {0x0118, "E", "{\\k{E}}"},    // Ę
    {0x0119, "e", "{\\k{e}}"},    // ę
    {0x011A, "E", "{\\v{E}}"},    // Ě
    {0x011B, "e", "{\\v{e}}"},    // ě
    {0x011C, "G", "{\\^G}"},      // Ĝ
    {0x011D, "g", "{\\^g}"},      // ĝ
    {0x011E, "G", "{\\u{G}}"},    // Ğ
    {0x011F, "g", "{\\u{g}}"},    // ğ
    {0x0120, "G", "{\\.G}"},      // Ġ
    {0x0121, "g", "{\\.g}"},      // ġ
    {0x0122, "G", "{\\c{G}}"},    // Ģ
    {0x0123, "g", "{\\c{g}}"},    // ģ
    {0x0124, "H", "{\\^H}"},      // Ĥ
    {0x0125, "h", "{\\^h}"},      // ĥ
    {0x0126, "H", nullptr},       // Ħ
    {0x0127, "h", nullptr},       // ħ
    {0x0128, "I", "{\\~I}"},      // Ĩ
    {0x0129, "i", "{\\~\\i}"},    // ĩ
    {0x012A, "I", "{\\=I}"},      // Ī
    {0x012B, "i", "{\\=\\i}"},    // ī
    {0x012C, "I", "{\\u{I}}"},    // Ĭ
    {0x012D, "i", "{\\u{\\i}}"},  // ĭ
    {0x012E, "I", "{\\k{I}}"},    // Į
    {0x012F, "i", "{\\k{i}}"},    // į
    {0x0130, "I", "{\\.I}"},      // İ
    {0x0131, "i", "{\\i}"},       // ı
    {0x0132, "IJ", "{\\IJ}"},     // Ĳ
    {0x0133, "ij", "{\\ij}"},     // ĳ
    {0x0134, "J", "{\\^J}"},      // Ĵ
    {0x0135, "j", "{\\^\\j}"},    // ĵ
    {0x0136, "K", "{\\c{K}}"},    // Ķ
    {0x0137, "k", "{\\c{k}}"},    // ķ
    {0x0138, "q", nullptr},       // ĸ
    {0x0139, "L", "{\\'L}"},      // Ĺ
    {0x013A, "l", "{\\'l}"},      // ĺ
    {0x013B, "L", "{\\c{L}}"},    // Ļ
    {0x013C, "l", "{\\c{l}}"},    // ļ
    {0x013D, "L", "{\\v{L}}"},    // Ľ
    {0x013E, "l", "{\\v{l}}"},    // ľ
    {0x013F, "L", nullptr},       // Ŀ
    {0x0140, "l", nullptr},       // ŀ
    {0x0141, "L", "{\\L}"},       // Ł
    {0x0142, "l", "{\\l}"},       // ł
    {0x0143, "N", "{\\'N}"},      // Ń
    {0x0144, "n", "{\\'n}"},      // ń
    {0x0145, "N", "{\\c{N}}"},    // Ņ
    {0x0146, "n", "{\\c{n}}"},    // ņ
    {0x0147, "N", "{\\v{N}}"},    // Ň
    {0x0148, "n", "{\\v{n}}"},    // ň
    {0x0149, "n", nullptr},       // ŉ
    {0x014A, "NG", nullptr},      // Ŋ
    {0x014B, "ng", nullptr},      // ŋ
    {0x014C, "O", "{\\=O}"},      // Ō
    {0x014D, "o", "{\\=o}"},      // ō
    {0x014E, "O", "{\\u{O}}"},    // Ŏ
    {0x014F, "o", "{\\u{o}}"},    // ŏ
    {0x0150, "O", "{\\H{O}}"},    // Ő
    {0x0151, "o", "{\\H{o}}"},    // ő
    {0x0152, "OE", "{\\OE}"},     // Œ
    {0x0153, "oe", "{\\oe}"},     // œ
    {0x0154, "R", "{\\'R}"},      // Ŕ
    {0x0155, "r", "{\\'r}"},      // ŕ
    {0x0156, "R", "{\\c{R}}"},    // Ŗ
    {0x0157, "r", "{\\c{r}}"},    // ŗ
    {0x0158, "R", "{\\v{R}}"},    // Ř
    {0x0159, "r", "{\\v{r}}"},    // ř
    {0x015A, "S", "{\\'S}"},      // Ś
    {0x015B, "s", "{\\'s}"},      // ś
    {0x015C, "S", "{\\^S}"},      // Ŝ
    {0x015D, "s", "{\\^s}"},      // ŝ
    {0x015E, "S", "{\\c{S}}"},    // Ş
    {0x015F, "s", "{\\c{s}}"},    // ş
    {0x0160, "S", "{\\v{S}}"},    // Š
    {0x0161, "s", "{\\v{s}}"},    // š
    {0x0162, "T", "{\\c{T}}"},    // Ţ
    {0x0163, "t", "{\\c{t}}"},    // ţ
    {0x0164, "T", "{\\v{T}}"},    // Ť
    {0x0165, "t", "{\\v{t}}"},    // ť
    {0x0168, "U", "{\\~U}"},      // Ũ
    {0x0169, "u", "{\\~u}"},      // ũ
    {0x016A, "U", "{\\=U}"},      // Ū
    {0x016B, "u", "{\\=u}"},      // ū
    {0x016C, "U", "{\\u{U}}"},    // Ŭ
    {0x016D, "u", "{\\u{u}}"},    // ŭ
    {0x016E, "U", "{\\r{U}}"},    // Ů
    {0x016F, "u", "{\\r{u}}"},    // ů
    {0x0170, "U", "{\\H{U}}"},    // Ű
    {0x0171, "u", "{\\H{u}}"},    // ű
    {0x0172, "U", "{\\k{U}}"},    // Ų
    {0x0173, "u", "{\\k{u}}"},    // ų
    {0x0174, "W", "{\\^W}"},      // Ŵ
    {0x0175, "w", "{\\^w}"},      // ŵ
    {0x0176, "Y", "{\\^Y}"},      // Ŷ
    {0x0177, "y", "{\\^y}"},      // ŷ
    {0x0178, "Y", "{\\\"Y}"},     // Ÿ
    {0x0179, "Z", "{\\'Z}"},      // Ź
    {0x017A, "z", "{\\'z}"},      // ź
    {0x017B, "Z", "{\\.Z}"},      // Ż
    {0x017C, "z", "{\\.z}"},      // ż
    {0x017D, "Z", "{\\v{Z}}"},    // Ž
    {0x017E, "z", "{\\v{z}}"},    // ž
    {0x017F, "s", nullptr},       // ſ
    {0x01A0, "O", nullptr},       // Ơ
    {0x01A1, "o", nullptr},       // ơ
    {0x01AF, "U", nullptr},       // Ư
    {0x01B0, "u", nullptr},       // ư
    {0x01CD, "A", "{\\v{A}}"},    // Ǎ
    {0x01CE, "a", "{\\v{a}}"},    // ǎ
    {0x01CF, "I", "{\\v{I}}"},    // Ǐ
    {0x01D0, "i", "{\\v{\\i}}"},  // ǐ
    {0x01D1, "O", "{\\v{O}}"},    // Ǒ
    {0x01D2, "o", "{\\v{o}}"},    // ǒ
    {0x01D3, "U", "{\\v{U}}"},    // Ǔ
    {0x01D4, "u", "{\\v{u}}"},    // ǔ
    {0x01D5, "U", nullptr},       // Ǖ
    {0x01D6, "u", nullptr},       // ǖ
    {0x01D7, "U", nullptr},       // Ǘ
    {0x01D8, "u", nullptr},       // ǘ
    {0x01D9, "U", nullptr},       // Ǚ
    {0x01DA, "u", nullptr},       // ǚ
    {0x01DB, "U", nullptr},       // Ǜ
    {0x01DC, "u", nullptr},       // ǜ
    {0x01DE, "A", nullptr},       // Ǟ
    {0x01DF, "a", nullptr},       // ǟ
    {0x01E0, "A", nullptr},       // Ǡ
    {0x01E1, "a", nullptr},       // ǡ
    {0x01E6, "G", "{\\v{G}}"},    // Ǧ
    {0x01E7, "g", "{\\v{g}}"},    // ǧ
    {0x01E8, "K", "{\\v{K}}"},    // Ǩ
    {0x01E9, "k", "{\\v{k}}"},    // ǩ
    {0x01EA, "O", "{\\k{O}}"},    // Ǫ
    {0x01EB, "o", "{\\k{o}}"},    // ǫ
    {0x01EC, "O", nullptr},       // Ǭ
    {0x01ED, "o", nullptr},       // ǭ
    {0x01F0, "j", "{\\v{\\j}}"},  // ǰ
    {0x01F4, "G", "{\\'G}"},      // Ǵ
    {0x01F5, "g", "{\\'g}"},      // ǵ
    {0x01F8, "N", "{\\`N}"},      // Ǹ
    {0x01F9, "n", "{\\`n}"},      // ǹ
    {0x01FA, "A", nullptr},       // Ǻ
    {0x01FB, "a", nullptr},       // ǻ
    {0x0200, "A", nullptr},       // Ȁ
    {0x0201, "a", nullptr},       // ȁ
    {0x0202, "A", nullptr},       // Ȃ
    {0x0203, "a", nullptr},       // ȃ
    {0x0204, "E", nullptr},       // Ȅ
    {0x0205, "e", nullptr},       // ȅ
    {0x0206, "E", nullptr},       // Ȇ
    {0x0207, "e", nullptr},       // ȇ
    {0x0208, "I", nullptr},       // Ȉ
    {0x0209, "i", nullptr},       // ȉ
    {0x020A, "I", nullptr},       // Ȋ
    {0x020B, "i", nullptr},       // ȋ
    {0x020C, "O", nullptr},       // Ȍ
    {0x020D, "o", nullptr},       // ȍ
    {0x020E, "O", nullptr},       // Ȏ
    {0x020F, "o", nullptr},       // ȏ
    {0x0210, "R", nullptr},       // Ȑ
    {0x0211, "r", nullptr},       // ȑ
    {0x0212, "R", nullptr},       // Ȓ
    {0x0213, "r", nullptr},       // ȓ
    {0x0214, "U", nullptr},       // Ȕ
    {0x0215, "u", nullptr},       // ȕ
    {0x0216, "U", nullptr},       // Ȗ
    {0x0217, "u", nullptr},       // ȗ
    {0x0218, "S", nullptr},       // Ș
    {0x0219, "s", nullptr},       // ș
    {0x021A, "T", nullptr},       // Ț
    {0x021B, "t", nullptr},       // ț
    {0x021E, "H", "{\\v{H}}"},    // Ȟ
    {0x021F, "h", "{\\v{h}}"},    // ȟ
    {0x0226, "A", "{\\.A}"},      // Ȧ
    {0x0227, "a", "{\\.a}"},      // ȧ
    {0x0228, "E", "{\\c{E}}"},    // Ȩ
    {0x0229, "e", "{\\c{e}}"},    // ȩ
    {0x022A, "O", nullptr},       // Ȫ
    {0x022B, "o", nullptr},       // ȫ
    {0x022C, "O", nullptr},       // Ȭ
    {0x022D, "o", nullptr},       // ȭ
    {0x022E, "O", "{\\.O}"},      // Ȯ
    {0x022F, "o", "{\\.o}"},      // ȯ
    {0x0230, "O", nullptr},       // Ȱ
    {0x0231, "o", nullptr},       // ȱ
    {0x0232, "Y", "{\\=Y}"},      // Ȳ
    {0x0233, "y", "{\\=y}"},      // ȳ
    {0x1E00, "A", nullptr},       // Ḁ
    {0x1E01, "a", nullptr},       // ḁ
    {0x1E02, "B", "{\\.B}"},      // Ḃ
    {0x1E03, "b", "{\\.b}"},      // ḃ
    {0x1E04, "B", "{\\d{B}}"},    // Ḅ
    {0x1E05, "b", "{\\d{b}}"},    // ḅ
    {0x1E06, "B", "{\\b{B}}"},    // Ḇ
    {0x1E07, "b", "{\\b{b}}"},    // ḇ
    {0x1E08, "C", nullptr},       // Ḉ
    {0x1E09, "c", nullptr},       // ḉ
    {0x1E0A, "D", "{\\.D}"},      // Ḋ
    {0x1E0B, "d", "{\\.d}"},      // ḋ
    {0x1E0C, "D", "{\\d{D}}"},    // Ḍ
    {0x1E0D, "d", "{\\d{d}}"},    // ḍ
    {0x1E0E, "D", "{\\b{D}}"},    // Ḏ
    {0x1E0F, "d", "{\\b{d}}"},    // ḏ
    {0x1E10, "D", "{\\c{D}}"},    // Ḑ
    {0x1E11, "d", "{\\c{d}}"},    // ḑ
    {0x1E12, "D", nullptr},       // Ḓ
    {0x1E13, "d", nullptr},       // ḓ
    {0x1E14, "E", nullptr},       // Ḕ
    {0x1E15, "e", nullptr},       // ḕ
    {0x1E16, "E", nullptr},       // Ḗ
    {0x1E17, "e", nullptr},       // ḗ
    {0x1E18, "E", nullptr},       // Ḙ
    {0x1E19, "e", nullptr},       // ḙ
    {0x1E1A, "E", nullptr},       // Ḛ
    {0x1E1B, "e", nullptr},       // ḛ
    {0x1E1C, "E", nullptr},       // Ḝ
    {0x1E1D, "e", nullptr},       // ḝ
    {0x1E1E, "F", "{\\.F}"},      // Ḟ
    {0x1E1F, "f", "{\\.f}"},      // ḟ
    {0x1E20, "G", "{\\=G}"},      // Ḡ
    {0x1E21, "g", "{\\=g}"},      // ḡ
    {0x1E22, "H", "{\\.H}"},      // Ḣ
    {0x1E23, "h", "{\\.h}"},      // ḣ
    {0x1E24, "H", "{\\d{H}}"},    // Ḥ
    {0x1E25, "h", "{\\d{h}}"},    // ḥ
    {0x1E26, "H", "{\\\"H}"},     // Ḧ
    {0x1E27, "h", "{\\\"h}"},     // ḧ
    {0x1E28, "H", "{\\c{H}}"},    // Ḩ
    {0x1E29, "h", "{\\c{h}}"},    // ḩ
    {0x1E2A, "H", nullptr},       // Ḫ
    {0x1E2B, "h", nullptr},       // ḫ
    {0x1E2C, "I", nullptr},       // Ḭ
    {0x1E2D, "i", nullptr},       // ḭ
    {0x1E2E, "I", nullptr},       // Ḯ
    {0x1E2F, "i", nullptr},       // ḯ
    {0x1E30, "K", "{\\'K}"},      // Ḱ
    {0x1E31, "k", "{\\'k}"},      // ḱ
    {0x1E32, "K", "{\\d{K}}"},    // Ḳ
    {0x1E33, "k", "{\\d{k}}"},    // ḳ
    {0x1E34, "K", "{\\b{K}}"},    // Ḵ
    {0x1E35, "k", "{\\b{k}}"},    // ḵ
    {0x1E36, "L", "{\\d{L}}"},    // Ḷ
    {0x1E37, "l", "{\\d{l}}"},    // ḷ
    {0x1E38, "L", nullptr},       // Ḹ
    {0x1E39, "l", nullptr},       // ḹ
    {0x1E3A, "L", "{\\b{L}}"},    // Ḻ
    {0x1E3B, "l", "{\\b{l}}"},    // ḻ
    {0x1E3C, "L", nullptr},       // Ḽ
    {0x1E3D, "l", nullptr},       // ḽ
    {0x1E3E, "M", "{\\'M}"},      // Ḿ
    {0x1E3F, "m", "{\\'m}"},      // ḿ
    {0x1E40, "M", "{\\.M}"},      // Ṁ
    {0x1E41, "m", "{\\.m}"},      // ṁ
    {0x1E42, "M", "{\\d{M}}"},    // Ṃ
    {0x1E43, "m", "{\\d{m}}"},    // ṃ
    {0x1E44, "N", "{\\.N}"},      // Ṅ
    {0x1E45, "n", "{\\.n}"},      // ṅ
    {0x1E46, "N", "{\\d{N}}"},    // Ṇ
    {0x1E47, "n", "{\\d{n}}"},    // ṇ
    {0x1E48, "N", "{\\b{N}}"},    // Ṉ
    {0x1E49, "n", "{\\b{n}}"},    // ṉ
    {0x1E4A, "N", nullptr},       // Ṋ
    {0x1E4B, "n", nullptr},       // ṋ
    {0x1E4C, "O", nullptr},       // Ṍ
    {0x1E4D, "o", nullptr},       // ṍ
    {0x1E4E, "O", nullptr},       // Ṏ
    {0x1E4F, "o", nullptr},       // ṏ
    {0x1E50, "O", nullptr},       // Ṑ
    {0x1E51, "o", nullptr},       // ṑ
    {0x1E52, "O", nullptr},       // Ṓ
    {0x1E53, "o", nullptr},       // ṓ
    {0x1E54, "P", "{\\'P}"},      // Ṕ
    {0x1E55, "p", "{\\'p}"},      // ṕ
    {0x1E56, "P", "{\\.P}"},      // Ṗ
    {0x1E57, "p", "{\\.p}"},      // ṗ
    {0x1E58, "R", "{\\.R}"},      // Ṙ
    {0x1E59, "r", "{\\.r}"},      // ṙ
    {0x1E5A, "R", "{\\d{R}}"},    // Ṛ
    {0x1E5B, "r", "{\\d{r}}"},    // ṛ
    {0x1E5C, "R", nullptr},       // Ṝ
    {0x1E5D, "r", nullptr},       // ṝ
    {0x1E5E, "R", "{\\b{R}}"},    // Ṟ
    {0x1E5F, "r", "{\\b{r}}"},    // ṟ
    {0x1E60, "S", "{\\.S}"},      // Ṡ
    {0x1E61, "s", "{\\.s}"},      // ṡ
    {0x1E62, "S", "{\\d{S}}"},    // Ṣ
    {0x1E63, "s", "{\\d{s}}"},    // ṣ
    {0x1E64, "S", nullptr},       // Ṥ
    {0x1E65, "s", nullptr},       // ṥ
    {0x1E66, "S", nullptr},       // Ṧ
    {0x1E67, "s", nullptr},       // ṧ
    {0x1E68, "S", nullptr},       // Ṩ
    {0x1E69, "s", nullptr},       // ṩ
    {0x1E6A, "T", "{\\.T}"},      // Ṫ
    {0x1E6B, "t", "{\\.t}"},      // ṫ
    {0x1E6C, "T", "{\\d{T}}"},    // Ṭ
    {0x1E6D, "t", "{\\d{t}}"},    // ṭ
    {0x1E6E, "T", "{\\b{T}}"},    // Ṯ
    {0x1E6F, "t", "{\\b{t}}"},    // ṯ
    {0x1E70, "T", nullptr},       // Ṱ
    {0x1E71, "t", nullptr},       // ṱ
    {0x1E72, "U", nullptr},       // Ṳ
    {0x1E73, "u", nullptr},       // ṳ
    {0x1E74, "U", nullptr},       // Ṵ
    {0x1E75, "u", nullptr},       // ṵ
    {0x1E76, "U", nullptr},       // Ṷ
    {0x1E77, "u", nullptr},       // ṷ
    {0x1E78, "U", nullptr},       // Ṹ
    {0x1E79, "u", nullptr},       // ṹ
    {0x1E7A, "U", nullptr},       // Ṻ
    {0x1E7B, "u", nullptr},       // ṻ
    {0x1E7C, "V", "{\\~V}"},      // Ṽ
    {0x1E7D, "v", "{\\~v}"},      // ṽ
    {0x1E7E, "V", "{\\d{V}}"},    // Ṿ
    {0x1E7F, "v", "{\\d{v}}"},    // ṿ
    {0x1E80, "W", "{\\`W}"},      // Ẁ
    {0x1E81, "w", "{\\`w}"},      // ẁ
    {0x1E82, "W", "{\\'W}"},      // Ẃ
    {0x1E83, "w", "{\\'w}"},      // ẃ
    {0x1E84, "W", "{\\\"W}"},     // Ẅ
    {0x1E85, "w", "{\\\"w}"},     // ẅ
    {0x1E86, "W", "{\\.W}"},      // Ẇ
    {0x1E87, "w", "{\\.w}"},      // ẇ
    {0x1E88, "W", "{\\d{W}}"},    // Ẉ
    {0x1E89, "w", "{\\d{w}}"},    // ẉ
    {0x1E8A, "X", "{\\.X}"},      // Ẋ
    {0x1E8B, "x", "{\\.x}"},      // ẋ
    {0x1E8C, "X", "{\\\"X}"},     // Ẍ
    {0x1E8D, "x", "{\\\"x}"},     // ẍ
    {0x1E8E, "Y", "{\\.Y}"},      // Ẏ
    {0x1E8F, "y", "{\\.y}"},      // ẏ
    {0x1E90, "Z", "{\\^Z}"},      // Ẑ
    {0x1E91, "z", "{\\^z}"},      // ẑ
    {0x1E92, "Z", "{\\d{Z}}"},    // Ẓ
    {0x1E93, "z", "{\\d{z}}"},    // ẓ
    {0x1E94, "Z", "{\\b{Z}}"},    // Ẕ
    {0x1E95, "z", "{\\b{z}}"},    // ẕ
    {0x1E96, "h", "{\\b{h}}"},    // ẖ
    {0x1E97, "t", "{\\\"t}"},     // ẗ
    {0x1E98, "w", "{\\r{w}}"},    // ẘ
    {0x1E99, "y", "{\\r{y}}"},    // ẙ
    {0x1EA0, "A", "{\\d{A}}"},    // Ạ
    {0x1EA1, "a", "{\\d{a}}"},    // ạ
    {0x1EA2, "A", nullptr},       // Ả
    {0x1EA3, "a", nullptr},       // ả
    {0x1EA4, "A", nullptr},       // Ấ
    {0x1EA5, "a", nullptr},       // ấ
    {0x1EA6, "A", nullptr},       // Ầ
    {0x1EA7, "a", nullptr},       // ầ
    {0x1EA8, "A", nullptr},       // Ẩ
    {0x1EA9, "a", nullptr},       // ẩ
    {0x1EAA, "A", nullptr},       // Ẫ
    {0x1EAB, "a", nullptr},       // ẫ
    {0x1EAC, "A", nullptr},       // Ậ
    {0x1EAD, "a", nullptr},       // ậ
    {0x1EAE, "A", nullptr},       // Ắ
    {0x1EAF, "a", nullptr},       // ắ
    {0x1EB0, "A", nullptr},       // Ằ
    {0x1EB1, "a", nullptr},       // ằ
    {0x1EB2, "A", nullptr},       // Ẳ
    {0x1EB3, "a", nullptr},       // ẳ
    {0x1EB4, "A", nullptr},       // Ẵ
    {0x1EB5, "a", nullptr},       // ẵ
    {0x1EB6, "A", nullptr},       // Ặ
    {0x1EB7, "a", nullptr},       // ặ
    {0x1EB8, "E", "{\\d{E}}"},    // Ẹ
    {0x1EB9, "e", "{\\d{e}}"},    // ẹ
    {0x1EBA, "E", nullptr},       // Ẻ
    {0x1EBB, "e", nullptr},       // ẻ
    {0x1EBC, "E", "{\\~E}"},      // Ẽ
    {0x1EBD, "e", "{\\~e}"},      // ẽ
    {0x1EBE, "E", nullptr},       // Ế
    {0x1EBF, "e", nullptr},       // ế
    {0x1EC0, "E", nullptr},       // Ề
    {0x1EC1, "e", nullptr},       // ề
    {0x1EC2, "E", nullptr},       // Ể
    {0x1EC3, "e", nullptr},       // ể
    {0x1EC4, "E", nullptr},       // Ễ
    {0x1EC5, "e", nullptr},       // ễ
    {0x1EC6, "E", nullptr},       // Ệ
    {0x1EC7, "e", nullptr},       // ệ
    {0x1EC8, "I", nullptr},       // Ỉ
    {0x1EC9, "i", nullptr},       // ỉ
    {0x1ECA, "I", "{\\d{I}}"},    // Ị
    {0x1ECB, "i", "{\\d{i}}"},    // ị
    {0x1ECC, "O", "{\\d{O}}"},    // Ọ
    {0x1ECD, "o", "{\\d{o}}"},    // ọ
    {0x1ECE, "O", nullptr},       // Ỏ
    {0x1ECF, "o", nullptr},       // ỏ
    {0x1ED0, "O", nullptr},       // Ố
    {0x1ED1, "o", nullptr},       // ố
    {0x1ED2, "O", nullptr},       // Ồ
    {0x1ED3, "o", nullptr},       // ồ
    {0x1ED4, "O", nullptr},       // Ổ
    {0x1ED5, "o", nullptr},       // ổ
    {0x1ED6, "O", nullptr},       // Ỗ
    {0x1ED7, "o", nullptr},       // ỗ
    {0x1ED8, "O", nullptr},       // Ộ
    {0x1ED9, "o", nullptr},       // ộ
    {0x1EDA, "O", nullptr},       // Ớ
    {0x1EDB, "o", nullptr},       // ớ
    {0x1EDC, "O", nullptr},       // Ờ
    {0x1EDD, "o", nullptr},       // ờ
    {0x1EDE, "O", nullptr},       // Ở
    {0x1EDF, "o", nullptr},       // ở
    {0x1EE0, "O", nullptr},       // Ỡ
    {0x1EE1, "o", nullptr},       // ỡ
    {0x1EE2, "O", nullptr},       // Ợ
    {0x1EE3, "o", nullptr},       // ợ
    {0x1EE4, "U", "{\\d{U}}"},    // Ụ
    {0x1EE5, "u", "{\\d{u}}"},    // ụ
    {0x1EE6, "U", nullptr},       // Ủ
    {0x1EE7, "u", nullptr},       // ủ
    {0x1EE8, "U", nullptr},       // Ứ
    {0x1EE9, "u", nullptr},       // ứ
    {0x1EEA, "U", nullptr},       // Ừ
    {0x1EEB, "u", nullptr},       // ừ
    {0x1EEC, "U", nullptr},       // Ử
    {0x1EED, "u", nullptr},       // ử
    {0x1EEE, "U", nullptr},       // Ữ
    {0x1EEF, "u", nullptr},       // ữ
    {0x1EF0, "U", nullptr},       // Ự
    {0x1EF1, "u", nullptr},       // ự
    {0x1EF2, "Y", "{\\`Y}"},      // Ỳ
    {0x1EF3, "y", "{\\`y}"},      // ỳ
    {0x1EF4, "Y", "{\\d{Y}}"},    // Ỵ
    {0x1EF5, "y", "{\\d{y}}"},    // ỵ
    {0x1EF6, "Y", nullptr},       // Ỷ
    {0x1EF7, "y", nullptr},       // ỷ
    {0x1EF8, "Y", "{\\~Y}"},      // Ỹ
    {0x1EF9, "y", "{\\~y}"},      // ỹ
    {0x2013, "", "--"},           // en dash
    {0x2014, "", "---"},          // em dash
    {0x2018, "", "`"},            // left single quote
    {0x2019, "", "'"},            // right single quote
    {0x201C, "", "``"},           // left double quote
    {0x201D, "", "''"},           // right double quote
    {0x2026, "", "\\ldots{}"},    // ellipsis
    {0xFFFD, "", "?"},            // what an invalid byte became: pdflatex has no glyph for it
};

}  // namespace

const Letter* FindLetter(char32_t cp) {
  const auto it = std::lower_bound(std::begin(kLetters), std::end(kLetters), cp,
                                   [](const Letter& l, char32_t c) { return l.cp < c; });
  if (it == std::end(kLetters) || it->cp != cp) return nullptr;
  return &*it;
}

}  // namespace citex::latin

namespace citex::latin {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "{\\'a}" -> U+00E1: the table read backwards, for every letter with a macro.
const std::unordered_map<std::string, char32_t>& ByLatex() {
  static const auto* const by_latex = [] {
    auto* map = new std::unordered_map<std::string, char32_t>;
    for (const Letter& letter : kLetters) {
      if (letter.latex != nullptr && letter.latex[0] == '{') map->emplace(letter.latex, letter.cp);
    }
    map->emplace("{\\aa}", 0x00E5);  // the table spells these as a ring accent
    map->emplace("{\\AA}", 0x00C5);
    return map;
  }();
  return *by_latex;
}

// Reads the letter an accent applies to at s[p]: "a", "{a}", "\\i", "{\\i}".
// Returns the letter as the table spells it ("a", "\\i") and moves p past it.
std::string AccentBase(std::string_view s, size_t& p) {
  const auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  if (at(p) == '{') {
    if (IsAsciiLetter(at(p + 1)) && at(p + 2) == '}') {
      p += 3;
      return std::string(1, s[p - 2]);
    }
    if (at(p + 1) == '\\' && (at(p + 2) == 'i' || at(p + 2) == 'j') && at(p + 3) == '}') {
      p += 4;
      return std::string("\\") + s[p - 2];
    }
    return "";
  }
  if (at(p) == '\\' && (at(p + 1) == 'i' || at(p + 1) == 'j') && !IsAsciiLetter(at(p + 2))) {
    p += 2;
    return std::string("\\") + s[p - 1];
  }
  if (IsAsciiLetter(at(p))) return std::string(1, s[p++]);
  return "";
}

// Decodes the macro starting at the backslash s[pos]; returns 0 when it is
// not an accent or letter macro, else the letter, with `end` past the macro.
char32_t DecodeMacro(std::string_view s, size_t pos, size_t& end) {
  const auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  const char c = at(pos + 1);
  std::string latex;
  size_t p = pos + 2;
  static constexpr std::string_view kSymbolAccents = "`'^~\"=.";
  static constexpr std::string_view kLetterAccents = "crukvHdb";
  if (c != '\0' && kSymbolAccents.find(c) != std::string_view::npos) {
    std::string base = AccentBase(s, p);
    if (base.empty()) return 0;
    if (base == "i" || base == "j") base = "\\" + base;  // the table's dotless form
    latex = std::string("{\\") + c + base + "}";
  } else if (c != '\0' && kLetterAccents.find(c) != std::string_view::npos &&
             (at(p) == '{' || at(p) == ' ')) {
    while (at(p) == ' ') ++p;
    std::string base = AccentBase(s, p);
    if (base.empty()) return 0;
    latex = std::string("{\\") + c + "{" + base + "}}";
  } else {
    // A letter macro: \\ss, \\o, \\AE, ... ended by a non-letter; TeX drops
    // the space or "{}" after it.
    while (IsAsciiLetter(at(p))) ++p;
    latex = "{" + std::string(s.substr(pos, p - pos)) + "}";
    if (at(p) == '{' && at(p + 1) == '}') {
      p += 2;
    } else if (at(p) == ' ') {
      ++p;
    }
  }
  const auto it = ByLatex().find(latex);
  if (it == ByLatex().end()) return 0;
  end = p;
  return it->second;
}

// Table letters all lie in U+00A0..U+FFFF: two or three bytes.
void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  }
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

}  // namespace

std::string DecodeLatexAccents(std::string_view text) {
  if (text.find('\\') == std::string_view::npos) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = 0;
    char32_t cp = 0;
    // "{\\'a}" as one group: the braces go with the macro.
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '\\' &&
        (cp = DecodeMacro(text, i + 1, end)) != 0 && end < text.size() && text[end] == '}') {
      AppendUtf8(cp, out);
      i = end + 1;
    } else if (text[i] == '\\' && (cp = DecodeMacro(text, i, end)) != 0) {
      AppendUtf8(cp, out);
      i = end;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

}  // namespace citex::latin
