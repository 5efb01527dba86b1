// The resolution stage. The rules, their order and what a score means are
// in docs/resolve.md; tests/stages/resolve_test.cc has a table per rule.
#include "extractor/stages/resolve.h"

#include <algorithm>
#include <map>
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

// The same work: same surnames and year (a library concatenated from
// several papers' .bib files holds one work under several keys).
bool SameWork(const LibraryEntry& a, const LibraryEntry& b) {
  return a.surnames == b.surnames && a.year == b.year &&
         FoldName(TitleOf(a)) == FoldName(TitleOf(b));
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

}  // namespace

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

void Resolve(const Library& library, std::string_view abstract, int preferred, Citation* c) {
  c->resolved.reset();
  c->candidates.clear();
  auto resolve_to = [&](const LibraryEntry& e, double score) {
    c->resolved = Resolution{e.bib.key, library.paths()[e.library], score, &e.bib};
  };
  if (c->kind == CitationKind::kArxiv) {
    if (const LibraryEntry* e = library.ByArxiv(ArxivIdWithoutVersion(c->id))) resolve_to(*e, 1);
    return;
  }
  if (c->kind == CitationKind::kDoi) {
    if (const LibraryEntry* e = library.ByDoi(c->id)) resolve_to(*e, 1);
    return;
  }
  if (c->kind != CitationKind::kAuthorYear || c->authors.empty()) return;
  const CitedWork work = ReadCitation(*c, abstract);
  const std::vector<uint32_t>* found = library.ByFirstSurname(work.surnames[0]);
  if (found == nullptr) return;
  std::vector<std::pair<double, uint32_t>> fits;
  for (uint32_t i : *found) {
    const double score = Score(work, library.entries()[i], library.NatbibSuffix(i));
    if (score >= kFits) fits.emplace_back(score, i);
  }
  if (preferred >= 0) DropCopiesOutside(library, static_cast<uint32_t>(preferred), &fits);
  std::sort(fits.begin(), fits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (fits.empty()) return;
  const double top = fits[0].first;
  const double second = fits.size() > 1 ? fits[1].first : 0;
  if (top >= kWins && (fits.size() == 1 || top - second >= kMargin - 1e-9)) {
    resolve_to(library.entries()[fits[0].second], std::min(top, 1.0));
    return;
  }
  for (size_t k = 0; k < fits.size() && k < 3; ++k) {
    c->candidates.push_back(
        {library.entries()[fits[k].second].bib.key, std::min(fits[k].first, 1.0)});
  }
}

namespace {

class ResolveStage : public Stage {
 public:
  explicit ResolveStage(std::shared_ptr<const Library> library) : library_(std::move(library)) {}
  std::string_view name() const override { return "resolve"; }
  void Apply(Paper& paper) override {
    // First without a preference; then the file most clear winners come
    // from breaks the ties between copies of one work in several files.
    std::map<uint32_t, size_t> files;
    for (Citation& c : paper.citations) {
      Resolve(*library_, paper.abstract, -1, &c);
      if (c.resolved) ++files[FileOf(*c.resolved)];
    }
    int preferred = -1;
    size_t best = 0;
    for (const auto& [file, count] : files) {
      if (count > best) best = count, preferred = static_cast<int>(file);
    }
    for (Citation& c : paper.citations) {
      if (preferred >= 0 && !c.candidates.empty())
        Resolve(*library_, paper.abstract, preferred, &c);
      if (c.resolved) c.key = c.resolved->key;
    }
  }

 private:
  uint32_t FileOf(const Resolution& r) const {
    const std::vector<std::string>& paths = library_->paths();
    return static_cast<uint32_t>(std::find(paths.begin(), paths.end(), r.library) - paths.begin());
  }
  std::shared_ptr<const Library> library_;
};

}  // namespace

std::unique_ptr<Stage> MakeResolveStage(std::shared_ptr<const Library> library) {
  return std::make_unique<ResolveStage>(std::move(library));
}

}  // namespace citex
