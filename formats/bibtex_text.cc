#include "formats/bibtex_text.h"

#include "extractor/base/latin.h"
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

class FieldText {
 public:
  FieldText(bool latex_accents, std::string& out) : latex_accents_(latex_accents), out_(out) {}

  // Appends `text`, escaped; whitespace is held back so runs collapse and
  // the field never starts or ends with a space.
  void Append(std::string_view text) {
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
      if (const char* escaped = cp < 0x80 ? Escape(cp) : nullptr) {
        out_.append(escaped);
      } else if (cp < 0x80) {
        out_.push_back(static_cast<char>(cp));
      } else if (const latin::Letter* letter = latex_accents_ ? latin::FindLetter(cp) : nullptr;
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

 private:
  bool latex_accents_;
  std::string& out_;
  bool space_ = false;
  bool wrote_ = false;
};

}  // namespace

void AppendBibtexText(std::string_view text, bool latex_accents, std::string& out) {
  FieldText(latex_accents, out).Append(text);
}

void AppendBibtexTitle(std::string_view title, bool latex_accents, std::string& out) {
  FieldText field(latex_accents, out);
  size_t i = 0;
  while (i < title.size()) {
    const size_t start = i;
    if (!IsWordByte(title[i])) {
      while (i < title.size() && !IsWordByte(title[i])) ++i;
      field.Append(title.substr(start, i - start));
      continue;
    }
    while (i < title.size() && IsWordByte(title[i])) ++i;
    const std::string_view word = title.substr(start, i - start);
    if (NeedsProtection(word)) {
      field.Raw('{');
      field.Append(word);
      field.Raw('}');
    } else {
      field.Append(word);
    }
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
