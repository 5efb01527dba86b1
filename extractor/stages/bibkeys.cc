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

// The hash the taken keys are known by.
uint64_t KeyHash(std::string_view key) { return std::hash<std::string_view>()(key); }

// "arxiv|2310.13961" four bits a character, the id itself where a
// fingerprint takes twice the bytes: nearly every paper of an arXiv
// snapshot is known by one. 0 for any other identity.
uint64_t PackedArxivId(std::string_view identity) {
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

// A work's identity as the tables know it: its packed arXiv id, or two
// independent 64-bit hashes (16 bytes instead of the string; a false merge
// needs both to collide). FNV-1a is independent of std::hash's MurmurHash,
// and as stable.
KeyDraft::Work WorkOf(std::string_view identity) {
  KeyDraft::Work work;
  work.arxiv = PackedArxivId(identity);
  if (work.arxiv != 0) return work;
  work.hash = KeyHash(identity);
  work.fnv = 14695981039346656037ull;
  for (unsigned char c : identity) work.fnv = (work.fnv ^ c) * 1099511628211ull;
  return work;
}

void SetBase(KeyDraft& draft, std::string base) {
  draft.base = base.empty() ? "anon" : std::move(base);
  draft.base_hash = KeyHash(draft.base);
}

// The work a citation names and the base of its key.
void DraftCitation(const Citation& citation, const std::optional<std::string>& label,
                   KeyDraft& draft) {
  draft.work_count = 1;
  switch (citation.kind) {
    case CitationKind::kArxiv: {
      // "2310.13961v2" and "2310.13961" are one work.
      const std::string_view id = ArxivIdWithoutVersion(citation.id);
      draft.works[0] = WorkOf("arxiv|" + AsciiLower(id));
      SetBase(draft, "arxiv" + KeySafe(id));
      return;
    }
    case CitationKind::kDoi:
      draft.works[0] = WorkOf("doi|" + AsciiLower(citation.id));
      SetBase(draft, "doi" + KeySafe(citation.id));
      return;
    case CitationKind::kNumeric: {
      // "[12]" means something only inside the paper that wrote it; its key
      // is the paper's and this suffix.
      const std::string& number = citation.id.empty() ? citation.text : citation.id;
      draft.works[0] = WorkOf("ref|" + number);
      draft.base = "-ref" + BibKeys::Fold(number);
      return;
    }
    case CitationKind::kAuthorYear:
      break;
  }
  std::string base;
  if (!citation.authors.empty()) base = BibKeys::Fold(citation.authors.front());
  base += BibKeys::Fold(citation.year);
  if (label) base += FirstSignificantWord(*label);
  draft.works[0] = WorkOf(AuthorsAndYear(citation) + "|" + AsciiLower(label.value_or("")));
  SetBase(draft, std::move(base));
}

}  // namespace

// What the stage remembers, kept small because it grows with the input:
// a work by its KeyDraft::Work (8 bytes for a packed arXiv id, else 16),
// keys given out by their KeyHash (a false hit only moves a key on to its
// next suffix), and each work's key once, in blocks that are never moved.
struct BibKeys::Tables {
  using Fingerprint = std::pair<uint64_t, uint64_t>;
  // A work's entry in 8 bytes: where its key is in `keys` (KeyBlocks::Store),
  // shifted left once, and in the low bit whether it is a paper of the input.
  using Entry = uint64_t;
  static constexpr Entry kPaper = 1;

  // The entry of `work`, or null.
  Entry* Find(const KeyDraft::Work& work) {
    if (work.arxiv != 0) {
      const auto it = arxiv_works.find(work.arxiv);
      return it == arxiv_works.end() ? nullptr : &it->second;
    }
    const auto it = works.find(Fingerprint(work.hash, work.fnv));
    return it == works.end() ? nullptr : &it->second;
  }
  void Add(const KeyDraft::Work& work, Entry entry) {
    if (work.arxiv != 0) {
      arxiv_works.emplace(work.arxiv, entry);
    } else {
      works.emplace(Fingerprint(work.hash, work.fnv), entry);
    }
  }
  // Starts bringing in the memory Find(work) and Claim(base_hash) will read,
  // so that a paper's misses overlap instead of coming one after another.
  void Prefetch(const KeyDraft& draft) const {
    for (size_t i = 0; i < draft.work_count; ++i) {
      const KeyDraft::Work& work = draft.works[i];
      if (work.arxiv != 0) {
        arxiv_works.prefetch(work.arxiv);
      } else {
        works.prefetch(Fingerprint(work.hash, work.fnv));
      }
    }
    taken.prefetch(draft.base_hash);
  }

  std::string_view KeyOf(Entry entry) const { return keys.At(entry >> 1); }
  Entry Store(std::string_view key, bool paper) {
    return keys.Store(key) << 1 | (paper ? kPaper : 0);
  }

