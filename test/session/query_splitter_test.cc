// statement_splitter_test.cc — splitting a multi-statement COM_QUERY at ';' outside
// strings, quoted names and comments.
#include "session/statement_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace minisql {
namespace {

std::vector<std::string> Split(std::string_view sql) {
  std::vector<std::string> out;
  for (std::string_view part : SplitStatements(sql)) out.emplace_back(part);
  return out;
}

TEST(StatementSplitterTest, SplitsAtSemicolons) {
  EXPECT_EQ(Split("SELECT 1; SELECT 2"), (std::vector<std::string>{"SELECT 1", " SELECT 2"}));
  EXPECT_EQ(Split("SELECT 1"), (std::vector<std::string>{"SELECT 1"}));
}

TEST(StatementSplitterTest, IgnoresSemicolonsInStringsNamesAndComments) {
  EXPECT_EQ(Split("SELECT 'a;b', \"c;d\", `e;f` /* ; */ -- ;\n; SELECT 2").size(), 2u);
  EXPECT_EQ(Split("SELECT 'it''s;';SELECT 'x\\';'").size(), 2u);
  EXPECT_EQ(Split("SELECT 1 # ; comment\n").size(), 1u);
}

TEST(StatementSplitterTest, TrailingSemicolonAndCommentsAddNoStatement) {
  EXPECT_EQ(Split("SELECT 1;"), (std::vector<std::string>{"SELECT 1"}));
  EXPECT_EQ(Split("SELECT 1;  /* done */ \n").size(), 1u);
  // An empty statement in the middle is kept: the parser reports it.
  EXPECT_EQ(Split("SELECT 1;;SELECT 2"), (std::vector<std::string>{"SELECT 1", "", "SELECT 2"}));
  EXPECT_EQ(Split(""), (std::vector<std::string>{""}));
}

TEST(StatementSplitterTest, VersionedCommentsAreSql) {
  EXPECT_EQ(Split("/*!40101 SET NAMES utf8 */; SELECT 1").size(), 2u);
  EXPECT_EQ(Split("/*!40101 SET NAMES utf8 */;").size(), 1u);
}

TEST(StatementSplitterTest, UnterminatedStringIsOneStatement) {
  EXPECT_EQ(Split("SELECT 'abc; SELECT 2").size(), 1u);
}

}  // namespace
}  // namespace minisql
