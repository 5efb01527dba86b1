// Tests of the link pass (extractor/links.cc): every pattern's documented
// examples, cutting and cleaning rules, classification, status and role, the
// user's sample page, real Hugging Face abstracts, and invariants.
#include "extractor/passes/links/links.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/passes/links/link_patterns.h"
#include "tests/support.h"

namespace citex {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string SourcePath(const std::string& relative) {
  return std::string(CITEX_SOURCE_DIR) + "/" + relative;
}

RE2::Options Latin1() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  return options;
}

// ---------------------------------------------------------------------------
// Patterns: the example tables beside each pattern in link_patterns.h.

TEST(LinkPatterns, SearchExamples) {
  for (const auto& p : link_patterns::AllSearchExamples()) {
    RE2 re(p.pattern, Latin1());
    ASSERT_TRUE(re.ok()) << p.name << ": " << re.error();
    for (const link_patterns::SearchExample& e : p.examples) {
      re2::StringPiece groups[2];
      const int ngroups = p.group ? 2 : 1;
      const bool found =
          re.Match(e.input, 0, std::strlen(e.input), RE2::UNANCHORED, groups, ngroups);
      if (e.match == nullptr) {
        EXPECT_FALSE(found) << p.name << " should reject: " << e.input;
      } else {
        ASSERT_TRUE(found) << p.name << " should match: " << e.input;
        EXPECT_EQ(std::string(groups[ngroups - 1].data(), groups[ngroups - 1].size()), e.match)
            << p.name << ": " << e.input;
      }
    }
  }
}

TEST(LinkPatterns, PathExamples) {
  for (const auto& p : link_patterns::AllPathExamples()) {
    RE2 re(p.pattern, Latin1());
    ASSERT_TRUE(re.ok()) << p.name << ": " << re.error();
    for (const link_patterns::PathExample& e : p.examples) {
      std::string id;
      bool matched = false;
      if (re.NumberOfCapturingGroups() >= 2) {
        matched = RE2::FullMatch(e.path, re, static_cast<void*>(nullptr), &id);
      } else {
        matched = RE2::FullMatch(e.path, re, &id);
      }
      if (e.id == nullptr) {
        EXPECT_FALSE(matched) << p.name << " should reject: " << e.path;
      } else {
        EXPECT_TRUE(matched) << p.name << " should match: " << e.path;
        EXPECT_EQ(id, e.id) << p.name << ": " << e.path;
      }
    }
  }
}

TEST(LinkPatterns, CueExamples) {
  for (const auto& p : link_patterns::AllCueExamples()) {
    RE2 re(p.pattern, Latin1());
    ASSERT_TRUE(re.ok()) << p.name << ": " << re.error();
    for (const link_patterns::CueExample& e : p.examples) {
      EXPECT_EQ(RE2::PartialMatch(e.text, re), e.matches)
          << p.name << (e.matches ? " should match: " : " should reject: ") << e.text;
    }
  }
}

// ---------------------------------------------------------------------------
// Behaviour: exact fields for one input.

struct Want {
  std::string url;
  std::string text;
  size_t start;
  LinkKind kind;
  std::string type;
  std::string name;
  Status status;
  Role role;
};

void ExpectLinks(const std::string& input, const std::vector<Want>& wants) {
  SCOPED_TRACE(input);
  const std::vector<Link> links = FindLinks(input);
  ASSERT_EQ(links.size(), wants.size());
  for (size_t i = 0; i < wants.size(); ++i) {
    const Link& l = links[i];
    const Want& w = wants[i];
    EXPECT_EQ(l.url, w.url);
    EXPECT_EQ(l.text, w.text);
    EXPECT_EQ(l.span.start, w.start) << l.url;
    EXPECT_EQ(l.span.end, w.start + w.text.size()) << l.url;
    EXPECT_EQ(l.text, input.substr(l.span.start, l.span.end - l.span.start));
    EXPECT_STREQ(ToString(l.kind), ToString(w.kind)) << l.url;
    EXPECT_EQ(l.type, w.type) << l.url;
    EXPECT_EQ(l.name, w.name) << l.url;
    EXPECT_STREQ(ToString(l.status), ToString(w.status)) << l.url;
    EXPECT_STREQ(ToString(l.role), ToString(w.role)) << l.url;
  }
}

constexpr LinkKind kGh = LinkKind::kGithub;
constexpr LinkKind kHf = LinkKind::kHuggingface;
constexpr LinkKind kProj = LinkKind::kProject;
constexpr LinkKind kOther = LinkKind::kOther;
constexpr Status kRel = Status::kReleased;
constexpr Status kSoon = Status::kComingSoon;
constexpr Status kUnk = Status::kUnknown;
constexpr Role kOwn = Role::kOwn;
constexpr Role kThird = Role::kThirdParty;
constexpr Role kNone = Role::kUnknown;

TEST(FindLinks, NothingInPlainText) {
  EXPECT_TRUE(FindLinks("").empty());
  EXPECT_TRUE(FindLinks("We study e.g. Fig.2, node.js and v1.2.3 on GitHub.com.").empty());
  EXPECT_TRUE(FindLinks("Twitter or X.com alternative; see http:// and http://.").empty());
}

