// Extracts from one abstract with the installed library and prints JSON Lines.
#include <extractor/passes/pass.h>
#include <formats/writer.h>

#include <cstdio>

int main() {
  citex::Paper paper;
  paper.title = "Consumer";
  paper.abstract = "Code is available at https://github.com/a/b.";
  citex::Extract(paper);
  std::string out;
  auto writer = citex::FindFormat("jsonl")->make({});
  writer->Write(paper, out);
  std::fputs(out.c_str(), stdout);
  return paper.links.size() == 1 ? 0 : 1;
}
