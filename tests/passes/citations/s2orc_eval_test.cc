// Evaluation of the citation pass on real paragraphs: the S2ORC papers in
// ../shared/eval/citations (allenai/s2orc-doc2json tests/ at 46880598 and
// 3a8276da, Apache-2.0; allenai/s2orc data/example_paper.json at f202282).
// Their cite_spans come from GROBID and are noisy, so this is a comparison,
// not a truth test. It prints recall and precision for author-year citations
// and every disagreement; docs/citations.md reviews each one. The test fails
// only when the numbers fall below what was measured and reviewed.
//
// Matching: S2ORC offsets count Unicode code points; they are mapped to
// bytes first. A GROBID span is "author-year" when its text holds a letter
// and a year. GROBID's spans often include a parenthesis or cover several
// years, citex's sit inside the parentheses, so two spans match when they
// overlap.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/passes/citations/citations.h"
#include "tests/support.h"

namespace citex {
namespace {

using nlohmann::json;

const std::string kEvalDir = std::string(CITEX_SOURCE_DIR) + "/../shared/eval/citations";

struct Paragraph {
  std::string file;
  std::string text;
  std::vector<json> cite_spans;
};

void Collect(const json& j, const std::string& file, std::set<std::string>* seen,
             std::vector<Paragraph>* out) {
  if (j.is_object()) {
    if (j.contains("text") && j.contains("cite_spans") && j["text"].is_string() &&
        j["cite_spans"].is_array()) {
      std::string text = j["text"];
      if (seen->insert(text).second) {
        out->push_back({file, text, j["cite_spans"].get<std::vector<json>>()});
      }
    }
    for (const auto& [k, v] : j.items()) Collect(v, file, seen, out);
  } else if (j.is_array()) {
    for (const json& v : j) Collect(v, file, seen, out);
  }
}

// Byte offset of each code point index (and one past the end).
std::vector<size_t> CodePointOffsets(const std::string& s) {
  std::vector<size_t> off;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) off.push_back(i);
  }
  off.push_back(s.size());
  return off;
}

bool IsAuthorYearSpan(const std::string& t) {
  bool letter = false;
  int run = 0;
  bool year = false;
  for (char c : t) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) letter = true;
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 4) year = true;
  }
  return letter && year;
}

struct Gold {
  size_t start, end;
  std::string text;
  bool author_year;
};

