#include "extractor/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "extractor/readers.h"
#include "extractor/utf8.h"

namespace citex {
namespace {

// Bytes looked at to tell JSON from JSON Lines from text.
constexpr size_t kSniffBytes = 64 << 10;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first line is a whole JSON object when it starts with '{' and ends
// with '}': JSON Lines. A '{' alone on its line is a pretty-printed document.
InputFormat SniffJsonObject(std::string_view head) {
  const size_t newline = head.find('\n');
  std::string_view first = head.substr(0, newline);
  while (!first.empty() && IsSpace(first.back())) first.remove_suffix(1);
  return !first.empty() && first.back() == '}' ? InputFormat::kJsonl : InputFormat::kJson;
}

InputFormat Sniff(std::string_view head) {
  size_t i = 0;
  while (i < head.size() && IsSpace(head[i])) ++i;
  if (i == head.size()) return InputFormat::kText;
  if (head[i] == '[') return InputFormat::kJson;
  if (head[i] == '{') return SniffJsonObject(head.substr(i));
  return InputFormat::kText;
}

// NUL bytes and invalid UTF-8 together: not text a person pasted.
bool LooksBinary(std::string_view head) {
  if (head.find('\0') == std::string_view::npos) return false;
  // A chunk boundary may cut the last character; judge what comes before.
  const size_t cut = head.size() > 4 ? head.size() - 4 : 0;
  return !IsValidUtf8(head.substr(0, cut));
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "json") return InputFormat::kJson;
  if (name == "citex") return InputFormat::kCitex;
  return std::nullopt;
}

std::unique_ptr<PaperReader> OpenPaperReader(const std::string& path,
                                             const ReaderOptions& options,
                                             const ErrorSink& errors) {
  int fd = 0;
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
  while (source->size() < kSniffBytes && source->Fill()) {
  }
  if (!source->error().empty()) {
    errors({path, 0, source->error(), true});
    return nullptr;
  }
  std::string_view head(source->data(), source->size());
  if (head.substr(0, 3) == "\xEF\xBB\xBF") {  // UTF-8 BOM
    source->Consume(3);
    head.remove_prefix(3);
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
