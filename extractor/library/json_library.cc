// JSON libraries: the arXiv metadata snapshot's JSON Lines (id, authors,
// title, DOI; the year from the id, which dates the first version), a JSON
// array of such records, or citex's own JSON/JSON Lines output. Read with
// citex's own paper readers, a record at a time, so a 1 GB snapshot costs
// the entries it keeps, not the abstracts it skips.
#include <string>
#include <utility>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/text.h"
#include "extractor/library/library.h"
#include "extractor/read/input.h"
#include "extractor/stages/bibkeys.h"

namespace citex {
namespace {

// The entry -f bibtex prints for a JSON record: what the record says, no more.
BibEntry ToBibEntry(const Paper& paper, const std::string& key, const std::string& arxiv) {
  BibEntry bib;
  bib.type = "misc";
  bib.key = key;
  std::string authors;
  for (const std::string& author : paper.authors) {
    authors += (authors.empty() ? "" : " and ") + author;
  }
  if (!authors.empty()) bib.fields.emplace_back("author", std::move(authors));
  if (!paper.title.empty()) bib.fields.emplace_back("title", CollapseWhitespace(paper.title));
  if (!paper.year.empty()) bib.fields.emplace_back("year", paper.year);
  if (!arxiv.empty()) {
    bib.fields.emplace_back("eprint", arxiv);
    bib.fields.emplace_back("archiveprefix", "arXiv");
  }
  if (!paper.doi.empty()) bib.fields.emplace_back("doi", paper.doi);
  return bib;
}

}  // namespace

void LoadJsonLibrary(const std::string& path, uint32_t index, Library* library,
                     std::vector<LibraryError>* errors) {
  ReaderOptions options;
  std::unique_ptr<PaperReader> reader =
      OpenPaperReader(path, options, [&](const InputError& error) {
        errors->push_back({error.path, error.line, error.reason, error.warning});
      });
  if (reader == nullptr) return;
  Paper paper;
  size_t n = 0;
  while (reader->Next(paper)) {
    ++n;
    const std::string arxiv =
        IsArxivId(paper.id) ? std::string(ArxivIdWithoutVersion(paper.id)) : std::string();
    const std::string key = !arxiv.empty()       ? arxiv
                            : !paper.doi.empty() ? paper.doi
                            : !paper.id.empty()  ? paper.id
                                                 : "entry" + std::to_string(n);
    LibraryEntry e;
    for (const std::string& author : paper.authors) {
      std::string surname = FoldSurname(SplitName(author).last);
      if (!surname.empty()) e.surnames.push_back(std::move(surname));
    }
    e.year = FirstYear(paper.year);
    e.arxiv = arxiv;
    e.doi = AsciiLower(paper.doi);
    e.library = index;
    e.bib = ToBibEntry(paper, key, arxiv);
    library->Add(std::move(e));
    paper = Paper();
  }
}

}  // namespace citex
