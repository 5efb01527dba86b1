// The name the text gives a cited work ("Self-Instruct (Wang et al., 2023)").
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extractor/base/text.h"
#include "extractor/passes/citations/citation_patterns.h"
#include "extractor/passes/citations/citations_internal.h"

namespace citex::citation_internal {
namespace {

namespace cp = citation_patterns;

// Nouns that follow a name and are not part of it ("the MathInstruct dataset").
bool IsGenericNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "dataset",     "datasets",  "benchmark",   "benchmarks",  "model",        "models",
      "method",      "methods",   "framework",   "corpus",      "corpora",      "algorithm",
      "approach",    "library",   "toolkit",     "system",      "architecture", "optimizer",
      "suite",       "task",      "tasks",       "challenge",   "metric",       "loss",
      "network",     "technique", "paradigm",    "family",      "series",       "score",
      "test",        "setting",   "protocol",    "pipeline",    "baseline",     "baselines",
      "data",        "format",    "scheme",      "strategy",    "procedure",    "objective",
      "estimator",   "variant",   "codebase",    "package",     "tool",         "platform",
      "environment", "simulator", "leaderboard", "competition", "evaluation",   "collection",
  };
  return kNouns.count(w) > 0;
}

// Words that end a label from the left ("the Self-Instruct": stop at "the").
bool IsLabelStop(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "The",      "A",       "An",      "Our",   "We",        "In",     "Of",    "On",   "For",
      "With",     "By",      "To",      "And",   "Or",        "As",     "At",    "From", "This",
      "That",     "These",   "Those",   "Its",   "Their",     "His",    "Her",   "It",   "Both",
      "Each",     "All",     "Such",    "E.g.",  "I.e.",      "Cf.",    "See",   "Like", "Unlike",
      "Using",    "Via",     "Section", "Sec.",  "Table",     "Figure", "Fig.",  "Eq.",  "Equation",
      "Appendix", "Chapter", "Theorem", "Lemma", "Algorithm", "Ref.",   "Refs.",
  };
  return kStop.count(w) > 0;
}

constexpr size_t kLabelLookback = 80;

bool IsSentenceEnd(std::string_view token) {
  if (token.empty()) return false;
  char c = token.back();
  return c == '.' || c == '!' || c == '?' || c == ':';
}

// Name-like: a letter or digit first, and an upper-case letter or a digit
// somewhere (Self-Instruct, muParam, MATH, Phi-2, MIMIC-III, GPT-4).
bool IsNameLike(std::string_view token) {
  static const Pattern shape(cp::kLabelToken);
  static const Pattern marked(cp::kLabelMark);
  StringPiece piece(token.data(), token.size());
  return RE2::FullMatch(piece, shape.get()) && RE2::PartialMatch(piece, marked.get());
}

// A capitalised ordinary word: one capital, then lower-case ASCII only.
bool IsPlainCapitalised(std::string_view token) {
  if (token.size() < 2 || !IsAsciiUpper(token[0])) return false;
  for (size_t i = 1; i < token.size(); ++i) {
    if (!IsAsciiLower(token[i])) return false;
  }
  return true;
}

// Quote pairs that may wrap a label.
struct QuotePair {
  std::string_view open;
  std::string_view close;
};
constexpr std::array<QuotePair, 5> kQuotes = {
    {{"\"", "\""}, {"“", "”"}, {"‘", "’"}, {"'", "'"}, {"«", "»"}}};

}  // namespace

