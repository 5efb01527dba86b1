// The paper model: what readers produce, what the passes fill in, and what
// every writer reads. Plain values; safe to move between threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citex {

// Byte offsets into Paper::abstract, end exclusive.
struct Span {
  size_t start = 0;
  size_t end = 0;
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

// The host family of a link. The hosts each kind covers are in
// passes/links/hosts.cc; the wire names in LinkKindNames().
enum class LinkKind {
  kGithub,
  kHuggingface,
  kProject,
  kArxiv,
  kDoi,
  kOther,
  // Code hosts.
  kGitlab,
  kBitbucket,
  kCodeberg,
  kGitee,
  kSourceforge,
  kAnonymous,
  // Data repositories.
  kZenodo,
  kFigshare,
  kOsf,
  kKaggle,
  kDataverse,
  kDryad,
  kMendeley,
  kPhysionet,
  kPangaea,
  kGigadb,
  kSynapse,
  // Models, packages, notebooks, papers, documentation.
  kModelscope,
  kPypi,
  kCran,
  kBioconductor,
  kDockerhub,
  kColab,
  kPaperswithcode,
  kOpenreview,
  kBiorxiv,
  kReadthedocs,
};
// What a link is, for people: the sections of a link list.
enum class LinkCategory {
  kCode,
  kModel,
  kDataset,
  kDemo,
  kPackage,
  kNotebook,
  kPaper,
  kPage,
  kOther
};
enum class Status { kReleased, kComingSoon, kUnknown };
enum class Role { kOwn, kThirdParty, kUnknown };

struct Link {
  std::string url;   // as a user would paste it: cleaned, https:// added
  std::string text;  // exactly abstract[span]
  Span span;
  LinkKind kind = LinkKind::kOther;
  std::string type;  // repo, user, gist, model, dataset, space, paper, page, ...
  std::string name;  // owner/repo, Hub id, arXiv id or DOI; empty when none
  LinkCategory category = LinkCategory::kOther;
  std::string canonical;  // the same for every spelling of one artefact
  bool expires = false;   // the host takes the link down (anonymous review copies)
  Status status = Status::kUnknown;
  Role role = Role::kUnknown;
};

enum class CitationKind { kAuthorYear, kNumeric, kArxiv, kDoi };

// A bibliography entry as its library has it: type, key and fields in
// order, values as btparse reads them (@string macros expanded, the outer
// delimiters removed, inner braces and TeX kept).
struct BibEntry {
  std::string type;  // "article", lower case
  std::string key;
  std::vector<std::pair<std::string, std::string>> fields;  // name (lower case), value
  // The value of field `name`, or nullptr.
  const std::string* Field(std::string_view name) const {
    for (const auto& field : fields) {
      if (field.first == name) return &field.second;
    }
    return nullptr;
  }
};

// The library entry a citation cites (the resolution stage, --library).
struct Resolution {
  std::string key;      // the entry's key in its library
  std::string library;  // the library file, as given on the command line
  double score = 0;     // 0..1, see docs/resolve.md
  // The entry itself; owned by the run's library, which outlives the
  // writers. nullptr when read back from JSON.
  const BibEntry* entry = nullptr;
};

// One of several entries that fit a citation when none wins.
struct LibraryCandidate {
  std::string key;
  double score = 0;
};

// The key stage's working for a paper or a citation (stages/bibkeys.cc):
// what its key is made of, worked out by the stage's Prepare on the thread
// that decoded the paper, so that its in-order part only looks works up and
// hands keys out. No writer reads it.
struct KeyDraft {
  // A work as the key stage knows it: a new-style arXiv id packed into
  // `arxiv`, or else two independent hashes of its identity.
  struct Work {
    uint64_t arxiv = 0;
    uint64_t hash = 0;
    uint64_t fnv = 0;
  };
  std::string base;  // the key before any a, b, ...; a numeric reference's "-ref12"
  uint64_t base_hash = 0;
  std::array<Work, 2> works{};  // a citation's work; a paper's arXiv id and DOI
  size_t work_count = 0;
};

struct Citation {
  std::string text;  // exactly abstract[span]
  Span span;
  CitationKind kind = CitationKind::kAuthorYear;
  std::vector<std::string> authors;  // surnames as written
  bool et_al = false;
  std::string year;                    // with suffix ("2023b", "1813/1919"); empty when none
  std::string locator;                 // what follows the year: "89", "Ch. 3"; empty when none
  std::optional<std::string> label;    // the cited work's name, when given
  std::string id;                      // arXiv id, DOI or reference number
  std::string key;                     // BibTeX key (the key stage; the library's when resolved)
  std::optional<Resolution> resolved;  // the library entry that clearly wins
  std::vector<LibraryCandidate> candidates;  // up to 3 that fit when none wins
  // The key is a paper of this run, not a stub (filled in by the key stage).
  bool in_input = false;
  KeyDraft key_draft;
};

// Where a paper came from: input path ("-" for standard input) and 1-based line.
struct Source {
  std::string path;
  size_t line = 0;
};

// Which text fields are TeX source, as arXiv writes titles, names and
// abstracts ("$\alpha$-decay", "Gr\"obner"); a page copied from a browser
// is plain text. Writers that speak TeX keep TeX fields as they are.
struct TexFields {
  bool title = false;
  bool authors = false;
  bool abstract = false;
};

struct Paper {
  size_t index = 0;  // position in the whole run, from 0
  std::string id;    // arXiv or Hub id; empty when the input has none
  std::string title;
  std::string abstract;
  std::vector<std::string> authors;  // full names, in order, when the input has them
  std::string year;                  // publication year when the input tells it
  std::string doi;
  std::string categories;  // arXiv categories, space separated ("cs.CL cs.LG")
  TexFields tex;           // set by the reader
  std::string key;         // the paper's own BibTeX key (filled in by the key stage)
  KeyDraft key_draft;
  Source source;
  std::vector<Link> links;
  std::vector<Citation> citations;
  // What a pass left out of this paper and why ("only the first 10000
  // links are kept"); the pipeline reports them as warnings at `source`.
  std::vector<std::string> warnings;
};

// Empties `paper` for the next record. The text fields every record fills
// keep their buffers, so a batch decoded into again allocates little; every
// other field starts as a new Paper's.
void ClearForReuse(Paper& paper);

// One paper's mention of an artefact, for --group-by link.
struct Mention {
  size_t index = 0;  // the paper's Paper::index
  std::string id;
  std::string title;
  Role role = Role::kUnknown;
  Status status = Status::kUnknown;
  Span span;
};

// One artefact across a run: the first spelling seen, and every paper that
// mentions it, in input order.
struct Artefact {
  std::string canonical;
  std::string url;
  LinkKind kind = LinkKind::kOther;
  LinkCategory category = LinkCategory::kOther;
  std::string type;
  std::string name;
  bool expires = false;
  Status status = Status::kUnknown;  // released when a paper that owns it says so
  std::vector<Mention> papers;
};

// An enum value and its wire name.
template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

// Every value of each enum with its wire name (spec/interface.md), in
// declaration order: the one list that ToString, the citex reader and the
// command line's --only read.
const std::vector<EnumName<LinkKind>>& LinkKindNames();
const std::vector<EnumName<LinkCategory>>& LinkCategoryNames();
const std::vector<EnumName<Status>>& StatusNames();
const std::vector<EnumName<Role>>& RoleNames();
const std::vector<EnumName<CitationKind>>& CitationKindNames();

const char* ToString(LinkKind kind);
const char* ToString(LinkCategory category);
const char* ToString(Status status);
const char* ToString(Role role);
const char* ToString(CitationKind kind);

}  // namespace citex
