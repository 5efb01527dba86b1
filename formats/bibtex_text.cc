#include "formats/bibtex_text.h"

#include <utility>
#include <vector>

#include "extractor/base/latin.h"
#include "extractor/base/tex.h"
#include "extractor/base/utf8.h"

namespace citex {
namespace {

// Braces become \textbraceleft{}, not \{: bibtex counts every brace,
// escaped or not, so "\{" would leave the field unbalanced.
const char* Escape(char32_t cp) {
  switch (cp) {
    case '&':
      return "\\&";
    case '%':
      return "\\%";
    case '$':
      return "\\$";
    case '#':
      return "\\#";
    case '_':
      return "\\_";
    case '{':
      return "\\textbraceleft{}";
    case '}':
      return "\\textbraceright{}";
    case '~':
      return "\\textasciitilde{}";
    case '^':
      return "\\textasciicircum{}";
    case '\\':
      return "\\textbackslash{}";
    // OT1 fonts print these as other glyphs (¡, ¿, —) when written bare.
    case '<':
      return "\\textless{}";
    case '>':
      return "\\textgreater{}";
    case '|':
      return "\\textbar{}";
    default:
      return nullptr;
  }
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
}

// What may follow a backslash in a macro that passes through: a control
// word's letters or a printable ASCII control symbol (\%, \&, \", \\).
bool IsMacroByte(char c) { return c > ' ' && c < 0x7F; }

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A capital after the first letter means an acronym or a name (BERT, LoRA,
// iPhone, 3D): styles must not lower-case it.
bool NeedsProtection(std::string_view word) {
  for (size_t i = 1; i < word.size(); ++i) {
    if (word[i] >= 'A' && word[i] <= 'Z') return true;
  }
  return false;
}

// Which braces of `text` (outside `math`) pair up. bibtex counts "\{" as a
// brace too, while LaTeX pairs "\{" only with "\}" and "{" with "}": a brace
// pairs when both agree. paired[i] is meaningful where text[i] is a brace.
std::vector<bool> PairedBraces(std::string_view text, const std::vector<Span>& math) {
  std::vector<bool> paired(text.size(), false);
  std::vector<std::pair<size_t, bool>> open;  // where a brace is, whether escaped
  size_t next_math = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (next_math < math.size() && math[next_math].start == i) {
      i = math[next_math++].end;
      continue;
    }
    const bool escaped = text[i] == '\\';
    const size_t brace = escaped ? i + 1 : i;
    i += escaped ? tex::MacroLength(text, i) : 1;
    if (brace >= text.size() || (text[brace] != '{' && text[brace] != '}')) continue;
    if (text[brace] == '{') {
      open.emplace_back(brace, escaped);
    } else if (!open.empty() && open.back().second == escaped) {
      paired[open.back().first] = paired[brace] = true;
      open.pop_back();
    }
  }
  return paired;
}

class FieldText {
 public:
  FieldText(BibtexStyle style, std::string& out) : style_(style), out_(out) {}

  // Appends `text`, escaped; whitespace is held back so runs collapse and
  // the field never starts or ends with a space. With `verbatim` (TeX that
  // passes through) only whitespace, control characters and invalid UTF-8
  // are touched.
  void Append(std::string_view text, bool verbatim = false) {
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t start = pos;
      const char32_t cp = latin::NextCodePoint(text, pos);
      if (IsSpace(cp)) {
        space_ = true;
        continue;
      }
      if (cp < 0x20 || cp == 0x7F) continue;  // control characters typeset as nothing
      if (space_ && wrote_) out_.push_back(' ');
      space_ = false;
      wrote_ = true;
      // In TeX "~" is a tie, and nothing else reaches here unpaired or bare.
      const bool keep = verbatim || (style_.tex && cp == '~');
      if (const char* escaped = cp < 0x80 && !keep ? Escape(cp) : nullptr) {
        out_.append(escaped);
      } else if (cp < 0x80) {
        out_.push_back(static_cast<char>(cp));
      } else if (const latin::Letter* letter =
                     style_.latex_accents && !verbatim ? latin::FindLetter(cp) : nullptr;
                 letter != nullptr && letter->latex != nullptr) {
        out_.append(letter->latex);
      } else if (cp == latin::kReplacement && pos - start == 1) {
        out_.append("\xEF\xBF\xBD");  // an invalid byte, as U+FFFD
      } else {
        out_.append(text.data() + start, pos - start);
      }
    }
  }

