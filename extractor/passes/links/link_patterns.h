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
// Matches (the match is the start only):
//   "see https://x.io"          -> "https://"
//   "fieldhttps://github.com/a" -> "https://" (a link glued to a word starts
//                                  at its scheme)
//   "HTTP://GOOGLE.COM"         -> "HTTP://"
//   "at http: //x.org/a"        -> "http: //"
//   "at https:\n//x.org/a"      -> "https:\n//"
//   "at www.github.com"         -> "www."
//   "github.com/j-h/steering"   -> "github.com/"
//   "at treegrpo.github.io."    -> ".github.io"
// Rejects: "hppt://example.com", "http:/x", "GitHub.com", "node.js",
//   "hf.com/x", "example.com/x" (bare domains are the scan's), "http:     //x"
//   (five spaces: not a wrap).
// The character before a scheme-less start is checked in code (it must not
// be a letter, digit or one of . - _ @ /).
inline constexpr char kLinkStart[] =
    R"((?i)((?:https?|ftp):(?:[ \t]{0,2}\n?[ \t]{0,2})//)|(www\.)|((?:github\.com|huggingface\.co|hf\.co)/)|(\.github\.io))";

// The top-level labels after which a dotted word with no scheme is a link
// when something in the sentence says it is a place (link_find.cc): written
// in lower case ("precession.In", "cluster.It" are sentence joins; the
// generic labels of kBareDomainTlds may also be capitalised, as in
// "NeuroMorpho.Org"), then not followed by a letter, digit, '-' or '_'. Two-letter country labels count
// only after a second-level academic or generic label ("cam.ac.uk",
// "iiitd.edu.in") or when a path follows.
// Matches: "madevolve.org", "NeuroMorpho.Org", "grand-challenge.org", "surfer.nmr.mgh.harvard.edu",
//   "swig.org", "x.io", "cam.ac.uk", "raredx.cn/doctor".
// Rejects: "node.js", "CBLA.exe", "model.py", "e.g.", "Fig.3", "cluster.It",
//   "v1.2.3", "data.csv", "H2O.ai" (a name: ai is not in the list).
inline constexpr const char* kBareDomainTlds[] = {"org", "com", "net", "edu", "gov",
                                                   "io",  "info", "eu", "int", "science"};
// Bare domains that, with no path after them, are the names of platforms and
// companies rather than places ("on GitHub.com", "a federated Twitter or
// X.com alternative"): compared lower-cased, without "www.".
// Rejects as links: "GitHub.com", "X.com", "Amazon.com", "HuggingFace.co".
// Still links: "github.com/a/b" (a path; found by kLinkStart anyway).
inline constexpr const char* kBareDomainNames[] = {
    "github.com", "gitlab.com", "bitbucket.org", "x.com", "twitter.com", "amazon.com",
    "reddit.com", "medium.com", "google.com", "youtube.com", "facebook.com", "linkedin.com",
    "stackoverflow.com", "wikipedia.org", "kaggle.com", "openai.com"};
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
    "at", "from", "on", "via", "see", "visit", "to", "through", "website", "portal",
    "server", "page", "url", "webpage", "homepage", "site"};
inline constexpr const char* kBareDomainWordsAfter[] = {
    "site", "website", "web", "portal", "server", "platform", "database", "page", "homepage",
    "webpage", "webserver"};

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
//   "available for download", "see LINK", "to access the documentation",
//   "archived it in the repository", "deposited to the site",
//   "availability: LINK" (a heading), "is open-source at", "a user-friendly
//   web application LINK", "a web server at".
// Rejects: "unavailable", "availability of data is limited", "releases"
//   (the plural noun: "software releases" is not a release of code),
//   "the open-source quasar platform" (an adjective about someone's tool),
//   "seen", "accessibility".
inline constexpr char kReleasedCue[] =
    R"(\b(?:available|released|release|open[- ]?sourced|publicly|accessible|accessed|access|hosted|)"
    R"(shared|provide[sd]?|providing|can\s+be\s+found|found\s+(?:at|in|on|here)|visit|downloaded|)"
    R"(download|obtained|publish(?:ed)?|see|archived|deposited|)"
    R"((?:is|are|be|been|fully|we)\s+open[- ]?source|)"
    R"(web\s*(?:server|application|app|tool|portal|interface|service)|webserver)\b)"
    R"(|\bavailability\s*:)";

// A label right before the link says what it is: "Code: LINK",
// "Project page: LINK", "GitHub Link: LINK", "Code and models: LINK".
// Matched against the window text that ends just before the link.
// Matches: "code:", "project page:", "github link:", "code and models:",
//   "website:", "with prebuilt binaries and full source:", "projects:",
//   "models on hugging face:", "datasetlink:", "software:", "code url:".
// Rejects: "the code is available at:" (a released cue, not a label),
//   "as follows:".
inline constexpr char kLabelBefore[] =
    R"(\b(?:code|codes|source|source\s+code|github|git|repo|repository|project|projects|page|webpage|)"
    R"(website|homepage|demo|data|dataset|datasets|model|models|weights|checkpoints|link|resources|url|)"
    R"(benchmark|leaderboard|hugging\s*face|hf\s+hub|software|tool|server)(?:\s*(?:links?|urls?))?\s*:\s*$)";

// The paper speaks of the thing as its own.
// Matches: "our code", "our source code", "our project page", "our data and
//   code", "we release", "we open-source", "we make our models", "we provide
//   the codes", "we publicly release", "code and models of this paper",
//   "we construct a dataset", "we developed a teaching application",
//   "we have packaged our model", "our research group", "our initiative",
//   "our method", "our web application".
// Rejects: "we use llama", "their code", "we compare with", "ours" (a method
//   named "ours" in a table is not a code claim), "we used".
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

// The sentence speaks of someone else's work.
// Matches: "we use", "built on", "builds upon", "we build on", "based on", "baselines from",
//   "borrowed from", "adopted from", "provided by", "implementation of",
//   "the official", "publicly released by", "data were downloaded from",
//   "was obtained from", "retrieved from", "from the gaia archive",
//   "smith et al.", "proposed by", "described in", "spectra were taken from",
//   "data are from", "we thank the developers of", "this work made use of".
// Rejects: "our code is available" (no third-party words), "user study",
//   "its official website" (the thing's own site), "can be downloaded from"
//   (an offer, not a use).
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

// A comparison right before the link: what the paper compares with is
// someone else's. Only as the near cue (the 50 bytes before the link): a
// sentence that says "Our method (LINK) outperforms X" speaks of its own.
// Matches: "compared with", "compare against", "in comparison to",
//   "outperforms", "versus", "vs".
// Rejects: "comparable", "a comparison".
inline constexpr char kComparedNearCue[] =
    R"(\b(?:compared?\s+(?:with|to|against)|comparison\s+(?:with|to|against)|outperform(?:s|ing)?|)"
    R"(surpass(?:es|ing)?|versus|vs)\b)";

// A LaTeX \href whose text is a reference ("\href{LINK}{PRL \textbf{133},
// 046802 (2024)}", "\href{LINK}{C. J. Paxman, et al. ... (2025)}"): the link
// points at prior work. Matched against the window text right after the link.
// Matches: "}{prl \textbf{133}, 046802 (2024)}]", "}{smith et al.}".
// Rejects: "}{here}", "}{project page}", " (2024)", "}{here} and then".
inline constexpr char kCitedHrefAfter[] =
    R"(^\}\{(?:[^{}]|\{[^{}]*\})*?(?:\bet\s+al\b|\b(?:19|20)\d\d\b))";

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