  Map<uint64_t, Entry> arxiv_works;  // packed arXiv id -> its entry
  Map<Fingerprint, Entry> works;     // any other identity -> its entry
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

std::string BibKeys::Claim(std::string base, uint64_t base_hash) {
  Tables& t = *tables_;
  if (t.taken.insert(base_hash).second) return base;
  uint32_t& n = t.next_suffix[base_hash];
  std::string key;
  do {
    key = base + Suffix(n++);
  } while (!t.taken.insert(KeyHash(key)).second);
  return key;
}

void BibKeys::Prepare(Paper& paper) {
  const std::unordered_map<std::string, std::optional<std::string>> labels =
      LabelsByAuthorsAndYear(paper);
  const auto label_of = [&labels](const Citation& citation) -> std::optional<std::string> {
    if (citation.label || citation.kind != CitationKind::kAuthorYear) return citation.label;
    const auto it = labels.find(AuthorsAndYear(citation));
    return it == labels.end() ? std::nullopt : it->second;
  };
  for (Citation& citation : paper.citations) {
    citation.key_draft = KeyDraft();
    DraftCitation(citation, label_of(citation), citation.key_draft);
  }
  KeyDraft& draft = paper.key_draft;
  draft = KeyDraft();
  if (!paper.id.empty() && IsArxivId(paper.id)) {
    draft.works[draft.work_count++] =
        WorkOf("arxiv|" + AsciiLower(ArxivIdWithoutVersion(paper.id)));
  }
  if (!paper.doi.empty()) draft.works[draft.work_count++] = WorkOf("doi|" + AsciiLower(paper.doi));
  SetBase(draft, PaperBase(paper));
}

// A paper cited by arXiv id or DOI before it came keeps the key that
// citation gave it, so the citation's key names the paper's entry.
void BibKeys::AssignPaperKey(Paper& paper) {
  Tables& t = *tables_;
  const KeyDraft& draft = paper.key_draft;
  // Each identity is looked up once: whether it is known decides both which
  // work the paper is and which identities it adds.
  std::optional<Tables::Entry> own;
  std::array<bool, 2> known{};
  for (size_t i = 0; i < draft.work_count; ++i) {
    Tables::Entry* entry = t.Find(draft.works[i]);
    known[i] = entry != nullptr;
    if (own || !entry || (*entry & Tables::kPaper)) continue;  // unknown, or a repeated record
    *entry |= Tables::kPaper;
    own = *entry;
  }
  paper.key = own ? std::string(t.KeyOf(*own)) : Claim(draft.base, draft.base_hash);
  for (size_t i = 0; i < draft.work_count; ++i) {
    if (known[i]) continue;
    if (!own) own = t.Store(paper.key, true);
    t.Add(draft.works[i], *own);
  }
}

void BibKeys::Assign(Paper& paper) {
  Prepare(paper);
  AssignPrepared(paper);
}

void BibKeys::AssignPrepared(Paper& paper) {
  Tables& t = *tables_;
  for (const Citation& citation : paper.citations) {
    if (citation.kind != CitationKind::kNumeric) t.Prefetch(citation.key_draft);
  }
  t.Prefetch(paper.key_draft);
  for (Citation& citation : paper.citations) {
    if (citation.kind == CitationKind::kNumeric) continue;
    const KeyDraft& draft = citation.key_draft;
    Tables::Entry entry;
    if (const Tables::Entry* known = t.Find(draft.works[0])) {
      entry = *known;
    } else {
      entry = t.Store(Claim(draft.base, draft.base_hash), false);
      t.Add(draft.works[0], entry);
    }
    citation.key = std::string(t.KeyOf(entry));
    citation.in_input = entry & Tables::kPaper;
  }
  AssignPaperKey(paper);
  // This paper's own: its numeric references by their identity's hashes.
  absl::flat_hash_map<Tables::Fingerprint, std::string> references;
  for (Citation& citation : paper.citations) {
    if (citation.kind != CitationKind::kNumeric) continue;
    const KeyDraft::Work& work = citation.key_draft.works[0];
    auto it = references.find({work.hash, work.fnv});
    if (it == references.end()) {
      std::string key = paper.key + citation.key_draft.base;
      const uint64_t hash = KeyHash(key);
      it = references.emplace(Tables::Fingerprint(work.hash, work.fnv), Claim(std::move(key), hash))
               .first;
    }
    citation.key = it->second;
    citation.in_input = false;
  }
}

namespace {
class KeyStage : public Stage {
 public:
  std::string_view name() const override { return "keys"; }
  void Prepare(Paper& paper) const override { BibKeys::Prepare(paper); }
  void Apply(Paper& paper) override {
    // Prepare leaves a base ("anon" at least); a caller that skipped it
    // still gets the keys.
    if (paper.key_draft.base.empty()) BibKeys::Prepare(paper);
    keys_.AssignPrepared(paper);
  }

 private:
  BibKeys keys_;
};
}  // namespace

std::unique_ptr<Stage> MakeKeyStage() { return std::make_unique<KeyStage>(); }

}  // namespace citex
