#include "extractor/passes/links/hosts.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <memory>

#include "extractor/base/per_thread.h"
#include "extractor/base/text.h"
#include "extractor/passes/links/link_patterns.h"

namespace citex {
namespace {

using C = LinkCategory;
using K = LinkKind;

// "/owner/repo", "/owner/repo.git" and "/owner/repo/tree/main" all name
// "owner/repo" (lazy, so ".git" stays out of the name).
constexpr char kOwnerRepo[] = R"(^/([^/]+/[^/]+?)(?:\.git)?(?:/.*)?$)";
// "/owner" alone.
constexpr char kOwner[] = R"(^/([^/]+)/?$)";
// The last rule of a row whose host alone says what a link is.
constexpr char kAny[] = R"(^.*$)";

const std::vector<HostRule>& BuildRules() {
  static const std::vector<HostRule> rules = {
      {"github",
       R"(github\.com)",
       K::kGithub,
       {{R"(^/(?:orgs|users)/([^/]+)(?:/.*)?$)", "user", C::kCode, 1, true},
        // GitHub's own pages, which name no repository.
        {R"(^/(?:features|topics|collections|marketplace|explore|sponsors|settings|about|pricing|)"
         R"(enterprise|login|join|search|trending|apps|site|security|orgs|users|readme|events|)"
         R"(customer-stories|notifications|new)(?:/.*)?$)",
         "page", C::kPage, 0},
        {kOwner, "user", C::kCode, 1, true},
        {kOwnerRepo, "repo", C::kCode, 1, true},
        {kAny, "page", C::kPage, 0}},
       false,
       "",
       {{"https://github.com/IBM/ensemble-instruct", "repo", "IBM/ensemble-instruct"},
        {"https://github.com/a/b.git", "repo", "a/b"},
        {"https://github.com/a/b/tree/main/src", "repo", "a/b"},
        {"https://github.com/orgs/Owner/repositories", "user", "Owner"},
        {"https://github.com/Owner", "user", "Owner"},
        {"https://github.com/topics/llm", "page", ""},
        {"https://github.com", "page", ""}},
       {"https://gist.github.com/a/1", "https://mygithub.com/a/b"}},
      {"github-gist",
       R"(gist\.github\.com)",
       K::kGithub,
       {{R"(^/([^/]+(?:/[^/]+)?)(?:/.*)?$)", "gist", C::kCode, 1, false},
        {kAny, "gist", C::kCode, 0}},
       false,
       "",
       {{"https://gist.github.com/karpathy/8627fe", "gist", "karpathy/8627fe"},
        {"https://gist.github.com/8627fe", "gist", "8627fe"}},
       {"https://github.com/karpathy"}},
      {"github-raw",
       R"(raw\.githubusercontent\.com)",
       K::kGithub,
       {{kOwnerRepo, "file", C::kCode, 1, true}, {kAny, "file", C::kCode, 0}},
       false,
       "",
       {{"https://raw.githubusercontent.com/a/b/main/x.txt", "file", "a/b"}},
       {}},
      {"github-pages",
       R"([^/]+\.github\.io)",
       K::kProject,
       {{kAny, "page", C::kPage, 0}},
       false,
       "",
       {{"https://llm-stacking.github.io/", "page", ""}},
       {"https://github.io.example.org/"}},
      {"huggingface",
       R"(huggingface\.co|hf\.co)",
       K::kHuggingface,
       {{R"(^/datasets/([^/]+/[^/]+)(?:/.*)?$)", "dataset", C::kDataset},
        // A canonical dataset without an owner ("squad").
        {R"(^/datasets/([^/]+)/?$)", "dataset", C::kDataset},
        {R"(^/spaces/([^/]+/[^/]+)(?:/.*)?$)", "space", C::kDemo},
        {R"(^/collections/([^/]+/[^/]+)(?:/.*)?$)", "collection", C::kOther},
        {R"(^/papers/([^/]+)(?:/.*)?$)", "paper", C::kPaper},
        {R"(^/docs(?:/.*)?$)", "docs", C::kPage, 0},
        {R"(^/blog(?:/.*)?$)", "blog", C::kPage, 0},
        {R"(^/organizations/([^/]+)(?:/.*)?$)", "user", C::kPage},
        {R"(^/(?:models|tasks|learn|join|login|pricing|settings|chat|api|posts|enterprise|)"
         R"(organizations|new|terms-of-service|privacy|inference-endpoints|spaces|search|)"
         R"(datasets|collections|papers)(?:/.*)?$)",
         "page", C::kPage, 0},
        {kOwner, "user", C::kPage},
        {R"(^/([^/]+/[^/]+)(?:/.*)?$)", "model", C::kModel},
        {kAny, "page", C::kPage, 0}},
       false,
       "huggingface.co",
       {{"https://huggingface.co/stabilityai/stable-code-3b", "model",
         "stabilityai/stable-code-3b"},
        {"https://hf.co/datasets/ibm/ei-data/viewer", "dataset", "ibm/ei-data"},
        {"https://huggingface.co/datasets/squad", "dataset", "squad"},
        {"https://huggingface.co/spaces/shifeng3711/gg_prior", "space", "shifeng3711/gg_prior"},
        {"https://huggingface.co/papers/2403.07974", "paper", "2403.07974"},
        {"https://huggingface.co/organizations/ibm", "user", "ibm"},
        {"https://huggingface.co/ibm", "user", "ibm"},
        {"https://huggingface.co/docs/hub", "docs", ""},
        {"https://huggingface.co/models", "page", ""}},
       {"https://hf.com/a/b"}},
      {"arxiv",
       R"(arxiv\.org|export\.arxiv\.org)",
       K::kArxiv,
       {{link_patterns::kArxivPath, "paper", C::kPaper, 2}, {kAny, "page", C::kPaper, 0}},
       false,
       "arxiv.org",
       {{"https://arxiv.org/abs/2403.07974v2", "paper", "2403.07974"},
        {"https://export.arxiv.org/pdf/hep-th/9901001", "paper", "hep-th/9901001"},
        {"https://arxiv.org/list/cs.CL/recent", "page", ""}},
       {}},
      // Data DOIs before the DOI row: a DOI under the registrant of a data
      // repository names a data set (or an archived release), not a paper.
      {"zenodo-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kZenodo,
       {{R"((?i)^/(10\.5281/zenodo\.\d+)/?$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.5281/zenodo.1234567", "record", "10.5281/zenodo.1234567"}},
       {"https://doi.org/10.1145/3292500.3330701"}},
      {"figshare-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kFigshare,
       {{R"((?i)^/(10\.6084/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.6084/m9.figshare.12345.v2", "record", "10.6084/m9.figshare.12345.v2"}},
       {}},
      {"dryad-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kDryad,
       {{R"((?i)^/(10\.5061/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.5061/dryad.abc123", "record", "10.5061/dryad.abc123"}},
       {}},
      {"dataverse-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kDataverse,
       {{R"((?i)^/(10\.7910/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.7910/DVN/ABC123", "record", "10.7910/DVN/ABC123"}},
       {}},
      {"pangaea-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kPangaea,
       {{R"((?i)^/(10\.1594/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.1594/PANGAEA.123456", "record", "10.1594/PANGAEA.123456"}},
       {}},
      {"mendeley-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kMendeley,
       {{R"((?i)^/(10\.17632/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.17632/abcd1234.1", "record", "10.17632/abcd1234.1"}},
       {}},
      {"physionet-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kPhysionet,
       {{R"((?i)^/(10\.13026/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.13026/C2HM2Q", "record", "10.13026/C2HM2Q"}},
       {}},
      {"gigadb-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kGigadb,
       {{R"((?i)^/(10\.5524/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.5524/100102", "record", "10.5524/100102"}},
       {}},
      {"osf-doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kOsf,
       {{R"((?i)^/(10\.17605/osf\.io/\S+)$)", "record", C::kDataset, 1, true}},
       false,
       "doi.org",
       {{"https://doi.org/10.17605/OSF.IO/R5VW6", "record", "10.17605/OSF.IO/R5VW6"}},
       {"https://doi.org/10.17605/other"}},
      {"doi",
       R"(doi\.org|dx\.doi\.org)",
       K::kDoi,
       {{link_patterns::kDoiPath, "paper", C::kPaper, 1, true}, {kAny, "page", C::kPage, 0}},
       false,
       "doi.org",
       {{"https://doi.org/10.1145/3292500.3330701", "paper", "10.1145/3292500.3330701"},
        {"https://dx.doi.org/10.1007/978-3-030-58452-8_13", "paper",
         "10.1007/978-3-030-58452-8_13"},
        {"https://doi.org/", "page", ""}},
       {}},
      // Code hosts. Self-hosted GitLab lives at gitlab.<institution>; JiHu is
      // GitLab's Chinese edition.
      {"gitlab",
       R"(gitlab(?:\.[a-z0-9-]+)+|jihulab\.com)",
       K::kGitlab,
       {{R"(^/((?:[^/-][^/]*/)+?[^/-][^/]*?)(?:\.git)?(?:/-(?:/.*)?)?/?$)", "repo", C::kCode, 1,
         true},
        {kOwner, "user", C::kCode, 1, true},
        {kAny, "page", C::kCode, 0}},
       false,
       "",
       {{"https://gitlab.com/a/b", "repo", "a/b"},
        {"https://gitlab.com/group/sub/proj.git", "repo", "group/sub/proj"},
        {"https://gitlab.inria.fr/team/tool/-/tree/main", "repo", "team/tool"},
        {"https://jihulab.com/a/b", "repo", "a/b"},
        {"https://gitlab.com/a", "user", "a"}},
       {"https://notgitlab.com/a/b", "https://gitlab/a/b"}},
      {"bitbucket",
       R"(bitbucket\.org)",
       K::kBitbucket,
       {{kOwner, "user", C::kCode, 1, true},
        {kOwnerRepo, "repo", C::kCode, 1, true},
        {kAny, "page", C::kCode, 0}},
       false,
       "",
       {{"https://bitbucket.org/a/b/src/master/", "repo", "a/b"},
        {"https://bitbucket.org/a", "user", "a"}},
       {}},
      {"codeberg",
       R"(codeberg\.org)",
       K::kCodeberg,
       {{kOwner, "user", C::kCode, 1, true},
        {kOwnerRepo, "repo", C::kCode, 1, true},
        {kAny, "page", C::kCode, 0}},
       false,
       "",
       {{"https://codeberg.org/a/b", "repo", "a/b"}},
       {}},
      {"gitee",
       R"(gitee\.com)",
       K::kGitee,
       {{kOwner, "user", C::kCode, 1, true},
        {kOwnerRepo, "repo", C::kCode, 1, true},
        {kAny, "page", C::kCode, 0}},
       false,
       "",
       {{"https://gitee.com/WendaWang/DCI-score.git", "repo", "WendaWang/DCI-score"}},
       {}},
      {"sourceforge",
       R"(sourceforge\.net|[a-z0-9-]+\.sourceforge\.(?:net|io))",
       K::kSourceforge,
       {{R"(^/(?:projects|p)/([^/]+)(?:/.*)?$)", "repo", C::kCode, 1, true},
        {kAny, "page", C::kCode, 0}},
       false,
       "",
       {{"https://sourceforge.net/projects/rpore/", "repo", "rpore"},
        {"https://sourceforge.net/p/tool/code", "repo", "tool"},
        {"https://tool.sourceforge.net/", "page", ""}},
       {}},
      // The anonymous copies reviewers are sent to; taken down after review.
      {"anonymous",
       R"(anonymous\.4open\.science)",
       K::kAnonymous,
       {{R"(^/r/([^/]+)(?:/.*)?$)", "repo", C::kCode}, {kAny, "page", C::kCode, 0}},
       true,
       "",
       {{"https://anonymous.4open.science/r/RMCD-DBD1", "repo", "RMCD-DBD1"},
        {"https://anonymous.4open.science/r/MEvoN-7416/", "repo", "MEvoN-7416"}},
       {}},
      // Data repositories: every link to one is data, whatever the page.
      {"zenodo",
       R"(zenodo\.org|sandbox\.zenodo\.org)",
       K::kZenodo,
       {{R"(^/records?/(\d+)(?:/.*)?$)", "record", C::kDataset},
        {R"((?i)^/doi/(10\.5281/zenodo\.\d+)/?$)", "record", C::kDataset, 1, true},
        {R"(^/communities/([^/]+)(?:/.*)?$)", "community", C::kDataset},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://zenodo.org/records/15348712", "record", "15348712"},
        {"https://zenodo.org/record/15348712/files/x.zip", "record", "15348712"},
        {"https://zenodo.org/doi/10.5281/zenodo.6368347", "record", "10.5281/zenodo.6368347"},
        {"https://zenodo.org/communities/astro", "community", "astro"}},
       {}},
      {"figshare",
       R"((?:[a-z0-9-]+\.)*figshare\.com)",
       K::kFigshare,
       {{R"(^/articles/(?:[^/]+/)*?(\d+)(?:/\d+)?/?$)", "record", C::kDataset},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://figshare.com/articles/dataset/My_data/12345/2", "record", "12345"},
        {"https://rdr.ucl.ac.uk.figshare.com/", "page", ""}},
       {}},
      {"osf",
       R"(osf\.io)",
       K::kOsf,
       {{R"(^/preprints/.*$)", "paper", C::kPaper, 0},
        {R"(^/([a-z0-9]{5})(?:/.*)?$)", "project", C::kDataset},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://osf.io/r5vw6", "project", "r5vw6"},
        {"https://osf.io/preprints/psyarxiv/abcde", "paper", ""}},
       {}},
      {"kaggle",
       R"(kaggle\.com)",
       K::kKaggle,
       {{R"(^/datasets/([^/]+/[^/]+)(?:/.*)?$)", "dataset", C::kDataset},
        {R"(^/competitions/([^/]+)(?:/.*)?$)", "competition", C::kDataset},
        {R"(^/models/([^/]+/[^/]+)(?:/.*)?$)", "model", C::kModel},
        {R"(^/code/([^/]+/[^/]+)(?:/.*)?$)", "notebook", C::kNotebook},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://www.kaggle.com/datasets/briscdataset/brisc2025/", "dataset",
         "briscdataset/brisc2025"},
        {"https://kaggle.com/competitions/titanic", "competition", "titanic"},
        {"https://www.kaggle.com/benchmarks/google/facts", "page", ""}},
       {}},
      {"dataverse",
       R"((?:[a-z0-9-]+\.)*dataverse(?:\.[a-z0-9-]+)+|borealisdata\.ca|recherche\.data\.gouv\.fr)",
       K::kDataverse,
       {{R"(^/dataset\.xhtml/?$)", "dataset", C::kDataset, 0},
        {R"(^/dataverse/([^/]+)/?$)", "collection", C::kDataset},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/X", "dataset",
         ""},
        {"https://dataverse.nl/dataverse/tilburg", "collection", "tilburg"},
        {"https://data.dataverse.example.edu/", "page", ""}},
       {"https://dataverses.com/x"}},
      {"dryad",
       R"(datadryad\.org)",
       K::kDryad,
       {{R"((?i)^/stash/dataset/doi:(10\.5061/[^/]+)/?$)", "dataset", C::kDataset, 1, true},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://datadryad.org/stash/dataset/doi:10.5061/dryad.abc", "dataset",
         "10.5061/dryad.abc"}},
       {}},
      {"mendeley",
       R"(data\.mendeley\.com)",
       K::kMendeley,
       {{R"(^/datasets/([a-z0-9]+)(?:/.*)?$)", "dataset", C::kDataset},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://data.mendeley.com/datasets/abcd1234/1", "dataset", "abcd1234"}},
       {"https://www.mendeley.com/catalogue/x"}},
      {"physionet",
       R"(physionet\.org)",
       K::kPhysionet,
       {{R"(^/content/([^/]+)(?:/.*)?$)", "dataset", C::kDataset}, {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://physionet.org/content/mimiciv/2.2/", "dataset", "mimiciv"}},
       {}},
      {"pangaea",
       R"((?:doi\.)?pangaea\.de)",
       K::kPangaea,
       {{R"((?i)^/(10\.1594/[^/]+)/?$)", "dataset", C::kDataset, 1, true},
        {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://doi.pangaea.de/10.1594/PANGAEA.123", "dataset", "10.1594/PANGAEA.123"}},
       {}},
      {"gigadb",
       R"(gigadb\.org)",
       K::kGigadb,
       {{R"(^/dataset/(\d+)/?$)", "dataset", C::kDataset}, {kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"http://gigadb.org/dataset/100102", "dataset", "100102"}},
       {}},
      {"synapse",
       R"(synapse\.org)",
       K::kSynapse,
       {{kAny, "page", C::kDataset, 0}},
       false,
       "",
       {{"https://www.synapse.org/#!Synapse:syn123", "page", ""}},
       {}},
      // Models, packages, notebooks, papers and documentation.
      {"modelscope",
       R"(modelscope\.cn)",
       K::kModelscope,
       {{R"(^/models/([^/]+/[^/]+)(?:/.*)?$)", "model", C::kModel},
        {R"(^/datasets/([^/]+/[^/]+)(?:/.*)?$)", "dataset", C::kDataset},
        {R"(^/studios/([^/]+/[^/]+)(?:/.*)?$)", "space", C::kDemo},
        {kAny, "page", C::kModel, 0}},
       false,
       "",
       {{"https://modelscope.cn/models/qwen/Qwen-7B", "model", "qwen/Qwen-7B"},
        {"https://www.modelscope.cn/datasets/a/b", "dataset", "a/b"}},
       {}},
      {"pypi",
       R"(pypi\.org|pypi\.python\.org)",
       K::kPypi,
       {{R"(^/(?:project|pypi)/([^/]+)(?:/.*)?$)", "package", C::kPackage, 1, true},
        {kAny, "page", C::kPackage, 0}},
       false,
       "pypi.org",
       {{"https://pypi.org/project/citex/1.0/", "package", "citex"},
        {"https://pypi.python.org/pypi/numpy", "package", "numpy"}},
       {"https://test.pypi.org/project/x"}},
      {"cran",
       R"(cran\.r-project\.org|cran\.rstudio\.com)",
       K::kCran,
       {{R"(^/(?:web/packages/|package=)([A-Za-z0-9.]+)(?:/.*)?$)", "package", C::kPackage},
        {kAny, "page", C::kPackage, 0}},
       false,
       "cran.r-project.org",
       {{"http://cran.r-project.org/web/packages/metaMix", "package", "metaMix"},
        {"http://cran.r-project.org/package=qqman", "package", "qqman"}},
       {}},
      {"bioconductor",
       R"(bioconductor\.org)",
       K::kBioconductor,
       {{R"(^/packages/(?:[^/]+/bioc/html/)?([A-Za-z0-9.]+?)(?:\.html)?/?$)", "package",
         C::kPackage},
        {kAny, "page", C::kPackage, 0}},
       false,
       "",
       {{"https://bioconductor.org/packages/DESeq2", "package", "DESeq2"},
        {"https://bioconductor.org/packages/release/bioc/html/DESeq2.html", "package", "DESeq2"}},
       {}},
      {"dockerhub",
       R"(hub\.docker\.com)",
       K::kDockerhub,
       {{R"(^/r/([^/]+/[^/]+)(?:/.*)?$)", "image", C::kPackage},
        {R"(^/_/([^/]+)(?:/.*)?$)", "image", C::kPackage},
        {kAny, "page", C::kPackage, 0}},
       false,
       "",
       {{"https://hub.docker.com/r/razeineldin/ht-cnns", "image", "razeineldin/ht-cnns"},
        {"https://hub.docker.com/_/python", "image", "python"}},
       {}},
      {"colab",
       R"(colab\.research\.google\.com)",
       K::kColab,
       {{R"(^/drive/([^/]+)/?$)", "notebook", C::kNotebook},
        {R"(^/github/(.+)$)", "notebook", C::kNotebook},
        {kAny, "page", C::kNotebook, 0}},
       false,
       "",
       {{"https://colab.research.google.com/drive/1AbC", "notebook", "1AbC"},
        {"https://colab.research.google.com/github/a/b/blob/main/x.ipynb", "notebook",
         "a/b/blob/main/x.ipynb"}},
       {}},
      {"paperswithcode",
       R"(paperswithcode\.com)",
       K::kPaperswithcode,
       {{R"(^/paper/([^/]+)/?$)", "paper", C::kPaper},
        {R"(^/dataset/([^/]+)/?$)", "dataset", C::kDataset},
        {kAny, "page", C::kPage, 0}},
       false,
       "",
       {{"https://paperswithcode.com/paper/attention-is-all", "paper", "attention-is-all"},
        {"https://paperswithcode.com/dataset/imagenet", "dataset", "imagenet"},
        {"https://paperswithcode.com/sota", "page", ""}},
       {}},
      {"openreview",
       R"(openreview\.net)",
       K::kOpenreview,
       {{R"(^/(?:forum|pdf)/?$)", "paper", C::kPaper, 0}, {kAny, "page", C::kPage, 0}},
       false,
       "",
       {{"https://openreview.net/forum?id=abc", "paper", ""},
        {"https://openreview.net/group?id=ICLR.cc", "page", ""}},
       {}},
      {"biorxiv",
       R"(biorxiv\.org|medrxiv\.org)",
       K::kBiorxiv,
       {{R"(^/content/(10\.1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d+)(?:v\d+)?(?:[./].*)?$)", "paper",
         C::kPaper},
        {kAny, "page", C::kPaper, 0}},
       false,
       "",
       {{"https://www.biorxiv.org/content/10.1101/2020.01.01.123456v2", "paper",
         "10.1101/2020.01.01.123456"},
        {"https://www.biorxiv.org/content/10.1101/123456v1.full.pdf", "paper", "10.1101/123456"}},
       {}},
      {"readthedocs",
       R"([a-z0-9-]+\.(?:readthedocs\.(?:io|org)|rtfd\.io))",
       K::kReadthedocs,
       {{kAny, "docs", C::kPage, 0}},
       false,
       "",
       {{"https://camels.readthedocs.io/en/latest/", "docs", ""}},
       {"https://readthedocs.org/"}},
  };
  return rules;
}

RE2::Options Latin1() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(true);
  return options;
}

// The rows' patterns, compiled once a thread (base/per_thread.h). `hosts`
// holds every row's host pattern, so one scan of a host finds the rows that
// take it: a url on no known host (most of them) costs one match, not one a
// row.
struct CompiledRules {
  CompiledRules();
  std::unique_ptr<RE2::Set> hosts;
  std::vector<std::vector<std::unique_ptr<RE2>>> paths;  // by row
};

CompiledRules::CompiledRules() : hosts(std::make_unique<RE2::Set>(Latin1(), RE2::ANCHOR_BOTH)) {
  for (const HostRule& rule : HostRules()) {
    std::string error;
    if (hosts->Add(rule.host, &error) < 0) {
      std::fprintf(stderr, "citex: host pattern of %s: %s\n", rule.name, error.c_str());
      std::abort();
    }
    std::vector<std::unique_ptr<RE2>> row;
    for (const PathRule& path : rule.paths) {
      row.push_back(std::make_unique<RE2>(path.pattern, Latin1()));
    }
    paths.push_back(std::move(row));
  }
  if (!hosts->Compile()) {
    std::fputs("citex: the host patterns do not fit RE2's memory budget\n", stderr);
    std::abort();
  }
}

const CompiledRules& Compiled() { return PerThread<CompiledRules>(); }

// Whether the row takes the path; fills `match` when it does.
bool MatchRow(const HostRule& rule, const std::vector<std::unique_ptr<RE2>>& paths,
              std::string_view path, HostMatch* match) {
  for (size_t i = 0; i < rule.paths.size(); ++i) {
    const PathRule& p = rule.paths[i];
    const RE2& re = *paths[i];
    re2::StringPiece groups[4];
    const int n = std::min(re.NumberOfCapturingGroups() + 1, 4);
    if (!re.Match(re2::StringPiece(path.data(), path.size()), 0, path.size(), RE2::ANCHOR_BOTH,
                  groups, n)) {
      continue;
    }
    match->rule = &rule;
    match->kind = rule.kind;
    match->category = p.category;
    match->type = p.type;
    match->expires = rule.expires;
    if (p.name_group > 0 && p.name_group < n && groups[p.name_group].data() != nullptr) {
      const re2::StringPiece name = groups[p.name_group];
      match->name.assign(name.data(), name.size());
      match->name_start = static_cast<size_t>(name.data() - path.data());
      match->name_size = name.size();
      match->fold = p.fold_case;
    }
    return true;
  }
  return false;
}

}  // namespace

const std::vector<HostRule>& HostRules() { return BuildRules(); }

UrlParts SplitUrl(std::string_view url) {
  UrlParts parts;
  size_t p = url.find("://");
  if (p != std::string_view::npos) {
    parts.scheme = url.substr(0, p);
    p += 3;
  } else {
    p = 0;
  }
  size_t auth_end = url.find_first_of("/?#", p);
  if (auth_end == std::string_view::npos) auth_end = url.size();
  std::string_view auth = url.substr(p, auth_end - p);
  if (size_t at = auth.rfind('@'); at != std::string_view::npos) auth = auth.substr(at + 1);
  if (size_t colon = auth.rfind(':'); colon != std::string_view::npos) {
    parts.port = auth.substr(colon + 1);
    auth = auth.substr(0, colon);
  }
  parts.host = AsciiLower(auth);
  if (parts.host.compare(0, 4, "www.") == 0) parts.host.erase(0, 4);
  const std::string_view rest = url.substr(auth_end);
  const size_t hash = rest.find('#');
  const std::string_view before_hash = rest.substr(0, hash);
  if (hash != std::string_view::npos) {
    parts.has_fragment = true;
    parts.fragment = rest.substr(hash + 1);
  }
  const size_t question = before_hash.find('?');
  parts.path = before_hash.substr(0, question);
  if (question != std::string_view::npos) {
    parts.has_query = true;
    parts.query = before_hash.substr(question + 1);
  }
  return parts;
}

HostMatch MatchHost(std::string_view url) {
  const UrlParts parts = SplitUrl(url);
  const std::vector<HostRule>& rules = HostRules();
  const CompiledRules& compiled = Compiled();
  HostMatch match;
  std::vector<int> rows;
  if (!compiled.hosts->Match(parts.host, &rows)) return match;
  // The Set reports rows in no set order; the table's order decides.
  std::sort(rows.begin(), rows.end());
  for (const int row : rows) {
    if (MatchRow(rules[row], compiled.paths[row], parts.path, &match)) return match;
  }
  return match;
}

bool IsDataDoi(std::string_view doi) {
  const HostMatch match = MatchHost("https://doi.org/" + std::string(doi));
  return match.category == LinkCategory::kDataset;
}

}  // namespace citex