TEST(FindLinks, SchemelessHostsGetHttps) {
  ExpectLinks(
      "Code is available at github.com/j-h/instrumental_steering.",
      {{"https://github.com/j-h/instrumental_steering", "github.com/j-h/instrumental_steering", 21,
        kGh, "repo", "j-h/instrumental_steering", kRel, kOwn}});
  ExpectLinks("VectorGym is publicly available on huggingface.co/datasets/ServiceNow/VectorGym.",
              {{"https://huggingface.co/datasets/ServiceNow/VectorGym",
                "huggingface.co/datasets/ServiceNow/VectorGym", 35, kHf, "dataset",
                "ServiceNow/VectorGym", kRel, kOwn}});
  ExpectLinks("Weights: hf.co/org/model-7b", {{"https://hf.co/org/model-7b", "hf.co/org/model-7b",
                                               9, kHf, "model", "org/model-7b", kRel, kOwn}});
  ExpectLinks(
      "Our project website is available at treegrpo.github.io.",
      {{"https://treegrpo.github.io", "treegrpo.github.io", 36, kProj, "page", "", kRel, kOwn}});
  ExpectLinks("See www.example.org/tool for more.",
              {{"https://www.example.org/tool", "www.example.org/tool", 4, kOther, "page", "", kRel,
                kOwn}});
  // Glued to a word or a dot: not a start of github.com/, www. or
  // *.github.io. "mygithub.com/a/b" is a bare domain of its own with a path.
  ExpectLinks(
      "mygithub.com/a/b and a.www.x.org and x_y.github.io",
      {{"https://mygithub.com/a/b", "mygithub.com/a/b", 0, kOther, "page", "", kRel, kOwn}});
}

TEST(FindLinks, TrailingPunctuationAndBrackets) {
  ExpectLinks(
      "(code: https://github.com/a/b).",
      {{"https://github.com/a/b", "https://github.com/a/b", 7, kGh, "repo", "a/b", kRel, kOwn}});
  ExpectLinks(
      "See https://en.wikipedia.org/wiki/Pikachu_(Electric), then!",
      {{"https://en.wikipedia.org/wiki/Pikachu_(Electric)",
        "https://en.wikipedia.org/wiki/Pikachu_(Electric)", 4, kOther, "page", "", kRel, kOwn}});
  ExpectLinks("[see https://x.org/a_[b]]; \"https://y.org/q?x=1\"!?",
              {{"https://x.org/a_[b]", "https://x.org/a_[b]", 5, kOther, "page", "", kRel, kOwn},
               {"https://y.org/q?x=1", "https://y.org/q?x=1", 28, kOther, "page", "", kRel, kOwn}});
  // A host not followed by / ? # ends the link.
  ExpectLinks("see http://example.com,and x.github.io,y (http://foo.com(bar))",
              {{"http://example.com", "http://example.com", 4, kOther, "page", "", kRel, kOwn},
               {"https://x.github.io", "x.github.io", 27, kProj, "page", "", kRel, kOwn},
               {"http://foo.com", "http://foo.com", 42, kOther, "page", "", kRel, kOwn}});
  // A quote ends a link when it closes one opened before the link...
  ExpectLinks("'https://z.org/a'",
              {{"https://z.org/a", "https://z.org/a", 1, kOther, "page", "", kRel, kOwn}});
  // ... and stays when it closes one inside (linkify-it's 'singlequoted' case).
  ExpectLinks("see https://z.org/it's and https://z.org/a_'b'.",
              {{"https://z.org/it's", "https://z.org/it's", 4, kOther, "page", "", kRel, kOwn},
               {"https://z.org/a_'b'", "https://z.org/a_'b'", 27, kOther, "page", "", kRel, kOwn}});
}

TEST(FindLinks, CjkAndFullWidthPunctuationEndALink) {
  // 代码见（https://github.com/a/b）。
  const std::string s1 =
      "\xe4\xbb\xa3\xe7\xa0\x81\xe8\xa7\x81\xef\xbc\x88https://github.com/a/b"
      "\xef\xbc\x89\xe3\x80\x82";
  ExpectLinks(s1, {{"https://github.com/a/b", "https://github.com/a/b", 12, kGh, "repo", "a/b",
                    kRel, kOwn}});
  // https://github.com/a/b，以及「https://github.com/c/d」
  const std::string s2 =
      "https://github.com/a/b\xef\xbc\x8c\xe4\xbb\xa5\xe5\x8f\x8a\xe3\x80\x8c"
      "https://github.com/c/d\xe3\x80\x8d";
  ExpectLinks(
      s2,
      {{"https://github.com/a/b", "https://github.com/a/b", 0, kGh, "repo", "a/b", kRel, kOwn},
       {"https://github.com/c/d", "https://github.com/c/d", 34, kGh, "repo", "c/d", kRel, kOwn}});
  // ’ and < end a link.
  ExpectLinks("the \xe2\x80\x98https://x.org/a\xe2\x80\x99 and <https://y.org/b>",
              {{"https://x.org/a", "https://x.org/a", 7, kOther, "page", "", kRel, kOwn},
               {"https://y.org/b", "https://y.org/b", 31, kOther, "page", "", kRel, kOwn}});
}

TEST(FindLinks, LinkGluedToAWordStartsAtItsScheme) {
  ExpectLinks(
      "challenges in this vibrant\nfieldhttps://github.com/yueliu1999/Awesome-LRMs.",
      {{"https://github.com/yueliu1999/Awesome-LRMs", "https://github.com/yueliu1999/Awesome-LRMs",
        32, kGh, "repo", "yueliu1999/Awesome-LRMs", kRel, kOwn}});
}

TEST(FindLinks, LatexAndHtmlResidue) {
  ExpectLinks(
      "Our code: \\url{https://github.com/a/b}.",
      {{"https://github.com/a/b", "https://github.com/a/b", 15, kGh, "repo", "a/b", kRel, kOwn}});
  ExpectLinks(
      "Code is available \\href{https://github.com/a/b}{here}.",
      {{"https://github.com/a/b", "https://github.com/a/b", 24, kGh, "repo", "a/b", kRel, kOwn}});
  ExpectLinks("Our code is publicly available at~https://github.com/rabeehk/compacter.",
              {{"https://github.com/rabeehk/compacter", "https://github.com/rabeehk/compacter", 34,
                kGh, "repo", "rabeehk/compacter", kRel, kOwn}});
  ExpectLinks("Code: https://github.com/a/my\\_repo\\_v2.",
              {{"https://github.com/a/my_repo_v2", "https://github.com/a/my\\_repo\\_v2", 6, kGh,
                "repo", "a/my_repo_v2", kRel, kOwn}});
  ExpectLinks("are available at https://x.io/{https://x.io/}.",
              {{"https://x.io/", "https://x.io/", 17, kOther, "page", "", kRel, kOwn}});
  ExpectLinks(
      "Our code is at https://github.com/a/b{this https URL}.",
      {{"https://github.com/a/b", "https://github.com/a/b", 15, kGh, "repo", "a/b", kRel, kOwn}});
  ExpectLinks(
      "Our code: <a href=\"https://github.com/a/b\">https://github.com/a/b</a>.",
      {{"https://github.com/a/b", "https://github.com/a/b", 19, kGh, "repo", "a/b", kRel, kOwn}});
  ExpectLinks(
      "Visit https://p.github.io/Web/{the project webpage}\nfor details.",
      {{"https://p.github.io/Web/", "https://p.github.io/Web/", 6, kProj, "page", "", kRel, kOwn}});
}

