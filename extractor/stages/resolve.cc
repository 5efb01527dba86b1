// The resolution stage. The rules, their order and what a score means are
// in docs/resolve.md; tests/stages/resolve_test.cc has a table per rule.
#include "extractor/stages/resolve.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <unordered_set>
#include <utility>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/text.h"

namespace citex {
namespace {

// Every four-digit year in `year` ("2020b" -> 2020; "1813/1919" -> both).
std::vector<std::string> Years(std::string_view year, char* suffix) {
  std::vector<std::string> years;
  *suffix = 0;
  for (size_t i = 0; i + 4 <= year.size();) {
    char s = 0;
    std::string y = FirstYear(year.substr(i), &s);
    if (y.empty()) break;
    const size_t at = year.find(y, i);
    i = at + 4;
    if (s != 0) *suffix = s;
    years.push_back(std::move(y));
  }
  return years;
}

bool YearFits(const CitedWork& work, const LibraryEntry& e) {
  for (const std::string& y : work.years) {
    if (y == e.year || (!e.orig_year.empty() && y == e.orig_year)) return true;
  }
  return false;
}

// Author count: "A" one author, "A and B" exactly those two, "A, B and C"
// exactly those, "A et al." three or more (natbib) — two is a weak fit, as
// some styles write "et al." from two authors on.
double CountScore(const CitedWork& work, const LibraryEntry& e) {
  const size_t cited = work.surnames.size();
  const size_t listed = e.surnames.size();
  for (size_t k = 1; k < cited; ++k) {
    if (k >= listed || work.surnames[k] != e.surnames[k]) return -1;  // a named co-author differs
  }
  if (work.et_al) {
    if (listed > cited + 1 || (listed > cited && e.others) || (listed == cited && e.others)) {
      return 0.2;
    }
    return listed == cited + 1 ? -0.25 : -1;
  }
  if (cited >= 2) return listed == cited && !e.others ? 0.25 : -1;
  if (!e.corporate.empty() || (listed == 1 && !e.others)) return 0.2;
  return -0.3;  // "Smith (2020)" for a work with co-authors: other styles, weak
}

// A label ("LoRA (Hu et al., 2021)") whose words are all in the entry's
// title, key or shorthand.
bool LabelFits(const CitedWork& work, const LibraryEntry& e) {
  if (work.label.empty()) return false;
  std::vector<std::string> words = FoldWords(TitleOf(e));
  const std::string key = FoldName(e.bib.key);
  const std::string shorthand = FoldName(e.shorthand);
  std::string all;
  for (const std::string& w : work.label) all += w;
  if (!shorthand.empty() && shorthand == all) return true;
  if (all.size() >= 3 && key.find(all) != std::string::npos) return true;
  std::string title;
  for (const std::string& w : words) title += w;
  for (const std::string& w : work.label) {
    if (std::find(words.begin(), words.end(), w) == words.end() &&
        (w.size() < 3 || title.find(w) == std::string::npos)) {
      return false;
    }
  }
  return true;
}

// Removes the fits from other files that are copies of a fit in `file`.
void DropCopiesOutside(const Library& library, uint32_t file,
                       std::vector<std::pair<double, uint32_t>>* fits) {
  const std::vector<LibraryEntry>& entries = library.entries();
  std::vector<std::pair<double, uint32_t>> kept;
  for (const auto& fit : *fits) {
    const LibraryEntry& e = entries[fit.second];
    bool copy = false;
    for (const auto& other : *fits) {
      const LibraryEntry& o = entries[other.second];
      copy = copy || (e.library != file && o.library == file && SameWork(e, o));
    }
    if (!copy) kept.push_back(fit);
  }
  *fits = std::move(kept);
}

// Words too common in titles to say which of two works a paragraph is
// about.
bool IsCommonTitleWord(const std::string& w) {
  static const std::unordered_set<std::string> kCommon = {
      "about",    "after",    "among",    "analysis", "approach", "based",    "beyond",
      "between",  "towards",  "toward",   "their",    "there",    "these",    "under",
      "using",    "which",    "while",    "where",    "model",    "models",   "method",
      "methods",  "study",    "studies",  "results",  "general",  "large",    "learning",
      "language", "languages", "theory",  "problem",  "problems", "system",   "systems",
      "through",  "other",    "first",    "second",   "three",    "paper",    "review",
      "introduction", "effects", "effect", "algorithm", "algorithms", "network", "networks",
      "social",   "economic", "evidence", "english",  "french",   "world",    "journal"};
  return w.size() < 5 || kCommon.count(w) > 0;
}

// How many of the entry's distinctive title words the paragraph uses.
size_t TopicalOverlap(const LibraryEntry& e, const std::unordered_set<std::string>& words) {
  std::vector<std::string> title = FoldWords(TitleOf(e));
  std::sort(title.begin(), title.end());
  title.erase(std::unique(title.begin(), title.end()), title.end());
  size_t n = 0;
  for (const std::string& w : title) n += !IsCommonTitleWord(w) && words.count(w) > 0;
  return n;
}

// Whether entry `e` is named by `word` (its title words or its key).
bool Named(const LibraryEntry& e, const std::string& word) {
  if (word.size() < 3) return false;
  if (FoldName(e.bib.key).find(word) != std::string::npos) return true;
  for (const std::string& w : FoldWords(TitleOf(e))) {
    if (w == word) return true;
  }
  return false;
}

// How far from a neighbour a copy still is in its stretch of the file.
constexpr uint32_t kNeighbourhood = 64;

// Distance, in entries of one file, from `i` to the nearest of `nearby`.
uint64_t Distance(const Library& library, uint32_t i, const std::vector<uint32_t>& nearby) {
  uint64_t best = UINT64_MAX;
  for (uint32_t n : nearby) {
    if (library.entries()[n].library != library.entries()[i].library) continue;
    best = std::min<uint64_t>(best, n > i ? n - i : i - n);
  }
  return best;
}

// The tie-breaks, in order, among the fits not clearly behind the best
// (fits sorted best first): each adds kTieBreak to the fits it favours when
// it favours some of them and not all. 1: the word before the bracket names
// the work; 2: the paragraph uses more of its title's distinctive words;
// 3: copies of one work: the copy in the stretch of the file where the
// paper's other citations resolved, or clearly nearest to them (or, when the
// paper has none, to the last papers').
void BreakTies(const Library& library, const Citation& c, std::string_view abstract,
               const ResolveContext& context, std::vector<std::pair<double, uint32_t>>* fits) {
  const std::vector<LibraryEntry>& entries = library.entries();
  auto sort = [&] {
    std::sort(fits->begin(), fits->end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
  };
  auto tied = [&] {
    size_t n = 1;
    while (n < fits->size() && (*fits)[0].first - (*fits)[n].first < kMargin - 1e-9) ++n;
    return n;
  };
  // Adds kTieBreak to the tied fits where `value` is highest, when it is
  // not the same for all of them.
  auto favour = [&](size_t n, const std::vector<uint64_t>& value) {
    const uint64_t top = *std::max_element(value.begin(), value.end());
    const uint64_t low = *std::min_element(value.begin(), value.end());
    if (top == low) return false;
    for (size_t k = 0; k < n; ++k) {
      if (value[k] == top) (*fits)[k].first += kTieBreak;
    }
    sort();
    return true;
  };
  size_t n = tied();
  if (n < 2) return;
  // 1. The name before the bracket.
  if (const std::string word = NamedBefore(c, abstract); !word.empty()) {
    std::vector<uint64_t> named(n);
    for (size_t k = 0; k < n; ++k) named[k] = Named(entries[(*fits)[k].second], word);
    // A copy of a named work is named too ("showyourwork" may be one
    // copy's key only).
    for (size_t k = 0; k < n; ++k) {
      for (size_t j = 0; j < n && named[k] == 0; ++j) {
        named[k] = named[j] != 0 && SameWork(entries[(*fits)[j].second], entries[(*fits)[k].second]);
      }
    }
    if (favour(n, named) && (n = tied()) < 2) return;
  }
  // 2. The paragraph's topic.
  std::unordered_set<std::string> words;
  for (std::string& w : FoldWords(abstract)) words.insert(std::move(w));
  std::vector<uint64_t> overlap(n);
  for (size_t k = 0; k < n; ++k) overlap[k] = TopicalOverlap(entries[(*fits)[k].second], words);
  if (favour(n, overlap) && (n = tied()) < 2) return;
  // 3. Copies of one work: the neighbourhood.
  if (context.nearby.empty()) return;
  for (size_t k = 1; k < n; ++k) {
    if (!SameWork(entries[(*fits)[0].second], entries[(*fits)[k].second])) return;
  }
  // 3a. Copies in a stretch of the file the paper's own neighbours are in.
  std::vector<uint64_t> density(n, 0);
  for (size_t k = 0; k < n; ++k) {
    const uint32_t i = (*fits)[k].second;
    for (uint32_t m : context.nearby) {
      const uint32_t d = m > i ? m - i : i - m;
      density[k] += entries[m].library == entries[i].library && d <= kNeighbourhood;
    }
  }
  if (context.own && favour(n, density)) return;
  // 3b. The copy clearly (8 times) nearer to a neighbour (the paper's, or else the
  // last papers').
  std::vector<uint64_t> distance(n);
  for (size_t k = 0; k < n; ++k) distance[k] = Distance(library, (*fits)[k].second, context.nearby);
  std::vector<size_t> order(n);
  for (size_t k = 0; k < n; ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return distance[a] < distance[b]; });
  const uint64_t best = distance[order[0]], next = distance[order[1]];
  if (best == UINT64_MAX || (next != UINT64_MAX && best * 8 >= next)) return;
  (*fits)[order[0]].first += kTieBreak;
  sort();
}

}  // namespace

std::string NamedBefore(const Citation& citation, std::string_view abstract) {
  if (citation.label || citation.span.start > abstract.size()) return {};
  size_t i = citation.span.start;
  while (i > 0 && IsWhitespace(abstract[i - 1])) --i;
  if (i == 0 || (abstract[i - 1] != '(' && abstract[i - 1] != '[')) return {};
  --i;
  while (i > 0 && IsWhitespace(abstract[i - 1])) --i;
  const size_t end = i;
  while (i > 0 && !IsWhitespace(abstract[i - 1]) && abstract[i - 1] != '(' &&
         abstract[i - 1] != ')' && abstract[i - 1] != ',' && abstract[i - 1] != ';') {
    --i;
  }
  const std::vector<std::string> words = FoldWords(abstract.substr(i, end - i));
  return words.size() == 1 ? words[0] : std::string();
}

CitedWork ReadCitation(const Citation& citation, std::string_view abstract) {
  CitedWork work;
  for (const std::string& author : citation.authors) work.surnames.push_back(FoldSurname(author));
  work.et_al = citation.et_al;
  work.years = Years(citation.year, &work.suffix);
  if (citation.label) work.label = FoldWords(*citation.label);
  if (!citation.authors.empty()) {
    const size_t at =
        abstract.substr(0, std::min(citation.span.end, abstract.size())).rfind(citation.authors[0]);
    const size_t end = at == std::string_view::npos ? citation.span.start : at;
    const size_t from = end > 80 ? end - 80 : 0;
    work.before = FoldName(abstract.substr(from, end - from));
  }
  return work;
}

double Score(const CitedWork& work, const LibraryEntry& e, char suffix) {
  if (work.surnames.empty() || e.surnames.empty() || !YearFits(work, e)) return 0;
  if (!e.corporate.empty()) {
    // A corporate author is cited by its whole name: the words before the
    // last one must be in the text before it.
    const std::string& last = e.surnames[0];
    const std::string head = e.corporate.substr(0, e.corporate.size() - last.size());
    if (work.surnames[0] != last ||
        (work.before.size() < head.size() ||
         work.before.compare(work.before.size() - head.size(), head.size(), head) != 0)) {
      return 0;
    }
  } else if (work.surnames[0] != e.surnames[0] &&
             (e.shorthand.empty() || FoldName(e.shorthand) != work.surnames[0])) {
    return 0;
  }
  double score = 0.5;
  const double count = CountScore(work, e);
  if (count < -0.5) return 0;
  score += count;
  // natbib's letter: the same letter is strong evidence, another one is
  // against; a letter where the library has none is weak evidence against.
  if (work.suffix != 0 && suffix == work.suffix) score += 0.2;
  if (work.suffix != 0 && suffix != 0 && suffix != work.suffix) score -= 0.4;
  if (work.suffix != 0 && suffix == 0 && e.year_suffix == 0) score -= 0.1;
  if (work.suffix == 0 && suffix != 0) score -= 0.15;
  if (LabelFits(work, e)) score += 0.2;
  return std::clamp(score, 0.0, 1.0);
}

int64_t Resolve(const Library& library, std::string_view abstract, const ResolveContext& context,
                Citation* c) {
  c->resolved.reset();
  c->candidates.clear();
  auto resolve_to = [&](const LibraryEntry& e, double score) {
    c->resolved = Resolution{e.bib.key, library.paths()[e.library], score, &e.bib};
  };
  if (c->kind == CitationKind::kArxiv) {
    const LibraryEntry* e = library.ByArxiv(ArxivIdWithoutVersion(c->id));
    if (e != nullptr) resolve_to(*e, 1);
    return e == nullptr ? -1 : e - library.entries().data();
  }
  if (c->kind == CitationKind::kDoi) {
    const LibraryEntry* e = library.ByDoi(c->id);
    if (e != nullptr) resolve_to(*e, 1);
    return e == nullptr ? -1 : e - library.entries().data();
  }
  if (c->kind != CitationKind::kAuthorYear || c->authors.empty()) return -1;
  const CitedWork work = ReadCitation(*c, abstract);
  const std::vector<uint32_t>* found = library.ByFirstSurname(work.surnames[0]);
  if (found == nullptr) return -1;
  std::vector<std::pair<double, uint32_t>> fits;
  for (uint32_t i : *found) {
    const double score = Score(work, library.entries()[i], library.NatbibSuffix(i));
    if (score >= kFits) fits.emplace_back(score, i);
  }
  if (context.preferred >= 0) {
    DropCopiesOutside(library, static_cast<uint32_t>(context.preferred), &fits);
  }
  std::sort(fits.begin(), fits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (fits.empty()) return -1;
  BreakTies(library, *c, abstract, context, &fits);
  const double top = fits[0].first;
  const double second = fits.size() > 1 ? fits[1].first : 0;
  if (top >= kWins && (fits.size() == 1 || top - second >= kMargin - 1e-9)) {
    resolve_to(library.entries()[fits[0].second], std::min(top, 1.0));
    return fits[0].second;
  }
  for (size_t k = 0; k < fits.size() && k < 3; ++k) {
    c->candidates.push_back(
        {library.entries()[fits[k].second].bib.key, std::min(fits[k].first, 1.0)});
  }
  return -1;
}

namespace {

// A resolved citation goes by its library entry's key.
void KeepResolutions(Paper& paper) {
  for (Citation& c : paper.citations) {
    if (c.resolved) c.key = c.resolved->key;
  }
}

class ResolveStage : public Stage {
 public:
  explicit ResolveStage(std::shared_ptr<const Library> library) : library_(std::move(library)) {}
  std::string_view name() const override { return "resolve"; }
  void Apply(Paper& paper) override {
    if (!library_) {
      KeepResolutions(paper);
      return;
    }
    // First alone; then the file most clear winners come from, and the
    // entries they are (or, when none, the last papers' entries), break the
    // ties between copies of one work.
    ResolveContext context;
    std::map<uint32_t, size_t> files;
    std::vector<uint32_t> resolved;
    bool ties = false;
    for (Citation& c : paper.citations) {
      const int64_t i = Resolve(*library_, paper.abstract, context, &c);
      if (i >= 0) {
        ++files[library_->entries()[i].library];
        resolved.push_back(static_cast<uint32_t>(i));
      }
      ties = ties || !c.candidates.empty();
    }
    if (ties) {
      size_t best = 0;
      for (const auto& [file, count] : files) {
        if (count > best) best = count, context.preferred = static_cast<int>(file);
      }
      if (!resolved.empty()) {  // the paper's own first, else the last papers'
        context.nearby = resolved;
        context.own = true;
      } else {
        context.nearby.assign(recent_.begin(), recent_.end());
      }
      for (Citation& c : paper.citations) {
        if (c.candidates.empty()) continue;
        const int64_t i = Resolve(*library_, paper.abstract, context, &c);
        if (i >= 0) resolved.push_back(static_cast<uint32_t>(i));
      }
    }
    KeepResolutions(paper);
    for (uint32_t i : resolved) {
      recent_.push_back(i);
      if (recent_.size() > kRecent) recent_.pop_front();
    }
  }

 private:
  static constexpr size_t kRecent = 32;  // the last papers' resolutions kept
  std::shared_ptr<const Library> library_;
  std::deque<uint32_t> recent_;
};

}  // namespace

std::unique_ptr<Stage> MakeResolveStage(std::shared_ptr<const Library> library) {
  return std::make_unique<ResolveStage>(std::move(library));
}

}  // namespace citex
