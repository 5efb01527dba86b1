#include "cli/cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <set>
#include <thread>

#include "cli/output.h"
#include "cli/progress.h"
#include "extractor/library/library.h"
#include "extractor/pipeline.h"
#include "formats/writer.h"

namespace citex {
namespace {

constexpr char kExamples[] = R"(Examples:
  citex paper.txt                                  links and citations as JSON
  citex -f markdown --only github,huggingface,project daily.txt >> README.md
  citex -f bibtex -o cited.bib arxiv-snapshot.jsonl
  citex -f jsonl arxiv.jsonl | jq -r '.links[] | select(.kind=="github") | .url'
  citex -f jsonl -j 8 big.jsonl > found.jsonl && citex -i citex -f csv found.jsonl

Exit status: 0 something was found, 1 nothing was found, 2 an error.)";

// "json|jsonl|..." from the format table, for --help.
std::string FormatNames() {
  std::string names;
  for (const FormatInfo& format : Formats()) {
    if (!names.empty()) names += '|';
    names += format.name;
  }
  return names;
}

// "json, jsonl, csv or markdown": the formats that can write --group-by link.
std::string GroupingFormatNames() {
  std::vector<std::string_view> names;
  for (const FormatInfo& format : Formats()) {
    if (format.make_grouped) names.push_back(format.name);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string FormatHelp() {
  std::string help = "Formats:\n";
  for (const FormatInfo& format : Formats()) {
    help += "  " + std::string(format.name);
    help.append(format.name.size() < 10 ? 10 - format.name.size() : 1, ' ');
    help += std::string(format.description) + "\n";
  }
  return help;
}

void Print(std::FILE* stream, const std::string& text) { std::fputs(text.c_str(), stream); }

void PrintError(std::FILE* err, const InputError& error) {
  std::string where = error.path;
  if (error.line > 0) where += ":" + std::to_string(error.line);
  std::fprintf(err, "%s: %s%s\n", where.c_str(), error.warning ? "warning: " : "",
               error.reason.c_str());
}

// Numeric options as typed, checked by Validate: a size_t would take "-1"
// as 2^64-1.
struct NumericArgs {
  long long threads = 0;
  long long max_record_bytes = ReaderOptions().max_record_bytes;
};

// More threads than this only thrash: a few per core covers slow inputs.
constexpr long long kThreadsPerCore = 8;
constexpr long long kMaxRecordBytes = 1LL << 40;

void AddOptions(CLI::App& app, CliOptions& options, std::string& input, NumericArgs& numbers) {
  app.add_option("files", options.files, "Inputs (text, JSON Lines, JSON); none or - is stdin");
  app.add_option("-f,--format", options.format, FormatNames())->capture_default_str();
  app.add_option("-i,--input", input, "auto|text|jsonl|json|citex (per file)")
      ->capture_default_str();
  app.add_option("-o,--output", options.output, "Write to FILE (atomically) instead of stdout");
  app.add_option("--only", options.only, "Keep only these link/citation kinds or link categories")
      ->delimiter(',')
      ->allow_extra_args(false);  // one word per --only: files may follow
  app.add_option("--group-by", options.group_by,
                 "link: one record per artefact across all papers (json, jsonl, csv, markdown)");
  app.add_option("-j,--threads", numbers.threads, "Extraction threads (default: all cores)");
  app.add_flag("--progress,!--no-progress", options.progress,
               "Progress line on stderr (default: when stderr is a terminal)");
  app.add_flag("--strict", options.strict, "Stop at the first bad record");
  app.add_option("--title-field", options.reader.title_field, "JSON field with the title (a.b)");
  app.add_option("--text-field", options.reader.text_field, "JSON field with the abstract");
  app.add_option("--id-field", options.reader.id_field, "JSON field with the id");
  app.add_option("--max-record-bytes", numbers.max_record_bytes,
                 "Skip larger records with an error")
      ->capture_default_str();
  app.add_option("--library", options.libraries,
                 "Resolve citations against this BibTeX/BibLaTeX or arXiv-snapshot JSON Lines "
                 "library (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--latex-accents", options.latex_accents,
               "BibTeX: write non-ASCII as LaTeX accents for classic bibtex");
  app.add_option_function<std::string>(
         "--tex",
         [&options](const std::string& tex) {
           options.reader.tex = tex == "auto" ? std::nullopt : std::optional<bool>(tex == "yes");
         },
         "auto|yes|no: titles, names and abstracts are TeX source (default auto: arXiv "
         "metadata is, a copied page is not)")
      ->check(CLI::IsMember({"auto", "yes", "no"}));
  app.add_flag("--csv-raw-formulas", options.csv_raw_formulas,
               "CSV: write cells starting with = + - @ as they are (default: prefixed with ')");
}

// A number must lie in [low, high]; names the option and the range when not.
bool InRange(long long value, long long low, long long high, const char* option,
             const char* low_note, std::FILE* err) {
  if (value >= low && value <= high) return true;
  std::fprintf(err, "citex: %s %lld: must be from %lld%s to %lld\n", option, value, low, low_note,
               high);
  return false;
}

bool ValidateNumbers(CliOptions& options, const NumericArgs& numbers, std::FILE* err) {
  const long long cores = std::max(1u, std::thread::hardware_concurrency());
  if (!InRange(numbers.threads, 0, kThreadsPerCore * cores, "--threads", " (all cores)", err) ||
      !InRange(numbers.max_record_bytes, 1, kMaxRecordBytes, "--max-record-bytes", "", err)) {
    return false;
  }
  options.threads = static_cast<size_t>(numbers.threads);
  options.reader.max_record_bytes = static_cast<size_t>(numbers.max_record_bytes);
  return true;
}

// What parsing cannot check: names that must be in a table, numbers in range.
bool Validate(CliOptions& options, const std::string& input, const NumericArgs& numbers,
              std::FILE* err) {
  if (!ValidateNumbers(options, numbers, err)) return false;
  const std::optional<InputFormat> input_format = ParseInputFormat(input);
  if (!FindFormat(options.format) || !input_format) {
    const bool format_known = FindFormat(options.format) != nullptr;
    std::fprintf(err, "citex: unknown %s \"%s\"\n", format_known ? "input format" : "format",
                 (format_known ? input : options.format).c_str());
    return false;
  }
  options.reader.format = *input_format;
  if (!options.group_by.empty() && options.group_by != "link") {
    std::fprintf(err, "citex: --group-by takes \"link\", not \"%s\"\n", options.group_by.c_str());
    return false;
  }
  if (!options.group_by.empty() && !FindFormat(options.format)->make_grouped) {
    std::fprintf(err, "citex: --group-by link: format %s cannot group; use %s\n",
                 options.format.c_str(), GroupingFormatNames().c_str());
    return false;
  }
  const std::set<std::string> words = OnlyWords();
  for (const std::string& kind : options.only) {
    if (!words.count(kind)) {
      std::fprintf(err, "citex: unknown kind or category \"%s\" in --only\n", kind.c_str());
      return false;
    }
  }
  return true;
}

// Refuses -o FILE when FILE is also an input, standard input included: the
// run would read its own output, or replace what it is still reading.
bool OutputIsAnInput(const CliOptions& options, int stdin_fd) {
  struct stat out;
  if (options.output.empty() || options.output == "-" || stat(options.output.c_str(), &out) != 0 ||
      !S_ISREG(out.st_mode)) {
    return false;
  }
  for (const std::string& file : options.files) {
    struct stat in;
    const int found = file == "-" ? fstat(stdin_fd, &in) : stat(file.c_str(), &in);
    if (found == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return true;
  }
  return false;
}

// Loads every --library file into one library. Problems are printed as
// FILE:LINE: reason; the entries that could be read are kept. Returns the
// number of errors (warnings not counted).
size_t LoadLibraries(const CliOptions& options, std::FILE* err,
                     std::shared_ptr<const Library>* out) {
  if (options.libraries.empty()) return 0;
  auto library = std::make_shared<Library>();
  std::vector<LibraryError> problems;
  for (const std::string& path : options.libraries) library->Load(path, &problems);
  library->Finish();
  size_t errors = 0;
  for (const LibraryError& p : problems) {
    PrintError(err, InputError{p.path, p.line, p.reason, false, p.warning});
    errors += p.warning ? 0 : 1;
  }
  *out = std::move(library);
  return errors;
}

PipelineOptions ToPipelineOptions(const CliOptions& options, const CliStreams& streams) {
  PipelineOptions pipeline;
  pipeline.reader = options.reader;
  pipeline.reader.stdin_fd = streams.in;
  pipeline.reader.strict = options.strict;
  pipeline.threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  pipeline.strict = options.strict;
  return pipeline;
}

}  // namespace

ParsedCli ParseCli(int argc, const char* const* argv, const CliStreams& streams) {
  CliOptions options;
  options.progress = isatty(fileno(streams.err));
  std::string input = "auto";
  CLI::App app("citex " CITEX_VERSION
               ": extract code, model, dataset and project links and cited work from "
               "paper abstracts");
  app.footer(FormatHelp() + "\n" + kExamples);
  app.set_version_flag("--version", "citex " CITEX_VERSION);
  NumericArgs numbers;
  AddOptions(app, options, input, numbers);
  ParsedCli parsed;
  std::FILE* out = fdopen(dup(streams.out), "w");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    Print(out, app.help());
  } catch (const CLI::CallForVersion&) {
    Print(out, "citex " CITEX_VERSION "\n");
  } catch (const CLI::ParseError& e) {
    std::fprintf(streams.err, "citex: %s\nRun 'citex --help' for usage.\n", e.what());
    parsed.status = 2;
  }
  if (out) std::fclose(out);
  if (parsed.status != 0 || app.get_option("--help")->count() > 0 ||
      app.get_option("--version")->count() > 0) {
    return parsed;
  }
  if (!Validate(options, input, numbers, streams.err)) {
    parsed.status = 2;
    return parsed;
  }
  if (options.files.empty()) options.files.push_back("-");
  parsed.options = std::move(options);
  return parsed;
}

namespace {

// The run's output buffer, written out in 256 KiB pieces, and after each batch
// when the input may pause. Each write to a pipe wakes its reader, which on
// these virtual machines cost more system time than the copying: writing
// every batch, 64 records, took a tenth of a -j1 run over a file.
class Sink {
 public:
  explicit Sink(Output& output) : output_(output) {}
  std::string& buffer() { return buffer_; }
  bool ok() const { return ok_; }
  // Writes the buffer once it is large (or always, with `now`). Large is a
  // quarter of the 1 MiB pipe Output asks for: a write then fits beside what
  // the reader has not read yet, where a 1 MiB write waited for the reader
  // every time (citex -j1 through a pipe, median 0.652 -> 0.629 s).
  bool Flush(bool now) {
    if (ok_ && !buffer_.empty() && (now || buffer_.size() >= (1 << 18))) {
      ok_ = output_.Write(buffer_);
      buffer_.clear();
    }
    return ok_;
  }

 private:
  Output& output_;
  std::string buffer_;
  bool ok_ = true;
};

}  // namespace

int RunCli(const CliOptions& options, const CliStreams& streams) {
  if (OutputIsAnInput(options, streams.in)) {
    std::fprintf(streams.err, "citex: %s: refusing to overwrite an input file\n",
                 options.output.c_str());
    return 2;
  }
  Output output;
  if (!output.Open(options.output, streams.out)) {
    std::fprintf(streams.err, "citex: %s\n", output.error().c_str());
    return 2;
  }
  WriterOptions writer_options;
  writer_options.bibtex_latex_accents = options.latex_accents;
  writer_options.csv_raw_formulas = options.csv_raw_formulas;
  const FormatInfo& format = *FindFormat(options.format);
  Sink sink(output);
  StageOptions stage_options;
  stage_options.only.insert(options.only.begin(), options.only.end());
  const size_t library_errors = LoadLibraries(options, streams.err, &stage_options.library);
  // Either one record per paper, or (--group-by link) one per artefact at the end.
  std::unique_ptr<Writer> writer;
  std::unique_ptr<GroupWriter> grouped;
  if (options.group_by.empty()) {
    writer = format.make(writer_options);
    writer->Begin(sink.buffer());
  } else {
    grouped = format.make_grouped(writer_options);
    grouped->Begin(sink.buffer());
    stage_options.group_links = [&](const Artefact& artefact) {
      grouped->Write(artefact, sink.buffer());
      sink.Flush(false);
    };
  }
  Pipeline pipeline(
      ToPipelineOptions(options, streams), CorePasses(), CoreStages(stage_options),
      [&](const Paper& paper) {
        if (writer) writer->Write(paper, sink.buffer());
        return sink.Flush(false);
      },
      [&](const InputError& error) { PrintError(streams.err, error); });
  Progress progress(options.progress, options.files, streams.err);
  pipeline.OnBatch([&](const RunStats& stats) {
    sink.Flush(stats.input_may_pause);  // so a slow or interactive input streams out
    progress.Update(stats);
  });
  for (const std::string& file : options.files) {
    if (!pipeline.RunFile(file)) break;
  }
  progress.Finish();
  if (sink.ok()) {
    pipeline.Finish();
    if (writer) writer->End(sink.buffer());
    if (grouped) grouped->End(sink.buffer());
  }
  const bool output_ok = sink.Flush(true) && output.Commit();
  if (!output_ok && !output.broken_pipe()) {
    std::fprintf(streams.err, "citex: %s\n", output.error().c_str());
    return 2;
  }
  const RunStats& stats = pipeline.stats();
  if (stats.errors > 0 || library_errors > 0) return 2;
  return stats.findings > 0 ? 0 : 1;
}

}  // namespace citex