TEST(FindLinks, ArxivLineWrapJoinsOnlyAnIncompleteLink) {
  // Ends in '/' before the repository: joined; text keeps the newline.
  ExpectLinks("Code is available at https://github.com/chaudatascience/\nmixturegrowth.",
              {{"https://github.com/chaudatascience/mixturegrowth",
                "https://github.com/chaudatascience/\nmixturegrowth", 21, kGh, "repo",
                "chaudatascience/mixturegrowth", kRel, kOwn}});
  // Ends in '-' with an indented continuation.
  ExpectLinks("Code: https://github.com/a/long-\n  name is here",
              {{"https://github.com/a/long-name", "https://github.com/a/long-\n  name", 6, kGh,
                "repo", "a/long-name", kRel, kOwn}});
  // Ends in '_'.
  ExpectLinks(
      "Data: https://huggingface.co/datasets/o/set_\nv2.",
      {{"https://huggingface.co/datasets/o/set_v2", "https://huggingface.co/datasets/o/set_\nv2", 6,
        kHf, "dataset", "o/set_v2", kRel, kOwn}});
  // Two complete links are never glued.
  ExpectLinks(
      "https://github.com/a/b\nhttps://github.com/c/d",
      {{"https://github.com/a/b", "https://github.com/a/b", 0, kGh, "repo", "a/b", kRel, kOwn},
       {"https://github.com/c/d", "https://github.com/c/d", 23, kGh, "repo", "c/d", kRel, kOwn}});
  // A complete link and a word are never glued.
  ExpectLinks("See https://x.org/\nand more.",
              {{"https://x.org/", "https://x.org/", 4, kOther, "page", "", kRel, kOwn}});
  ExpectLinks(
      "https://github.com/a/b/\nwhich is ours.",
      {{"https://github.com/a/b/", "https://github.com/a/b/", 0, kGh, "repo", "a/b", kRel, kOwn}});
  // A path continues after a complete link only when it looks like a path.
  ExpectLinks("See https://x.org/\ndocs/v2/index.html.",
              {{"https://x.org/docs/v2/index.html", "https://x.org/\ndocs/v2/index.html", 4, kOther,
                "page", "", kRel, kOwn}});
  // A link ending in '/' followed by the next line's link: not glued.
  ExpectLinks("https://github.com/a/\nwww.b.org",
              {{"https://github.com/a/", "https://github.com/a/", 0, kGh, "user", "a", kRel, kOwn},
               {"https://www.b.org", "www.b.org", 22, kOther, "page", "", kRel, kOwn}});
}

TEST(FindLinks, SameLinkOnceDifferentLinksToOneRepoKept) {
  ExpectLinks(
      "Code: https://github.com/a/b and https://github.com/a/b. Also "
      "https://github.com/a/b/tree/main.",
      {{"https://github.com/a/b", "https://github.com/a/b", 6, kGh, "repo", "a/b", kRel, kOwn},
       {"https://github.com/a/b/tree/main", "https://github.com/a/b/tree/main", 62, kGh, "repo",
        "a/b", kRel, kOwn}});
}

TEST(FindLinks, GithubClassification) {
  struct Case {
    const char* url;
    const char* type;
    const char* name;
    LinkKind kind;
  } cases[] = {
      {"https://github.com/IBM/ensemble-instruct", "repo", "IBM/ensemble-instruct", kGh},
      {"https://github.com/a/b/tree/main/sub", "repo", "a/b", kGh},
      {"https://github.com/a/b/blob/main/README.md", "repo", "a/b", kGh},
      {"https://github.com/a/b.git", "repo", "a/b", kGh},
      {"https://github.com/a/b#readme", "repo", "a/b", kGh},
      {"https://github.com/a/b?tab=readme-ov-file", "repo", "a/b", kGh},
      {"https://github.com/LLM-NodeJS-dataset", "user", "LLM-NodeJS-dataset", kGh},
      {"https://github.com/orgs/meta/repositories", "user", "meta", kGh},
      {"https://github.com/topics/llm", "page", "", kGh},
      {"https://github.com", "page", "", kGh},
      {"https://gist.github.com/karpathy/d4dee566867f", "gist", "karpathy/d4dee566867f", kGh},
      {"https://raw.githubusercontent.com/a/b/main/x.json", "file", "a/b", kGh},
      {"https://llm-stacking.github.io/", "page", "", kProj},
      {"https://gitlab.com/group/proj", "repo", "group/proj", LinkKind::kGitlab},
      {"https://bitbucket.org/team/repo.git", "repo", "team/repo", LinkKind::kBitbucket},
      {"https://codeberg.org/user/tool", "repo", "user/tool", LinkKind::kCodeberg},
      {"https://gitee.com/mindspore/models", "repo", "mindspore/models", LinkKind::kGitee},
      {"https://sourceforge.net/projects/radex/", "repo", "radex", LinkKind::kSourceforge},
      {"https://gitlab.com/someone", "user", "someone", LinkKind::kGitlab},
      {"https://anonymous.4open.science/r/DC-COT-FF4C/", "repo", "DC-COT-FF4C",
       LinkKind::kAnonymous},
  };
  for (const Case& c : cases) {
    const std::vector<Link> links = FindLinks(c.url);
    ASSERT_EQ(links.size(), 1u) << c.url;
    EXPECT_STREQ(ToString(links[0].kind), ToString(c.kind)) << c.url;
    EXPECT_EQ(links[0].type, c.type) << c.url;
    EXPECT_EQ(links[0].name, c.name) << c.url;
    EXPECT_EQ(links[0].url, c.url);
  }
}

