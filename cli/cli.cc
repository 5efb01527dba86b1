#include "cli/cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <set>
#include <thread>

#include "cli/output.h"
#include "cli/progress.h"
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

const std::set<std::string> kKinds = {"github", "huggingface", "project", "arxiv",  "doi",
                                      "other",  "author_year", "numeric"};

struct Options {
  std::vector<std::string> files;
  std::string format = "json";
  std::string input = "auto";
  std::string output;
  std::vector<std::string> only;
  size_t threads = 0;
  bool progress = isatty(2);
  bool strict = false;
  bool latex_accents = false;
  ReaderOptions reader;
};

void PrintError(const InputError& error) {
  std::string where = error.path;
  if (error.line > 0) where += ":" + std::to_string(error.line);
  std::fprintf(stderr, "%s: %s%s\n", where.c_str(), error.warning ? "warning: " : "",
               error.reason.c_str());
}

// Refuses -o FILE when FILE is also an input: the run would read its own output.
bool OutputIsAnInput(const Options& options) {
  struct stat out;
  if (options.output.empty() || stat(options.output.c_str(), &out) != 0) return false;
  for (const std::string& file : options.files) {
    struct stat in;
    if (file != "-" && stat(file.c_str(), &in) == 0 && in.st_dev == out.st_dev &&
        in.st_ino == out.st_ino) {
      return true;
    }
  }
  return false;
}

}  // namespace

int RunCli(int argc, char** argv) {
  Options options;
  CLI::App app("citex " CITEX_VERSION
               ": extract code, model, dataset and project links and cited work from "
               "paper abstracts");
  app.footer(kExamples);
  app.set_version_flag("--version", "citex " CITEX_VERSION);
  app.add_option("files", options.files, "Inputs (text, JSON Lines, JSON); none or - is stdin");
  app.add_option("-f,--format", options.format, "json|jsonl|csv|bibtex|markdown")
      ->capture_default_str();
  app.add_option("-i,--input", options.input, "auto|text|jsonl|json|citex (per file)")
      ->capture_default_str();
  app.add_option("-o,--output", options.output, "Write to FILE (atomically) instead of stdout");
  app.add_option("--only", options.only, "Keep only these link/citation kinds")
      ->delimiter(',')
      ->allow_extra_args(false);  // one word per --only: files may follow
  app.add_option("-j,--threads", options.threads, "Extraction threads (default: all cores)");
  app.add_flag("--progress,!--no-progress", options.progress,
               "Progress line on stderr (default: when stderr is a terminal)");
  app.add_flag("--strict", options.strict, "Stop at the first bad record");
  app.add_option("--title-field", options.reader.title_field, "JSON field with the title (a.b)");
  app.add_option("--text-field", options.reader.text_field, "JSON field with the abstract");
  app.add_option("--id-field", options.reader.id_field, "JSON field with the id");
  app.add_option("--max-record-bytes", options.reader.max_record_bytes,
                 "Skip larger records with an error")
      ->capture_default_str();
  app.add_flag("--latex-accents", options.latex_accents,
               "BibTeX: write non-ASCII as LaTeX accents for classic bibtex");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::puts("citex " CITEX_VERSION);
    return 0;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "citex: %s\nRun 'citex --help' for usage.\n", e.what());
    return 2;
  }

  const std::optional<Format> format = ParseFormat(options.format);
  const std::optional<InputFormat> input = ParseInputFormat(options.input);
  if (!format || !input) {
    std::fprintf(stderr, "citex: unknown %s \"%s\"\n", format ? "input format" : "format",
                 (format ? options.input : options.format).c_str());
    return 2;
  }
  for (const std::string& kind : options.only) {
    if (!kKinds.count(kind)) {
      std::fprintf(stderr, "citex: unknown kind \"%s\" in --only\n", kind.c_str());
      return 2;
    }
  }
  if (options.files.empty()) options.files.push_back("-");
  if (OutputIsAnInput(options)) {
    std::fprintf(stderr, "citex: %s: refusing to overwrite an input file\n",
                 options.output.c_str());
    return 2;
  }

  PipelineOptions pipeline_options;
  pipeline_options.reader = options.reader;
  pipeline_options.reader.format = *input;
  pipeline_options.threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  pipeline_options.only.insert(options.only.begin(), options.only.end());
  pipeline_options.strict = options.strict;
  pipeline_options.reader.strict = options.strict;

  Output output;
  if (!output.Open(options.output)) {
    std::fprintf(stderr, "citex: %s\n", output.error().c_str());
    return 2;
  }
  WriterOptions writer_options;
  writer_options.bibtex_latex_accents = options.latex_accents;
  std::unique_ptr<Writer> writer = MakeWriter(*format, writer_options);
  std::string buffer;
  writer->Begin(buffer);
  bool output_ok = true;
  Pipeline pipeline(
      pipeline_options,
      [&](const Paper& paper) {
        writer->Write(paper, buffer);
        if (buffer.size() >= (1 << 16)) {
          output_ok = output.Write(buffer);
          buffer.clear();
        }
        return output_ok;
      },
      PrintError);
  Progress progress(options.progress, options.files);
  pipeline.OnBatch([&](const RunStats& stats) {
    // Flush each batch so a slow or interactive input streams out.
    if (output_ok && !buffer.empty()) {
      output_ok = output.Write(buffer);
      buffer.clear();
    }
    progress.Update(stats);
  });
  for (const std::string& file : options.files) {
    if (!pipeline.RunFile(file)) break;
  }
  progress.Finish();
  if (output_ok) {
    writer->End(buffer);
    output_ok = output.Write(buffer) && output.Commit();
  }
  if (!output_ok) {
    std::fprintf(stderr, "citex: %s\n", output.error().c_str());
    return 2;
  }
  const RunStats& stats = pipeline.stats();
  if (stats.errors > 0) return 2;
  return stats.findings > 0 ? 0 : 1;
}

}  // namespace citex
