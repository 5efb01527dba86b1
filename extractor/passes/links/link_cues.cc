// Stage 3 of the link pass: status and role come from cue patterns matched on
// a bounded window of the sentence that holds the link.
#include <re2/re2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/base/per_thread.h"
#include "extractor/base/text.h"
#include "extractor/passes/links/link_internal.h"
#include "extractor/passes/links/link_patterns.h"

namespace citex {
namespace links_internal {
namespace {

// How many bytes of the sentence before and after a link are read for cues.
// Bounding the window keeps the pass linear when a hostile "sentence" holds
// thousands of links.
constexpr size_t kWindowBefore = 300;
constexpr size_t kWindowAfter = 200;
// A third-party cue this close before the link, with no release or own cue
// after it, makes the link third-party ("we use LLaMA (LINK)").
constexpr size_t kNearBefore = 50;

struct CuePatterns {
  RE2 coming_soon{link_patterns::kComingSoonCue, Latin1Options()};
  RE2 released{link_patterns::kReleasedCue, Latin1Options()};
  RE2 label_before{link_patterns::kLabelBefore, Latin1Options()};
  RE2 own{link_patterns::kOwnCue, Latin1Options()};
  RE2 third_party{link_patterns::kThirdPartyCue, Latin1Options()};
  RE2 project_page{link_patterns::kProjectPageCue, Latin1Options()};
  RE2 cited_href_after{link_patterns::kCitedHrefAfter, Latin1Options()};
  RE2 compared_near{link_patterns::kComparedNearCue, Latin1Options()};
};

const CuePatterns& Patterns() { return PerThread<CuePatterns>(); }

// The first i' >= i where text[i'] is '\n', '.', '!' or '?'; n if none.
size_t NextSentenceByte(std::string_view text, size_t i) {
  const size_t n = text.size();
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, dot)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < n && text[i] != '\n' && text[i] != '.' && text[i] != '!' && text[i] != '?') ++i;
  return i;
}

// The normalised window of text around links[index]: lower-cased ASCII,
// whitespace runs as one space, every link (this one too) as " LINK ".
// `before` is the part that ends at this link.
void Window(std::string_view text, const std::vector<Candidate>& links, size_t index,
            size_t sentence_start, size_t sentence_end, std::string* before, std::string* full,
            size_t* after_start) {
  const Candidate& self = links[index];
  const size_t from =
      std::max(sentence_start, self.start > kWindowBefore ? self.start - kWindowBefore : 0);
  const size_t to = std::min(sentence_end, self.end + kWindowAfter);
  // The first link that could overlap the window.
  size_t link = static_cast<size_t>(
      std::lower_bound(links.begin(), links.end(), from,
                       [](const Candidate& c, size_t pos) { return c.end <= pos; }) -
      links.begin());
  std::string out;
  out.reserve(to - from + 16);
  bool space = false;
  for (size_t i = from; i < to; ++i) {
    if (link < links.size() && links[link].start <= i) {
      if (link == index) *before = out;
      out += " LINK ";
      if (link == index) *after_start = out.size();
      i = std::max(i, links[link].end) - 1;
      ++link;
      space = true;
      continue;
    }
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '~') {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    space = false;
    out.push_back(AsciiLower(c));
  }
  while (!before->empty() && before->back() == ' ') before->pop_back();
  *full = std::move(out);
}

// Drops the markup that may stand between a label and its link, so that
// "code: \url{LINK", "code: <a href=\"LINK" and "code: (LINK" read as
// "code:". Bounded: each round removes at least one character.
void StripMarkupTail(std::string* s) {
  for (int round = 0; round < 8; ++round) {
    const size_t before = s->size();
    while (!s->empty() && InSet(" {([<\"'=", s->back())) s->pop_back();
    size_t w = s->size();
    while (w > 0 && (*s)[w - 1] >= 'a' && (*s)[w - 1] <= 'z') --w;
    const std::string word = s->substr(w);
    if (w > 0 && (*s)[w - 1] == '\\') {
      s->resize(w - 1);  // \url, \href
    } else if (word == "href" && w >= 3 && s->compare(w - 3, 3, "<a ") == 0) {
      s->resize(w - 3);
    }
    if (s->size() == before) break;
  }
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Whether the link is the object of a third-party cue (kThirdPartyCue or
// kComparedNearCue): one stands in the
// last kNearBefore bytes before it ("we use LLaMA (LINK)", "built on DINO
// (LINK)", "baselines from LINK") and no release or own cue comes between
// ("our code, based on PyTorch, is available at LINK" is own).
bool GovernedByThirdPartyCue(std::string_view before) {
  const CuePatterns& re = Patterns();
  re2::StringPiece near(
      before.data() + (before.size() > kNearBefore ? before.size() - kNearBefore : 0),
      std::min(before.size(), kNearBefore));
  const char* last_end = nullptr;
  re2::StringPiece rest = near;
  while (RE2::FindAndConsume(&rest, re.third_party)) last_end = rest.data();
  rest = near;
  while (RE2::FindAndConsume(&rest, re.compared_near)) {
    if (last_end == nullptr || rest.data() > last_end) last_end = rest.data();
  }
  if (last_end == nullptr) return false;
  const re2::StringPiece after(last_end,
                               static_cast<size_t>(before.data() + before.size() - last_end));
  return !RE2::PartialMatch(after, re.released) && !RE2::PartialMatch(after, re.own);
}

}  // namespace

// A sentence ends after . ! ? followed by whitespace (or the end), except
// after common abbreviations, and at a blank line.
std::vector<size_t> SentenceEnds(std::string_view text, const std::vector<Candidate>& links) {
  std::vector<size_t> ends;
  size_t link = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    // Only '\n', '.', '!' and '?' can end a sentence; the bytes between are
    // skipped (a link among them is skipped below all the same).
    i = NextSentenceByte(text, i);
    if (i >= n) break;
    while (link < links.size() && links[link].end <= i) ++link;
    if (link < links.size() && links[link].start <= i) {
      i = links[link].end - 1;
      continue;
    }
    const char c = text[i];
    if (c == '\n' && i + 1 < n && text[i + 1] == '\n') {
      ends.push_back(i + 1);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    if (i + 1 < n && !(text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\t')) continue;
    if (c == '.') {
      // The word before the dot, at most 8 bytes back.
      // The word starts after any bracket or LaTeX brace: "}{C. J. Paxman"
      // has the initial "C.". Lower-cased in place: this runs at every dot.
      char lowered[8];
      size_t size = 0;
      for (size_t w = i; w > 0 && i - w < 8; --w) {
        const char ch = text[w - 1];
        if (static_cast<unsigned char>(ch) <= 0x20 || ch == '(' || ch == '[' || ch == '{' ||
            ch == '}') {
          break;
        }
        lowered[7 - size++] = AsciiLower(ch);
      }
      const std::string_view word(lowered + 8 - size, size);
      // "e.g." and "i.e." are letters and dots; "7.62%." ends a sentence.
      bool dotted = word.find('.') != std::string_view::npos;
      for (char ch : word) dotted = dotted && ((ch >= 'a' && ch <= 'z') || ch == '.');
      if (word.size() <= 1 || dotted || word == "al" || word == "vs" || word == "cf" ||
          word == "fig" || word == "eq" || word == "no" || word == "sec" || word == "approx") {
        continue;
      }
    }
    ends.push_back(i + 1);
  }
  ends.push_back(n);
  return ends;
}

void ReadSentence(std::string_view text, const std::vector<Candidate>& links, size_t index,
                  const std::vector<size_t>& sentence_ends, Link* link) {
  const CuePatterns& re = Patterns();
  const Candidate& cand = links[index];
  // The sentence that holds the link.
  auto it = std::upper_bound(sentence_ends.begin(), sentence_ends.end(), cand.start);
  const size_t sentence_end = it == sentence_ends.end() ? text.size() : *it;
  const size_t sentence_start = it == sentence_ends.begin() ? 0 : *(it - 1);
  std::string before, full;
  size_t after_start = 0;
  Window(text, links, index, sentence_start, sentence_end, &before, &full, &after_start);
  const re2::StringPiece full_sp(full);
  std::string label_text = before;
  StripMarkupTail(&label_text);
  const bool label = RE2::PartialMatch(label_text, re.label_before);
  // What follows the link, from the character right after it: "}{PRL 133,
  // 046802 (2024)}" after an \href says the link is a reference.
  const re2::StringPiece after(full.data() + std::min(after_start, full.size()),
                               full.size() - std::min(after_start, full.size()));
  // A promise governs the link when it comes before it ("Code will be released
  // at LINK"), or after it when nothing before says the thing is there ("Code
  // (LINK) will be released"); "is available at LINK, where updates will be
  // provided" is released.
  const bool released_before = RE2::PartialMatch(before, re.released);
  if (RE2::PartialMatch(before, re.coming_soon) ||
      (!released_before && RE2::PartialMatch(after, re.coming_soon))) {
    link->status = Status::kComingSoon;
  } else if (label || released_before || RE2::PartialMatch(after, re.released)) {
    link->status = Status::kReleased;
  }
  const bool cited = RE2::PartialMatch(after, re.cited_href_after);
  if (cited || (!label && GovernedByThirdPartyCue(before))) {
    // The object of "we use", "built on", "downloaded from" or a reference:
    // whether it can be had is not what the sentence says ("We build on X
    // (URL) and release Y").
    link->role = Role::kThirdParty;
    if (link->status == Status::kReleased) link->status = Status::kUnknown;
  } else if (RE2::PartialMatch(full_sp, re.own)) {
    link->role = Role::kOwn;
  } else if (link->status != Status::kUnknown || label) {
    link->role = Role::kOwn;
  } else if (RE2::PartialMatch(full_sp, re.third_party)) {
    link->role = Role::kThirdParty;
  } else {
    // No cue at all: an abstract that gives an address without a word about
    // it ("JAFFA (URL) is a fusion detection method", a bare URL after the
    // last sentence) speaks of its own artefact, there to be had.
    link->role = Role::kOwn;
  }
  // What the paper owns and names without a promise is there now ("We
  // developed X (URL)"); someone else's work keeps `unknown`.
  if (link->status == Status::kUnknown && link->role == Role::kOwn) {
    link->status = Status::kReleased;
  }
  if (link->kind == LinkKind::kOther && link->type == "page" &&
      RE2::PartialMatch(full_sp, re.project_page)) {
    link->kind = LinkKind::kProject;  // a site the sentence calls a project page is a page
    link->category = LinkCategory::kPage;
  }
}

}  // namespace links_internal
}  // namespace citex
