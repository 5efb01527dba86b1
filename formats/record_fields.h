// The fields of a citex record, in wire order (spec/interface.md): the one
// list that the JSON writers and the Python module's dict builder walk, so a
// dict from citex.extract is the record -f json writes, field for field.
//
// A Sink takes the walk as events:
//   BeginObject() / EndObject(), BeginArray(size) / EndArray();
//   Key(name): the next value's name, an ASCII literal with nothing to escape;
//   Text(s): any string (the sink makes it valid UTF-8);
//   Word(s): an ASCII literal, such as an enum's wire name;
//   Null(), Bool(b), Count(n), Score(x) (shown with two decimals).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extractor/model.h"

namespace citex {
namespace record_fields {

// An empty string is written as null: "no DOI", not "the DOI ''".
template <typename Sink>
void TextOrNull(Sink& sink, const std::string& text) {
  if (text.empty()) {
    sink.Null();
  } else {
    sink.Text(text);
  }
}

template <typename Sink>
void Spans(Sink& sink, const Span& span) {
  sink.BeginArray(2);
  sink.Count(span.start);
  sink.Count(span.end);
  sink.EndArray();
}

template <typename Sink>
void Texts(Sink& sink, const std::vector<std::string>& items) {
  sink.BeginArray(items.size());
  for (const std::string& item : items) sink.Text(item);
  sink.EndArray();
}

// "tex": the names of the fields that are TeX source.
template <typename Sink>
void Tex(Sink& sink, const TexFields& tex) {
  const bool fields[] = {tex.title, tex.authors, tex.abstract};
  const char* const names[] = {"title", "authors", "abstract"};
  size_t count = 0;
  for (bool is_tex : fields) count += is_tex;
  sink.BeginArray(count);
  for (size_t i = 0; i < 3; ++i) {
    if (fields[i]) sink.Word(names[i]);
  }
  sink.EndArray();
}

template <typename Sink>
void VisitLink(Sink& sink, const Link& link) {
  sink.BeginObject();
  sink.Key("url");
  sink.Text(link.url);
  sink.Key("text");
  sink.Text(link.text);
  sink.Key("span");
  Spans(sink, link.span);
  sink.Key("kind");
  sink.Word(ToString(link.kind));
  sink.Key("category");
  sink.Word(ToString(link.category));
  sink.Key("type");
  TextOrNull(sink, link.type);
  sink.Key("name");
  TextOrNull(sink, link.name);
  sink.Key("canonical");
  TextOrNull(sink, link.canonical);
  sink.Key("status");
  sink.Word(ToString(link.status));
  sink.Key("role");
  sink.Word(ToString(link.role));
  sink.Key("expires");
  sink.Bool(link.expires);
  sink.EndObject();
}

template <typename Sink>
void VisitCitation(Sink& sink, const Citation& citation) {
  sink.BeginObject();
  sink.Key("text");
  sink.Text(citation.text);
  sink.Key("span");
  Spans(sink, citation.span);
  sink.Key("kind");
  sink.Word(ToString(citation.kind));
  sink.Key("authors");
  Texts(sink, citation.authors);
  sink.Key("et_al");
  sink.Bool(citation.et_al);
  sink.Key("year");
  TextOrNull(sink, citation.year);
  sink.Key("label");
  if (citation.label) {
    sink.Text(*citation.label);
  } else {
    sink.Null();
  }
  sink.Key("id");
  TextOrNull(sink, citation.id);
  sink.Key("key");
  TextOrNull(sink, citation.key);
  // Present only when there is something to say, so runs without --library
  // print what they always did.
  if (!citation.locator.empty()) {
    sink.Key("locator");
    sink.Text(citation.locator);
  }
  if (citation.resolved) {
    sink.Key("resolved");
    sink.BeginObject();
    sink.Key("key");
    sink.Text(citation.resolved->key);
    sink.Key("library");
    sink.Text(citation.resolved->library);
    sink.Key("score");
    sink.Score(citation.resolved->score);
    sink.EndObject();
  }
  if (!citation.candidates.empty()) {
    sink.Key("candidates");
    sink.BeginArray(citation.candidates.size());
    for (const LibraryCandidate& candidate : citation.candidates) {
      sink.BeginObject();
      sink.Key("key");
      sink.Text(candidate.key);
      sink.Key("score");
      sink.Score(candidate.score);
      sink.EndObject();
    }
    sink.EndArray();
  }
  sink.EndObject();
}

template <typename Sink>
void VisitPaper(Sink& sink, const Paper& paper) {
  sink.BeginObject();
  sink.Key("index");
  sink.Count(paper.index);
  sink.Key("id");
  TextOrNull(sink, paper.id);
  sink.Key("title");
  TextOrNull(sink, paper.title);
  sink.Key("source");
  sink.BeginObject();
  sink.Key("path");
  sink.Text(paper.source.path);
  sink.Key("line");
  sink.Count(paper.source.line);
  sink.EndObject();
  sink.Key("authors");
  Texts(sink, paper.authors);
  sink.Key("year");
  TextOrNull(sink, paper.year);
  sink.Key("doi");
  TextOrNull(sink, paper.doi);
  sink.Key("categories");
  TextOrNull(sink, paper.categories);
  sink.Key("tex");
  Tex(sink, paper.tex);
  sink.Key("key");
  TextOrNull(sink, paper.key);
  sink.Key("links");
  sink.BeginArray(paper.links.size());
  for (const Link& link : paper.links) VisitLink(sink, link);
  sink.EndArray();
  sink.Key("citations");
  sink.BeginArray(paper.citations.size());
  for (const Citation& citation : paper.citations) VisitCitation(sink, citation);
  sink.EndArray();
  sink.EndObject();
}

// One --group-by link record.
template <typename Sink>
void VisitArtefact(Sink& sink, const Artefact& artefact) {
  sink.BeginObject();
  sink.Key("canonical");
  sink.Text(artefact.canonical);
  sink.Key("url");
  sink.Text(artefact.url);
  sink.Key("kind");
  sink.Word(ToString(artefact.kind));
  sink.Key("category");
  sink.Word(ToString(artefact.category));
  sink.Key("type");
  TextOrNull(sink, artefact.type);
  sink.Key("name");
  TextOrNull(sink, artefact.name);
  sink.Key("status");
  sink.Word(ToString(artefact.status));
  sink.Key("expires");
  sink.Bool(artefact.expires);
  sink.Key("papers");
  sink.BeginArray(artefact.papers.size());
  for (const Mention& mention : artefact.papers) {
    sink.BeginObject();
    sink.Key("index");
    sink.Count(mention.index);
    sink.Key("id");
    TextOrNull(sink, mention.id);
    sink.Key("title");
    TextOrNull(sink, mention.title);
    sink.Key("role");
    sink.Word(ToString(mention.role));
    sink.Key("status");
    sink.Word(ToString(mention.status));
    sink.Key("span");
    Spans(sink, mention.span);
    sink.EndObject();
  }
  sink.EndArray();
  sink.EndObject();
}

}  // namespace record_fields
}  // namespace citex
