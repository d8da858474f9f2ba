// result_charset_test.cc — result values, column names and error messages in the
// client's character_set_results (net/mysql/result_charset.h).
#include "net/mysql/result_charset.h"

#include <gtest/gtest.h>

namespace minisql::net {
namespace {

std::vector<ResultColumn> Columns() {
  ResultColumn text;
  text.name = "caf\xC3\xA9";
  text.table = "t\xC3\xA9";
  text.charset = kCharsetLatin1;
  ResultColumn bytes;
  bytes.name = "b";
  bytes.charset = kCharsetBinary;
  return {text, bytes};
}

TEST(ResultCharsetTest, TextValuesFollowTheirColumnsCharset) {
  std::vector<ResultColumn> columns = Columns();
  ASSERT_TRUE(RowsNeedConversion(columns));
  Row row = {Value::String("\xC3\xA9\xE4\xB8\xAD"), Value::String("\xC3\xA9")};
  Row out = RowForClient(columns, row);
  EXPECT_EQ(out[0].string_value(), "\xE9?");     // é, then 中 which latin1 lacks
  EXPECT_EQ(out[1].string_value(), "\xC3\xA9");  // a binary column keeps its bytes
  Row binary_value = {Value::Binary("\xC3\xA9"), Value::Null()};
  out = RowForClient(columns, binary_value);
  EXPECT_EQ(out[0].string_value(), "\xC3\xA9");  // a binary string in a text column too
  EXPECT_TRUE(out[1].is_null());
}

TEST(ResultCharsetTest, Utf8mb4ColumnsAreNotConverted) {
  std::vector<ResultColumn> columns = Columns();
  columns[0].charset = kCharsetUtf8mb4;
  EXPECT_FALSE(RowsNeedConversion(columns));
}

TEST(ResultCharsetTest, NamesAndErrorsInTheResultsSet) {
  ResultColumn column = ColumnForClient(Columns()[0], CharacterSet::kLatin1);
  EXPECT_EQ(column.name, "caf\xE9");
  EXPECT_EQ(column.table, "t\xE9");
  EXPECT_EQ(ColumnForClient(Columns()[0], std::nullopt).name, "caf\xC3\xA9");
  Status error = Status::Error(ErrorCode::kNoSuchTable, "d", "t\xC3\xA9");
  Status converted = ErrorForClient(error, CharacterSet::kLatin1);
  EXPECT_EQ(converted.code(), 1146);
  EXPECT_EQ(converted.message(), "Table 'd.t\xE9' doesn't exist");
  EXPECT_EQ(ErrorForClient(error, CharacterSet::kUtf8mb4).message(), error.message());
  EXPECT_EQ(ErrorForClient(error, std::nullopt).message(), error.message());
}

}  // namespace
}  // namespace minisql::net
