// --format bibtex: one @misc entry per paper, as its paper comes, and one
// stub per distinct cited work for a person to complete. See docs/formats.md.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/safe_text.h"
#include "extractor/base/text.h"
#include "extractor/stages/bibkeys.h"
#include "formats/bibtex_text.h"
#include "formats/resources.h"
#include "formats/writer.h"

namespace citex {
namespace {

// How many citing papers a stub's note names before "and N more".
constexpr size_t kMaxCitedIn = 3;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The leading four digits of "2023" or "2023b": biber takes only an integer
// year (the suffix only orders one paper's reference list, and stays in the key).
std::string_view FourDigitYear(std::string_view year) {
  if (year.size() < 4 || !IsDigit(year[0]) || !IsDigit(year[1]) || !IsDigit(year[2]) ||
      !IsDigit(year[3]) || (year.size() > 4 && IsDigit(year[4]))) {
    return {};
  }
  return year.substr(0, 4);
}

// Institutions ("ATLAS Collaboration") and names holding the word "and"
// (which bibtex takes as the next author) are braced whole, so bibtex keeps
// them as one name.
bool IsInstitution(std::string_view name) {
  static constexpr std::string_view kWords[] = {"Collaboration", "Consortium", "Team", "Group",
                                                "Project"};
  for (std::string_view word : kWords) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  for (size_t i = 0; i + 3 <= name.size(); ++i) {
    const bool starts = i == 0 || name[i - 1] == ' ' || name[i - 1] == '\t';
    const bool ends = i + 3 == name.size() || name[i + 3] == ' ' || name[i + 3] == '\t';
    if (starts && ends && (name[i] | 0x20) == 'a' && (name[i + 1] | 0x20) == 'n' &&
        (name[i + 2] | 0x20) == 'd') {
      return true;
    }
  }
  return false;
}

// Name parts are tokens to bibtex, split at spaces, "~" and "-": a part such
// as "-", "x-" or "\#" would leave an empty token, which bibtex and biber
// report. Anything beyond letters, digits, spaces, ".", "'" and inner hyphens
// is braced, which makes the part one token.
bool NeedsBraces(std::string_view part) {
  if (part.empty()) return false;
  if (part.front() == '-' || part.back() == '-') return true;
  for (char c : part) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '\'' || c == '-';
    if (!plain) return true;
  }
  return part.find("--") != std::string_view::npos;
}

class BibtexWriter : public Writer {
 public:
  explicit BibtexWriter(const WriterOptions& options) : accents_(options.bibtex_latex_accents) {}

  // Each paper's entry is written as its paper comes, its numeric references
  // right after it (they mean something only in its reference list). Other
  // cited works wait for End(): a paper later in the input may be one of
  // them (cited by arXiv id or DOI before it came), and then its entry is the
  // work's entry. So memory holds the distinct cited works, not the papers.
  void Write(const Paper& paper, std::string& out) override {
    works_.Drop(paper.key);
    WritePaper(paper, paper.key, out);
    StubList references;
    for (const Citation& citation : paper.citations) {
      if (citation.in_input) continue;  // it names a paper entry
      StubList& list = citation.kind == CitationKind::kNumeric ? references : works_;
      list.Cite(citation, paper.tex.abstract, Where(paper));
    }
    references.WriteAll(*this, out);
  }

  void End(std::string& out) override { works_.WriteAll(*this, out); }

 private:
  struct Stub {
    std::string key;    // empty once a paper entry took it
    Citation citation;  // the first citation of the work (with a label, when any had one)
    bool tex = false;   // its text and label are TeX (from a TeX abstract)
    std::vector<std::string> cited_in;  // escaped
    size_t more = 0;
  };

  // Stubs in first-cited order, one per key.
  class StubList {
   public:
    void Cite(const Citation& citation, bool tex, std::string where) {
      const auto [it, inserted] = index_.emplace(citation.key, stubs_.size());
      if (inserted) stubs_.push_back(Stub{citation.key, citation, tex, {}, 0});
      Stub& stub = stubs_[it->second];
      if (!stub.citation.label && citation.label) stub.citation.label = citation.label;
      for (const std::string& w : stub.cited_in) {
        if (w == where) return;  // cited twice by one paper
      }
      if (stub.cited_in.size() < kMaxCitedIn) {
        stub.cited_in.push_back(std::move(where));
      } else {
        ++stub.more;
      }
    }
    // The work with `key` is a paper entry now.
    void Drop(const std::string& key) {
      const auto it = index_.find(key);
      if (it == index_.end()) return;
      stubs_[it->second] = Stub{};
      index_.erase(it);
    }
    void WriteAll(BibtexWriter& writer, std::string& out) const {
      for (const Stub& stub : stubs_) {
        if (!stub.key.empty()) writer.WriteStub(stub, out);
      }
    }

