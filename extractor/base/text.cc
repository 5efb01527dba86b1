#include "extractor/base/text.h"

namespace citex {

void CollapseWhitespaceInto(std::string_view text, std::string& out) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsWhitespace(text[begin])) ++begin;
  while (end > begin && IsWhitespace(text[end - 1])) --end;
  // Written through a pointer: the result is never longer than `text`. The
  // only spaces written stand for a run, so a space last written means the
  // run has begun.
  out.resize(end - begin);
  char* const first = out.data();
  char* o = first;
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (!IsWhitespace(c)) {
      *o++ = c;
    } else if (o[-1] != ' ') {
      *o++ = ' ';
    }
  }
  out.resize(static_cast<size_t>(o - first));
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  CollapseWhitespaceInto(text, out);
  return out;
}

}  // namespace citex
