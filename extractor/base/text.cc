#include "extractor/base/text.h"

namespace citex {

std::string CollapseWhitespace(std::string_view text) {
  // Written through a pointer: the result is never longer than `text`.
  std::string out(text.size(), '\0');
  char* const begin = &out[0];
  char* o = begin;
  bool pending_space = false;
  for (char c : text) {
    if (IsWhitespace(c)) {
      pending_space = o != begin;
      continue;
    }
    if (pending_space) *o++ = ' ';
    pending_space = false;
    *o++ = c;
  }
  out.resize(static_cast<size_t>(o - begin));
  return out;
}

}  // namespace citex
