// cli_helpers_test.cc — the minisql CLI's error-line rewriting, quit detection and flags.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "minisql/cli_options.h"
#include "minisql/error_reply.h"

namespace minisql::cli {
namespace {

TEST(ErrorReplyTest, RecognisesErrorReplies) {
  EXPECT_TRUE(IsErrorReply("ERROR 1146 (42S02): Table 'a.b' doesn't exist"));
  EXPECT_FALSE(IsErrorReply("Query OK, 1 row affected"));
  EXPECT_FALSE(IsErrorReply("+-------+\n| ERROR |\n"));
}

TEST(ErrorReplyTest, InsertsLineNumberLikeMysql) {
  EXPECT_EQ(WithLineNumber("ERROR 1146 (42S02): Table 'a.b' doesn't exist\n", 7),
            "ERROR 1146 (42S02) at line 7: Table 'a.b' doesn't exist\n");
  // Colons in the message are left alone.
  EXPECT_EQ(WithLineNumber("ERROR 1064 (42000): near ':x'", 2),
            "ERROR 1064 (42000) at line 2: near ':x'");
}

TEST(ErrorReplyTest, LeavesOtherShapesUnchanged) {
  EXPECT_EQ(WithLineNumber("ERROR something odd", 3), "ERROR something odd");
  EXPECT_EQ(WithLineNumber("ERROR 12 (4200): x", 3), "ERROR 12 (4200): x");
  EXPECT_EQ(WithLineNumber("fine", 3), "fine");
}

TEST(QuitCommandTest, AcceptsQuitExitAndBackslashQ) {
  EXPECT_TRUE(IsQuitCommand("quit"));
  EXPECT_TRUE(IsQuitCommand("  EXIT ; "));
  EXPECT_TRUE(IsQuitCommand("\\q"));
  EXPECT_FALSE(IsQuitCommand("quit now"));
  EXPECT_FALSE(IsQuitCommand("SELECT quit"));
  EXPECT_FALSE(IsQuitCommand(""));
}

TEST(CliOptionsTest, DefaultsAndMysqlStyleFlags) {
  CliOptions options;
  std::string error;
  ASSERT_TRUE(ParseCliOptions({}, &options, &error));
  EXPECT_EQ(options.host, "127.0.0.1");
  EXPECT_EQ(options.port, 6789);

  options = {};
  ASSERT_TRUE(ParseCliOptions({"-hlocalhost", "-P", "7000", "-e", "SELECT 1", "-f", "shop"},
                              &options, &error))
      << error;
  EXPECT_EQ(options.host, "localhost");
  EXPECT_EQ(options.port, 7000);
  EXPECT_TRUE(options.has_execute);
  EXPECT_EQ(options.execute, "SELECT 1");
  EXPECT_TRUE(options.force);
  EXPECT_EQ(options.database, "shop");

  options = {};
  ASSERT_TRUE(ParseCliOptions({"--port=7001", "--host=h", "--database=d"}, &options, &error));
  EXPECT_EQ(options.port, 7001);
  EXPECT_EQ(options.host, "h");
  EXPECT_EQ(options.database, "d");
}

TEST(CliOptionsTest, RejectsBadInput) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--port=0"}, {"-P", "70000"}, {"-Pabc"}, {"--bogus"}, {"-e"}, {"a", "b"}}) {
    CliOptions options;
    std::string error;
    EXPECT_FALSE(ParseCliOptions(args, &options, &error)) << args[0];
    EXPECT_FALSE(error.empty());
  }
}

}  // namespace
}  // namespace minisql::cli
