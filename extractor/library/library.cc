// The library's indexes and natbib's year suffixes. The loaders are in
// bibtex_library.cc and json_library.cc.
#include "extractor/library/library.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <tuple>

#include "extractor/base/text.h"

namespace citex {
namespace {

// natbib's label of an entry: "A", "A and B" or "A et al.", folded.
std::string NatbibLabel(const LibraryEntry& e) {
  if (e.surnames.empty()) return e.corporate;
  if (e.surnames.size() == 1 && !e.others) return e.surnames[0];
  if (e.surnames.size() == 2 && !e.others) return e.surnames[0] + "&" + e.surnames[1];
  return e.surnames[0] + "+";
}

std::string AllSurnames(const LibraryEntry& e) {
  std::string all;
  for (const std::string& s : e.surnames) all += s + " ";
  return all;
}

}  // namespace

bool SameWork(const LibraryEntry& a, const LibraryEntry& b) {
  if (a.year != b.year || a.surnames.empty() || b.surnames.empty() ||
      a.surnames[0] != b.surnames[0] || a.corporate != b.corporate) {
    return false;
  }
  if (a.surnames.size() != b.surnames.size() && !a.others && !b.others) return false;
  std::vector<std::string> x = FoldWords(TitleOf(a)), y = FoldWords(TitleOf(b));
  if (x.empty() || y.empty()) return false;
  std::sort(x.begin(), x.end());
  x.erase(std::unique(x.begin(), x.end()), x.end());
  std::sort(y.begin(), y.end());
  y.erase(std::unique(y.begin(), y.end()), y.end());
  std::vector<std::string> shared;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(shared));
  const size_t all = x.size() + y.size() - shared.size();
  return shared.size() * 4 >= all * 3;
}

std::string TitleOf(const LibraryEntry& entry) {
  const std::string* title = entry.bib.Field("title");
  return title == nullptr ? std::string() : PlainText(*title);
}

bool Library::Load(const std::string& path, std::vector<LibraryError>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors->push_back({path, 0, "cannot read the library", false});
    return false;
  }
  const uint32_t index = static_cast<uint32_t>(paths_.size());
  paths_.push_back(path);
  // JSON when the first character is "{" or "[": read a record at a time.
  char c = 0;
  while (in.get(c) && IsWhitespace(c)) {
  }
  if (c == '{' || c == '[') {
    in.close();
    LoadJsonLibrary(path, index, this, errors);
    return true;
  }
  in.seekg(0);
  std::stringstream buffer;
  buffer << in.rdbuf();
  LoadBibtex(path, buffer.str(), index, this, errors);
  return true;
}

void Library::LoadBibtexText(const std::string& path, std::string_view text,
                             std::vector<LibraryError>* errors) {
  paths_.push_back(path);
  LoadBibtex(path, text, static_cast<uint32_t>(paths_.size() - 1), this, errors);
}

void Library::Add(LibraryEntry entry) { entries_.push_back(std::move(entry)); }

void Library::Finish() {
  by_surname_.clear();
  by_arxiv_.clear();
  by_doi_.clear();
  by_key_.clear();
  suffixes_.assign(entries_.size(), 0);
  // file, label and year -> entries, for natbib's suffixes.
  std::unordered_map<std::string, std::vector<uint32_t>> groups;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const LibraryEntry& e = entries_[i];
    if (!e.surnames.empty()) by_surname_[e.surnames[0]].push_back(i);
    if (!e.shorthand.empty()) {
      const std::string folded = FoldName(e.shorthand);
      if (!folded.empty() && (e.surnames.empty() || folded != e.surnames[0])) {
        by_surname_[folded].push_back(i);
      }
    }
    if (!e.arxiv.empty()) by_arxiv_.emplace(e.arxiv, i);
    if (!e.doi.empty()) by_doi_.emplace(e.doi, i);
    by_key_.emplace(e.bib.key, i);
    if (!e.year.empty()) {
      groups[std::to_string(e.library) + '|' + NatbibLabel(e) + '|' + e.year].push_back(i);
    }
  }
  for (auto& [label, members] : groups) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
      const LibraryEntry& x = entries_[a];
      const LibraryEntry& y = entries_[b];
      return std::make_tuple(AllSurnames(x), FoldName(TitleOf(x))) <
             std::make_tuple(AllSurnames(y), FoldName(TitleOf(y)));
    });
    for (size_t k = 0; k < members.size() && k < 26; ++k) {
      suffixes_[members[k]] = static_cast<char>('a' + k);
    }
  }
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].year_suffix != 0) suffixes_[i] = entries_[i].year_suffix;
  }
}

const std::vector<uint32_t>* Library::ByFirstSurname(const std::string& folded) const {
  const auto it = by_surname_.find(folded);
  return it == by_surname_.end() ? nullptr : &it->second;
}

const LibraryEntry* Library::ByArxiv(std::string_view id) const {
  const auto it = by_arxiv_.find(std::string(id));
  return it == by_arxiv_.end() ? nullptr : &entries_[it->second];
}

const LibraryEntry* Library::ByDoi(std::string_view doi) const {
  const auto it = by_doi_.find(AsciiLower(doi));
  return it == by_doi_.end() ? nullptr : &entries_[it->second];
}

const LibraryEntry* Library::ByKey(const std::string& key) const {
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

}  // namespace citex
