#include "extractor/extract.h"

#include "extractor/citations.h"
#include "extractor/links.h"

namespace citex {

void Extract(Paper& paper) {
  paper.links = FindLinks(paper.abstract);
  paper.citations = FindCitations(paper.abstract);
}

}  // namespace citex