   private:
    std::vector<Stub> stubs_;
    std::unordered_map<std::string, size_t> index_;
  };

  void Open(std::string_view key, std::string& out) {
    if (wrote_) out.push_back('\n');  // a blank line between entries
    wrote_ = true;
    fmt::format_to(std::back_inserter(out), "@misc{{{},\n", key);
  }

  // Opens a field; the caller appends the value and closes it with Close.
  static void Field(std::string_view name, std::string& out) {
    fmt::format_to(std::back_inserter(out), "  {} = {{", name);
  }
  static void Close(std::string& out) { out.append("},\n"); }

  // A field of plain text.
  void Text(std::string_view name, std::string_view value, std::string& out) const {
    Field(name, out);
    out.append(Escaped(value, false));
    Close(out);
  }
  static void Verbatim(std::string_view name, std::string_view value, std::string& out) {
    Field(name, out);
    AppendBibtexVerbatim(value, out);
    Close(out);
  }

  // `text` escaped; `tex` when it is TeX source (Paper::tex).
  std::string Escaped(std::string_view text, bool tex) const {
    std::string out;
    AppendBibtexText(text, BibtexStyle{accents_, tex}, out);
    return out;
  }

  // One name part, escaped, braced when bibtex would split it oddly.
  std::string Part(std::string_view raw, bool tex) const {
    std::string escaped = Escaped(raw, tex);
    if (escaped.empty() || !NeedsBraces(raw)) return escaped;
    return "{" + escaped + "}";
  }

  // A name as bibtex reads it ("von Last, Jr, First"), or "" when nothing
  // printable is left of it. Input such as ", Jr." or a lone control
  // character must not leave an empty last name: biber crashes on it.
  std::string PersonName(std::string_view full_name, bool tex) const {
    const std::string whole = Escaped(full_name, tex);
    if (whole.empty()) return "";
    const NameParts parts = SplitName(full_name);
    const std::string last = Part(parts.last, tex);
    if (IsInstitution(full_name) || last.empty()) return "{" + whole + "}";
    std::string name;
    if (const std::string von = Part(parts.von, tex); !von.empty()) name = von + " ";
    name += last;
    if (const std::string jr = Part(parts.jr, tex); !jr.empty()) name += ", " + jr;
    // A third comma is an error to bibtex and biber, braced or not.
    std::string first(parts.first);
    std::replace(first.begin(), first.end(), ',', ' ');
    if (const std::string part = Part(first, tex); !part.empty()) name += ", " + part;
    return name;
  }

  // Appends the author field when any name is left; returns whether it did.
  bool Authors(const std::vector<std::string>& names, bool surnames_only, bool et_al, bool tex,
               std::string& out) const {
    std::vector<std::string> written;
    for (const std::string& name : names) {
      // A surname as written ("de Vries") is all last name.
      std::string bib = surnames_only ? Escaped(name, tex) : PersonName(name, tex);
      if (bib.empty()) continue;
      if (surnames_only && (name.find_first_of(" ,") != std::string::npos || NeedsBraces(name) ||
                            IsInstitution(name))) {
        bib = "{" + bib + "}";
      }
      written.push_back(std::move(bib));
    }
    if (written.empty()) return false;
    Field("author", out);
    for (size_t i = 0; i < written.size(); ++i) {
      if (i > 0) out.append(" and ");
      out.append(written[i]);
    }
    if (et_al) out.append(" and others");
    Close(out);
    return true;
  }

  // Without an author classic bibtex cannot sort an entry and warns; the
  // `key` field is what it sorts by then.
  void SortKey(std::string_view key, std::string& out) const { Text("key", key, out); }

