// The key stage: gives every citation the BibTeX key that --format bibtex
// will print for it, so that JSON and BibTeX agree.
//
// A key is lower-case ASCII: first author's surname + year + first
// significant word of the label or title ("wang2023selfinstruct"), folded
// from non-ASCII ("Tönshoff" -> "toenshoff"). arXiv and DOI citations get
// "arxiv<id>" and "doi<doi>"; a numeric reference gets "<paper key>-ref<n>".
// The same work (same authors, year and label; same arXiv id; same DOI) keeps
// one key; different works with the same key get a, b, ... in the order they
// are first seen. Not thread-safe: one instance sees papers in input order.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractor/model.h"

namespace citex {

// A personal name split as BibTeX splits it: "Ludwig van Beethoven" ->
// first "Ludwig", von "van", last "Beethoven"; "Smith, John" and
// "John Smith Jr." are understood too. Views into the given name.
struct NameParts {
  std::string_view first;
  std::string_view von;
  std::string_view last;
  std::string_view jr;
};
NameParts SplitName(std::string_view full_name);

class BibKeys {
 public:
  // Fills Citation::key for every citation of `paper`. Call it for papers in
  // input order: keys then depend only on the input, not on thread count.
  // Only cited works take keys here, so memory grows with the distinct works
  // cited, not with the papers read. The key stage (MakeKeyStage) calls it.
  void Assign(Paper& paper);

  // Marks a key another BibKeys handed out as taken here.
  void Reserve(const std::string& key);

  // A key for the paper's own entry, unique against every key handed out
  // or reserved so far. The BibTeX writer reserves the keys the key stage
  // gave and calls this after the last paper, so a paper entry never takes
  // a key that a cited work has in the JSON.
  std::string PaperKey(const Paper& paper);

  // Lower-case ASCII letters and digits of `text`, non-ASCII Latin folded.
  static std::string Fold(std::string_view text);

 private:
  std::string Claim(std::string base);
  std::string KeyFor(const Paper& paper, const Citation& citation);

  std::unordered_map<std::string, std::string> works_;  // identity -> key
  std::unordered_set<std::string> taken_;
  // Next suffix to try per base, so that a thousand "anon" keys cost a
  // thousand steps, not half a million.
  std::unordered_map<std::string, size_t> next_suffix_;
};

}  // namespace citex
