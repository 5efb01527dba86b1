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

enum class LinkKind { kGithub, kHuggingface, kProject, kArxiv, kDoi, kOther };
enum class Status { kReleased, kComingSoon, kUnknown };
enum class Role { kOwn, kThirdParty, kUnknown };

struct Link {
  std::string url;   // as a user would paste it: cleaned, https:// added
  std::string text;  // exactly abstract[span]
  Span span;
  LinkKind kind = LinkKind::kOther;
  std::string type;  // repo, user, gist, model, dataset, space, paper, page, ...
  std::string name;  // owner/repo, Hub id, arXiv id or DOI; empty when none
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
  // What a pass left out of this paper and why ("only the first 10000
  // links are kept"); the pipeline reports them as warnings at `source`.
  std::vector<std::string> warnings;
};

// The wire names of the enums, as in spec/interface.md.
const char* ToString(LinkKind kind);
const char* ToString(Status status);
const char* ToString(Role role);
const char* ToString(CitationKind kind);

}  // namespace citex
