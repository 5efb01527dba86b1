// The paper model: what readers produce, what the passes fill in, and what
// every writer reads. Plain values; safe to move between threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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

struct Citation {
  std::string text;  // exactly abstract[span]
  Span span;
  CitationKind kind = CitationKind::kAuthorYear;
  std::vector<std::string> authors;  // surnames as written
  bool et_al = false;
  std::string year;                  // with suffix ("2023b"); empty when none
  std::optional<std::string> label;  // the cited work's name, when given
  std::string id;                    // arXiv id, DOI or reference number
  std::string key;                   // BibTeX key (filled in by the key stage)
};

// Where a paper came from: input path ("-" for standard input) and 1-based line.
struct Source {
  std::string path;
  size_t line = 0;
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
  Source source;
  std::vector<Link> links;
  std::vector<Citation> citations;
};

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
