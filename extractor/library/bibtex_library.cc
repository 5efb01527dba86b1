// BibTeX and BibLaTeX libraries, read with btparse (the C library behind
// Text::BibTeX and biber): @string macros, concatenation, braces, crossref,
// "and others", corporate authors in braces, editors when no author.
//
// btparse recovers from a bad entry by skipping to the next "@", which can
// swallow the good entry after an unclosed brace, so each entry (from an "@"
// at the start of a line to the next) is parsed on its own: a bad one costs
// only itself. btparse prints its messages on stderr; they are captured and
// reported as FILE:LINE: reason.
#include <btparse.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/text.h"
#include "extractor/library/library.h"
#include "extractor/stages/bibkeys.h"

namespace citex {
namespace {

// Points stderr at a temporary file while btparse runs, then gives back what
// it printed. Loading happens before any worker thread starts.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = dup(2);
    if (file_ != nullptr && saved_ >= 0) dup2(fileno(file_), 2);
  }
  ~StderrCapture() { Stop(); }
  std::string Stop() {
    std::string text;
    if (saved_ < 0) return text;
    std::fflush(stderr);
    dup2(saved_, 2);
    close(saved_);
    saved_ = -1;
    if (file_ == nullptr) return text;
    std::rewind(file_);
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) text.append(buffer, n);
    std::fclose(file_);
    file_ = nullptr;
    return text;
  }

 private:
  std::FILE* file_ = nullptr;
  int saved_ = -1;
};

// btparse writes "FILE, line N, warning: message" (or "syntax error: ...").
void ParseMessages(const std::string& path, const std::string& text,
                   std::vector<LibraryError>* errors) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    start = end + 1;
    const size_t at = line.find(", line ");
    if (at == std::string_view::npos) continue;
    size_t i = at + 7, number = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9')
      number = number * 10 + (line[i++] - '0');
    while (i < line.size() && (line[i] == ',' || line[i] == ':' || line[i] == ' ')) ++i;
    std::string_view reason = line.substr(i);
    const bool warning = reason.rfind("warning: ", 0) == 0;
    if (warning) reason.remove_prefix(9);
    errors->push_back({path, number, std::string(reason), warning});
  }
}

// Where each entry starts: an "@" first on its line (after blanks).
std::vector<size_t> EntryStarts(std::string_view text) {
  std::vector<size_t> starts;
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '@' && line_start) starts.push_back(i);
    if (c == '\n') {
      line_start = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      line_start = false;
    }
  }
  return starts;
}

std::string Lower(std::string_view s) { return AsciiLower(s); }

// The months natbib and biber know without a @string.
void DefineMonths() {
  static const char* const kMonths[][2] = {
      {"jan", "January"},   {"feb", "February"}, {"mar", "March"},    {"apr", "April"},
      {"may", "May"},       {"jun", "June"},     {"jul", "July"},     {"aug", "August"},
      {"sep", "September"}, {"oct", "October"},  {"nov", "November"}, {"dec", "December"}};
  for (const auto& month : kMonths) {
    bt_add_macro_text(const_cast<char*>(month[0]), const_cast<char*>(month[1]), nullptr, 0);
  }
}

// One entry's key, type and fields, or nothing for @string/@comment/@preamble.
bool ReadEntry(AST* ast, BibEntry* entry) {
  if (bt_entry_metatype(ast) != BTE_REGULAR) return false;
  entry->type = Lower(bt_entry_type(ast) ? bt_entry_type(ast) : "");
  entry->key = bt_entry_key(ast) ? bt_entry_key(ast) : "";
  char* name = nullptr;
  AST* field = nullptr;
  while ((field = bt_next_field(ast, field, &name)) != nullptr) {
    char* value = bt_get_text(field);  // malloc'd: ours to free
    entry->fields.emplace_back(Lower(name ? name : ""), value ? value : "");
    std::free(value);
  }
  return true;
}

// "{World Health Organization}": one name braced whole, with a space inside.
bool IsCorporate(std::string_view name) {
  if (name.size() < 3 || name.front() != '{' || name.back() != '}') return false;
  int depth = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '{') ++depth;
    if (name[i] == '}' && --depth == 0 && i + 1 < name.size()) return false;
  }
  return name.find(' ') != std::string_view::npos;
}

// Surnames of a BibTeX name list ("A and B and others").
void ReadNames(const std::string& list, LibraryEntry* e) {
  bt_stringlist* names =
      bt_split_list(const_cast<char*>(list.c_str()), const_cast<char*>("and"), nullptr, 0, nullptr);
  if (names == nullptr) return;
  for (int i = 0; i < names->num_items; ++i) {
    if (names->items[i] == nullptr) continue;
    std::string_view name = names->items[i];
    while (!name.empty() && IsWhitespace(name.back())) name.remove_suffix(1);
    while (!name.empty() && IsWhitespace(name.front())) name.remove_prefix(1);
    if (name == "others" || name == "et al." || name == "et al") {
      e->others = true;
      continue;
    }
    if (IsCorporate(name)) {
      const std::string plain = PlainText(name);
      if (e->surnames.empty()) e->corporate = FoldName(plain);
      e->surnames.push_back(FoldName(plain.substr(plain.rfind(' ') + 1)));
      continue;
    }
    std::string surname = FoldSurname(SplitName(name).last);
    if (surname.empty()) surname = FoldName(name);
    if (!surname.empty()) e->surnames.push_back(std::move(surname));
  }
  bt_free_list(names);
}

