// Tests for query/src/query_parser.cc: query text -> tree, as tables of input
// and rendering, and every malformed input degrading to plain words.
#include "query_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace akhbar::query::detail {
namespace {

struct Case {
  std::string input;
  std::string rendered;
};

void expect_parses(const std::vector<Case>& cases, bool degraded) {
  for (const Case& c : cases) {
    ParsedQuery parsed;
    ASSERT_NO_THROW(parsed = parse_query(c.input)) << c.input;
    EXPECT_EQ(render(parsed), c.rendered) << "input: " << c.input;
    EXPECT_EQ(parsed.degraded, degraded) << "input: " << c.input;
    EXPECT_EQ(parsed.root.kind, QueryNode::Kind::kAnd) << "input: " << c.input;
  }
}

TEST(QueryParser, ReadsWordsPhrasesAndExclusions) {
  expect_parses(
      {
          {"sanctions", "sanctions"},
          {"Tartus port", "Tartus port"},
          {"  Tartus \t port  ", "Tartus port"},
          {"\"air base\" Khmeimim", "\"air base\" Khmeimim"},
          {"-Hama Hamas", "-Hama Hamas"},
          {"port -\"air base\"", "port -\"air base\""},
          {"al-Sharaa", "al-Sharaa"},
          {"Тартусе \"военная база\"", "Тартусе \"военная база\""},
          {"ميناء طرطوس -عقد", "ميناء طرطوس -عقد"},
          {"10:30 meeting", "10:30 meeting"},
      },
      false);
}

TEST(QueryParser, OrBindsTighterThanImpliedAnd) {
  expect_parses(
      {
          {"Tartus OR Tartous", "(or Tartus Tartous)"},
          {"Tartus or Tartous", "(or Tartus Tartous)"},
          {"Tartus | Tartous", "(or Tartus Tartous)"},
          {"Tartus|Tartous", "(or Tartus Tartous)"},
          {"Khmeimim OR Hmeimim base", "(or Khmeimim Hmeimim) base"},
          {"a OR b OR c", "(or a b c)"},
          {"(Tartus port) OR Тартус", "(or (and Tartus port) Тартус)"},
          {"(Tartus OR Тартус) contract", "(or Tartus Тартус) contract"},
          {"-(a OR b) c", "-(or a b) c"},
      },
      false);
}

TEST(QueryParser, AndIsAcceptedAndIgnored) {
  expect_parses({{"port AND contract", "port contract"}, {"port and contract", "port contract"}},
                false);
}

TEST(QueryParser, ReadsFieldFilters) {
  expect_parses(
      {
          {"lang:ru Тартус", "lang:ru Тартус"},
          {"LANG:AR طرطوس", "lang:ar طرطوس"},
          {"source:Reuters port", "source:\"Reuters\" port"},
          {"source:\"Moscow Times\" port", "source:\"Moscow Times\" port"},
          {"title:Tartus", "title:Tartus"},
          {"title:\"air base\"", "title:\"air base\""},
          {"title:\"Tartus\"", "title:Tartus"},
          {"lang:en OR lang:ru port", "(or lang:en lang:ru) port"},
      },
      false);
}

TEST(QueryParser, AllCapsWordsAreWordsNotOperators) {
  expect_parses(
      {
          {"SANCTIONS ON RUSSIA", "SANCTIONS ON RUSSIA"},
          {"NOT GUILTY", "NOT GUILTY"},
          {"US OR EU SANCTIONS", "(or US EU) SANCTIONS"},
      },
      false);
}

TEST(QueryParser, EmptyAndBlankQueriesAreEmptyNotDegraded) {
  for (const std::string input : {"", "   ", "\t\n"}) {
    const ParsedQuery parsed = parse_query(input);
    EXPECT_FALSE(parsed.degraded);
    EXPECT_TRUE(parsed.root.children.empty());
  }
}

TEST(QueryParser, MalformedQueriesDegradeToPlainWords) {
  expect_parses(
      {
          {"\"air base", "air base"},
          {"air base\"", "air base"},
          {"(Tartus port", "Tartus port"},
          {"Tartus port)", "Tartus port"},
          {"((Tartus)", "Tartus"},
          {"OR", "OR"},
          {"OR OR x", "OR OR x"},
          {"x OR", "x OR"},
          {"x | | y", "x y"},
          {"-", ""},
          {"a - b", "a b"},
          {"--a", "a"},
          {"x -", "x"},
          {"()", ""},
          {"\"\"", ""},
          {"AND", "AND"},
          {"title: Tartus", "title Tartus"},
          {"source:", "source"},
          {"lang:fr port", "lang fr port"},
          {"Tartus\x01port", "Tartus port"},
      },
      true);
}

TEST(QueryParser, DegradedQueryKeepsCompoundsWhole) {
  const ParsedQuery parsed = parse_query("(al-Sharaa");
  EXPECT_TRUE(parsed.degraded);
  EXPECT_EQ(render(parsed), "al-Sharaa");
}

TEST(QueryParser, HugeQueryIsCappedAndDegraded) {
  std::string huge;
  while (huge.size() < 10000) huge += "sanctions port ";
  const ParsedQuery parsed = parse_query(huge);
  EXPECT_TRUE(parsed.degraded);
  EXPECT_EQ(parsed.root.children.size(), kMaxQueryWords);
}

TEST(QueryParser, QueryAtTheWordLimitIsNotDegraded) {
  std::string query;
  for (std::size_t i = 0; i < kMaxQueryWords; ++i) query += "w" + std::to_string(i) + " ";
  const ParsedQuery parsed = parse_query(query);
  EXPECT_FALSE(parsed.degraded);
  EXPECT_EQ(parsed.root.children.size(), kMaxQueryWords);
}

TEST(QueryParser, DeepNestingDegradesInsteadOfRecursing) {
  const std::string deep = std::string(5000, '(') + "x" + std::string(5000, ')');
  const ParsedQuery parsed = parse_query(deep);
  EXPECT_TRUE(parsed.degraded);
  EXPECT_EQ(render(parsed), "x");
}

TEST(QueryParser, ArbitraryBytesNeverThrow) {
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>((i * 7919) % 256);
  ParsedQuery parsed;
  EXPECT_NO_THROW(parsed = parse_query(noise));
  EXPECT_TRUE(parsed.degraded);
  EXPECT_LE(parsed.root.children.size(), kMaxQueryWords);
}

}  // namespace
}  // namespace akhbar::query::detail