  // Appends raw LaTeX (a protecting brace) after any pending space.
  void Raw(char c) {
    if (space_ && wrote_) out_.push_back(' ');
    space_ = false;
    wrote_ = true;
    out_.push_back(c);
  }

  // Appends plain text, words with a capital after their first letter
  // braced when `protect` (see AppendBibtexTitle).
  void Words(std::string_view text, bool protect) {
    if (!protect) return Append(text);
    size_t i = 0;
    while (i < text.size()) {
      const size_t start = i;
      const bool word = IsWordByte(text[i]);
      while (i < text.size() && IsWordByte(text[i]) == word) ++i;
      const std::string_view run = text.substr(start, i - start);
      if (word && NeedsProtection(run)) {
        Raw('{');
        Append(run);
        Raw('}');
      } else {
        Append(run);
      }
    }
  }

  // Appends TeX source: math spans, macros and the braces that pair up as
  // they are; outside math, text as Words() writes it, so that only what
  // would break bibtex or LaTeX is escaped (a bare & % # _ ^, an unpaired $,
  // an unpaired brace, a lone backslash).
  void Tex(std::string_view text, bool protect) {
    const std::vector<Span> math = tex::MathSpans(text);
    const std::vector<bool> paired = PairedBraces(text, math);
    size_t next_math = 0;
    size_t plain = 0;  // start of the text not yet written
    size_t pos = 0;
    const auto flush = [&](size_t end) {
      Words(text.substr(plain, end - plain), protect);
      plain = end;
    };
    while (pos < text.size()) {
      if (next_math < math.size() && math[next_math].start == pos) {
        flush(pos);
        const Span span = math[next_math++];
        Append(text.substr(span.start, span.end - span.start), true);
        pos = plain = span.end;
        continue;
      }
      const char c = text[pos];
      if (c != '\\' && c != '{' && c != '}') {
        ++pos;
        continue;
      }
      flush(pos);
      size_t length = c == '\\' ? tex::MacroLength(text, pos) : 1;
      const char symbol = length == 2 ? text[pos + 1] : '\0';
      if (c != '\\' || symbol == '{' || symbol == '}') {
        const size_t brace = pos + length - 1;
        // An unpaired one is escaped as in plain text.
        Append(text.substr(paired[brace] ? pos : brace, paired[brace] ? length : 1), paired[brace]);
      } else if (length == 2 && IsSpace(static_cast<unsigned char>(symbol))) {
        Append(" ");  // a control space
      } else if (length == 1 || (length == 2 && !IsMacroByte(symbol))) {
        length = 1;
        Append("\\");  // a lone backslash, escaped as in plain text
      } else {
        Append(text.substr(pos, length), true);
      }
      pos = plain = pos + length;
    }
    flush(text.size());
  }

 private:
  BibtexStyle style_;
  std::string& out_;
  bool space_ = false;
  bool wrote_ = false;
};

}  // namespace

void AppendBibtexText(std::string_view text, BibtexStyle style, std::string& out) {
  FieldText field(style, out);
  if (style.tex) {
    field.Tex(text, false);
  } else {
    field.Append(text);
  }
}

void AppendBibtexTitle(std::string_view title, BibtexStyle style, std::string& out) {
  FieldText field(style, out);
  if (style.tex) {
    field.Tex(title, true);
  } else {
    field.Words(title, true);
  }
}

void AppendBibtexVerbatim(std::string_view value, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string valid;
  AppendValidUtf8(valid, value);
  for (char c : valid) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '{' || c == '}' || c == '\\') {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace citex
