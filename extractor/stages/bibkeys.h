// The key stage: gives every citation the BibTeX key that --format bibtex
// will print for it, so that JSON and BibTeX agree.
//
// A key is lower-case ASCII: first author's surname + year + first
// significant word of the label or title ("wang2023selfinstruct"), folded
// from non-ASCII ("Tönshoff" -> "toenshoff"). arXiv and DOI citations get
// "arxiv<id>" and "doi<doi>"; a numeric reference gets "<paper key>-ref<n>".
// Papers take their own key here too, so a writer can print each entry as
// its paper comes. The same work keeps one key: same authors, year and label
// (in one abstract, an unlabelled mention of the authors and year that one
// label names is that work); same arXiv id; same DOI; and a citation of a
// paper that is itself in the input takes that paper's key. Different works
// with the same key get a, b, ... in the order they are first seen. Not
// thread-safe: one instance sees papers in input order (Prepare, which is
// static, runs anywhere).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <memory>

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
  BibKeys();
  ~BibKeys();
  BibKeys(BibKeys&&) noexcept;
  BibKeys& operator=(BibKeys&&) noexcept;

  // Fills Paper::key, and Citation::key and Citation::in_input for every
  // citation of `paper`: Prepare, then AssignPrepared.
  void Assign(Paper& paper);

  // The part of Assign that reads no other paper: fills the key drafts of
  // `paper` and of its citations (what each key is made of, and which work
  // it names). Safe on any thread; the key stage runs it in parallel.
  static void Prepare(Paper& paper);

  // Hands out the keys of a prepared paper. Call it for papers in input
  // order: keys then depend only on the input, not on thread count. The
  // paper's cited works claim their keys before the paper does, then its
  // numeric references (which read its key). Memory grows with the distinct
  // keys: each paper and cited work keeps its key once (in 64 KiB blocks),
  // an 8-byte hash of it, and its identity (8 bytes for a new-style arXiv
  // id, 16 for any other, each with 8 for where its key is), in tables that
  // double when 7/8 full: 45 to 80 bytes a paper of an arXiv snapshot. A
  // numeric reference leaves only the hash of its key.
  void AssignPrepared(Paper& paper);

  // Lower-case ASCII letters and digits of `text`, non-ASCII Latin folded.
  static std::string Fold(std::string_view text);

 private:
  struct Tables;  // in bibkeys.cc: the hash tables stay out of this header

  // `base` itself if no work has it yet, else `base` with the first free
  // suffix; `base_hash` is Hash(base).
  std::string Claim(std::string base, uint64_t base_hash);
  void AssignPaperKey(Paper& paper);

  std::unique_ptr<Tables> tables_;
};

}  // namespace citex