TEST(FindLinks, HuggingFaceArxivDoiClassification) {
  struct Case {
    const char* url;
    LinkKind kind;
    const char* type;
    const char* name;
  } cases[] = {
      {"https://huggingface.co/stabilityai/stable-code-3b", kHf, "model",
       "stabilityai/stable-code-3b"},
      {"https://huggingface.co/stabilityai/stable-code-3b/tree/main", kHf, "model",
       "stabilityai/stable-code-3b"},
      {"https://huggingface.co/datasets/WenhaoWang/VideoUFO", kHf, "dataset",
       "WenhaoWang/VideoUFO"},
      {"https://huggingface.co/datasets/squad", kHf, "dataset", "squad"},
      {"https://huggingface.co/spaces/shifeng3711/gg_prior", kHf, "space", "shifeng3711/gg_prior"},
      {"https://huggingface.co/papers/2403.07974", kHf, "paper", "2403.07974"},
      {"https://huggingface.co/collections/DonJoey/mix-grm", kHf, "collection", "DonJoey/mix-grm"},
      {"https://huggingface.co/THU-KEG", kHf, "user", "THU-KEG"},
      {"https://huggingface.co/organizations/meta-llama", kHf, "user", "meta-llama"},
      {"https://huggingface.co/docs/transformers/index", kHf, "docs", ""},
      {"https://huggingface.co/blog/rlhf", kHf, "blog", ""},
      {"https://huggingface.co/models", kHf, "page", ""},
      {"https://hf.co/datasets/o/d", kHf, "dataset", "o/d"},
      {"https://arxiv.org/abs/2403.07974", LinkKind::kArxiv, "paper", "2403.07974"},
      {"https://arxiv.org/pdf/2403.07974v2.pdf", LinkKind::kArxiv, "paper", "2403.07974"},
      {"https://arxiv.org/html/2403.07974v1", LinkKind::kArxiv, "paper", "2403.07974"},
      {"http://arxiv.org/abs/hep-th/9901001v2", LinkKind::kArxiv, "paper", "hep-th/9901001"},
      {"https://arxiv.org/list/cs.CL/recent", LinkKind::kArxiv, "page", ""},
      {"https://doi.org/10.1145/3292500.3330701", LinkKind::kDoi, "paper",
       "10.1145/3292500.3330701"},
      // A data DOI names a record of its repository.
      {"https://dx.doi.org/10.5281/zenodo.1234567", LinkKind::kZenodo, "record",
       "10.5281/zenodo.1234567"},
      {"https://aka.ms/MMInference", kOther, "page", ""},
  };
  for (const Case& c : cases) {
    const std::vector<Link> links = FindLinks(c.url);
    ASSERT_EQ(links.size(), 1u) << c.url;
    EXPECT_STREQ(ToString(links[0].kind), ToString(c.kind)) << c.url;
    EXPECT_EQ(links[0].type, c.type) << c.url;
    EXPECT_EQ(links[0].name, c.name) << c.url;
  }
}

TEST(FindLinks, GithubPageTitleInsteadOfAddress) {
  ExpectLinks("Codes are available at GitHub - manglu097/Chiron-o1: Enhancing\nStep-by-Step.",
              {{"https://github.com/manglu097/Chiron-o1", "manglu097/Chiron-o1", 32, kGh, "repo",
                "manglu097/Chiron-o1", kRel, kOwn}});
}

TEST(FindLinks, ProjectPageOnAnyHost) {
  ExpectLinks("Project page: https://tar.example.com/proj",
              {{"https://tar.example.com/proj", "https://tar.example.com/proj", 14, kProj, "page",
                "", kRel, kOwn}});
  ExpectLinks("A demo is at https://foo.ai.",
              {{"https://foo.ai", "https://foo.ai", 13, kProj, "page", "", kRel, kOwn}});
  // A Space stays a Space whatever the sentence calls it.
  ExpectLinks("The code is available on our project page: https://huggingface.co/spaces/s/g.",
              {{"https://huggingface.co/spaces/s/g", "https://huggingface.co/spaces/s/g", 43, kHf,
                "space", "s/g", kRel, kOwn}});
}

// What abstracts outside computer science write: the url a user would paste
// (url), or nullptr when the text holds no link. One row per rule; the
// examples of link_patterns.h's kBareDomain* lists are here.
struct FormExample {
  const char* rule;
  const char* input;
  const char* url;
};

void ExpectInvariants(const std::string& abstract, const std::vector<Link>& links);

