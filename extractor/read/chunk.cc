// Chunks: what every reader cuts and every decoder reads, and the one place
// that puts a chunk's errors and papers back in input order.
#include <simdjson.h>

#include "extractor/read/input.h"

namespace citex {

void Chunk::Clear() {
  bytes.clear();
  records.clear();
  errors.clear();
  lines_from_range = false;
  lines = 0;
  input_ended = false;
}

void Chunk::Add(std::string_view record, size_t line, std::string_view title) {
  records.push_back({bytes.size(), title.size() + record.size(), line, title.size()});
  bytes.append(title);
  bytes.append(record);
  // simdjson looks past a record's end, and what it meets there may change
  // its error message ("{}}" then "}}"): let it meet a line end, as in a file.
  bytes.push_back('\n');
}

void DecodeChunk(RecordDecoder& decoder, const Chunk& chunk, DecodedChunk& out) {
  // The papers of the chunk decoded before are decoded into again.
  size_t decoded = 0;
  out.has_findings.clear();
  out.errors.clear();
  size_t cut_error = 0;
  const auto place_cut_errors = [&](size_t record) {
    for (; cut_error < chunk.errors.size() && chunk.errors[cut_error].before <= record;
         ++cut_error) {
      out.errors.push_back({decoded, chunk.errors[cut_error].error});
    }
  };
  const ErrorSink place = [&](const InputError& error) { out.errors.push_back({decoded, error}); };
  for (size_t i = 0; i < chunk.records.size(); ++i) {
    place_cut_errors(i);
    if (decoded == out.papers.size()) out.papers.emplace_back();
    bool has_findings = false;
    if (!decoder.Decode(chunk, chunk.records[i], out.papers[decoded], &has_findings, place)) {
      continue;
    }
    ++decoded;
    out.has_findings.push_back(has_findings);
  }
  place_cut_errors(chunk.records.size());
  out.papers.resize(decoded);
}

bool DecodedChunk::ReportBefore(size_t paper, size_t* next_error, bool strict,
                                const ErrorSink& sink) const {
  for (; *next_error < errors.size() && errors[*next_error].before <= paper; ++*next_error) {
    const InputError& error = errors[*next_error].error;
    sink(error);
    if (strict && !error.warning) {
      ++*next_error;
      return false;
    }
  }
  return true;
}

void DecodedChunk::ShiftLines(size_t lines) {
  for (Paper& paper : papers) paper.source.line += lines;
  for (PlacedError& placed : errors) {
    if (placed.error.line != 0) placed.error.line += lines;
  }
}

bool PaperReader::NextChunk(Chunk& chunk, const ChunkLimits& limits) {
  chunk.Clear();
  if (done_) return false;
  Cut(chunk, limits);
  // simdjson reads a little past a record's end; every record of the chunk
  // has these bytes (or later records) after it, so none is copied again.
  chunk.bytes.append(simdjson::SIMDJSON_PADDING, ' ');
  return !chunk.records.empty() || !chunk.errors.empty();
}

bool PaperReader::Next(Paper& paper) {
  for (;;) {
    if (!decoded_.ReportBefore(next_paper_, &next_error_, strict_, errors_)) {
      done_ = true;
      decoded_ = DecodedChunk();
      return false;
    }
    if (next_paper_ < decoded_.papers.size()) {
      paper = std::move(decoded_.papers[next_paper_++]);
      return true;
    }
    if (!decoder_) decoder_ = NewDecoder();
    if (!NextChunk(chunk_, ChunkLimits())) return false;
    DecodeChunk(*decoder_, chunk_, decoded_);
    next_paper_ = next_error_ = 0;
  }
}

}  // namespace citex
