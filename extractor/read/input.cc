#include "extractor/read/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "extractor/base/tex.h"
#include "extractor/base/text.h"
#include "extractor/base/utf8.h"
#include "extractor/read/readers.h"

namespace citex {
namespace {

// Bytes looked at to tell JSON from JSON Lines from text.
constexpr size_t kSniffBytes = 64 << 10;

// Skips whitespace and UTF-8 byte order marks (concatenated files carry
// several).
size_t SkipSpace(std::string_view s, size_t i) {
  for (;;) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (!HasBomAt(s, i)) return i;
    i += kUtf8Bom.size();
  }
}

// JSON starts with '[' then an element or ']', or '{' then a key or '}';
// "[1] Smith et al. ..." and "{this https URL}" are text. A first line
// holding a whole object is JSON Lines, unless it is citex's own
// {"papers": [...]} document; a '{' alone on its line is a JSON document.
// Lines may end in a lone CR.
InputFormat Sniff(std::string_view head) {
  const size_t first = SkipSpace(head, 0);
  if (first == head.size()) return InputFormat::kText;
  const size_t next = SkipSpace(head, first + 1);
  const char after = next < head.size() ? head[next] : '\0';
  if (head[first] == '[') {
    return after == '{' || after == '[' || after == ']' || after == '\0' ? InputFormat::kJson
                                                                         : InputFormat::kText;
  }
  if (head[first] != '{' || (after != '"' && after != '}' && after != '\0')) {
    return InputFormat::kText;
  }
  if (head.compare(next, 8, "\"papers\"") == 0) return InputFormat::kJson;
  std::string_view line = head.substr(first, head.find_first_of("\r\n", first) - first);
  while (!line.empty() && IsAsciiSpace(line.back())) line.remove_suffix(1);
  return line.back() == '}' ? InputFormat::kJsonl : InputFormat::kJson;
}

// Enough of the input to sniff: its first line with content, without
// waiting for more from a slow pipe.
bool HaveFirstLine(const ByteSource& source) {
  const std::string_view head(source.data(), source.size());
  const size_t first = SkipSpace(head, 0);
  return first < head.size() && head.find_first_of("\r\n", first) != std::string_view::npos;
}

// UTF-16 starts with its byte order mark; read as UTF-8 it is NUL bytes.
bool IsUtf16(std::string_view head) {
  return head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF";
}

// NUL bytes and invalid UTF-8 together: not text a person pasted.
bool LooksBinary(std::string_view head) {
  if (head.find('\0') == std::string_view::npos) return false;
  // A chunk boundary may cut the last character; judge what comes before.
  const size_t cut = head.size() > 4 ? head.size() - 4 : 0;
  return !IsValidUtf8(head.substr(0, cut));
}

}  // namespace

void SetTexFields(TexFields detected, const ReaderOptions& options, Paper& paper) {
  paper.tex = options.tex ? TexFields{*options.tex, *options.tex, *options.tex} : detected;
  if (paper.tex.title) tex::DecodeAccentsOutsideMathIn(paper.title);
  if (paper.tex.authors) {
    for (std::string& author : paper.authors) tex::DecodeAccentsOutsideMathIn(author);
  }
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "json") return InputFormat::kJson;
  if (name == "citex") return InputFormat::kCitex;
  return std::nullopt;
}

std::unique_ptr<PaperReader> OpenPaperReader(const std::string& path, const ReaderOptions& options,
                                             const ErrorSink& errors) {
  int fd = options.stdin_fd;
  if (path != "-") {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      errors({path, 0, std::strerror(errno), true});
      return nullptr;
    }
    struct stat info;
    if (fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
      close(fd);
      errors({path, 0, "is a directory", true});
      return nullptr;
    }
  }
  auto source = std::make_unique<ByteSource>(fd, path != "-");
  const bool sniff = options.format == InputFormat::kAuto || options.format == InputFormat::kCitex;
  while (source->Fill()) {
    if (!sniff || source->size() >= kSniffBytes || HaveFirstLine(*source)) break;
  }
  if (!source->error().empty()) {
    errors({path, 0, source->error(), true});
    return nullptr;
  }
  std::string_view head(source->data(), source->size());
  if (IsUtf16(head)) {
    errors({path, 0, "UTF-16 text, skipped: convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)", true});
    return nullptr;
  }
  if (HasBomAt(head, 0)) {
    source->Consume(kUtf8Bom.size());
    head.remove_prefix(kUtf8Bom.size());
  }
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) {
    format = Sniff(head);
  } else if (format == InputFormat::kCitex) {
    const InputFormat container = Sniff(head);
    format = container == InputFormat::kText ? InputFormat::kJsonl : container;
  }
  switch (format) {
    case InputFormat::kJsonl:
      return MakeJsonLinesReader(std::move(source), path, options, errors);
    case InputFormat::kJson:
      return MakeJsonReader(std::move(source), path, options, errors);
    default:
      if (LooksBinary(head)) {
        errors({path, 0, "binary file (NUL bytes and invalid UTF-8), skipped", true});
        return nullptr;
      }
      return MakeTextReader(std::move(source), path, options, errors);
  }
}

}  // namespace citex