const FormExample kFormExamples[] = {
    {"scheme gap", "DensiTree at http: //compevol.auckland.ac.nz/software/.",
     "http://compevol.auckland.ac.nz/software/"},
    {"scheme wrap", "Code at https:\n//github.com/a/b now", "https://github.com/a/b"},
    {"host space", "freely available from http://compevol. auckland.ac.nz/software/.",
     "http://compevol.auckland.ac.nz/software/"},
    {"host space", "from GigaGalaxy: http://galaxy. cbiit.cuhk.edu.hk; and",
     "http://galaxy.cbiit.cuhk.edu.hk"},
    {"host space", "Code: https://github. com/a/b.", "https://github.com/a/b"},
    {"host hyphen", "see http://cocomac.g- node.org for it", "http://cocomac.g-node.org"},
    {"host space, complete host", "at http://example.org. Then we", "http://example.org"},
    {"host space, a word", "at http://localhost. then we", "http://localhost"},
    {"doi space", "available online at http://doi.org/ 10.5281/zenodo.15720996.",
     "http://doi.org/10.5281/zenodo.15720996"},
    {"invisible mark", "at https://x.org/a\xe2\x80\x8e.", "https://x.org/a"},
    {"invisible mark",
     "at https://x.org/a\xe2\x80\x8e"
     "b",
     "https://x.org/ab"},
    {"bare, host space", "freely available from compevol. auckland.ac.nz/software/.",
     "https://compevol.auckland.ac.nz/software/"},
    {"bare, host hyphen", "the atlas at cocomac.g- node.org today", "https://cocomac.g-node.org"},
    {"bare, sentence end before", "at the end. auckland.ac.nz is", nullptr},
    {"bare, at", "publicly available at madevolve.org.", "https://madevolve.org"},
    {"bare, on", "hosted on grand-challenge.org using Docker", "https://grand-challenge.org"},
    {"bare, from", "downloaded from NeuroMorpho.org and", "https://NeuroMorpho.org"},
    {"bare, capitalised generic label", "downloaded from NeuroMorpho.Org and",
     "https://NeuroMorpho.Org"},
    {"bare, capitalised country label", "measured at the precession.In this", nullptr},
    {"bare, parentheses", "the SWIG tool (swig.org) wraps", "https://swig.org"},
    {"bare, word after", "to the braingraph.org site, by", "https://braingraph.org"},
    {"bare, path", "Our tool is at surfer.nmr.mgh.harvard.edu/fswiki/PhotoTools.",
     "https://surfer.nmr.mgh.harvard.edu/fswiki/PhotoTools"},
    {"bare, path", "see raredx.cn/doctor now", "https://raredx.cn/doctor"},
    {"bare, academic country", "found at compbio.cs.ox.ac.uk today", "https://compbio.cs.ox.ac.uk"},
    {"bare, label", "Availability: rnaseq.pathogenportal.org", "https://rnaseq.pathogenportal.org"},
    {"bare, a name", "solved with astrometry.net and", nullptr},
    {"bare, a name", "models by H2O.ai are", nullptr},
    {"bare, a platform name", "we host it on GitHub.com now", nullptr},
    {"bare, not a place", "the madevolve.org team", nullptr},
    {"bare, sentence join", "the cluster.It is", nullptr},
    {"bare, sentence join", "of precession.In this", nullptr},
    {"bare, file", "packaged as CBLA.exe and model.py at", nullptr},
    {"bare, country without path", "found at example.de today", nullptr},
    {"bare, e-mail", "Contact: a.b@helsinki.fi or c@x.org", nullptr},
    {"bare, glued", "at x_y.org and a-.org", nullptr},
};

TEST(FindLinks, FormsOfOtherFields) {
  for (const FormExample& e : kFormExamples) {
    SCOPED_TRACE(std::string(e.rule) + ": " + e.input);
    const std::vector<Link> links = FindLinks(e.input);
    if (e.url == nullptr) {
      EXPECT_TRUE(links.empty()) << (links.empty() ? "" : links[0].url);
      continue;
    }
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].url, e.url);
    ExpectInvariants(e.input, links);
  }
}

// Status and role of abstracts outside computer science: the cue that decides.
TEST(FindLinks, StatusAndRoleOfOtherFields) {
  struct Case {
    const char* input;
    Status status;
    Role role;
  };
  const Case cases[] = {
      // A heading governs what follows it.
      {"Availability:\nMAMBA software: http://a.org/mamba/\nR code: http://b.org/x/", kRel, kOwn},
      // A bare address with no word about it is the paper's, there to be had.
      {"JAFFA (https://code.google.com/p/jaffa-project/) is a sensitive method.", kRel, kOwn},
      // "its official website" is the thing's own site.
      {"XtalOpt is now available for download from its official website https://xtalopt.github.io.",
       kRel, kOwn},
      // A label right before the link wins over "using" inside what it labels.
      {"A web tool is available for prediction using nutrient data: https://x.in/food/.", kRel,
       kOwn},
      {"We developed a teaching application (https://chat.openai.com/g/g-1) for the course.", kRel,
       kOwn},
      {"To access the documentation of the code, see https://mcdust.readthedocs.io/ .", kRel, kOwn},
      // Use and citation.
      // The promise that governs the link: before it, or after it when nothing
      // before says the thing is there.
      {"The data are publicly available on GitHub https://github.com/a/b, where updates will "
       "be provided.",
       kRel, kOwn},
      {"Code and models (https://github.com/a/b) will be released.", kSoon, kOwn},
      {"Code: https://github.com/a/b (coming soon).", kSoon, kOwn},
      {"The code will be made publicly available at https://github.com/a/b.", kSoon, kOwn},
      // Prior work.
      {"We follow the scheme of Smith et al. (https://x.org/paper.pdf) for the fits.", kUnk,
       kThird},
      {"We thank the developers of astropy (astropy.org) and numpy.", kUnk, kThird},
      {"We compare with TreeMix (https://bitbucket.org/nygcresearch/treemix) on 3 sets.", kUnk,
       kThird},
      {"Our method (https://github.com/me/m) outperforms TreeMix on 3 sets.", kRel, kOwn},
      {"Data are from the UK Biobank (www.ukbiobank.ac.uk).", kUnk, kThird},
      // Someone else's thing: whether it is there is not the paper's claim.
      {"The spectra were downloaded from https://x.org/archive/ for all stars.", kUnk, kThird},
      {"as predicted [\\href{https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.1}{PRL "
       "\\textbf{133}, 046802 (2024)}].",
       kUnk, kThird},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const std::vector<Link> links = FindLinks(c.input);
    ASSERT_FALSE(links.empty());
    for (const Link& l : links) {
      EXPECT_STREQ(ToString(l.status), ToString(c.status)) << l.url;
      EXPECT_STREQ(ToString(l.role), ToString(c.role)) << l.url;
    }
  }
}

