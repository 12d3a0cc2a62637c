// Both writers: well-formed output that keeps the ONTOLOGY.md names, and escaping.
#include "doc2kg/writer.hpp"
#include "doc2kg/error.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>

#include "test_support.hpp"

using namespace doc2kg;
using namespace doc2kg::test;

namespace {

KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  add_to_graph(g, run("题目\n2023-06-29\n作者:\n来源:大众日报\n\n裕园社区获评“全国先进基层党组织”。槐荫区以医养健康为主导产业。",
                      "a.txt"));
  return g;
}

std::string graphml(const KnowledgeGraph& g) {
  std::ostringstream s;
  write_graphml(g, s);
  return s.str();
}

std::string jsonld(const KnowledgeGraph& g) {
  std::ostringstream s;
  write_jsonld(g, s);
  return s.str();
}

}  // namespace

TEST(GraphMLWriter, KeysDeclareTheirDomainAndEdgesCarryTheRelationAsLabel) {
  std::string x = graphml(sample_graph());
  EXPECT_NE(x.find(R"(<key id="labels" for="node" attr.name="labels" attr.type="string"/>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<key id="value" for="node" attr.name="value" attr.type="double"/>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="labels">:Community</data>)"), std::string::npos);
  EXPECT_NE(x.find(R"(label="awarded")"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="relation">leadingIndustry</data>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="rule">awarded.verb</data>)"), std::string::npos);
  EXPECT_NE(x.find(R"(<data key="date">2023-06-29</data>)"), std::string::npos);
}

TEST(GraphMLWriter, EscapesMarkupAndDropsCharactersXmlForbids) {
  EXPECT_EQ(xml_escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
  EXPECT_EQ(xml_escape(std::string("x\x01y")), "x\xEF\xBF\xBDy");  // U+FFFD
  EXPECT_EQ(xml_escape("line\nbreak"), "line&#10;break");
}

TEST(JsonLdWriter, OneContextAndAGraphWithOntologyTypes) {
  rapidjson::Document d;
  std::string text = jsonld(sample_graph());
  d.Parse(text.c_str());
  ASSERT_FALSE(d.HasParseError());
  ASSERT_TRUE(d.HasMember("@context") && d.HasMember("@graph"));
  EXPECT_STREQ(d["@context"]["name"].GetString(), "schema:name");
  bool community = false, statement = false;
  for (const auto& n : d["@graph"].GetArray()) {
    std::string type = n["@type"].GetString();
    if (type == "Community") {
      community = true;
      EXPECT_STREQ(n["name"].GetString(), "裕园社区");
      EXPECT_STREQ(n["awarded"][0].GetString(), "Honor/全国先进基层党组织");
    }
    if (type == "Statement") {
      statement = true;
      EXPECT_TRUE(n.HasMember("sentence") && n.HasMember("startOffset") && n.HasMember("rule"));
    }
  }
  EXPECT_TRUE(community);
  EXPECT_TRUE(statement);
}

TEST(Writers, SameInputGivesIdenticalBytes) {
  EXPECT_EQ(graphml(sample_graph()), graphml(sample_graph()));
  EXPECT_EQ(jsonld(sample_graph()), jsonld(sample_graph()));
}

TEST(Writers, FormatFollowsTheExtension) {
  EXPECT_EQ(format_of_path("out.graphml", Format::JsonLd), Format::GraphML);
  EXPECT_EQ(format_of_path("out.jsonld", Format::GraphML), Format::JsonLd);
  EXPECT_EQ(format_of_path("-", Format::JsonLd), Format::JsonLd);
  EXPECT_THROW(parse_format("csv"), Error);
}
