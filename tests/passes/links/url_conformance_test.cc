// Peer conformance for the link pass: the URL cases of linkify-it, cmark-gfm's
// autolink extension and linkifyjs (tests/data/conformance/urls, see
// SOURCES.md there). Each record's `expected` lists the exact substrings the
// peer finds; citex's `text` values must equal them, in order.
//
// E-mail entries are dropped from `expected` (citex does not report e-mail
// addresses). Cases where citex follows a different rule on purpose are listed
// in kExceptions with the reason; docs/links.md has the same table. The test
// fails on any other mismatch, and on an exception that has started to pass
// (so the list never goes stale). It prints the pass count per file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extractor/passes/links/links.h"

namespace citex {
namespace {

// Why citex departs from a peer on a case. Each reason is a row of the table
// in docs/links.md.
constexpr char kBareDomain[] =
    "bare domain: without a scheme, besides github.com/, huggingface.co/, hf.co/, www. and "
    "*.github.io, a domain is a link only when used as a place (a path after it, brackets "
    "around it, 'at'/'from'/'on' before it, 'site' after it) and its top-level label is "
    "listed (e.g., Fig.2, node.js, v1.2, H2O.ai look alike in papers)";
constexpr char kProtocolRelative[] =
    "protocol-relative //host is not a link (a '//' in prose or code is not an address)";
constexpr char kOtherScheme[] = "only http, https and ftp schemes are links";
constexpr char kBrace[] =
    "'{' and '}' end a link: they are not URL characters (RFC 3986) and in papers they are "
    "LaTeX residue (url{...}, href{URL}{text}, URL{URL})";
constexpr char kAngle[] = "'<' ends a link (HTML/markdown residue: <a href=...>, <URL>)";
constexpr char kGlued[] =
    "a scheme glued to a word starts the link (fieldhttps://github.com/a/b is a wrap artefact)";
constexpr char kOnce[] = "the same link twice in one abstract is reported once";

struct Exception {
  const char* file;
  const char* source;  // the record's "source" (path:line in the peer)
  const char* input;   // exact input, for files whose sources repeat; else nullptr
  const char* reason;
};

const Exception kExceptions[] = {
    // linkify-it: test/fixtures/links.txt
    {"linkify-it", "test/fixtures/links.txt:49", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:61", nullptr, kProtocolRelative},
    {"linkify-it", "test/fixtures/links.txt:63", nullptr, kProtocolRelative},
    {"linkify-it", "test/fixtures/links.txt:82", nullptr, kProtocolRelative},
    {"linkify-it", "test/fixtures/links.txt:102", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:104", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:107", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:109", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:111", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:114", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:128", nullptr, kBrace},
    {"linkify-it", "test/fixtures/links.txt:289", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:291", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:293", nullptr, kBareDomain},
    {"linkify-it", "test/fixtures/links.txt:295", nullptr, kBareDomain},
    // gfm-autolink: test/extensions.txt
    {"gfm-autolink", "test/extensions.txt:541",
     "<http://google.com/\xc3\xa5> http://google.com/\xc3\xa5", kOnce},
    // linkifyjs: test/spec/linkifyjs/parser.test.js, test/spec/linkifyjs.test.js
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:12", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:13", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:14", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:16", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:21", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:41", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:110", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:122", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:128", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:138", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:150", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:155", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:215", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:225", nullptr, kAngle},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:261", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:272", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:278", nullptr, kGlued},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:280", nullptr, kOtherScheme},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:281", nullptr, kOtherScheme},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:289", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:290", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:291", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:292", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs/parser.test.js:293", nullptr, kBareDomain},
    {"linkifyjs", "test/spec/linkifyjs.test.js:98", nullptr, kBareDomain},
};

// The exception listed for a record, or nullptr.
const Exception* FindException(const std::string& file, const std::string& source,
                               const std::string& input) {
  for (const Exception& e : kExceptions) {
    if (file == e.file && source == e.source && (e.input == nullptr || input == e.input)) {
      return &e;
    }
  }
  return nullptr;
}