// The arXiv id of an entry: eprint with archiveprefix/eprinttype arXiv, or
// an arxiv.org URL or journal field.
std::string ArxivOf(const BibEntry& bib) {
  const std::string* eprint = bib.Field("eprint");
  const std::string* prefix = bib.Field("archiveprefix");
  if (prefix == nullptr) prefix = bib.Field("eprinttype");
  if (eprint != nullptr && (prefix == nullptr || Lower(*prefix) == "arxiv")) {
    std::string id = *eprint;
    if (id.rfind("arXiv:", 0) == 0) id = id.substr(6);
    if (IsArxivId(ArxivIdWithoutVersion(id))) return std::string(ArxivIdWithoutVersion(id));
  }
  return {};
}

// The derived, folded parts of an entry, once crossref has been applied.
LibraryEntry Derive(BibEntry bib, uint32_t index) {
  LibraryEntry e;
  const std::string* authors = bib.Field("author");
  if (authors == nullptr) authors = bib.Field("editor");
  if (authors != nullptr) ReadNames(*authors, &e);
  const std::string* year = bib.Field("year");
  if (year == nullptr) year = bib.Field("date");
  if (year != nullptr) e.year = FirstYear(*year, &e.year_suffix);
  for (const char* orig : {"origdate", "origyear"}) {
    if (const std::string* v = bib.Field(orig)) e.orig_year = FirstYear(*v);
  }
  for (const char* shorthand : {"shorthand", "shortauthor"}) {
    if (const std::string* v = bib.Field(shorthand); v != nullptr && e.shorthand.empty()) {
      e.shorthand = PlainText(*v);
    }
  }
  if (const std::string* doi = bib.Field("doi")) e.doi = AsciiLower(*doi);
  e.arxiv = ArxivOf(bib);
  e.library = index;
  e.bib = std::move(bib);
  return e;
}

// Fields the parent of a crossref gives the child when the child lacks them
// (BibTeX's rule; the parent's title is the child's booktitle).
void ApplyCrossref(const std::unordered_map<std::string, const BibEntry*>& by_key, BibEntry* bib) {
  const std::string* ref = bib->Field("crossref");
  if (ref == nullptr) return;
  const auto it = by_key.find(Lower(*ref));
  if (it == by_key.end()) return;
  for (const auto& [name, value] : it->second->fields) {
    const std::string target = name == "title" ? "booktitle" : name;
    if (bib->Field(target) == nullptr && name != "crossref")
      bib->fields.emplace_back(target, value);
  }
  if (bib->Field("title") == nullptr) {
    if (const std::string* title = it->second->Field("title"))
      bib->fields.emplace_back("title", *title);
  }
}

std::mutex& BtparseMutex() {
  static std::mutex mutex;  // btparse keeps global state (macros, lexer)
  return mutex;
}

}  // namespace

void LoadBibtex(const std::string& path, std::string_view text, uint32_t index, Library* library,
                std::vector<LibraryError>* errors) {
  std::lock_guard<std::mutex> lock(BtparseMutex());
  bt_initialize();
  DefineMonths();
  std::vector<BibEntry> entries;
  std::vector<size_t> lines;
  {
    StderrCapture capture;
    const std::vector<size_t> starts = EntryStarts(text);
    size_t line = 1, counted = 0;
    for (size_t k = 0; k < starts.size(); ++k) {
      for (; counted < starts[k]; ++counted) line += text[counted] == '\n';
      const size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
      std::string chunk(text.substr(starts[k], end - starts[k]));
      boolean ok = 1;
      AST* ast = bt_parse_entry_s(chunk.data(), const_cast<char*>(path.c_str()),
                                  static_cast<int>(line), 0, &ok);
      BibEntry entry;
      if (ast != nullptr && ok && ReadEntry(ast, &entry)) {
        entries.push_back(std::move(entry));
        lines.push_back(line);
      } else if (ast == nullptr || !ok) {
        std::fprintf(stderr, "%s, line %zu, entry skipped\n", path.c_str(), line);
      }
      if (ast != nullptr) bt_free_ast(ast);
    }
    bt_parse_entry_s(nullptr, nullptr, 1, 0, nullptr);
    ParseMessages(path, capture.Stop(), errors);
  }
  bt_delete_all_macros();
  bt_cleanup();
  std::unordered_map<std::string, const BibEntry*> by_key;
  std::unordered_map<std::string, size_t> first_line;
  std::vector<bool> keep(entries.size(), true);
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string key = Lower(entries[i].key);
    if (entries[i].key.empty()) {
      errors->push_back({path, lines[i], "entry without a key skipped", false});
      keep[i] = false;
    } else if (!by_key.emplace(key, &entries[i]).second) {
      errors->push_back({path, lines[i],
                         "duplicate key \"" + entries[i].key + "\" skipped (first at line " +
                             std::to_string(first_line[key]) + ")",
                         true});
      keep[i] = false;
    } else {
      first_line[key] = lines[i];
    }
  }
  std::vector<BibEntry> resolved = entries;  // crossref reads the parents as written
  for (size_t i = 0; i < resolved.size(); ++i) {
    if (!keep[i]) continue;
    ApplyCrossref(by_key, &resolved[i]);
    library->Add(Derive(std::move(resolved[i]), index));
  }
}

}  // namespace citex
