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

#include "extractor/base/arxiv_id.h"

namespace citex {
namespace link_patterns {

// Where a link may start. Four alternatives, all short literals, tried
// leftmost-first:
//   1 a scheme:            http:// https:// ftp:// (any case)
//   2 www.                 www.example.org
//   3 a code/model host    github.com/ huggingface.co/ hf.co/  (the slash is
//     without a scheme:    required: "GitHub.com" alone is a word, not a link)
//   4 a GitHub Pages host: ".github.io"; links.cc walks back over the
//                          labels before it (llm-stacking.github.io).
// Only literals: a pattern such as ([a-z0-9-]+\.)+github\.io would keep a
// possible match alive across a long dotted run ("xwww.xwww.xwww....") and
// make each search scan to its end, which is quadratic over a whole text.
// Matches (the match is the start only):
//   "see https://x.io"          -> "https://"
//   "fieldhttps://github.com/a" -> "https://" (a link glued to a word starts
//                                  at its scheme)
//   "HTTP://GOOGLE.COM"         -> "HTTP://"
//   "at www.github.com"         -> "www."
//   "github.com/j-h/steering"   -> "github.com/"
//   "at treegrpo.github.io."    -> ".github.io"
// Rejects: "hppt://example.com", "http:/x", "GitHub.com", "node.js",
//   "hf.com/x", "example.com/x" (other bare domains are not links in
//   scholarly text: "e.g.", "Fig.3", "node.js", "v1.2.3" look the same).
// The character before a scheme-less start is checked in code (it must not
// be a letter, digit or one of . - _ @ /).
inline constexpr char kLinkStart[] =
    R"((?i)((?:https?|ftp)://)|(www\.)|((?:github\.com|huggingface\.co|hf\.co)/)|(\.github\.io))";

// A repository pasted as the title of its GitHub page, "GitHub - owner/repo:
// description", instead of its address. The title ends at ':' (before the
// description) or at the end of the line (an optional '.' allowed), which
// keeps "GitHub - and/or GitLab" out. Group 1 is owner/repo; it becomes the
// link's text and https://github.com/owner/repo its url.
// Matches: "Codes are available at GitHub - manglu097/Chiron-o1: Enhancing"
//   -> "manglu097/Chiron-o1"; "see Github - IBM/ensemble-instruct." ->
//   "IBM/ensemble-instruct".
// Rejects: "GitHub - the platform", "GitHub-hosted a/b", "GitHub: a/b",
//   "GitHub - a/", "GitHub - and/or GitLab".
inline constexpr char kGithubPageTitle[] =
    R"((?i:\bgithub)\s+-\s+([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]*[A-Za-z0-9_-]))"
    R"((?::|\.?[ \t]*(?:\n|$)))";

// An arXiv article path (after the host arxiv.org): abs/, pdf/ or html/, a
// new-style (2403.07974) or old-style (hep-th/9901001, math.GT/0309136) id
// (extractor/base/arxiv_id.h),
// an optional version and an optional ".pdf". Group 2 is the id without the
// version, group 3 the version.
// Matches: "/abs/2403.07974", "/pdf/2403.07974v2", "/pdf/2403.07974v2.pdf",
//   "/html/2403.07974v1/", "/abs/hep-th/9901001", "/abs/math.GT/0309136v3".
// Rejects: "/list/cs.CL/recent", "/abs/", "/abs/2403.079", "/a/smith_j_1".
inline constexpr char kArxivPath[] =
    R"(^/(abs|pdf|html)/()" CITEX_ARXIV_ID ")(" CITEX_ARXIV_VERSION R"()?(?:\.pdf)?/?$)";

// A DOI as the path of a doi.org link: "10.", a registrant, "/", a suffix.
// Group 1 is the DOI.
// Matches: "/10.1145/3292500.3330701", "/10.5281/zenodo.1234567",
//   "/10.1007/978-3-030-58452-8_13".
// Rejects: "/", "/about", "/10.1145", "/11.1145/x".
inline constexpr char kDoiPath[] = R"(^/(10\.\d{4,9}/\S+)$)";

// The sentence promises the thing for later. Checked before kReleasedCue
// ("will be made available" is not "available").
// Matches: "code will be released soon", "will be made publicly available",
//   "will be open-sourced", "coming soon", "released upon acceptance",
//   "available after publication", "we will release our code",
//   "code is to be released".
// Rejects: "code is available at LINK", "we release our code",
//   "has been released", "soonest" (whole words only).
inline constexpr char kComingSoonCue[] =
    R"(\bwill\s+(?:\w+\s+){0,3}?(?:be\s+(?:\w+\s+){0,2}?)?)"
    R"((?:released?|available|open[- ]?sourced?|public|publicly|shared?|provided?|published?|accessible|uploaded|made)\b)"
    R"(|\bcoming\s+soon\b|\bupon\s+(?:the\s+)?(?:paper\s+)?(?:acceptance|publication)\b)"
    R"(|\bafter\s+(?:the\s+)?(?:paper\s+)?(?:acceptance|publication|review)\b|\bto\s+be\s+(?:released|open[- ]?sourced|made\s+available)\b)";

// The sentence says the thing can be had now.
// Matches: "is available at", "is publicly available", "open-sourced at",
//   "we release", "can be found at", "are released at", "we provide the codes
//   in", "can be accessed at", "is shared in", "visit LINK for details",
//   "available for download".
// Rejects: "unavailable", "availability of data is limited", "releases"
//   (the plural noun: "software releases" is not a release of code).
inline constexpr char kReleasedCue[] =
    R"(\b(?:available|released|release|open[- ]?sourced?|publicly|accessible|accessed|hosted|shared|)"
    R"(provide[sd]?|providing|can\s+be\s+found|found\s+(?:at|in|on|here)|visit|downloaded|download|)"
    R"(obtained|publish(?:ed)?)\b)";

// A label right before the link says what it is: "Code: LINK",
// "Project page: LINK", "GitHub Link: LINK", "Code and models: LINK".
// Matched against the window text that ends just before the link.
// Matches: "code:", "project page:", "github link:", "code and models:",
//   "website:", "with prebuilt binaries and full source:", "projects:",
//   "models on hugging face:".
// Rejects: "the code is available at:" (a released cue, not a label),
//   "as follows:".
inline constexpr char kLabelBefore[] =
    R"(\b(?:code|codes|source|source\s+code|github|git|repo|repository|project|projects|page|webpage|)"
    R"(website|homepage|demo|data|dataset|datasets|model|models|weights|checkpoints|link|resources|url|)"
    R"(benchmark|leaderboard|hugging\s*face|hf\s+hub)\s*:\s*$)";

// The paper speaks of the thing as its own.
// Matches: "our code", "our source code", "our project page", "our data and
//   code", "we release", "we open-source", "we make our models", "we provide
//   the codes", "we publicly release", "code and models of this paper",
//   "we construct a dataset".
// Rejects: "we use llama", "their code", "we compare with", "ours" (a method
//   named "ours" in a table is not a code claim).
inline constexpr char kOwnCue[] =
    R"(\bour\s+(?:[\w-]+,?\s+(?:and\s+|&\s+)?){0,4}?)"
    R"((?:code|codes|codebase|source|implementation|implementations|project|model|models|data|dataset|)"
    R"(datasets|benchmark|page|website|webpage|homepage|repository|repo|weights|checkpoints|tool|toolkit|)"
    R"(library|framework|demo|resources?|system|pipeline|corpus|corpora|agent|materials?)\b)"
    R"(|\bwe\s+(?:\w+\s+)?(?:release|open[- ]?source|make|provide|publish|share|present|introduce|host|)"
    R"(offer|build|construct|create|collect|curate|develop|propose|train)\b)"
    R"(|\bof\s+this\s+(?:paper|work|study)\b)";

// The sentence speaks of someone else's work.
// Matches: "we use", "built on", "builds upon", "we build on", "based on", "baselines from",
//   "borrowed from", "adopted from", "provided by", "implementation of",
//   "the official", "publicly released by".
// Rejects: "our code is available" (no third-party words), "user study".
inline constexpr char kThirdPartyCue[] =
    R"(\b(?:we\s+(?:\w+\s+)?(?:use|used|employ|employed|adopt|adopted|leverage|utilize)|using|uses|)"
    R"(built\s+(?:up)?on|builds?\s+(?:up)?on|based\s+on|baselines?|borrowed|adopted\s+from|adapted\s+from|)"
    R"(taken\s+from|provided\s+by|released\s+by|implementation\s+of|official|third[- ]party|existing)\b)";

// The sentence calls the page a project page: a link on an unknown host
// becomes kind "project".
// Matches: "project page", "project website", "project webpage", "homepage",
//   "home page", "website", "web page", "demo", "demos", "project:".
// Rejects: "the project will be released at LINK" (a project, not its page),
//   "web version".
inline constexpr char kProjectPageCue[] =
    R"(\b(?:project\s+(?:page|site|website|webpage|homepage)|homepage|home\s+page|website|web\s*page|)"
    R"(demos?|project\s*:))";

}  // namespace link_patterns
}  // namespace citex
