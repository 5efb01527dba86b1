#include "extractor/model.h"

namespace citex {
namespace {

// The name of `value` in `names`, which lists every value in declaration order.
template <typename Enum>
const char* NameOf(const std::vector<EnumName<Enum>>& names, Enum value) {
  return names[static_cast<size_t>(value)].name;
}

}  // namespace

const std::vector<EnumName<LinkKind>>& LinkKindNames() {
  using K = LinkKind;
  static const std::vector<EnumName<LinkKind>> names = {
      {K::kGithub, "github"},
      {K::kHuggingface, "huggingface"},
      {K::kProject, "project"},
      {K::kArxiv, "arxiv"},
      {K::kDoi, "doi"},
      {K::kOther, "other"},
      {K::kGitlab, "gitlab"},
      {K::kBitbucket, "bitbucket"},
      {K::kCodeberg, "codeberg"},
      {K::kGitee, "gitee"},
      {K::kSourceforge, "sourceforge"},
      {K::kAnonymous, "anonymous"},
      {K::kZenodo, "zenodo"},
      {K::kFigshare, "figshare"},
      {K::kOsf, "osf"},
      {K::kKaggle, "kaggle"},
      {K::kDataverse, "dataverse"},
      {K::kDryad, "dryad"},
      {K::kMendeley, "mendeley"},
      {K::kPhysionet, "physionet"},
      {K::kPangaea, "pangaea"},
      {K::kGigadb, "gigadb"},
      {K::kSynapse, "synapse"},
      {K::kModelscope, "modelscope"},
      {K::kPypi, "pypi"},
      {K::kCran, "cran"},
      {K::kBioconductor, "bioconductor"},
      {K::kDockerhub, "dockerhub"},
      {K::kColab, "colab"},
      {K::kPaperswithcode, "paperswithcode"},
      {K::kOpenreview, "openreview"},
      {K::kBiorxiv, "biorxiv"},
      {K::kReadthedocs, "readthedocs"},
  };
  return names;
}

const std::vector<EnumName<LinkCategory>>& LinkCategoryNames() {
  using C = LinkCategory;
  static const std::vector<EnumName<LinkCategory>> names = {
      {C::kCode, "code"},   {C::kModel, "model"},     {C::kDataset, "dataset"},
      {C::kDemo, "demo"},   {C::kPackage, "package"}, {C::kNotebook, "notebook"},
      {C::kPaper, "paper"}, {C::kPage, "page"},       {C::kOther, "other"},
  };
  return names;
}

const std::vector<EnumName<Status>>& StatusNames() {
  static const std::vector<EnumName<Status>> names = {
      {Status::kReleased, "released"},
      {Status::kComingSoon, "coming_soon"},
      {Status::kUnknown, "unknown"},
  };
  return names;
}

const std::vector<EnumName<Role>>& RoleNames() {
  static const std::vector<EnumName<Role>> names = {
      {Role::kOwn, "own"},
      {Role::kThirdParty, "third_party"},
      {Role::kUnknown, "unknown"},
  };
  return names;
}

const std::vector<EnumName<CitationKind>>& CitationKindNames() {
  static const std::vector<EnumName<CitationKind>> names = {
      {CitationKind::kAuthorYear, "author_year"},
      {CitationKind::kNumeric, "numeric"},
      {CitationKind::kArxiv, "arxiv"},
      {CitationKind::kDoi, "doi"},
  };
  return names;
}

void ClearForReuse(Paper& paper) {
  Paper fresh;
  for (std::string Paper::*field : {&Paper::id, &Paper::title, &Paper::abstract, &Paper::year,
                                    &Paper::doi, &Paper::categories, &Paper::key}) {
    (paper.*field).clear();
    (fresh.*field).swap(paper.*field);
  }
  paper.source.path.clear();
  fresh.source.path.swap(paper.source.path);
  paper.authors.clear();
  fresh.authors.swap(paper.authors);
  paper = std::move(fresh);
}

const char* ToString(LinkKind kind) { return NameOf(LinkKindNames(), kind); }
const char* ToString(LinkCategory category) { return NameOf(LinkCategoryNames(), category); }
const char* ToString(Status status) { return NameOf(StatusNames(), status); }
const char* ToString(Role role) { return NameOf(RoleNames(), role); }
const char* ToString(CitationKind kind) { return NameOf(CitationKindNames(), kind); }

}  // namespace citex