TEST(FindLinks, StatusAndRoleFromTheSentence) {
  ExpectLinks(
      "The code will be released soon (https://github.com/Y/R).",
      {{"https://github.com/Y/R", "https://github.com/Y/R", 32, kGh, "repo", "Y/R", kSoon, kOwn}});
  ExpectLinks(
      "Code and data will be made available upon acceptance at https://github.com/a/b.",
      {{"https://github.com/a/b", "https://github.com/a/b", 56, kGh, "repo", "a/b", kSoon, kOwn}});
  ExpectLinks("We use LLaMA (https://huggingface.co/meta-llama/Llama-2-7b) as the base model.",
              {{"https://huggingface.co/meta-llama/Llama-2-7b",
                "https://huggingface.co/meta-llama/Llama-2-7b", 14, kHf, "model",
                "meta-llama/Llama-2-7b", kUnk, kThird}});
  ExpectLinks(
      "Our method is built on DINO (https://github.com/facebookresearch/dino).",
      {{"https://github.com/facebookresearch/dino", "https://github.com/facebookresearch/dino", 29,
        kGh, "repo", "facebookresearch/dino", kUnk, kThird}});
  ExpectLinks(
      "We compare against baselines from https://github.com/x/bench. Our code is "
      "open-sourced at https://github.com/me/tool.",
      {{"https://github.com/x/bench", "https://github.com/x/bench", 34, kGh, "repo", "x/bench",
        kUnk, kThird},
       {"https://github.com/me/tool", "https://github.com/me/tool", 90, kGh, "repo", "me/tool",
        kRel, kOwn}});
  // A third-party cue followed by a release cue does not govern the link.
  ExpectLinks("Our code, based on PyTorch, is available at https://github.com/me/x.",
              {{"https://github.com/me/x", "https://github.com/me/x", 44, kGh, "repo", "me/x", kRel,
                kOwn}});
  // What the paper uses is not what it releases.
  ExpectLinks(
      "We build on X (https://github.com/o/x) and release Y.",
      {{"https://github.com/o/x", "https://github.com/o/x", 15, kGh, "repo", "o/x", kUnk, kThird}});
  // Sentence boundaries: "7.62%." ends a sentence, "e.g." does not.
  ExpectLinks(
      "We leverage signals, up to 7.62%. Code will be released at https://github.com/z/M.",
      {{"https://github.com/z/M", "https://github.com/z/M", 59, kGh, "repo", "z/M", kSoon, kOwn}});
  // Two links in two sentences, the first sentence ending after a link.
  ExpectLinks("Code:\nhttps://github.com/A/Nav-R1. Website:\nhttps://a.github.io/Nav-R1.",
              {{"https://github.com/A/Nav-R1", "https://github.com/A/Nav-R1", 6, kGh, "repo",
                "A/Nav-R1", kRel, kOwn},
               {"https://a.github.io/Nav-R1", "https://a.github.io/Nav-R1", 44, kProj, "page", "",
                kRel, kOwn}});
  ExpectLinks("Watch the video at: https://youtu.be/ByhQjQSjxVM",
              {{"https://youtu.be/ByhQjQSjxVM", "https://youtu.be/ByhQjQSjxVM", 20, kOther, "page",
                "", kRel, kOwn}});
}

// ---------------------------------------------------------------------------
// Invariants over everything the tests read.

void ExpectInvariants(const std::string& abstract, const std::vector<Link>& links) {
  for (const Link& l : links) {
    ASSERT_LE(l.span.start, l.span.end);
    ASSERT_LE(l.span.end, abstract.size());
    EXPECT_EQ(l.text, abstract.substr(l.span.start, l.span.end - l.span.start));
    ASSERT_FALSE(l.url.empty());
    const char last = l.url.back();
    EXPECT_EQ(std::string(".,;:!?'\"").find(last), std::string::npos) << l.url;
    int paren = 0, bracket = 0;
    for (char c : l.url) {
      paren += c == '(' ? 1 : c == ')' ? -1 : 0;
      bracket += c == '[' ? 1 : c == ']' ? -1 : 0;
      EXPECT_GE(paren, 0) << l.url;
      EXPECT_GE(bracket, 0) << l.url;
    }
    if (last == ')') EXPECT_EQ(paren, 0) << l.url;
    if (last == ']') EXPECT_EQ(bracket, 0) << l.url;
    EXPECT_TRUE(l.url.rfind("http://", 0) == 0 || l.url.rfind("https://", 0) == 0 ||
                l.url.rfind("ftp://", 0) == 0 || l.url.rfind("HTTP://", 0) == 0)
        << l.url;
    EXPECT_EQ(l.url.find('\n'), std::string::npos) << l.url;
    EXPECT_EQ(l.url.find(' '), std::string::npos) << l.url;
  }
}

// ---------------------------------------------------------------------------
// The user's sample page: exactly 13 links in 12 papers.

struct SeedLink {
  size_t paper;  // 0-based index of the paper on the page
  Want want;
};

