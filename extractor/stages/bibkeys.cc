#include "extractor/stages/bibkeys.h"

#include <algorithm>
#include <array>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/latin.h"
#include "extractor/base/text.h"
#include "extractor/stages/stage.h"

namespace citex {
namespace {

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i > start) tokens.push_back(s.substr(start, i - start));
  }
  return tokens;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The view from the first byte of `from` to the last byte of `to`.
std::string_view Join(std::string_view from, std::string_view to) {
  return std::string_view(from.data(), to.data() + to.size() - from.data());
}

bool IsJr(std::string_view token) {
  static constexpr std::array<std::string_view, 8> kJr = {"Jr", "Jr.", "Sr", "Sr.",
                                                          "II", "III", "IV", "2nd"};
  return std::find(kJr.begin(), kJr.end(), token) != kJr.end();
}

// BibTeX's "von" test: a token whose first letter is lower case.
bool IsVon(std::string_view token) {
  for (char c : token) {
    if (c >= 'a' && c <= 'z') return true;
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return false;
}

// Title words that say nothing about the work, as Better BibTeX skips them.
bool IsStopword(std::string_view word) {
  static constexpr std::array<std::string_view, 44> kStopwords = {
      "a",      "about",   "after", "against", "all",    "among",  "an",  "and",     "are",
      "as",     "at",      "be",    "between", "beyond", "by",     "can", "do",      "does",
      "for",    "from",    "how",   "in",      "into",   "is",     "it",  "its",     "of",
      "on",     "onto",    "or",    "our",     "over",   "should", "the", "through", "to",
      "toward", "towards", "under", "via",     "what",   "when",   "why", "with"};
  return std::find(kStopwords.begin(), kStopwords.end(), word) != kStopwords.end();
}

std::string FirstSignificantWord(std::string_view text) {
  for (std::string_view token : Tokens(text)) {
    std::string word = BibKeys::Fold(token);
    // A bare number ("100%", "1.") says as little as a stopword.
    const bool number = word.find_first_not_of("0123456789") == std::string::npos;
    if (!number && !IsStopword(word)) return word;
  }
  return "";
}

// Identifiers go into keys nearly as they are: lower case, and anything a
// BibTeX key cannot hold ("/", ",", "{"...) as "_".
std::string KeySafe(std::string_view id) {
  std::string out;
  for (char c : id) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
      out.push_back(c);
    } else {
      out.push_back('_');
    }
  }
  return out;
}

// "a".."z", then "aa", "ab", ...: the n-th collision suffix, from 0.
std::string Suffix(size_t n) {
  std::string s;
  ++n;
  while (n > 0) {
    --n;
    s.insert(s.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  }
  return s;
}

}  // namespace

NameParts SplitName(std::string_view full_name) {
  NameParts parts;
  const std::string_view name = Trim(full_name);
  if (const size_t comma = name.find(','); comma != std::string_view::npos) {
    // "von Last, First" or "von Last, Jr, First".
    const std::string_view head = Trim(name.substr(0, comma));
    std::string_view rest = Trim(name.substr(comma + 1));
    if (const size_t second = rest.find(','); second != std::string_view::npos) {
      parts.jr = Trim(rest.substr(0, second));
      rest = Trim(rest.substr(second + 1));
    }
    parts.first = rest;
    const std::vector<std::string_view> tokens = Tokens(head);
    size_t last = 0;
    while (last + 1 < tokens.size() && IsVon(tokens[last])) ++last;
    if (last > 0) parts.von = Join(tokens[0], tokens[last - 1]);
    if (!tokens.empty()) parts.last = Join(tokens[last], tokens.back());
    return parts;
  }
  std::vector<std::string_view> tokens = Tokens(name);
  if (tokens.size() > 1 && IsJr(tokens.back())) {
    parts.jr = tokens.back();
    tokens.pop_back();
  }
  if (tokens.empty()) return parts;
  parts.last = tokens.back();
  size_t von_start = tokens.size() - 1;
  while (von_start > 1 && IsVon(tokens[von_start - 1])) --von_start;
  if (von_start < tokens.size() - 1) parts.von = Join(tokens[von_start], tokens[tokens.size() - 2]);
  if (von_start > 0) parts.first = Join(tokens[0], tokens[von_start - 1]);
  return parts;
}