bool StartsWithNoCase(const std::string& s, const std::string& prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// What citex gives instead of the peer's `expected` under an exception's
// rule: the exception must explain the whole difference, nothing else.
std::vector<std::string> Adjust(const std::vector<std::string>& expected, const std::string& input,
                                const char* reason) {
  std::vector<std::string> out;
  for (const std::string& e : expected) {
    const bool scheme = e.find("://") != std::string::npos && !StartsWithNoCase(e, "file:");
    if (reason == kBareDomain || reason == kProtocolRelative || reason == kOtherScheme) {
      if (scheme || StartsWithNoCase(e, "www.")) out.push_back(e);
    } else if (reason == kBrace || reason == kAngle) {
      out.push_back(e.substr(0, e.find(reason == kBrace ? '{' : '<')));
    } else if (reason == kGlued) {
      const size_t at = input.find(e);
      const size_t scheme_at = input.rfind("http", at);
      out.push_back(input.substr(scheme_at, at + e.size() - scheme_at));
    } else if (reason == kOnce) {
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  }
  return out;
}

// Whether `got` differs from the peer's `expected` only as the bare-domain
// rule allows: every link with a scheme or www. is there, and every other one
// citex gives is a bare domain of the input (the peer may link more bare
// domains, or fewer).
bool BareDomainExplains(const std::vector<std::string>& got,
                        const std::vector<std::string>& expected, const std::string& input) {
  for (const std::string& e : expected) {
    const bool scheme = e.find("://") != std::string::npos && !StartsWithNoCase(e, "file:");
    if ((scheme || StartsWithNoCase(e, "www.")) &&
        std::find(got.begin(), got.end(), e) == got.end()) {
      return false;
    }
  }
  for (const std::string& g : got) {
    if (std::find(expected.begin(), expected.end(), g) != expected.end()) continue;
    if (g.find("://") != std::string::npos || StartsWithNoCase(g, "www.") ||
        input.find(g) == std::string::npos) {
      return false;
    }
  }
  return true;
}

bool IsEmail(const std::string& s) {
  return s.rfind("mailto:", 0) == 0 ||
         (s.find('@') != std::string::npos && s.find("://") == std::string::npos);
}

struct FileResult {
  int total = 0;
  int passed = 0;
  int excepted = 0;
};

FileResult RunFile(const std::string& name) {
  const std::string path =
      std::string(CITEX_SOURCE_DIR) + "/tests/data/conformance/urls/" + name + ".jsonl";
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot open " << path;
  FileResult result;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    const std::string input = record.at("input").get<std::string>();
    const std::string source = record.value("source", "");
    std::vector<std::string> expected;
    for (const auto& e : record.at("expected")) {
      const std::string s = e.get<std::string>();
      if (!IsEmail(s)) expected.push_back(s);
    }
    std::vector<std::string> got;
    for (const Link& link : FindLinks(input)) {
      EXPECT_EQ(link.text, input.substr(link.span.start, link.span.end - link.span.start));
      got.push_back(link.text);
    }
    ++result.total;
    const bool pass = got == expected;
    const Exception* exception = FindException(name, source, input);
    if (pass) {
      ++result.passed;
      EXPECT_EQ(exception, nullptr) << name << " " << source << ": listed as an exception but "
                                    << "passes; remove it from kExceptions: " << input;
    } else if (exception != nullptr) {
      ++result.excepted;
      if (exception->reason == kBareDomain) {
        EXPECT_TRUE(BareDomainExplains(got, expected, input))
            << name << " " << source << ": differs from the peer by more than \""
            << exception->reason << "\": " << input;
        continue;
      }
      EXPECT_EQ(got, Adjust(expected, input, exception->reason))
          << name << " " << source << ": differs from the peer by more than \"" << exception->reason
          << "\": " << input;
    } else {
      std::string g, x;
      for (const auto& s : got) g += "[" + s + "] ";
      for (const auto& s : expected) x += "[" + s + "] ";
      ADD_FAILURE() << name << " " << source << "\n  input:    " << input << "\n  expected: " << x
                    << "\n  got:      " << g;
    }
  }
  std::printf("[conformance] %-13s %3d/%3d pass, %2d documented exceptions, %d failures\n",
              name.c_str(), result.passed, result.total, result.excepted,
              result.total - result.passed - result.excepted);
  return result;
}

TEST(UrlConformance, LinkifyIt) {
  const FileResult r = RunFile("linkify-it");
  EXPECT_EQ(r.total, 136);
}

TEST(UrlConformance, GfmAutolink) {
  const FileResult r = RunFile("gfm-autolink");
  EXPECT_EQ(r.total, 15);
}

TEST(UrlConformance, Linkifyjs) {
  const FileResult r = RunFile("linkifyjs");
  EXPECT_EQ(r.total, 52);
}

}  // namespace
}  // namespace citex