TEST(S2orcEval, AuthorYearRecallAndPrecision) {
  CITEX_REQUIRE(std::filesystem::exists(kEvalDir), "no " + kEvalDir);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(kEvalDir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Paragraph> paragraphs;
  std::set<std::string> seen;
  for (const auto& f : files) {
    std::ifstream in(f);
    json j = json::parse(in);
    Collect(j, f.filename().string(), &seen, &paragraphs);
  }

  size_t gold_ay = 0, gold_ay_found = 0, pred_ay = 0, pred_ay_ok = 0;
  size_t gold_num = 0, gold_num_found = 0, pred_num = 0, pred_num_ok = 0;
  std::vector<std::string> missed, extra, extra_num, missed_num;
  for (const Paragraph& p : paragraphs) {
    std::vector<size_t> off = CodePointOffsets(p.text);
    std::vector<Gold> gold;
    for (const json& cs : p.cite_spans) {
      size_t s = cs["start"], e = cs["end"];
      if (s >= off.size() || e >= off.size() || s > e) continue;
      Gold g{off[s], off[e], cs.value("text", ""), false};
      g.author_year = IsAuthorYearSpan(g.text);
      gold.push_back(g);
    }
    std::vector<Citation> found = FindCitations(p.text);
    for (const Citation& c : found) {
      ASSERT_EQ(c.text, p.text.substr(c.span.start, c.span.end - c.span.start));
    }
    auto overlaps = [](size_t a0, size_t a1, size_t b0, size_t b1) { return a0 < b1 && b0 < a1; };
    for (const Gold& g : gold) {
      if (!g.author_year) {
        ++gold_num;
        bool hit = false;
        for (const Citation& c : found) {
          hit = hit || (c.kind == CitationKind::kNumeric &&
                        overlaps(g.start, g.end, c.span.start, c.span.end));
        }
        if (hit) {
          ++gold_num_found;
        } else {
          size_t lo = g.start > 40 ? g.start - 40 : 0;
          missed_num.push_back(p.file + ": [" + g.text + "] in ..." +
                               p.text.substr(lo, std::min(p.text.size(), g.end + 20) - lo) + "...");
        }
        continue;
      }
      ++gold_ay;
      bool hit = false;
      for (const Citation& c : found) {
        hit = hit || (c.kind == CitationKind::kAuthorYear &&
                      overlaps(g.start, g.end, c.span.start, c.span.end));
      }
      if (hit) {
        ++gold_ay_found;
      } else {
        size_t lo = g.start > 60 ? g.start - 60 : 0;
        missed.push_back(p.file + ": [" + g.text + "] in ..." +
                         p.text.substr(lo, std::min(p.text.size(), g.end + 30) - lo) + "...");
      }
    }
    for (const Citation& c : found) {
      if (c.kind == CitationKind::kNumeric) {
        ++pred_num;
        bool hit = false;
        for (const Gold& g : gold) {
          hit = hit || overlaps(g.start, g.end, c.span.start, c.span.end);
        }
        if (hit) {
          ++pred_num_ok;
        } else {
          size_t lo = c.span.start > 40 ? c.span.start - 40 : 0;
          extra_num.push_back(p.file + ": [" + c.text + "] in ..." +
                              p.text.substr(lo, std::min(p.text.size(), c.span.end + 20) - lo) +
                              "...");
        }
      }
      if (c.kind != CitationKind::kAuthorYear) continue;
      ++pred_ay;
      bool hit = false;
      for (const Gold& g : gold) {
        hit = hit || overlaps(g.start, g.end, c.span.start, c.span.end);
      }
      if (hit) {
        ++pred_ay_ok;
      } else {
        size_t lo = c.span.start > 60 ? c.span.start - 60 : 0;
        extra.push_back(p.file + ": [" + c.text + "] in ..." +
                        p.text.substr(lo, std::min(p.text.size(), c.span.end + 30) - lo) + "...");
      }
    }
  }
  double recall = gold_ay ? double(gold_ay_found) / gold_ay : 0;
  double precision = pred_ay ? double(pred_ay_ok) / pred_ay : 0;
  std::printf("paragraphs %zu; GROBID author-year spans %zu, other spans %zu\n", paragraphs.size(),
              gold_ay, gold_num);
  std::printf("citex author-year records %zu, numeric records %zu\n", pred_ay, pred_num);
  std::printf("recall    %zu/%zu = %.3f\n", gold_ay_found, gold_ay, recall);
  std::printf("precision %zu/%zu = %.3f\n", pred_ay_ok, pred_ay, precision);
  std::printf("--- GROBID author-year spans citex does not find (%zu)\n", missed.size());
  for (const std::string& m : missed) std::printf("MISS %s\n", m.c_str());
  std::printf("--- citex author-year records without a GROBID span (%zu)\n", extra.size());
  for (const std::string& e : extra) std::printf("EXTRA %s\n", e.c_str());

  std::printf(
      "numeric: GROBID non-author-year spans found %zu/%zu; citex numeric records "
      "on a GROBID span %zu/%zu\n",
      gold_num_found, gold_num, pred_num_ok, pred_num);
  std::printf("--- GROBID non-author-year spans without a citex numeric record (%zu)\n",
              missed_num.size());
  for (const std::string& m : missed_num) std::printf("MISS-NUM %s\n", m.c_str());
  std::printf("--- numeric records without a GROBID span (%zu of %zu)\n", extra_num.size(),
              pred_num);
  for (const std::string& e : extra_num) std::printf("EXTRA-NUM %s\n", e.c_str());

  // Floors: what was measured and reviewed (docs/citations.md).
  // Measured 2026-11-27: recall 324/335, precision 329/349 (every one of the
  // 20 "extra" records was reviewed: all are real citations GROBID missed),
  // numeric 96/97 on a GROBID span (the other one is a real "[1]").
  EXPECT_GE(recall, 0.96);
  EXPECT_GE(precision, 0.94);
  EXPECT_GE(pred_num ? double(pred_num_ok) / pred_num : 1.0, 0.98);
}

}  // namespace
}  // namespace citex