std::string BibKeys::Fold(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = latin::NextCodePoint(text, pos);
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      out.push_back(static_cast<char>(cp));
    } else if (cp >= 'A' && cp <= 'Z') {
      out.push_back(static_cast<char>(cp - 'A' + 'a'));
    } else if (const latin::Letter* letter = latin::FindLetter(cp)) {
      for (const char* c = letter->ascii; *c; ++c) {
        out.push_back(*c >= 'A' && *c <= 'Z' ? static_cast<char>(*c - 'A' + 'a') : *c);
      }
    }
  }
  return out;
}

namespace {

// First author's surname + year + first significant title word.
std::string PaperBase(const Paper& paper) {
  std::string base;
  for (const std::string& author : paper.authors) {
    const std::string_view surname = SplitName(author).last;
    if (surname.empty()) continue;  // a blank name
    base = BibKeys::Fold(surname);
    break;
  }
  base += BibKeys::Fold(paper.year);
  base += FirstSignificantWord(paper.title);
  return base;
}

}  // namespace

std::string BibKeys::Claim(std::string base) {
  if (base.empty()) base = "anon";
  if (taken_.insert(base).second) return base;
  size_t& n = next_suffix_[base];
  std::string key;
  do {
    key = base + Suffix(n++);
  } while (!taken_.insert(key).second);
  return key;
}

std::string BibKeys::KeyFor(const Paper& paper, const Citation& citation) {
  std::string identity;
  std::string base;
  switch (citation.kind) {
    case CitationKind::kArxiv: {
      // "2310.13961v2" and "2310.13961" are one work.
      const std::string_view id = ArxivIdWithoutVersion(citation.id);
      identity = "arxiv|" + AsciiLower(id);
      base = "arxiv" + KeySafe(id);
      break;
    }
    case CitationKind::kDoi:
      identity = "doi|" + AsciiLower(citation.id);
      base = "doi" + KeySafe(citation.id);
      break;
    case CitationKind::kNumeric: {
      // "[12]" means something only inside the paper that wrote it.
      const std::string& number = citation.id.empty() ? citation.text : citation.id;
      identity = "ref|" + std::to_string(paper.index) + "|" + number;
      const std::string paper_base = PaperBase(paper);
      base = (paper_base.empty() ? "anon" : paper_base) + "-ref" + Fold(number);
      break;
    }
    case CitationKind::kAuthorYear: {
      identity = "ay|";
      for (const std::string& author : citation.authors) identity += AsciiLower(author) + ";";
      identity += citation.et_al ? "+|" : "|";
      identity += AsciiLower(citation.year) + "|" + AsciiLower(citation.label.value_or(""));
      if (!citation.authors.empty()) base = Fold(citation.authors.front());
      base += Fold(citation.year);
      if (citation.label) base += FirstSignificantWord(*citation.label);
      break;
    }
  }
  if (const auto it = works_.find(identity); it != works_.end()) return it->second;
  std::string key = Claim(std::move(base));
  works_.emplace(std::move(identity), key);
  return key;
}

std::string BibKeys::PaperKey(const Paper& paper) { return Claim(PaperBase(paper)); }

void BibKeys::Reserve(const std::string& key) { taken_.insert(key); }

void BibKeys::Assign(Paper& paper) {
  for (Citation& citation : paper.citations) citation.key = KeyFor(paper, citation);
}

namespace {
class KeyStage : public Stage {
 public:
  std::string_view name() const override { return "keys"; }
  void Apply(Paper& paper) override { keys_.Assign(paper); }

 private:
  BibKeys keys_;
};
}  // namespace

std::unique_ptr<Stage> MakeKeyStage() { return std::make_unique<KeyStage>(); }

}  // namespace citex
