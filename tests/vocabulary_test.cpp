// The vocabulary: ids and IRIs and back, property tables, datatypes, and the
// text every output may carry.
#include "graph/vocabulary.hpp"

#include <gtest/gtest.h>

using namespace doc2kg;

namespace {

const std::string kPua = "\xEE\x80\x85";  // U+E005, a private-use code point (the pipeline's placeholders)
const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST(Vocabulary, NodeIdsAreStableAndIriSafe) {
  EXPECT_EQ(node_id("District", "槐荫区"), "District/槐荫区");
  EXPECT_EQ(node_id("Initiative", "福润泉城 彩韵槐荫"), "Initiative/福润泉城%20彩韵槐荫");
  EXPECT_EQ(node_id("Initiative", "a/b?c#d"), "Initiative/a%2Fb%3Fc%23d");
  EXPECT_EQ(node_id("Honor", "(2023)!$&'*+,;=:@~"), "Honor/(2023)!$&'*+,;=:@~");  // what ipchar allows stays
  EXPECT_EQ(node_iri("District", "槐荫区"), "https://doc2kg.org/id/District/槐荫区");
  NodeData n;
  n.type = "Indicator";
  n.name = "增加值";
  n.key = "槐荫区|增加值|22.4";
  EXPECT_EQ(node_id(n), "Indicator/槐荫区%7C增加值%7C22.4");  // the key, not the name
  n.key.clear();
  EXPECT_EQ(node_id(n), "Indicator/增加值");
}

TEST(Vocabulary, NodeIrisNeverHoldPrivateUseOrInvalidCodePoints) {
  std::string id = node_id("Indicator", "高于" + kPua + "平均水平");
  EXPECT_EQ(id, "Indicator/高于%EE%80%85平均水平");
  EXPECT_TRUE(is_valid_iri(kNodeBaseIri + id));
  // C1 controls, noncharacters, malformed UTF-8, supplementary private use: encoded byte by byte.
  EXPECT_EQ(iri_segment("a\xC2\x85"
                        "b"),
            "a%C2%85b");
  EXPECT_EQ(iri_segment("\xEF\xBF\xBE"), "%EF%BF%BE");
  EXPECT_EQ(iri_segment("x\xFFy\xE4\xB8"), "x%FFy%E4%B8");
  EXPECT_EQ(iri_segment("\xF3\xB0\x80\x80"), "%F3%B0%80%80");      // U+F0000
  EXPECT_EQ(iri_segment("\xF0\xA0\x80\x80"), "\xF0\xA0\x80\x80");  // U+20000 (CJK Ext. B) stays
  // "." and ".." would be removed by IRI resolution (JSON-LD's @base).
  EXPECT_EQ(node_id("Industry", ".."), "Industry/%2E%2E");
  EXPECT_EQ(node_id("Industry", "."), "Industry/%2E");
  // A ':' in the first segment would read as a scheme.
  EXPECT_EQ(node_id("a:b", "c"), "a%3Ab/c");
}

TEST(Vocabulary, IsValidIriFollowsRfc3987) {
  EXPECT_TRUE(is_valid_iri("https://doc2kg.org/id/District/槐荫区"));
  EXPECT_TRUE(is_valid_iri("https://doc2kg.org/vocab#leadingIndustry"));
  EXPECT_FALSE(is_valid_iri("https://doc2kg.org/id/Indicator/高于" + kPua));
  EXPECT_FALSE(is_valid_iri("https://doc2kg.org/id/a b"));
  EXPECT_FALSE(is_valid_iri("https://doc2kg.org/id/a<b"));
  EXPECT_FALSE(is_valid_iri("https://doc2kg.org/id/a%zz"));
  EXPECT_FALSE(is_valid_iri("District/槐荫区"));  // relative
  EXPECT_FALSE(is_valid_iri("https://x/\xFF"));
}

TEST(Vocabulary, ParseNodeIdInvertsNodeIdAndNodeIri) {
  for (const std::string& key : std::vector<std::string>{"槐荫区", "a/b?c#d", "高于" + kPua + "平均", "..", "100%"}) {
    auto [type, k] = parse_node_id(node_id("Industry", key));
    EXPECT_EQ(type, "Industry");
    EXPECT_EQ(k, key);
    EXPECT_EQ(parse_node_id(node_iri("Industry", key)), std::make_pair(std::string("Industry"), key));
  }
  EXPECT_EQ(parse_node_id("District/槐荫区"), std::make_pair(std::string("District"), std::string("槐荫区")));
  EXPECT_EQ(parse_node_id("槐荫区"), std::make_pair(std::string(), std::string("槐荫区")));
  EXPECT_EQ(parse_node_id("Article/news%2Fa.txt").second, "news/a.txt");
}

TEST(Vocabulary, ArticlesAreNodesOfTheirId) {
  EXPECT_EQ(article_id("a/news.txt"), "Article/a%2Fnews.txt");
  EXPECT_EQ(article_iri("b/news.txt"), "https://doc2kg.org/id/Article/b%2Fnews.txt");
  EXPECT_NE(article_iri("a/news.txt"), article_iri("b/news.txt"));
  EXPECT_TRUE(is_valid_iri(article_iri("文章 1.txt")));
}

TEST(Vocabulary, StatementIdsDependOnFactAndEvidenceOnly) {
  NodeData a, b;
  a.type = "District", a.name = "槐荫区", b.type = "Industry", b.name = "医养健康";
  Evidence e{"a.txt", "s", 0, 14, "industry.role.yi_wei", 1};
  std::string id = statement_id(a, "leadingIndustry", b, e);
  EXPECT_EQ(id.rfind("Statement/", 0), 0u);
  EXPECT_EQ(id.size(), std::string("Statement/").size() + 16);
  EXPECT_EQ(id, statement_id(a, "leadingIndustry", b, e));
  e.confidence = 0.5;  // not part of the identity
  EXPECT_EQ(id, statement_id(a, "leadingIndustry", b, e));
  e.begin = 1;
  EXPECT_NE(id, statement_id(a, "leadingIndustry", b, e));
}

TEST(Vocabulary, TermsUseSchemaOrgWhereItHasThem) {
  EXPECT_EQ(type_iri("Article"), "https://schema.org/Article");
  EXPECT_EQ(type_iri("District"), "https://doc2kg.org/vocab#District");
  EXPECT_EQ(relation_iri("mentions"), "https://schema.org/mentions");
  EXPECT_EQ(relation_iri("locatedIn"), "https://doc2kg.org/vocab#locatedIn");
  const PropertyDef* title = find_property("title");
  ASSERT_TRUE(title);
  EXPECT_EQ(title->term, "headline");
  EXPECT_EQ(title->iri, "https://schema.org/headline");
  EXPECT_EQ(find_property_by_term("datePublished"), find_property("date"));
  EXPECT_EQ(find_property_by_term("startOffset"), find_property("begin"));
  EXPECT_EQ(find_property("nonesuch"), nullptr);
}

TEST(Vocabulary, EveryPropertyReadsBackWhatItHolds) {
  NodeData n;
  n.type = "Indicator";
  for (const PropertyDef& p : node_properties()) {
    std::string lexical = p.type == Datatype::Double ? "22.4" : std::string(p.name) + " 值";
    ASSERT_TRUE(set_value(n, p, lexical)) << p.name;
    if (p.slot == Slot::Aliases) {
      EXPECT_EQ(n.aliases, std::vector<std::string>{lexical});
      continue;
    }
    PropertyValue v = value_of(n, p);
    if (p.type == Datatype::Double)
      EXPECT_EQ(std::get<double>(v), 22.4) << p.name;
    else
      EXPECT_EQ(std::get<std::string_view>(v), lexical) << p.name;
  }
  EXPECT_FALSE(set_value(n, *find_property("value"), "many"));
  Evidence e;
  ASSERT_TRUE(set_value(e, *find_property("article"), article_iri("x/a.txt")));
  EXPECT_EQ(e.article, "x/a.txt");
  ASSERT_TRUE(set_value(e, *find_property("begin"), "42"));
  EXPECT_EQ(std::get<int64_t>(value_of(e, *find_property("begin"))), 42);
  EXPECT_FALSE(set_value(e, *find_property("end"), "4.5"));
}

TEST(Vocabulary, DatesAndPeriodsAreTypedAsTheirLexicalFormAllows) {
  EXPECT_EQ(temporal_type("2023"), "gYear");
  EXPECT_EQ(temporal_type("2023-06"), "gYearMonth");
  EXPECT_EQ(temporal_type("2023-06-29"), "date");
  EXPECT_EQ(temporal_type("2024-02-29"), "date");
  EXPECT_EQ(temporal_type("2023-02-29"), "");
  EXPECT_EQ(temporal_type("2023-13"), "");
  EXPECT_EQ(temporal_type("2023-01/2023-05"), "");
  EXPECT_EQ(temporal_type("0000"), "");
  EXPECT_EQ(temporal_type("2023年6月"), "");
  const std::string xsd = kXsdIri;
  EXPECT_EQ(rdf_datatype(*find_property("date"), "2023-06-29"), xsd + "date");
  EXPECT_EQ(rdf_datatype(*find_property("date"), "2023-06"), "");  // a date or a plain string
  EXPECT_EQ(rdf_datatype(*find_property("period"), "2023-06"), xsd + "gYearMonth");
  EXPECT_EQ(rdf_datatype(*find_property("period"), "2022"), xsd + "gYear");
  EXPECT_EQ(rdf_datatype(*find_property("period"), "2023-01/2023-05"), "");
  EXPECT_EQ(rdf_datatype(*find_property("value"), "1"), xsd + "double");
  EXPECT_EQ(rdf_datatype(*find_property("begin"), "1"), xsd + "integer");
  EXPECT_EQ(rdf_datatype(*find_property("name"), "2023"), "");
}

TEST(Vocabulary, LiteralTextDropsWhatNoOutputMayCarry) {
  EXPECT_EQ(literal_text("高于" + kPua + "平均"), "高于" + kFffd + "平均");
  EXPECT_EQ(literal_text("a\x01"
                         "b\x7F"),
            "a" + kFffd + "b" + kFffd);
  EXPECT_EQ(literal_text("\xEF\xBF\xBE"), kFffd);             // U+FFFE
  EXPECT_EQ(literal_text("\xF3\xB0\x80\x80"), kFffd);         // U+F0000
  EXPECT_EQ(literal_text("x\xFF"), "x" + kFffd);              // malformed
  EXPECT_EQ(literal_text("\xED\xA0\x80"), kFffd);             // an encoded surrogate
  EXPECT_EQ(literal_text("行\t1\n行 2\r"), "行\t1\n行 2\r");  // kept
  EXPECT_EQ(literal_text("\xF0\xA0\x80\x80"), "\xF0\xA0\x80\x80");
}

TEST(Vocabulary, NumbersHaveTheirShortestAndCanonicalForms) {
  EXPECT_EQ(shortest_number(22.4), "22.4");
  EXPECT_EQ(shortest_number(2e9), "2e+09");
  EXPECT_EQ(shortest_number(741), "741");
  EXPECT_EQ(canonical_double(22.4), "2.24E1");
  EXPECT_EQ(canonical_double(0.9), "9.0E-1");
}
