#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/writer.h"

namespace citex {
namespace {

Paper FullPaper() {
  Paper paper;
  paper.index = 3;
  paper.id = "2310.13961";
  paper.title = "Ensemble-Instruct: \"quoted\" \xC3\xBC";
  paper.abstract = "...";
  paper.source = {"samples/daily-papers.txt", 73};
  paper.authors = {"Young-Suk Lee", "M\xC3\xBCller"};
  paper.year = "2023";
  paper.tex.title = true;
  paper.tex.abstract = true;
  paper.key = "lee2023ensembleinstruct";
  Link link;
  link.url = "https://github.com/IBM/ensemble-instruct";
  link.text = "https://github.com/IBM/ensemble-instruct";
  link.span = {1803, 1843};
  link.kind = LinkKind::kGithub;
  link.type = "repo";
  link.name = "IBM/ensemble-instruct";
  link.status = Status::kReleased;
  link.role = Role::kOwn;
  paper.links.push_back(link);
  Citation citation;
  citation.text = "Wang et al., 2023";
  citation.span = {95, 112};
  citation.authors = {"Wang"};
  citation.et_al = true;
  citation.year = "2023";
  citation.label = "Self-Instruct";
  citation.key = "wang2023selfinstruct";
  paper.citations.push_back(citation);
  return paper;
}

TEST(JsonWriter, RecordHasTheInterfaceFieldsInOrder) {
  std::string out;
  AppendPaperJson(out, FullPaper());
  EXPECT_EQ(
      out,
      R"({"index":3,"id":"2310.13961","title":"Ensemble-Instruct: \"quoted\" )"
      "\xC3\xBC"
      R"(","source":{"path":"samples/daily-papers.txt","line":73},"authors":["Young-Suk Lee","M)"
      "\xC3\xBC"
      R"(ller"],"year":"2023","doi":null,"categories":null,"tex":["title","abstract"],"key":"lee2023ensembleinstruct","links":[{"url":"https://github.com/IBM/ensemble-instruct","text":"https://github.com/IBM/ensemble-instruct","span":[1803,1843],"kind":"github","category":"other","type":"repo","name":"IBM/ensemble-instruct","canonical":null,"status":"released","role":"own","expires":false}],"citations":[{"text":"Wang et al., 2023","span":[95,112],"kind":"author_year","authors":["Wang"],"et_al":true,"year":"2023","label":"Self-Instruct","id":null,"key":"wang2023selfinstruct"}]})");
  EXPECT_TRUE(nlohmann::json::parse(out).is_object());
}

TEST(JsonWriter, InvalidUtf8AndControlCharactersComeOutAsValidJson) {
  std::string out;
  AppendJsonString(out, std::string("a\xFF\xC3(b\x01\n\t\\\"\xF0\x9F\x98\x80\xED\xA0\x80", 17));
  EXPECT_EQ(out,
            "\"a\xEF\xBF\xBD\xEF\xBF\xBD(b\\u0001\\n\\t\\\\\\\"\xF0\x9F\x98\x80"
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(),
            "a\xEF\xBF\xBD\xEF\xBF\xBD(b\x01\n\t\\\"\xF0\x9F\x98\x80\xEF\xBF\xBD\xEF\xBF\xBD"
            "\xEF\xBF\xBD");
}

// Strings are scanned eight bytes a step: each byte that needs escaping is
// found at every position in and across those steps, and at the tail.
TEST(JsonWriter, EscapesAreFoundAtEveryPositionOfAWord) {
  const std::pair<std::string, std::string> escapes[] = {
      {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"},  {std::string(1, '\0'), "\\u0000"},
      {"\x1F", "\\u001f"}, {"\xC3\xA9", "\xC3\xA9"}, {"\xFF", "\xEF\xBF\xBD"}, {"\x7F", "\x7F"},
  };
  for (const auto& [raw, escaped] : escapes) {
    for (size_t before = 0; before < 20; ++before) {
      const std::string text = std::string(before, 'a') + raw + std::string(19 - before, 'b');
      std::string out;
      AppendJsonString(out, text);
      EXPECT_EQ(out, "\"" + std::string(before, 'a') + escaped + std::string(19 - before, 'b') + "\"")
          << "byte " << before;
    }
  }
}

TEST(JsonWriter, DocumentAndLines) {
  Paper empty;
  empty.source = {"-", 1};
  std::string out;
  auto json = FindFormat("json")->make({});
  json->Begin(out);
  json->End(out);
  EXPECT_EQ(out, "{\"papers\": [\n]}\n");
  out.clear();
  json = FindFormat("json")->make({});
  json->Begin(out);
  json->Write(FullPaper(), out);
  json->Write(empty, out);
  json->End(out);
  const nlohmann::json doc = nlohmann::json::parse(out);
  ASSERT_EQ(doc["papers"].size(), 2u);
  EXPECT_EQ(doc["papers"][1]["id"], nullptr);
  EXPECT_EQ(doc["papers"][1]["links"], nlohmann::json::array());
  out.clear();
  auto lines = FindFormat("jsonl")->make({});
  lines->Begin(out);
  lines->Write(empty, out);
  lines->Write(empty, out);
  lines->End(out);
  EXPECT_EQ(out,
            "{\"index\":0,\"id\":null,\"title\":null,\"source\":{\"path\":\"-\",\"line\":1},"
            "\"authors\":[],\"year\":null,\"doi\":null,\"categories\":null,\"tex\":[],\"key\":null,"
            "\"links\":[],"
            "\"citations\":[]}\n"
            "{\"index\":0,\"id\":null,\"title\":null,\"source\":{\"path\":\"-\",\"line\":1},"
            "\"authors\":[],\"year\":null,\"doi\":null,\"categories\":null,\"tex\":[],\"key\":null,"
            "\"links\":[],"
            "\"citations\":[]}\n");
}

}  // namespace
}  // namespace citex
