// What output may carry without deceiving its reader: the invisible format
// characters that reorder or hide text (a url "evil/\u202Egnp.exe" displays as
// "evil/exe.png"), the control characters, and which URLs may become links.
// Shared by the link finder and every writer (Markdown, CSV, BibTeX, HTML).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace citex {

// Unicode's format characters (general category Cf): bidirectional
// controls U+202A-202E, U+2066-2069, U+200E/F, U+061C; zero widths
// U+200B-200D, U+2060-2064, U+FEFF; soft hyphen U+00AD; tag characters.
bool IsInvisibleFormat(char32_t c);

// C0 controls, DEL and the C1 controls U+0080-009F.
bool IsControl(char32_t c);

// `url` with each invisible format character and control percent-encoded,
// as RFC 3987 §4.1 asks of bidirectional controls when an IRI becomes a
// URI; everything else unchanged.
std::string PercentEncodeInvisible(std::string_view url);

// `text` as valid UTF-8 without invisible format characters or controls;
// whitespace controls (tab, CR, LF, FF, VT) become a space. For text shown
// to a person (Markdown, HTML).
std::string VisibleText(std::string_view text);

// The same, keeping the format characters (emoji joiners, Arabic marks):
// for data cells (CSV) that must only not carry controls.
std::string WithoutControls(std::string_view text);

// True for the URLs a writer may turn into a link: http, https and ftp
// (any case). "javascript:", "data:", "file:" and the like never are.
bool IsWebUrl(std::string_view url);

}  // namespace citex
