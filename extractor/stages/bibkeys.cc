#include "extractor/stages/bibkeys.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <new>
#include <unordered_map>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/latin.h"
#include "extractor/base/pages.h"
#include "extractor/base/text.h"
#include "extractor/stages/stage.h"

namespace citex {
namespace {

// The white-space separated token at or after *pos, moving *pos past it;
// empty when there is none.
std::string_view NextToken(std::string_view s, size_t* pos) {
  size_t i = *pos;
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  const size_t start = i;
  while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
  *pos = i;
  return s.substr(start, i - start);
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  for (std::string_view token = NextToken(s, &pos); !token.empty(); token = NextToken(s, &pos)) {
    tokens.push_back(token);
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
  // Token by token: a title's first words decide, so the rest is never split.
  size_t pos = 0;
  for (std::string_view token = NextToken(text, &pos); !token.empty();
       token = NextToken(text, &pos)) {
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
    // ASCII, nearly every byte of a name or title, is kept or dropped here:
    // the letter table starts above it.
    const char byte = text[pos];
    if (static_cast<unsigned char>(byte) < 0x80) {
      if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
        out.push_back(byte);
      } else if (byte >= 'A' && byte <= 'Z') {
        out.push_back(static_cast<char>(byte - 'A' + 'a'));
      }
      ++pos;
      continue;
    }
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

// Who and when, as compared: "ay|wang;+|2023".
std::string AuthorsAndYear(const Citation& citation) {
  std::string identity = "ay|";
  for (const std::string& author : citation.authors) identity += AsciiLower(author) + ";";
  identity += citation.et_al ? "+|" : "|";
  return identity + AsciiLower(citation.year);
}

// The label each authors-and-year of one abstract goes by: "Lottery Ticket
// Hypothesis (Frankle & Carbin 2019)" names the work "(Frankle & Carbin
// 2019)" cites later. nullopt when the abstract gives two different labels.
std::unordered_map<std::string, std::optional<std::string>> LabelsByAuthorsAndYear(
    const Paper& paper) {
  std::unordered_map<std::string, std::optional<std::string>> labels;
  for (const Citation& citation : paper.citations) {
    if (citation.kind != CitationKind::kAuthorYear || !citation.label) continue;
    const auto [it, inserted] = labels.emplace(AuthorsAndYear(citation), citation.label);
    if (!inserted && it->second && AsciiLower(*it->second) != AsciiLower(*citation.label)) {
      it->second = std::nullopt;
    }
  }
  return labels;
}

// Keys one after another, each ended by a NUL (keys are [a-z0-9._-]), in
// 64 KiB blocks: growing never copies what is stored and never holds twice
// the space, as a doubling string does.
class KeyBlocks {
 public:
  // Where the key is: its block << 16 | its position in the block.
  uint64_t Store(std::string_view key) {
    const size_t size = key.size() + 1;
    if (size > kBlockSize - used_) {
      // A key longer than a block (a hostile title word) gets one of its own.
      blocks_.push_back(std::make_unique<char[]>(std::max(size, kBlockSize)));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    key.copy(at, key.size());
    at[key.size()] = '\0';
    const uint64_t where = (blocks_.size() - 1) << 16 | used_;
    used_ = std::min(used_ + size, kBlockSize);
    return where;
  }
  std::string_view At(uint64_t where) const {
    return blocks_[where >> 16].get() + (where & (kBlockSize - 1));
  }

 private:
  static constexpr size_t kBlockSize = size_t{1} << 16;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = kBlockSize;  // of the last block
};

// An allocator that maps pages for each array. The key stage runs on
// whichever thread writes, so with malloc the array a table outgrows would
// stay, freed, in one thread's arena while the next comes from another's;
// unmapped pages go back to the system at once. A large table is read at
// random, and on huge pages (MapPages) its lookups took 3% less of -j 1.
template <typename T>
struct OwnPages {
  using value_type = T;
  OwnPages() = default;
  template <typename U>
  OwnPages(const OwnPages<U>&) {}  // NOLINT: allocators convert implicitly
  T* allocate(size_t n) {
    void* pages = MapPages(n * sizeof(T));
    if (pages == nullptr) throw std::bad_alloc();
    return static_cast<T*>(pages);
  }
  void deallocate(T* p, size_t n) { UnmapPages(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const OwnPages<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const OwnPages<U>&) const {
    return false;
  }
};

template <typename K, typename V>
using Map =
    absl::flat_hash_map<K, V, absl::Hash<K>, std::equal_to<K>, OwnPages<std::pair<const K, V>>>;
template <typename K>
using Set = absl::flat_hash_set<K, absl::Hash<K>, std::equal_to<K>, OwnPages<K>>;

}  // namespace

// What the stage remembers, kept small because it grows with the input:
// a work is known by its new-style arXiv id, packed into 8 bytes, or else
// by two independent 64-bit hashes of its identity (16 bytes instead of
// the string; a false merge needs both to collide); keys given out by a
// hash of the key (a false hit only moves a key on to its next suffix);
// and each work's key once, in blocks that are never moved.
struct BibKeys::Tables {
  using Fingerprint = std::pair<uint64_t, uint64_t>;
  // A work in 8 bytes: where its key is in `keys` (KeyBlocks::Store), shifted
  // left once, and in the low bit whether it is a paper of the input.
  using Work = uint64_t;
  static constexpr Work kPaper = 1;

  static uint64_t Hash(std::string_view s) { return std::hash<std::string_view>()(s); }
  // FNV-1a: independent of std::hash's MurmurHash, and as stable.
  static Fingerprint FingerprintOf(std::string_view identity) {
    uint64_t fnv = 14695981039346656037ull;
    for (unsigned char c : identity) fnv = (fnv ^ c) * 1099511628211ull;
    return {Hash(identity), fnv};
  }

  // "arxiv|2310.13961" four bits a character, the id itself where a
  // fingerprint takes twice the bytes: nearly every paper of an arXiv
  // snapshot is known by one. 0 for any other identity.
  static uint64_t PackedArxivId(std::string_view identity) {
    constexpr std::string_view kPrefix = "arxiv|";
    if (identity.substr(0, kPrefix.size()) != kPrefix) return 0;
    const std::string_view id = identity.substr(kPrefix.size());
    if (id.size() > 15) return 0;
    uint64_t packed = 0;
    for (char c : id) {
      if (c != '.' && (c < '0' || c > '9')) return 0;
      packed = packed << 4 | (c == '.' ? 11 : c - '0' + 1);  // 1..11, as 0 is the padding
    }
    return packed;
  }

  // The work known by `identity`, or null.
  Work* Find(std::string_view identity) {
    if (const uint64_t id = PackedArxivId(identity)) {
      const auto it = arxiv_works.find(id);
      return it == arxiv_works.end() ? nullptr : &it->second;
    }
    const auto it = works.find(FingerprintOf(identity));
    return it == works.end() ? nullptr : &it->second;
  }
  void Add(std::string_view identity, Work work) {
    if (const uint64_t id = PackedArxivId(identity)) {
      arxiv_works.emplace(id, work);
    } else {
      works.emplace(FingerprintOf(identity), work);
    }
  }

  std::string_view KeyOf(Work work) const { return keys.At(work >> 1); }
  Work Store(std::string_view key, bool paper) {
    return keys.Store(key) << 1 | (paper ? kPaper : 0);
  }

  Map<uint64_t, Work> arxiv_works;  // PackedArxivId -> its key
  Map<Fingerprint, Work> works;     // any other identity -> its key
  KeyBlocks keys;
  Set<uint64_t> taken;
  // Next suffix to try per base (by hash), so that a thousand "anon" keys
  // cost a thousand steps, not half a million.
  Map<uint64_t, uint32_t> next_suffix;
};

BibKeys::BibKeys() : tables_(std::make_unique<Tables>()) {}
BibKeys::~BibKeys() = default;
BibKeys::BibKeys(BibKeys&&) noexcept = default;
BibKeys& BibKeys::operator=(BibKeys&&) noexcept = default;

std::string BibKeys::Claim(std::string base) {
  if (base.empty()) base = "anon";
  Tables& t = *tables_;
  const uint64_t base_hash = Tables::Hash(base);
  if (t.taken.insert(base_hash).second) return base;
  uint32_t& n = t.next_suffix[base_hash];
  std::string key;
  do {
    key = base + Suffix(n++);
  } while (!t.taken.insert(Tables::Hash(key)).second);
  return key;
}

std::pair<std::string, std::string> BibKeys::Identify(
    const Paper& paper, const Citation& citation, const std::optional<std::string>& label) const {
  switch (citation.kind) {
    case CitationKind::kArxiv: {
      // "2310.13961v2" and "2310.13961" are one work.
      const std::string_view id = ArxivIdWithoutVersion(citation.id);
      return {"arxiv|" + AsciiLower(id), "arxiv" + KeySafe(id)};
    }
    case CitationKind::kDoi:
      return {"doi|" + AsciiLower(citation.id), "doi" + KeySafe(citation.id)};
    case CitationKind::kNumeric: {
      // "[12]" means something only inside the paper that wrote it.
      const std::string& number = citation.id.empty() ? citation.text : citation.id;
      return {"ref|" + number, paper.key + "-ref" + Fold(number)};
    }
    case CitationKind::kAuthorYear:
      break;
  }
  std::string identity = AuthorsAndYear(citation) + "|" + AsciiLower(label.value_or(""));
  std::string base;
  if (!citation.authors.empty()) base = Fold(citation.authors.front());
  base += Fold(citation.year);
  if (label) base += FirstSignificantWord(*label);
  return {std::move(identity), std::move(base)};
}

// A paper cited by arXiv id or DOI before it came keeps the key that
// citation gave it, so the citation's key names the paper's entry.
void BibKeys::AssignPaperKey(Paper& paper) {
  Tables& t = *tables_;
  std::vector<std::string> identities;
  if (!paper.id.empty() && IsArxivId(paper.id)) {
    identities.push_back("arxiv|" + AsciiLower(ArxivIdWithoutVersion(paper.id)));
  }
  if (!paper.doi.empty()) identities.push_back("doi|" + AsciiLower(paper.doi));
  // Each identity is looked up once: whether it is known decides both which
  // work the paper is and which identities it adds.
  std::optional<Tables::Work> own;
  std::vector<bool> known;
  for (const std::string& identity : identities) {
    Tables::Work* work = t.Find(identity);
    known.push_back(work != nullptr);
    if (own || !work || (*work & Tables::kPaper)) continue;  // unknown, or a repeated record
    *work |= Tables::kPaper;
    own = *work;
  }
  paper.key = own ? std::string(t.KeyOf(*own)) : Claim(PaperBase(paper));
  for (size_t i = 0; i < identities.size(); ++i) {
    if (known[i]) continue;
    if (!own) own = t.Store(paper.key, true);
    t.Add(identities[i], *own);
  }
}

void BibKeys::Assign(Paper& paper) {
  Tables& t = *tables_;
  const std::unordered_map<std::string, std::optional<std::string>> labels =
      LabelsByAuthorsAndYear(paper);
  const auto label_of = [&labels](const Citation& citation) -> std::optional<std::string> {
    if (citation.label || citation.kind != CitationKind::kAuthorYear) return citation.label;
    const auto it = labels.find(AuthorsAndYear(citation));
    return it == labels.end() ? std::nullopt : it->second;
  };
  for (Citation& citation : paper.citations) {
    if (citation.kind == CitationKind::kNumeric) continue;
    auto [identity, base] = Identify(paper, citation, label_of(citation));
    Tables::Work work;
    if (const Tables::Work* known = t.Find(identity)) {
      work = *known;
    } else {
      work = t.Store(Claim(std::move(base)), false);
      t.Add(identity, work);
    }
    citation.key = std::string(t.KeyOf(work));
    citation.in_input = work & Tables::kPaper;
  }
  AssignPaperKey(paper);
  std::unordered_map<std::string, std::string> references;  // this paper's only
  for (Citation& citation : paper.citations) {
    if (citation.kind != CitationKind::kNumeric) continue;
    auto [identity, base] = Identify(paper, citation, std::nullopt);
    auto it = references.find(identity);
    if (it == references.end())
      it = references.emplace(std::move(identity), Claim(std::move(base))).first;
    citation.key = it->second;
    citation.in_input = false;
  }
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