  void WritePaper(const Paper& paper, const std::string& key, std::string& out) {
    Open(key, out);
    const bool has_authors = Authors(paper.authors, false, false, paper.tex.authors, out);
    std::string title;
    AppendBibtexTitle(paper.title, BibtexStyle{accents_, paper.tex.title}, title);
    if (!title.empty()) {
      Field("title", out);
      out.append(title);
      Close(out);
    }
    const std::string_view year = FourDigitYear(paper.year);
    if (!year.empty()) Verbatim("year", year, out);
    if (IsArxivId(paper.id)) {
      Verbatim("eprint", paper.id, out);
      Verbatim("archivePrefix", "arXiv", out);
      const std::string_view primary =
          std::string_view(paper.categories).substr(0, paper.categories.find(' '));
      if (!primary.empty()) Text("primaryClass", primary, out);
    }
    if (!paper.doi.empty()) Verbatim("doi", paper.doi, out);
    const std::vector<const Link*> resources = OwnResources(paper);
    const Link* best = BestResource(resources);
    if (best != nullptr) Verbatim("url", PercentEncodeInvisible(best->url), out);
    std::string note;
    // With no author, title or year bibtex would find the entry empty; where
    // the paper was read is a fact that tells a person where to look.
    if (!has_authors && title.empty() && year.empty()) {
      note = fmt::format("From {}:{}", paper.source.path, paper.source.line);
    }
    bool first_resource = true;
    for (const Link* link : resources) {
      if (link == best) continue;
      if (!note.empty()) note.append("; ");
      std::string label = ResourceLabel(*link);
      if (first_resource) label[0] = static_cast<char>(label[0] - 'a' + 'A');  // lower-case ASCII
      first_resource = false;
      fmt::format_to(std::back_inserter(note), "{}: {}{}", label, link->url,
                     link->status == Status::kComingSoon ? " (coming soon)" : "");
    }
    if (!note.empty()) Text("note", note, out);
    if (!has_authors) SortKey(key, out);
    out.append("}\n");
  }

  // "2310.13961 (Ensemble-Instruct: ...)", or whichever of the two is known,
  // or where the paper was read; escaped.
  std::string Where(const Paper& paper) const {
    const std::string id = Escaped(paper.id, false);
    const std::string title = Escaped(paper.title, paper.tex.title);
    if (!id.empty() && !title.empty()) return fmt::format("{} ({})", id, title);
    if (!id.empty()) return id;
    if (!title.empty()) return title;
    return Escaped(fmt::format("{}:{}", paper.source.path, paper.source.line), false);
  }

  // Whether a library's value can be written as it is: braces balanced
  // (btparse's values always are; a JSON library's might not be).
  static bool Balanced(std::string_view value) {
    int depth = 0;
    for (size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '\\') {
        ++i;  // an escaped brace does not count
      } else if (value[i] == '{') {
        ++depth;
      } else if (value[i] == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  // A citation resolved against --library: the library's own entry, every
  // field as the library has it (macros expanded, crossref fields merged in,
  // so no crossref).
  void WriteLibraryEntry(const BibEntry& entry, std::string& out) {
    if (wrote_) out.push_back('\n');
    wrote_ = true;
    fmt::format_to(std::back_inserter(out), "@{}{{{},\n", entry.type.empty() ? "misc" : entry.type,
                   entry.key);
    for (const auto& [name, value] : entry.fields) {
      // The parent's fields are merged in already, and the parent is not
      // in this file: a crossref would send bibtex and biber looking for it.
      if (name.empty() || name == "crossref") continue;
      Field(name, out);
      out.append(Balanced(value) ? value : Escaped(value, true));
      Close(out);
    }
    out.append("}\n");
  }

  void WriteStub(const Stub& stub, std::string& out) {
    const Citation& c = stub.citation;
    if (c.resolved && c.resolved->entry != nullptr) {
      WriteLibraryEntry(*c.resolved->entry, out);
      return;
    }
    Open(stub.key, out);
    const bool has_authors = Authors(c.authors, true, c.et_al, stub.tex, out);
    // A label names the work as its authors wrote it: keep its case whole.
    if (const std::string label = Escaped(c.label.value_or(""), stub.tex); !label.empty()) {
      Field("title", out);
      out.append("{" + label + "}");
      Close(out);
    }
    if (const std::string_view year = FourDigitYear(c.year); !year.empty()) {
      Verbatim("year", year, out);
    }
    if (c.kind == CitationKind::kArxiv && !c.id.empty()) {
      Verbatim("eprint", c.id, out);
      Verbatim("archivePrefix", "arXiv", out);
    }
    if (c.kind == CitationKind::kDoi && !c.id.empty()) Verbatim("doi", c.id, out);
    Field("note", out);
    fmt::format_to(std::back_inserter(out), "Cited as ``{}'' in ", Escaped(c.text, stub.tex));
    for (size_t i = 0; i < stub.cited_in.size(); ++i) {
      if (i > 0) out.append("; ");
      out.append(stub.cited_in[i]);
    }
    if (stub.more > 0) fmt::format_to(std::back_inserter(out), " and {} more", stub.more);
    Close(out);
    if (!has_authors) SortKey(stub.key, out);
    out.append("}\n");
  }

  bool accents_;
  bool wrote_ = false;
  StubList works_;  // cited works other than numeric references, until End()
};

}  // namespace

std::unique_ptr<Writer> MakeBibtexWriter(const WriterOptions& options) {
  return std::make_unique<BibtexWriter>(options);
}

}  // namespace citex
