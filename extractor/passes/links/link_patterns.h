// The RE2 patterns of the link pass (extractor/links.cc), one named constant
// each, with the strings it matches and rejects. tests/links_test.cc runs
// every example listed here through the compiled pattern.
//
// The patterns only find where a link starts and what a sentence says about
// it. Where a link ends (brackets, quotes, trailing punctuation, LaTeX
// residue, arXiv line wraps) is decided by a linear scan in links.cc, because
// "keep `)` only when balanced" is not a regular language and RE2 keeps its
// linear-time guarantee only without back-references.
//
// All cue patterns are matched against a lower-cased, whitespace-collapsed
// window of the sentence around the link in which every link has been
// replaced by the word "LINK".
#pragma once

#include <vector>

#include "extractor/base/arxiv_id.h"

namespace citex {
namespace link_patterns {

// What a pattern must do with one input; tests/passes/links/links_test.cc
// runs every table below (All*Examples at the end).
struct SearchExample {
  const char* input;
  const char* match;  // the first match (group 1 when the pattern has one), or nullptr: none
};
struct PathExample {
  const char* path;
  const char* id;  // group 1, the arXiv id or DOI, or nullptr: rejected
};
struct CueExample {
  const char* text;  // lower-cased, as the pass gives it
  bool matches;
};

// Where a link may start. Four alternatives, all short literals, tried
// leftmost-first:
//   1 a scheme:            http:// https:// ftp:// (any case), also broken
//                          by up to two spaces around one line wrap after
//                          the colon ("http: //x.org", "https:\n//x.org")
//   2 www.                 www.example.org
//   3 a code/model host    github.com/ huggingface.co/ hf.co/  (the slash is
//     without a scheme:    required: "GitHub.com" alone is a word, not a link)
//   4 a GitHub Pages host: ".github.io"; links.cc walks back over the
//                          labels before it (llm-stacking.github.io).
// Only literals: a pattern such as ([a-z0-9-]+\.)+github\.io would keep a
// possible match alive across a long dotted run ("xwww.xwww.xwww....") and
// make each search scan to its end, which is quadratic over a whole text.
// Other bare domains ("available at madevolve.org") are found by a scan in
// code (link_find.cc, kBareDomainTlds below), not by this pattern.
// Examples: LinkStartExamples() below.
// The character before a scheme-less start is checked in code (it must not
// be a letter, digit or one of . - _ @ /).
inline constexpr char kLinkStart[] =
    R"((?i)((?:https?|ftp):(?:[ \t]{0,2}\n?[ \t]{0,2})//)|(www\.)|((?:github\.com|huggingface\.co|hf\.co)/)|(\.github\.io))";
inline std::vector<SearchExample> LinkStartExamples() {
  return {
      {"see https://x.io", "https://"},
      {"fieldhttps://github.com/a", "https://"},
      {"HTTP://GOOGLE.COM", "HTTP://"},
      {"at http: //x.org/a", "http: //"},
      {"at https:\n//x.org/a", "https:\n//"},
      {"http:     //x", nullptr},
      {"at www.github.com", "www."},
      {"github.com/j-h/steering", "github.com/"},
      {"at treegrpo.github.io.", ".github.io"},
      {"hppt://example.com", nullptr},
      {"http:/x", nullptr},
      {"GitHub.com", nullptr},
      {"node.js", nullptr},
      {"hf.com/x", nullptr},
      {"example.com/x", nullptr},
  };
}

// The top-level labels after which a dotted word with no scheme is a link
// when something in the sentence says it is a place (link_find.cc): written
// in lower case ("precession.In", "cluster.It" are sentence joins; the
// generic labels of kBareDomainTlds may also be capitalised, as in
// "NeuroMorpho.Org"), then not followed by a letter, digit, '-' or '_'. Two-letter country labels
// count only after a second-level academic or generic label ("cam.ac.uk", "iiitd.edu.in") or when a
// path follows. Matches: "madevolve.org", "NeuroMorpho.Org", "grand-challenge.org",
// "surfer.nmr.mgh.harvard.edu",
//   "swig.org", "x.io", "cam.ac.uk", "raredx.cn/doctor".
// Rejects: "node.js", "CBLA.exe", "model.py", "e.g.", "Fig.3", "cluster.It",
//   "v1.2.3", "data.csv", "H2O.ai" (a name: ai is not in the list).
inline constexpr const char* kBareDomainTlds[] = {"org", "com",  "net", "edu", "gov",
                                                  "io",  "info", "eu",  "int", "science"};
// Bare domains that, with no path after them, are the names of platforms and
// companies rather than places ("on GitHub.com", "a federated Twitter or
// X.com alternative"): compared lower-cased, without "www.".
// Rejects as links: "GitHub.com", "X.com", "Amazon.com", "HuggingFace.co".
// Still links: "github.com/a/b" (a path; found by kLinkStart anyway).
inline constexpr const char* kBareDomainNames[] = {
    "github.com",        "gitlab.com",    "bitbucket.org", "x.com",
    "twitter.com",       "amazon.com",    "reddit.com",    "medium.com",
    "google.com",        "youtube.com",   "facebook.com",  "linkedin.com",
    "stackoverflow.com", "wikipedia.org", "kaggle.com",    "openai.com"};
inline constexpr const char* kBareDomainSecondLevels[] = {"ac", "edu", "gov", "org", "co", "nhs"};

// A word right before a bare domain that makes it a place: "available at
// X.org", "downloaded from NeuroMorpho.org", "hosted on grand-challenge.org",
// "see x.org", "visit x.org", "via x.org", "deposited to x.org"; or a word
// right after it: "the braingraph.org site", "x.org website".
// Matches (before): "at", "from", "on", "via", "see", "visit", "to", "through",
//   "website", "portal", "server", "page", "url".
// Matches (after): "site", "website", "web", "portal", "server", "platform",
//   "database", "page", "homepage".
// Rejects: "using", "by", "the", "and" (H2O.ai, astrometry.net the software).
inline constexpr const char* kBareDomainWordsBefore[] = {
    "at",      "from",   "on",     "via",  "see", "visit",   "to",       "through",
    "website", "portal", "server", "page", "url", "webpage", "homepage", "site"};
inline constexpr const char* kBareDomainWordsAfter[] = {
    "site",     "website", "web",      "portal",  "server",   "platform",
    "database", "page",    "homepage", "webpage", "webserver"};

// A repository pasted as the title of its GitHub page, "GitHub - owner/repo:
// description", instead of its address. The title ends at ':' (before the
// description) or at the end of the line (an optional '.' allowed), which
// keeps "GitHub - and/or GitLab" out. Group 1 is owner/repo; it becomes the
// link's text and https://github.com/owner/repo its url.
// Examples: GithubPageTitleExamples() below.
inline constexpr char kGithubPageTitle[] =
    R"((?i:\bgithub)\s+-\s+([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]*[A-Za-z0-9_-]))"
    R"((?::|\.?[ \t]*(?:\n|$)))";
inline std::vector<SearchExample> GithubPageTitleExamples() {
  return {
      {"Codes are available at GitHub - manglu097/Chiron-o1: Enhancing", "manglu097/Chiron-o1"},
      {"see Github - IBM/ensemble-instruct.", "IBM/ensemble-instruct"},
      {"GitHub - the platform", nullptr},
      {"GitHub-hosted a/b", nullptr},
      {"GitHub: a/b", nullptr},
      {"GitHub - a/", nullptr},
      {"GitHub - and/or GitLab", nullptr},
  };
}

// An arXiv article path (after the host arxiv.org): abs/, pdf/ or html/, a
// new-style (2403.07974) or old-style (hep-th/9901001, math.GT/0309136) id
// (extractor/base/arxiv_id.h),
// an optional version and an optional ".pdf". Group 2 is the id without the
// version, group 3 the version.
// Examples: ArxivPathExamples() below.
inline constexpr char kArxivPath[] =
    R"(^/(abs|pdf|html)/()" CITEX_ARXIV_ID ")(" CITEX_ARXIV_VERSION R"()?(?:\.pdf)?/?$)";
inline std::vector<PathExample> ArxivPathExamples() {
  return {
      {"/abs/2403.07974", "2403.07974"},
      {"/pdf/2403.07974v2", "2403.07974"},
      {"/pdf/2403.07974v2.pdf", "2403.07974"},
      {"/html/2403.07974v1/", "2403.07974"},
      {"/abs/hep-th/9901001", "hep-th/9901001"},
      {"/abs/math.GT/0309136v3", "math.GT/0309136"},
      {"/list/cs.CL/recent", nullptr},
      {"/abs/", nullptr},
      {"/abs/2403.079", nullptr},
      {"/a/smith_j_1", nullptr},
  };
}

// A DOI as the path of a doi.org link: "10.", a registrant, "/", a suffix.
// Group 1 is the DOI.
// Examples: DoiPathExamples() below.
inline constexpr char kDoiPath[] = R"(^/(10\.\d{4,9}/\S+)$)";
inline std::vector<PathExample> DoiPathExamples() {
  return {
      {"/10.1145/3292500.3330701", "10.1145/3292500.3330701"},
      {"/10.5281/zenodo.1234567", "10.5281/zenodo.1234567"},
      {"/10.1007/978-3-030-58452-8_13", "10.1007/978-3-030-58452-8_13"},
      {"/", nullptr},
      {"/about", nullptr},
      {"/10.1145", nullptr},
      {"/11.1145/x", nullptr},
  };
}

// The sentence promises the thing for later. Checked before kReleasedCue
// ("will be made available" is not "available").
// Examples: ComingSoonCueExamples() below.
inline constexpr char kComingSoonCue[] =
    R"(\bwill\s+(?:\w+\s+){0,3}?(?:be\s+(?:\w+\s+){0,2}?)?)"
    R"((?:released?|available|open[- ]?sourced?|public|publicly|shared?|provided?|published?|accessible|uploaded|made)\b)"
    R"(|\bcoming\s+soon\b|\bupon\s+(?:the\s+)?(?:paper\s+)?(?:acceptance|publication)\b)"
    R"(|\bafter\s+(?:the\s+)?(?:paper\s+)?(?:acceptance|publication|review)\b|\bto\s+be\s+(?:released|open[- ]?sourced|made\s+available)\b)";
inline std::vector<CueExample> ComingSoonCueExamples() {
  return {
      {"code will be released soon", true}, {"will be made publicly available", true},
      {"will be open-sourced", true},       {"coming soon", true},
      {"released upon acceptance", true},   {"available after publication", true},
      {"we will release our code", true},   {"code is to be released", true},
      {"code is available at LINK", false}, {"we release our code", false},
      {"has been released", false},         {"soonest", false},
  };
}

// The sentence says the thing can be had now.
// Examples: ReleasedCueExamples() below.
inline constexpr char kReleasedCue[] =
    R"(\b(?:available|released|release|open[- ]?sourced|publicly|accessible|accessed|access|hosted|)"
    R"(shared|provide[sd]?|providing|can\s+be\s+found|found\s+(?:at|in|on|here)|visit|downloaded|)"
    R"(download|obtained|publish(?:ed)?|see|archived|deposited|)"
    R"((?:is|are|be|been|fully|we)\s+open[- ]?source|)"
    R"(web\s*(?:server|application|app|tool|portal|interface|service)|webserver)\b)"
    R"(|\bavailability\s*:)";
inline std::vector<CueExample> ReleasedCueExamples() {
  return {
      {"is available at", true},
      {"is publicly available", true},
      {"open-sourced at", true},
      {"we release", true},
      {"can be found at", true},
      {"are released at", true},
      {"we provide the codes in", true},
      {"can be accessed at", true},
      {"is shared in", true},
      {"visit LINK for details", true},
      {"available for download", true},
      {"see LINK", true},
      {"to access the documentation", true},
      {"archived it in the repository", true},
      {"deposited to the site", true},
      {"availability: LINK", true},
      {"is open-source at", true},
      {"a user-friendly web application LINK", true},
      {"a web server at", true},
      {"the open-source quasar platform", false},
      {"seen", false},
      {"accessibility", false},
      {"unavailable", false},
      {"availability of data is limited", false},
      {"software releases", false},
  };
}

// A label right before the link says what it is: "Code: LINK",
// "Project page: LINK", "GitHub Link: LINK", "Code and models: LINK".
// Matched against the window text that ends just before the link.
// Examples: LabelBeforeExamples() below.
inline constexpr char kLabelBefore[] =
    R"(\b(?:code|codes|source|source\s+code|github|git|repo|repository|project|projects|page|webpage|)"
    R"(website|homepage|demo|data|dataset|datasets|model|models|weights|checkpoints|link|resources|url|)"
    R"(benchmark|leaderboard|hugging\s*face|hf\s+hub|software|tool|server)(?:\s*(?:links?|urls?))?\s*:\s*$)";
inline std::vector<CueExample> LabelBeforeExamples() {
  return {
      {"code:", true},        {"project page:", true},
      {"github link:", true}, {"code and models:", true},
      {"website:", true},     {"with prebuilt binaries and full source:", true},
      {"projects:", true},    {"models on hugging face:", true},
      {"datasetlink:", true}, {"software:", true},
      {"code url:", true},    {"the code is available at:", false},
      {"as follows:", false},
  };
}

// The paper speaks of the thing as its own.
// Examples: OwnCueExamples() below.
inline constexpr char kOwnCue[] =
    R"(\bour\s+(?:[\w-]+,?\s+(?:and\s+|&\s+)?){0,4}?)"
    R"((?:code|codes|codebase|source|implementation|implementations|project|model|models|data|dataset|)"
    R"(datasets|benchmark|page|website|webpage|homepage|repository|repo|weights|checkpoints|tool|toolkit|)"
    R"(library|framework|demo|resources?|system|pipeline|corpus|corpora|agent|materials?|software|)"
    R"(package|database|portal|server|group|team|lab|initiative|catalog(?:ue)?|method|methods|approach|)"
    R"(algorithm|platform|service|app|application|interface|workflow|scripts?|notebooks?|atlas|)"
    R"(simulations?|results|analysis|analyses)\b)"
    R"(|\bwe\s+(?:\w+\s+)?(?:release[ds]?|open[- ]?source[ds]?|make|made|provide[ds]?|publish(?:ed)?|)"
    R"(share[ds]?|present(?:ed)?|introduce[ds]?|host(?:ed)?|offer(?:ed)?|build|built|construct(?:ed)?|)"
    R"(create[ds]?|collect(?:ed)?|curate[ds]?|develop(?:ed)?|propose[ds]?|train(?:ed)?|design(?:ed)?|)"
    R"(implement(?:ed)?|package[ds]?|deposit(?:ed)?|compute[ds]?|maintain(?:ed)?|archive[ds]?)\b)"
    R"(|\bof\s+this\s+(?:paper|work|study)\b)";
inline std::vector<CueExample> OwnCueExamples() {
  return {
      {"our code", true},
      {"our source code", true},
      {"our project page", true},
      {"our data and code", true},
      {"we release", true},
      {"we open-source", true},
      {"we make our models", true},
      {"we provide the codes", true},
      {"we publicly release", true},
      {"code and models of this paper", true},
      {"we construct a dataset", true},
      {"we developed a teaching application", true},
      {"we have packaged our model", true},
      {"our research group", true},
      {"our initiative", true},
      {"we used", false},
      {"we use llama", false},
      {"their code", false},
      {"we compare with", false},
      {"ours", false},
      {"our method", true},
      {"our web application", true},
  };
}

// The sentence speaks of someone else's work.
// Examples: ThirdPartyCueExamples() below.
inline constexpr char kThirdPartyCue[] =
    R"(\b(?:we\s+(?:\w+\s+)?(?:use|used|employ|employed|adopt|adopted|leverage|utilize)|using|uses|)"
    R"(built\s+(?:up)?on|builds?\s+(?:up)?on|based\s+on|baselines?|borrowed|adopted\s+from|adapted\s+from|)"
    R"(taken\s+from|provided\s+by|released\s+by|implementation\s+of|(?:the|an?)\s+official|third[- ]party|existing|)"
    R"((?:was|were|are|is|been)\s+(?:\w+\s+)?(?:obtained|downloaded|retrieved|collected|sourced|extracted|acquired)\s+from|)"
    R"(retrieved\s+from|from\s+the\s+(?:[\w-]+\s+){0,3}?(?:database|archive|survey|catalog(?:ue)?|atlas)|)"
    R"(et\s+al|proposed\s+by|introduced\s+by|described\s+in|reported\s+in|previous\s+work|prior\s+work|)"
    R"((?:data|observations|spectra|images|measurements)\s+(?:are\s+|is\s+|were\s+|was\s+)?)"
    R"((?:taken\s+|drawn\s+|obtained\s+)?from|we\s+(?:\w+\s+)?(?:thank|acknowledge)|)"
    R"(courtesy\s+of|made\s+use\s+of|makes\s+use\s+of)\b)";
inline std::vector<CueExample> ThirdPartyCueExamples() {
  return {
      {"we use", true},
      {"built on", true},
      {"builds upon", true},
      {"we build on", true},
      {"based on", true},
      {"baselines from", true},
      {"borrowed from", true},
      {"adopted from", true},
      {"provided by", true},
      {"implementation of", true},
      {"the official", true},
      {"publicly released by", true},
      {"data were downloaded from", true},
      {"was obtained from", true},
      {"retrieved from", true},
      {"from the gaia archive", true},
      {"smith et al.", true},
      {"proposed by", true},
      {"described in", true},
      {"spectra were taken from", true},
      {"data are from", true},
      {"we thank the developers of", true},
      {"this work made use of", true},
      {"its official website", false},
      {"can be downloaded from", false},
      {"our code is available", false},
      {"user study", false},
  };
}

// A comparison right before the link: what the paper compares with is
// someone else's. Only as the near cue (the 50 bytes before the link): a
// sentence that says "Our method (LINK) outperforms X" speaks of its own.
// Examples: ComparedNearCueExamples() below.
inline constexpr char kComparedNearCue[] =
    R"(\b(?:compared?\s+(?:with|to|against)|comparison\s+(?:with|to|against)|outperform(?:s|ing)?|)"
    R"(surpass(?:es|ing)?|versus|vs)\b)";
inline std::vector<CueExample> ComparedNearCueExamples() {
  return {
      {"compared with", true}, {"compare against", true}, {"in comparison to", true},
      {"outperforms", true},   {"versus", true},          {"vs", true},
      {"comparable", false},   {"a comparison", false},
  };
}

// A LaTeX \href whose text is a reference ("\href{LINK}{PRL \textbf{133},
// 046802 (2024)}", "\href{LINK}{C. J. Paxman, et al. ... (2025)}"): the link
// points at prior work. Matched against the window text right after the link.
// Examples: CitedHrefAfterExamples() below.
inline constexpr char kCitedHrefAfter[] =
    R"(^\}\{(?:[^{}]|\{[^{}]*\})*?(?:\bet\s+al\b|\b(?:19|20)\d\d\b))";
inline std::vector<CueExample> CitedHrefAfterExamples() {
  return {
      {"}{prl \\textbf{133}, 046802 (2024)}]", true},
      {"}{smith et al.}", true},
      {"}{c. j. paxman, \\textit{et al.} x (2025)}", true},
      {"}{here}", false},
      {"}{project page}", false},
      {" (2024)", false},
  };
}

// The sentence calls the page a project page: a link on an unknown host
// becomes kind "project".
// Examples: ProjectPageCueExamples() below.
inline constexpr char kProjectPageCue[] =
    R"(\b(?:project\s+(?:page|site|website|webpage|homepage)|homepage|home\s+page|website|web\s*page|)"
    R"(demos?|project\s*:))";
inline std::vector<CueExample> ProjectPageCueExamples() {
  return {
      {"project page", true},
      {"project website", true},
      {"project webpage", true},
      {"homepage", true},
      {"home page", true},
      {"website", true},
      {"web page", true},
      {"demo", true},
      {"demos", true},
      {"project:", true},
      {"the project will be released at LINK", false},
      {"web version", false},
  };
}

// Every pattern with its examples, for the table tests.
template <typename Example>
struct PatternExamples {
  const char* name;
  const char* pattern;
  std::vector<Example> examples;
  bool group = false;  // search examples: the match is group 1
};
inline std::vector<PatternExamples<SearchExample>> AllSearchExamples() {
  return {
      {"kLinkStart", kLinkStart, LinkStartExamples()},
      {"kGithubPageTitle", kGithubPageTitle, GithubPageTitleExamples(), true},
  };
}
inline std::vector<PatternExamples<PathExample>> AllPathExamples() {
  return {
      {"kArxivPath", kArxivPath, ArxivPathExamples()},
      {"kDoiPath", kDoiPath, DoiPathExamples()},
  };
}
inline std::vector<PatternExamples<CueExample>> AllCueExamples() {
  return {
      {"kComingSoonCue", kComingSoonCue, ComingSoonCueExamples()},
      {"kReleasedCue", kReleasedCue, ReleasedCueExamples()},
      {"kLabelBefore", kLabelBefore, LabelBeforeExamples()},
      {"kOwnCue", kOwnCue, OwnCueExamples()},
      {"kThirdPartyCue", kThirdPartyCue, ThirdPartyCueExamples()},
      {"kComparedNearCue", kComparedNearCue, ComparedNearCueExamples()},
      {"kCitedHrefAfter", kCitedHrefAfter, CitedHrefAfterExamples()},
      {"kProjectPageCue", kProjectPageCue, ProjectPageCueExamples()},
  };
}

}  // namespace link_patterns
}  // namespace citex