TEST(SeedPage, ExactlyThirteenLinksInTwelvePapers) {
  const std::string page = ReadFile(SourcePath("samples/daily-papers.txt"));
  ASSERT_FALSE(page.empty()) << "samples/daily-papers.txt";
  std::vector<std::string> lines;
  std::istringstream in(page);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  // Chrome fills lines 1-12; then title, blank line, abstract, blank line.
  std::vector<std::string> abstracts;
  for (size_t i = 14; i < lines.size(); i += 4) {
    ASSERT_TRUE(lines[i - 1].empty()) << "line " << i;
    abstracts.push_back(lines[i]);
  }
  ASSERT_EQ(abstracts.size(), 71u);

  const std::vector<SeedLink> expected = {
      {15,
       {"https://github.com/IBM/ensemble-instruct", "https://github.com/IBM/ensemble-instruct",
        1396, kGh, "repo", "IBM/ensemble-instruct", kRel, kOwn}},
      {16,
       {"https://github.com/chaudatascience/mixturegrowth",
        "https://github.com/chaudatascience/mixturegrowth", 1438, kGh, "repo",
        "chaudatascience/mixturegrowth", kRel, kOwn}},
      {19,
       {"https://huggingface.co/stabilityai/stable-code-3b",
        "https://huggingface.co/stabilityai/stable-code-3b", 614, kHf, "model",
        "stabilityai/stable-code-3b", kRel, kOwn}},
      {19,
       {"https://huggingface.co/stabilityai/stable-code-instruct-3b",
        "https://huggingface.co/stabilityai/stable-code-instruct-3b", 668, kHf, "model",
        "stabilityai/stable-code-instruct-3b", kRel, kOwn}},
      {20,
       {"https://llm-stacking.github.io/", "https://llm-stacking.github.io/", 1677, kProj, "page",
        "", kRel, kOwn}},
      {22,
       {"https://github.com/HypherX/Evolution-Analysis",
        "https://github.com/HypherX/Evolution-Analysis", 1329, kGh, "repo",
        "HypherX/Evolution-Analysis", kRel, kOwn}},
      {36,
       {"https://github.com/YuchuanTian/RethinkTinyLM",
        "https://github.com/YuchuanTian/RethinkTinyLM", 1366, kGh, "repo",
        "YuchuanTian/RethinkTinyLM", kSoon, kOwn}},
      {37,
       {"https://github.com/kowndinya-renduchintala/POSIX",
        "https://github.com/kowndinya-renduchintala/POSIX", 1567, kGh, "repo",
        "kowndinya-renduchintala/POSIX", kRel, kOwn}},
      {38,
       {"https://github.com/safelix/dinopl", "https://github.com/safelix/dinopl", 1622, kGh, "repo",
        "safelix/dinopl", kRel, kOwn}},
      {41,
       {"https://github.com/rabeehk/compacter", "https://github.com/rabeehk/compacter", 1397, kGh,
        "repo", "rabeehk/compacter", kRel, kOwn}},
      {51,
       {"https://github.com/Blackzxy/LoGAH", "https://github.com/Blackzxy/LoGAH", 1375, kGh, "repo",
        "Blackzxy/LoGAH", kRel, kOwn}},
      {53,
       {"https://github.com/Outsider565/LoRA-GA", "https://github.com/Outsider565/LoRA-GA", 1832,
        kGh, "repo", "Outsider565/LoRA-GA", kRel, kOwn}},
      {68,
       {"https://huggingface.co/spaces/shifeng3711/gg_prior",
        "https://huggingface.co/spaces/shifeng3711/gg_prior", 1631, kHf, "space",
        "shifeng3711/gg_prior", kRel, kOwn}},
  };
  size_t next = 0;
  size_t total = 0, papers_with_links = 0;
  for (size_t p = 0; p < abstracts.size(); ++p) {
    const std::vector<Link> links = FindLinks(abstracts[p]);
    ExpectInvariants(abstracts[p], links);
    total += links.size();
    papers_with_links += links.empty() ? 0 : 1;
    std::vector<Want> wants;
    while (next < expected.size() && expected[next].paper == p)
      wants.push_back(expected[next++].want);
    SCOPED_TRACE("paper " + std::to_string(p));
    ExpectLinks(abstracts[p], wants);
  }
  EXPECT_EQ(total, 13u);
  EXPECT_EQ(papers_with_links, 12u);
}

// ---------------------------------------------------------------------------
// Real abstracts: excerpts of Hugging Face daily files and arXiv records with
// their reviewed links (tests/data/links, see SOURCES.md there).