// The name the text gives the cited work, read from at most kLabelLookback
// bytes before `open` (the group's opening bracket). `floor`: nothing before
// it belongs to this callout's context (the end of the previous callout).
std::optional<std::string> FindLabel(std::string_view text, size_t open, size_t floor) {
  size_t lo = open > kLabelLookback ? open - kLabelLookback : 0;
  lo = std::max(lo, floor);
  std::string_view w = text.substr(lo, open - lo);
  while (!w.empty() && IsWhitespace(w.back())) w.remove_suffix(1);
  // A quoted name: the "Lottery Ticket Hypothesis" (Frankle & Carbin 2019).
  for (const QuotePair& q : kQuotes) {
    if (!EndsWith(w, q.close)) continue;
    std::string_view inner = w.substr(0, w.size() - q.close.size());
    size_t at = inner.rfind(q.open);
    if (at == std::string_view::npos) continue;
    // The opening quote starts a word: not the apostrophe of "it's".
    if (at > 0 && !IsWhitespace(inner[at - 1]) && inner[at - 1] != '(') continue;
    std::string_view label = inner.substr(at + q.open.size());
    if (label.empty() || label.size() > 60 || IsWhitespace(label.front())) continue;
    return std::string(label);
  }
  // Whitespace-separated tokens, last first.
  std::vector<std::string_view> tokens;
  bool window_starts_text = lo == 0;
  {
    size_t end = w.size();
    while (end > 0 && tokens.size() < 6) {
      size_t s = end;
      while (s > 0 && !IsWhitespace(w[s - 1])) --s;
      tokens.push_back(w.substr(s, end - s));
      end = s;
      while (end > 0 && IsWhitespace(w[end - 1])) --end;
      if (end == 0 && s == 0) break;
    }
    // If the window was cut mid-text, the farthest token may be a fragment.
    if (!window_starts_text && !tokens.empty() && end == 0 && lo > floor &&
        !IsWhitespace(text[lo - 1])) {
      tokens.pop_back();
    }
  }
  size_t i = 0;
  if (i < tokens.size() && IsGenericNoun(tokens[i])) ++i;
  size_t run_begin = i;
  while (i < tokens.size() && i - run_begin < 4 && IsNameLike(tokens[i]) &&
         !IsLabelStop(tokens[i]) && !IsSentenceEnd(tokens[i]) && tokens[i].back() != ',' &&
         tokens[i].back() != ';' && tokens[i].back() != ')') {
    ++i;
  }
  if (i == run_begin) return std::nullopt;
  // An author's possessive is not a name for the work ("Kurepa's [Kurepa 1971]").
  if (EndsWith(tokens[run_begin], "'s") || EndsWith(tokens[run_begin], "’s")) {
    return std::nullopt;
  }
  // The farthest token of the run, at the start of a sentence, is just a
  // capitalised word ("Research (Brown 2019)").
  size_t last = i - 1;
  bool at_sentence_start =
      (i == tokens.size() && window_starts_text) || (i < tokens.size() && IsSentenceEnd(tokens[i]));
  if (at_sentence_start && IsPlainCapitalised(tokens[last])) {
    if (last == run_begin) return std::nullopt;
    --last;
  }
  // tokens[run_begin..last] are in reverse order; they are contiguous in w.
  const char* b = tokens[last].data();
  const char* e = tokens[run_begin].data() + tokens[run_begin].size();
  std::string label(b, static_cast<size_t>(e - b));
  // A label names something: a bare number or year ("Section 3 [5]",
  // "in 2020 [3]") is not a name.
  bool has_letter = false;
  for (char c : label) {
    has_letter =
        has_letter || IsAsciiUpper(c) || IsAsciiLower(c) || static_cast<unsigned char>(c) >= 0x80;
  }
  if (!has_letter) return std::nullopt;
  return label;
}

// Gives every record of a group the group's label when all of them cite the
// same authors (one work or one series of works); otherwise no label.
void ApplyLabel(std::vector<Citation>* records, const std::optional<std::string>& label) {
  if (!label || records->empty()) return;
  // Numbers say nothing about authors: several numbers are several works.
  if (records->front().kind == CitationKind::kNumeric && records->size() > 1) return;
  for (const Citation& c : *records) {
    if (c.authors != records->front().authors) return;
  }
  for (Citation& c : *records) c.label = label;
}

}  // namespace citex::citation_internal
