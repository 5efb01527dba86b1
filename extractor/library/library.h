// A user's own bibliography (--library FILE): BibTeX/BibLaTeX read with
// btparse, the arXiv metadata snapshot's JSON Lines, or citex's own JSON
// output. Loaded once per run, then read-only (safe from any thread); the
// resolution stage (stages/resolve.cc) looks citations up in it. Memory is
// in proportion to the library: each entry keeps its fields and the few
// folded strings the lookups need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/model.h"

namespace citex {

// One entry with what matching needs, folded by FoldName (lower-case ASCII
// letters and digits).
struct LibraryEntry {
  BibEntry bib;                       // as the library has it; what -f bibtex prints
  std::vector<std::string> surnames;  // authors' (or editors') last names, particles dropped
  std::string corporate;              // the first author when an organisation, whole
  bool others = false;                // the author list ends in "and others"
  std::string year;                   // four digits; empty when the entry has none
  std::string orig_year;              // origdate/origyear: the first edition's year
  char year_suffix = 0;               // a letter written in the year field ("2020a")
  std::string shorthand;              // shorthand / shortauthor, when given
  std::string arxiv;                  // arXiv id without version
  std::string doi;                    // lower case
  uint32_t library = 0;               // index into Library::paths()
};

// A problem in a library file; `line` 0 when the whole file is meant.
struct LibraryError {
  std::string path;
  size_t line = 0;
  std::string reason;
  bool warning = false;
};

class Library {
 public:
  // Reads one file (BibTeX, or JSON/JSON Lines when it starts with "{" or
  // "["), keeping every entry it can read; problems go to `errors`. False
  // when the file cannot be read at all.
  bool Load(const std::string& path, std::vector<LibraryError>* errors);
  // Reads BibTeX text as if it were the file `path` (tests, in-memory use).
  void LoadBibtexText(const std::string& path, std::string_view text,
                      std::vector<LibraryError>* errors);
  // Adds an entry (the loaders call it). Finish() must follow.
  void Add(LibraryEntry entry);
  // Builds the indexes and the natbib year suffixes; call after the last Load.
  void Finish();

  const std::vector<std::string>& paths() const { return paths_; }
  const std::vector<LibraryEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

  // Entries whose first surname (or a corporate author's last word, or its
  // shorthand) folds to `folded`; nullptr when none.
  const std::vector<uint32_t>* ByFirstSurname(const std::string& folded) const;
  const LibraryEntry* ByArxiv(std::string_view id) const;
  const LibraryEntry* ByDoi(std::string_view doi) const;
  const LibraryEntry* ByKey(const std::string& key) const;
  // The letter natbib gives entry `i` among entries with the same label
  // (first surname and author count) and year, ordered by all surnames,
  // year and title within its own file; 0 when the label and year are unique.
  char NatbibSuffix(uint32_t i) const { return suffixes_[i]; }

 private:
  std::vector<std::string> paths_;
  std::vector<LibraryEntry> entries_;
  std::vector<char> suffixes_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_surname_;
  std::unordered_map<std::string, uint32_t> by_arxiv_;
  std::unordered_map<std::string, uint32_t> by_doi_;
  std::unordered_map<std::string, uint32_t> by_key_;
};

// Loaders (library/bibtex_library.cc, library/json_library.cc). `index` is
// the file's index in Library::paths().
void LoadBibtex(const std::string& path, std::string_view text, uint32_t index, Library* library,
                std::vector<LibraryError>* errors);
void LoadJsonLibrary(const std::string& path, uint32_t index, Library* library,
                     std::vector<LibraryError>* errors);

// The entry's title as plain text (braces and TeX accents removed).
std::string TitleOf(const LibraryEntry& entry);

// Whether two entries are one work filed twice (two papers' .bib files
// concatenated): the same first surname, author count and year, and titles
// of nearly the same words (at least 3 in 4 shared, case, braces and
// punctuation aside).
bool SameWork(const LibraryEntry& a, const LibraryEntry& b);

// ---- folding (library/fold.cc), shared with the resolution stage -------

// Lower-case ASCII letters and digits of `text` after TeX accents and braces
// are read: "M{\"u}ller" and "Müller" -> "muller", "O'Neil" -> "oneil".
std::string FoldName(std::string_view text);
// A surname as written, particles dropped: "van der Maaten" and "Maaten"
// -> "maaten"; "de Saussure" -> "saussure"; "D'Alembert" -> "dalembert".
std::string FoldSurname(std::string_view surname);
// The folded words of a text (titles, labels): "{LoRA}: Low-Rank" ->
// {"lora", "low", "rank"}.
std::vector<std::string> FoldWords(std::string_view text);
// Plain text of a BibTeX value: TeX accents decoded, braces and other
// commands' backslashes removed, whitespace collapsed.
std::string PlainText(std::string_view tex);
// The first year (1600-2099) in `text`, and a letter right after it.
std::string FirstYear(std::string_view text, char* suffix = nullptr);

}  // namespace citex