std::vector<nlohmann::json> ReadJsonl(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

void CheckGolden(const std::string& relative) {
  const std::vector<nlohmann::json> records = ReadJsonl(SourcePath(relative));
  ASSERT_FALSE(records.empty()) << relative;
  for (const nlohmann::json& r : records) {
    const std::string abstract = r.at("abstract").get<std::string>();
    const std::vector<Link> links = FindLinks(abstract);
    ExpectInvariants(abstract, links);
    std::vector<Want> wants;
    for (const auto& l : r.at("links")) {
      auto kind_of = [](const std::string& s) {
        for (const auto& k : LinkKindNames()) {
          if (s == k.name) return k.value;
        }
        ADD_FAILURE() << "unknown kind " << s;
        return LinkKind::kOther;
      };
      auto status_of = [](const std::string& s) {
        return s == "released" ? kRel : s == "coming_soon" ? kSoon : kUnk;
      };
      auto role_of = [](const std::string& s) {
        return s == "own" ? kOwn : s == "third_party" ? kThird : kNone;
      };
      wants.push_back({l.at("url"), l.at("text"), l.at("span")[0].get<size_t>(),
                       kind_of(l.at("kind")), l.at("type"), l.at("name"), status_of(l.at("status")),
                       role_of(l.at("role"))});
    }
    SCOPED_TRACE(relative + " " + r.value("id", ""));
    ExpectLinks(abstract, wants);
  }
}

TEST(RealAbstracts, HfDailyExcerptsMatchTheReviewedLinks) {
  CheckGolden("tests/data/links/hf-daily-excerpts.jsonl");
}

TEST(RealAbstracts, ArxivExcerptsMatchTheReviewedLinks) {
  CheckGolden("tests/data/links/arxiv-excerpts.jsonl");
}

// The registered githubRepo of a Hugging Face paper, as owner/repo in lower
// case, or "" when there is none.
std::string RegisteredRepo(const nlohmann::json& paper) {
  if (!paper.contains("githubRepo") || !paper["githubRepo"].is_string()) return "";
  std::string g = paper["githubRepo"].get<std::string>();
  const size_t at = g.find("github.com/");
  if (at == std::string::npos) return "";
  g = g.substr(at + 11);
  const size_t slash = g.find('/');
  if (slash == std::string::npos) return "";
  g = g.substr(0, g.find_first_of("/#?", slash + 1));
  if (g.size() > 4 && g.compare(g.size() - 4, 4, ".git") == 0) g.resize(g.size() - 4);
  for (char& c : g) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return g;
}

// Every abstract that contains its registered githubRepo yields that repo.
// Returns {abstracts, containing, found}.
std::array<size_t, 3> RepoRecall(const std::vector<std::string>& files) {
  std::array<size_t, 3> counts{0, 0, 0};
  for (const std::string& file : files) {
    std::ifstream in(file);
    const nlohmann::json day = nlohmann::json::parse(in);
    for (const auto& entry : day) {
      const nlohmann::json& paper = entry.at("paper");
      const std::string summary = paper.value("summary", "");
      ++counts[0];
      const std::vector<Link> links = FindLinks(summary);
      ExpectInvariants(summary, links);
      const std::string repo = RegisteredRepo(paper);
      std::string lower = summary;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (repo.empty() || lower.find(repo) == std::string::npos) continue;
      ++counts[1];
      bool found = false;
      for (const Link& l : links) {
        std::string name = l.name;
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        found = found || (l.kind == LinkKind::kGithub && name == repo);
      }
      counts[2] += found ? 1 : 0;
      EXPECT_TRUE(found) << file << " " << paper.value("id", "") << ": " << repo;
    }
  }
  return counts;
}

TEST(RealAbstracts, BundledHfDailyFindsTheRegisteredRepo) {
  const auto counts = RepoRecall({SourcePath("samples/hf-daily-2025-03-04.json")});
  std::printf(
      "[recall] samples/hf-daily-2025-03-04.json: %zu abstracts, githubRepo in %zu, "
      "found %zu\n",
      counts[0], counts[1], counts[2]);
  EXPECT_EQ(counts[1], counts[2]);
  EXPECT_GT(counts[1], 0u);
}

TEST(RealAbstracts, SharedHfDailyFindsTheRegisteredRepo) {
  // The full evaluation set lives beside the repository, not in it.
  const std::filesystem::path dir = SourcePath("../shared/eval/hf-daily");
  CITEX_REQUIRE(std::filesystem::is_directory(dir), dir.string() + " not present");
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  const auto counts = RepoRecall(files);
  std::printf("[recall] %zu hf-daily files: %zu abstracts, githubRepo in %zu, found %zu\n",
              files.size(), counts[0], counts[1], counts[2]);
  EXPECT_EQ(counts[1], counts[2]);
}

// ---------------------------------------------------------------------------
// Hostile input stays linear and safe.

TEST(FindLinks, PrefilterEdges) {
  // The scan that skips the start pattern looks for "://" and for dots with
  // "www" before or "co/", "com/", "github.io" after, in any case; the title
  // scan for "github", whitespace and '-' (RE2's \s has no \v).
  auto urls = [](const std::string& text) {
    std::vector<std::string> out;
    for (const Link& l : FindLinks(text)) {
      out.push_back(l.url + "|" + std::to_string(l.span.start) + "|" + std::to_string(l.span.end) +
                    "|" + ToString(l.kind));
    }
    return out;
  };
  using Lines = std::vector<std::string>;
  EXPECT_EQ(urls("see WWW.example.org now"), Lines({"https://WWW.example.org|4|19|other"}));
  EXPECT_EQ(urls("at x.CO/ and HF.CO/a/b"), Lines({"https://HF.CO/a/b|13|22|huggingface"}));
  EXPECT_EQ(urls("at GitHub.COM/a/b"), Lines({"https://GitHub.COM/a/b|3|17|github"}));
  EXPECT_EQ(urls("site a-b.GITHUB.IO."), Lines({"https://a-b.GITHUB.IO|5|18|project"}));
  EXPECT_EQ(urls("a ftp://x.org b"), Lines({"ftp://x.org|2|13|other"}));
  EXPECT_EQ(urls("a:/b .com / www"), Lines());
  EXPECT_EQ(urls("Github\t-\tIBM/ensemble-instruct."),
            Lines({"https://github.com/IBM/ensemble-instruct|9|30|github"}));
  EXPECT_EQ(urls("GitHub\v- a/b:"), Lines());
  EXPECT_EQ(urls("github- a/b:"), Lines());
}

// Their time per byte is bench/adversarial_bench's to measure.
TEST(FindLinks, HostileInputIsSafe) {
  std::string huge_url = "see https://x.org/" + std::string(1 << 20, 'a') + ".";
  auto links = FindLinks(huge_url);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].span.end, huge_url.size() - 1);
  ExpectInvariants(huge_url, links);

  std::string parens = "https://x.org/" + std::string(1 << 20, '(');
  links = FindLinks(parens);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].url, "https://x.org/");

  std::string closers = "https://x.org/a" + std::string(1 << 20, ')');
  EXPECT_EQ(FindLinks(closers).size(), 1u);

  std::string schemes;
  for (int i = 0; i < 100000; ++i) schemes += "http://-x";
  EXPECT_TRUE(FindLinks(schemes).empty());

  std::string glued;
  for (int i = 0; i < 50000; ++i) glued += "https://a.io/x";
  EXPECT_EQ(FindLinks(glued).size(), 1u);

  const std::string long_label(1 << 20, 'a');
  EXPECT_TRUE(FindLinks("_" + long_label + ".github.io").empty());
  EXPECT_TRUE(FindLinks(long_label + ".github.iox").empty());
  EXPECT_TRUE(FindLinks("http://" + long_label + "_").empty());
  std::string www;
  for (int i = 0; i < 100000; ++i) www += "xwww.";
  EXPECT_TRUE(FindLinks(www).empty());

  std::string wraps = "https://github.com/";
  for (int i = 0; i < 100000; ++i) wraps += "a-\n";
  ExpectInvariants(wraps, FindLinks(wraps));

  std::string sentences;
  for (int i = 0; i < 20000; ++i)
    sentences += "Code: https://github.com/a/b" + std::to_string(i) + " ";
  EXPECT_EQ(FindLinks(sentences).size(), kMaxLinksPerPaper);

  // Invalid UTF-8 and NUL bytes end a link and never crash.
  const char kBad[] = "https://x.org/a\xff\xfe b https://y.org/\x00z c";
  const std::string bad(kBad, sizeof(kBad) - 1);
  links = FindLinks(bad);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].url, "https://x.org/a");
  EXPECT_EQ(links[1].url, "https://y.org/");
}

}  // namespace
}  // namespace citex
