// statement_splitter_test.cc — where the minisql CLI cuts input into statements.
#include "minisql/statement_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace minisql::cli {
namespace {

std::vector<std::string> Texts(std::string_view input) {
  std::vector<std::string> out;
  for (const SplitStatement& s : SplitStatements(input)) out.push_back(s.text);
  return out;
}

TEST(StatementSplitterTest, SplitsOnSemicolons) {
  EXPECT_EQ(Texts("SELECT 1; SELECT 2;"), (std::vector<std::string>{"SELECT 1", "SELECT 2"}));
}

TEST(StatementSplitterTest, KeepsLastStatementWithoutSemicolon) {
  EXPECT_EQ(Texts("SELECT 1;\nSELECT 2\n"), (std::vector<std::string>{"SELECT 1", "SELECT 2"}));
}

TEST(StatementSplitterTest, DropsEmptyStatements) {
  EXPECT_EQ(Texts(" ;; \n ; SELECT 1;;"), (std::vector<std::string>{"SELECT 1"}));
  EXPECT_TRUE(Texts("").empty());
  EXPECT_TRUE(Texts("\n\n").empty());
}

TEST(StatementSplitterTest, SemicolonInsideQuotesDoesNotSplit) {
  EXPECT_EQ(Texts("SELECT 'a;b', \"c;d\", `e;f`; SELECT 2;"),
            (std::vector<std::string>{"SELECT 'a;b', \"c;d\", `e;f`", "SELECT 2"}));
}

TEST(StatementSplitterTest, DoubledQuotesAndBackslashEscapes) {
  EXPECT_EQ(
      Texts("SELECT 'it''s;'; SELECT 'back\\';slash'; SELECT \"q\\\";\";"),
      (std::vector<std::string>{"SELECT 'it''s;'", "SELECT 'back\\';slash'", "SELECT \"q\\\";\""}));
}

TEST(StatementSplitterTest, BacktickHasNoBackslashEscape) {
  EXPECT_EQ(Texts("SELECT `a\\`; SELECT 2;"),
            (std::vector<std::string>{"SELECT `a\\`", "SELECT 2"}));
}

TEST(StatementSplitterTest, CommentsAreRemovedAndHideSemicolons) {
  EXPECT_EQ(Texts("SELECT 1 -- no; split\n+ 1; # nor; here\nSELECT /* ; */ 2;"),
            (std::vector<std::string>{"SELECT 1 \n+ 1", "SELECT   2"}));
}

TEST(StatementSplitterTest, DoubleDashNeedsABlankToStartAComment) {
  EXPECT_EQ(Texts("SELECT 1--1;"), (std::vector<std::string>{"SELECT 1--1"}));
  EXPECT_EQ(Texts("SELECT 1 --\n;"), (std::vector<std::string>{"SELECT 1"}));
}

TEST(StatementSplitterTest, CommentOnlyInputIsDropped) {
  EXPECT_TRUE(Texts("-- just a comment\n# another\n/* and; a block */\n").empty());
  EXPECT_TRUE(Texts("-- trailing comment without newline").empty());
}

TEST(StatementSplitterTest, VersionHintCommentsAreKept) {
  EXPECT_EQ(Texts("/*!40101 SET x=1; */; /*M!100100 SET y=2 */;"),
            (std::vector<std::string>{"/*!40101 SET x=1; */", "/*M!100100 SET y=2 */"}));
  // "/*My" is an ordinary comment, not a hint.
  EXPECT_EQ(Texts("/*My note*/ SELECT 1;"), (std::vector<std::string>{"SELECT 1"}));
}

TEST(StatementSplitterTest, ReportsTheLineWhereEachStatementStarts) {
  std::vector<SplitStatement> got = SplitStatements("SELECT 1;\n\n  SELECT\n2;\n-- c\nSELECT 3");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].first_line, 1);
  EXPECT_EQ(got[1].first_line, 3);
  EXPECT_EQ(got[1].text, "SELECT\n2");
  EXPECT_EQ(got[2].first_line, 6);
}

TEST(StatementSplitterTest, LineByLineInputGivesSameResultAsWholeInput) {
  const std::string input =
      "INSERT INTO t VALUES ('a;\n b', \"x\"); -- c;\nSELECT /* multi\n line; */ 1\n;/*!1 x */;";
  std::vector<SplitStatement> whole = SplitStatements(input);
  for (size_t piece = 1; piece <= 3; ++piece) {
    StatementSplitter splitter;
    std::vector<SplitStatement> got;
    for (size_t i = 0; i < input.size(); i += piece) {
      splitter.AddText(std::string_view(input).substr(i, piece));
      for (SplitStatement& s : splitter.TakeStatements()) got.push_back(s);
    }
    SplitStatement rest = splitter.TakeRemainder();
    if (!rest.text.empty()) got.push_back(rest);
    EXPECT_EQ(got, whole) << "piece size " << piece;
  }
  ASSERT_EQ(whole.size(), 3u);
  EXPECT_EQ(whole[0].text, "INSERT INTO t VALUES ('a;\n b', \"x\")");
  EXPECT_EQ(whole[2].text, "/*!1 x */");
}

TEST(StatementSplitterTest, PendingTextDrivesTheContinuationPrompt) {
  StatementSplitter splitter;
  EXPECT_FALSE(splitter.HasPendingText());
  splitter.AddText("-- comment only\n");
  EXPECT_FALSE(splitter.HasPendingText());
  splitter.AddText("SELECT 'open;\n");
  EXPECT_TRUE(splitter.HasPendingText());
  EXPECT_TRUE(splitter.TakeStatements().empty());
  splitter.AddText("still open';\n");
  EXPECT_FALSE(splitter.HasPendingText());
  std::vector<SplitStatement> got = splitter.TakeStatements();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "SELECT 'open;\nstill open'");
}

TEST(StatementSplitterTest, UnterminatedStringIsReturnedAsRemainder) {
  StatementSplitter splitter;
  splitter.AddText("SELECT 'never closed; SELECT 2;");
  EXPECT_TRUE(splitter.TakeStatements().empty());
  EXPECT_EQ(splitter.TakeRemainder().text, "SELECT 'never closed; SELECT 2;");
  EXPECT_FALSE(splitter.HasPendingText());
}

}  // namespace
}  // namespace minisql::cli
