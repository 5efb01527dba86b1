#include "extractor/read/json_record.h"

#include <optional>
#include <type_traits>

#include "extractor/base/arxiv_id.h"
#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/passes/links/canonical.h"
#include "extractor/passes/links/hosts.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

// The string's text, valid until the next record is parsed; "" for null.
std::string_view StringView(value v, std::string_view field) {
  if (v.type() == json_type::null) return "";
  if (v.type() != json_type::string) {
    throw std::runtime_error("field \"" + std::string(field) + "\" is not a string");
  }
  return v.get_string();
}

std::string String(value v, std::string_view field) { return std::string(StringView(v, field)); }

// A number as written: some datasets use numeric ids and years. simdjson's
// raw token runs on to the next token, whitespace included.
std::string NumberText(value v) {
  std::string_view token = v.raw_json_token();
  while (!token.empty() && IsAsciiSpace(token.back())) token.remove_suffix(1);
  return std::string(token);
}

// arXiv puts affiliations in parentheses: "P.A. Evans (1)", "F. van der Tak (SRON)".
std::string WithoutParentheses(std::string_view name) {
  std::string out;
  int depth = 0;
  for (char c : name) {
    if (c == '(') ++depth;
    if (depth == 0) out.push_back(c);
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

// "C. Bal\'azs, E. L. Berger and C.-P. Yuan" -> one name each, after `names`.
void SplitAuthorList(std::string_view list, std::vector<std::string>& names) {
  thread_local std::string flat;  // kept: a buffer a thread fills for every record
  CollapseWhitespaceInto(list, flat);
  const std::string_view all(flat);
  size_t start = 0;
  int depth = 0;  // affiliations in parentheses hold commas too
  // Whether the current name holds a '(' (else it needs no WithoutParentheses).
  bool parenthesis = false;
  for (size_t i = 0; i <= all.size(); ++i) {
    const bool at_end = i == all.size();
    const char c = at_end ? '\0' : all[i];
    if (c == '(') {
      ++depth;
      parenthesis = true;
    }
    if (c == ')' && depth > 0) --depth;
    size_t separator = 0;
    if (!at_end && depth == 0 && c == ',') separator = 1;
    if (!at_end && depth == 0 && c == ' ' && i + 4 < all.size() && all[i + 1] == 'a' &&
        all[i + 2] == 'n' && all[i + 3] == 'd' && all[i + 4] == ' ') {
      separator = 5;  // " and "
    }
    if (!at_end && separator == 0) continue;
    std::string_view part = all.substr(start, i - start);
    std::string name;
    if (parenthesis) {
      name = CollapseWhitespace(WithoutParentheses(part));
    } else {
      // `flat` has single spaces only: collapsing a part just trims it.
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      name = std::string(part);
    }
    if (name.rfind("and ", 0) == 0) name.erase(0, 4);  // ", and Chen"
    if (!name.empty()) names.push_back(std::move(name));
    if (at_end) break;
    start = i + separator;
    i += separator - 1;
    parenthesis = false;
  }
}

// The names of an "authors" field written over `names`, which keeps its buffer.
void AuthorsInto(value v, std::vector<std::string>& names) {
  names.clear();
  if (v.type() == json_type::string) return SplitAuthorList(std::string_view(v.get_string()), names);
  if (v.type() != json_type::array) return;
  for (value author : v.get_array()) {
    if (author.type() == json_type::string) {
      names.push_back(CollapseWhitespace(std::string_view(author.get_string())));
    } else if (author.type() == json_type::object) {
      for (auto field : author.get_object()) {
        if (std::string_view(field.unescaped_key()) == "name") {
          names.push_back(CollapseWhitespace(StringView(field.value(), "name")));
          break;
        }
      }
    }
  }
}

template <typename Enum>
Enum EnumFromName(std::string_view name, const std::vector<EnumName<Enum>>& names) {
  for (const EnumName<Enum>& e : names) {
    if (name == e.name) return e.value;
  }
  throw std::runtime_error("unknown value \"" + std::string(name) + "\"");
}

Span ReadSpan(value v) {
  Span span;
  array a = v.get_array();
  size_t i = 0;
  for (value n : a) {
    const uint64_t offset = n.get_uint64();
    if (i == 0) span.start = offset;
    if (i == 1) span.end = offset;
    ++i;
  }
  if (i != 2 || span.end < span.start) throw std::runtime_error("bad \"span\"");
  return span;
}

Link ReadLink(object o) {
  Link link;
  bool has_category = false;
  bool has_canonical = false;
  for (auto field : o) {
    const std::string_view key = field.unescaped_key();
    value v = field.value();
    if (key == "url")
      link.url = String(v, "url");
    else if (key == "text")
      link.text = String(v, "text");
    else if (key == "span")
      link.span = ReadSpan(v);
    else if (key == "type")
      link.type = String(v, "type");
    else if (key == "name")
      link.name = String(v, "name");
    else if (key == "kind")
      link.kind = EnumFromName(String(v, "kind"), LinkKindNames());
    else if (key == "category") {
      link.category = EnumFromName(String(v, "category"), LinkCategoryNames());
      has_category = true;
    } else if (key == "canonical") {
      link.canonical = String(v, "canonical");
      has_canonical = true;
    }
    else if (key == "expires")
      link.expires = v.get_bool();
    else if (key == "status")
      link.status = EnumFromName(String(v, "status"), StatusNames());
    else if (key == "role")
      link.role = EnumFromName(String(v, "role"), RoleNames());
  }
  // Output of a citex older than categories: the hosts table says what the
  // url is, as the link pass would have.
  if ((!has_category || !has_canonical) && link.url.find("://") != std::string::npos) {
    const HostMatch host = MatchHost(link.url);
    if (!has_category) {
      link.category = link.kind == LinkKind::kProject ? LinkCategory::kPage : host.category;
    }
    if (!has_canonical) link.canonical = CanonicalUrl(link.url, host);
  }
  return link;
}

// citex's "tex": ["title", "authors", "abstract"].
TexFields ReadTex(value v) {
  TexFields tex;
  for (value item : v.get_array()) {
    const std::string field = String(item, "tex");
    if (field == "title") tex.title = true;
    if (field == "authors") tex.authors = true;
    if (field == "abstract") tex.abstract = true;
  }
  return tex;
}

// A library score, 0..1.
double ReadScore(value v) {
  const double score = v.get_double();
  if (!(score >= 0 && score <= 1)) throw std::runtime_error("bad \"score\"");
  return score;
}

// "resolved": {"key", "library", "score"}, or a "candidates" item: {"key", "score"}.
template <typename Entry>
Entry ReadLibraryEntry(object o, const char* field) {
  Entry entry;
  for (auto member : o) {
    const std::string_view key = member.unescaped_key();
    value v = member.value();
    if (key == "key") {
      entry.key = String(v, "key");
    } else if (key == "score") {
      entry.score = ReadScore(v);
    } else if constexpr (std::is_same_v<Entry, Resolution>) {
      if (key == "library") entry.library = String(v, "library");
    }
  }
  if (entry.key.empty()) throw std::runtime_error(std::string("\"") + field + "\" has no key");
  return entry;
}

Citation ReadCitation(object o) {
  Citation citation;
  for (auto field : o) {
    const std::string_view key = field.unescaped_key();
    value v = field.value();
    if (key == "text")
      citation.text = String(v, "text");
    else if (key == "span")
      citation.span = ReadSpan(v);
    else if (key == "authors")
      AuthorsInto(v, citation.authors);
    else if (key == "et_al")
      citation.et_al = v.get_bool();
    else if (key == "year")
      citation.year = String(v, "year");
    else if (key == "id")
      citation.id = String(v, "id");
    else if (key == "key")
      citation.key = String(v, "key");
    else if (key == "label") {
      if (v.type() != json_type::null) citation.label = String(v, "label");
    } else if (key == "kind") {
      citation.kind = EnumFromName(String(v, "kind"), CitationKindNames());
    } else if (key == "locator") {
      citation.locator = String(v, "locator");
    } else if (key == "resolved") {
      if (v.type() != json_type::null) {
        citation.resolved = ReadLibraryEntry<Resolution>(v.get_object(), "resolved");
      }
    } else if (key == "candidates") {
      for (value item : v.get_array()) {
        citation.candidates.push_back(
            ReadLibraryEntry<LibraryCandidate>(item.get_object(), "candidates"));
      }
    }
  }
  return citation;
}

}  // namespace

struct JsonRecordDecoder::Found {
  explicit Found(Paper& p) : paper(p) {}
  Paper& paper;
  static constexpr size_t kSlots = static_cast<size_t>(Slot::kCount);
  int rank[kSlots] = {};
  bool seen[kSlots] = {};
  std::string published;
  bool has_text = false;
  bool has_findings = false;
  std::optional<Source> source;
  TexFields tex;  // what a citex record says

  // True when `target` beats what is already there.
  bool Take(const Target& target) {
    const int i = static_cast<int>(target.slot);
    if (seen[i] && rank[i] <= target.rank) return false;
    seen[i] = true;
    rank[i] = target.rank;
    return true;
  }
};

JsonRecordDecoder::JsonRecordDecoder(const ReaderOptions& options, std::string path)
    : path_(std::move(path)),
      citex_only_(options.format == InputFormat::kCitex),
      default_text_field_(options.text_field.empty()),
      default_title_field_(options.title_field.empty()),
      options_(options) {
  const auto add = [this](Slot slot, const std::vector<std::string>& paths) {
    int rank = 0;
    for (const std::string& path : paths) {
      fields_.emplace(names_.emplace_back(path), Target{slot, rank++});
      for (size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) {
        prefixes_.insert(names_.emplace_back(path.substr(0, dot)));
      }
    }
  };
  const auto or_default = [](const std::string& chosen, std::vector<std::string> defaults) {
    return chosen.empty() ? defaults : std::vector<std::string>{chosen};
  };
  add(Slot::kId, or_default(options.id_field, {"id", "paper.id"}));
  add(Slot::kTitle, or_default(options.title_field, {"title", "paper.title"}));
  add(Slot::kText,
      or_default(options.text_field, {"abstract", "summary", "paper.summary", "paper.abstract"}));
  add(Slot::kAuthors, {"authors", "paper.authors"});
  add(Slot::kDoi, {"doi", "paper.doi"});
  add(Slot::kCategories, {"categories"});
  add(Slot::kPublished, {"publishedAt", "paper.publishedAt", "published"});
  add(Slot::kYear, {"year"});
  add(Slot::kIndex, {"index"});
  add(Slot::kLinks, {"links"});
  add(Slot::kCitations, {"citations"});
  add(Slot::kTex, {"tex"});
  prefixes_.insert("source");
}

void JsonRecordDecoder::Walk(object object, std::string_view prefix, Found& found) {
  std::string nested;  // a dotted path, below the top level
  for (auto field : object) {
    // Stays valid through the record: simdjson unescapes each string after
    // the last, into a buffer it keeps for the document.
    const std::string_view key = field.unescaped_key();
    std::string_view path = key;
    if (!prefix.empty()) {
      nested.assign(prefix).append(".").append(key);
      path = nested;
    }
    value v = field.value();
    if (prefix == "source" && (key == "path" || key == "line")) {
      if (!found.source) found.source = Source{};
      if (key == "path")
        found.source->path = String(v, "source.path");
      else
        found.source->line = v.get_uint64();
      continue;
    }
    const auto target = fields_.find(path);
    if (target == fields_.end()) {
      if (prefixes_.count(path) && v.type() == json_type::object) {
        Walk(v.get_object(), path, found);
      }
      continue;
    }
    const Slot slot = target->second.slot;
    // Other datasets have "links" or "citations" fields of their own; citex's
    // records begin with "index", so only then are they findings.
    if ((slot == Slot::kLinks || slot == Slot::kCitations || slot == Slot::kTex) && !citex_only_ &&
        !found.seen[static_cast<size_t>(Slot::kIndex)]) {
      continue;
    }
    if (!found.Take(target->second)) continue;
    Paper& paper = found.paper;
    switch (slot) {
      case Slot::kId:
        if (v.type() == json_type::number)
          paper.id = NumberText(v);
        else
          CollapseWhitespaceInto(StringView(v, path), paper.id);
        break;
      case Slot::kTitle:
        CollapseWhitespaceInto(StringView(v, path), paper.title);
        break;
      case Slot::kText:
        if (v.type() != json_type::null) {
          paper.abstract.assign(StringView(v, path));
          found.has_text = true;
        }
        break;
      case Slot::kAuthors:
        AuthorsInto(v, paper.authors);
        break;
      case Slot::kDoi:
        paper.doi.assign(StringView(v, path));
        break;
      case Slot::kCategories:
        paper.categories.assign(StringView(v, path));
        break;
      case Slot::kPublished:
        found.published = String(v, path);
        break;
      case Slot::kYear:
        if (v.type() == json_type::number)
          paper.year = NumberText(v);
        else
          paper.year = String(v, "year");
        break;
      case Slot::kIndex:  // a merged run numbers papers afresh
      case Slot::kCount:
        break;
      case Slot::kLinks:
        found.has_findings = true;
        for (auto item : v.get_array()) paper.links.push_back(ReadLink(item.get_object()));
        break;
      case Slot::kCitations:
        found.has_findings = true;
        for (auto item : v.get_array()) paper.citations.push_back(ReadCitation(item.get_object()));
        break;
      case Slot::kTex:
        found.tex = ReadTex(v);
        break;
    }
  }
}

std::string JsonRecordDecoder::Parse(const char* json, size_t size, size_t capacity, Paper& paper,
                                     bool* has_findings, bool* repaired_utf8) {
  *repaired_utf8 = false;
  Found found(paper);
  for (;;) {
    try {
      simdjson::ondemand::document doc = parser_.iterate(json, size, capacity);
      if (doc.type() != json_type::object) return "record is not a JSON object";
      Walk(doc.get_object(), "", found);
      // current_location() fails only once the whole input is consumed.
      if (!doc.current_location().error()) return "unexpected text after the JSON object";
      break;
    } catch (const simdjson::simdjson_error& e) {
      if (e.error() != simdjson::UTF8_ERROR || *repaired_utf8) {
        return std::string("invalid JSON: ") + e.what();
      }
      // Keep the record: replace the bad bytes and read it again.
      *repaired_utf8 = true;
      repaired_.clear();
      AppendValidUtf8(repaired_, std::string_view(json, size));
      size = repaired_.size();
      repaired_.append(simdjson::SIMDJSON_PADDING, ' ');
      json = repaired_.data();
      capacity = repaired_.size();
    } catch (const std::runtime_error& e) {
      return e.what();
    }
  }
  *has_findings = found.has_findings || citex_only_;
  if (found.source && *has_findings) paper.source = *found.source;
  SetTexFields(*has_findings ? found.tex : DetectTex(found), options_, paper);
  if (!found.has_text && !*has_findings) return "record has no abstract";
  if (paper.year.empty()) paper.year = YearFromArxivId(paper.id);
  if (paper.year.empty() && found.published.size() >= 4) paper.year = found.published.substr(0, 4);
  return "";
}

// arXiv metadata ("title", "authors", "abstract") is TeX throughout; the
// Hub's "summary" is the arXiv abstract, but its title and names are plain.
TexFields JsonRecordDecoder::DetectTex(const Found& found) const {
  const auto rank = [&found](Slot slot) {
    const size_t i = static_cast<size_t>(slot);
    return found.seen[i] ? found.rank[i] : -1;
  };
  TexFields tex;
  tex.abstract = default_text_field_ && rank(Slot::kText) >= 0;
  const bool arxiv = default_text_field_ && rank(Slot::kText) == 0;  // "abstract"
  tex.title = arxiv && default_title_field_ && rank(Slot::kTitle) == 0;
  tex.authors = arxiv && rank(Slot::kAuthors) == 0;
  return tex;
}

bool JsonRecordDecoder::Decode(const Chunk& chunk, const RecordSpan& record, Paper& paper,
                               bool* has_findings, const ErrorSink& errors) {
  ClearForReuse(paper);
  paper.source.path.assign(path_);
  paper.source.line = record.line;
  bool repaired_utf8 = false;
  const std::string problem =
      Parse(chunk.bytes.data() + record.offset, record.size, chunk.bytes.size() - record.offset,
            paper, has_findings, &repaired_utf8);
  if (!problem.empty()) {
    errors({path_, record.line, problem, false});
    return false;
  }
  if (repaired_utf8)
    errors({path_, record.line, "invalid UTF-8 replaced with U+FFFD", false, true});
  return true;
}

}  // namespace citex
