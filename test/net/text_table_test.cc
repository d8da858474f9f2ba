// text_table_test.cc — the text protocol's rendering must match `mysql --table`.
#include "net/text/text_table.h"

#include <gtest/gtest.h>

#include "net/text/text_result_sink.h"

namespace minisql::net {
namespace {

ResultColumn Column(const std::string& name, FieldType type, uint16_t flags = 0) {
  ResultColumn c;
  c.name = name;
  c.type = type;
  c.flags = flags;
  return c;
}

TEST(TextTableTest, MatchesMysqlClientTableOutput) {
  // Reference: MariaDB's mysql client, --table, for
  //   select 1 as a, 'xyz' as bb, NULL as c, 2.5 as d, 'x' as longer_name
  //   union all select 22222, 'q', 3, NULL, NULL
  TextTable table({Column("a", FieldType::kLongLong, kNotNullFlag),
                   Column("bb", FieldType::kVarString, kNotNullFlag),
                   Column("c", FieldType::kLongLong), Column("d", FieldType::kNewDecimal),
                   Column("longer_name", FieldType::kVarString)});
  table.AddRow({Value::Int(1), Value::String("xyz"), Value::Null(), Value::String("2.5"),
                Value::String("x")});
  table.AddRow(
      {Value::Int(22222), Value::String("q"), Value::Int(3), Value::Null(), Value::Null()});
  EXPECT_EQ(table.Render(),
            "+-------+-----+------+------+-------------+\n"
            "| a     | bb  | c    | d    | longer_name |\n"
            "+-------+-----+------+------+-------------+\n"
            "|     1 | xyz | NULL |  2.5 | x           |\n"
            "| 22222 | q   |    3 | NULL | NULL        |\n"
            "+-------+-----+------+------+-------------+\n"
            "2 rows in set");
}

TEST(TextTableTest, NotNullColumnsAreNotWidenedForNull) {
  TextTable table({Column("n", FieldType::kLongLong, kNotNullFlag)});
  table.AddRow({Value::Int(1)});
  EXPECT_EQ(table.Render(),
            "+---+\n"
            "| n |\n"
            "+---+\n"
            "| 1 |\n"
            "+---+\n"
            "1 row in set");
}

TEST(TextTableTest, WidthCountsCharactersNotBytes) {
  TextTable table({Column("s", FieldType::kVarString)});
  table.AddRow({Value::String("h\xc3\xa9llo")});  // "héllo": 5 characters, 6 bytes
  EXPECT_EQ(table.Render(),
            "+-------+\n"
            "| s     |\n"
            "+-------+\n"
            "| h\xc3\xa9llo |\n"
            "+-------+\n"
            "1 row in set");
}

TEST(TextTableTest, EmptySet) {
  TextTable table({Column("n", FieldType::kLong)});
  EXPECT_EQ(table.Render(), "Empty set");
}

TEST(TextTableTest, OkAndErrorLines) {
  OkResult ok;
  EXPECT_EQ(RenderOk(ok), "Query OK, 0 rows affected");
  ok.affected_rows = 1;
  EXPECT_EQ(RenderOk(ok), "Query OK, 1 row affected");
  ok.affected_rows = 3;
  ok.info = "Records: 3  Duplicates: 0  Warnings: 0";
  EXPECT_EQ(RenderOk(ok), "Query OK, 3 rows affected\nRecords: 3  Duplicates: 0  Warnings: 0");
  EXPECT_EQ(RenderError(Status::Error(ErrorCode::kNoSuchTable, "shop", "nope")),
            "ERROR 1146 (42S02): Table 'shop.nope' doesn't exist");
}

TEST(TextResultSinkTest, OversizedResultStopsTheStatement) {
  TextResultSink sink(/*max_bytes=*/1000);
  sink.BeginResultSet({Column("s", FieldType::kVarString)});
  Status status = Status::OK();
  for (int i = 0; i < 100 && status.ok(); ++i)
    status = sink.SendRow({Value::String(std::string(50, 'x'))});
  EXPECT_EQ(status.code(), 1162);
  ASSERT_TRUE(sink.text().has_value());
  EXPECT_EQ(sink.text()->rfind("ERROR 1162 (42000)", 0), 0u);
}

TEST(TextResultSinkTest, RendersOutcome) {
  TextResultSink sink(1 << 20);
  EXPECT_FALSE(sink.text().has_value());
  sink.BeginResultSet({Column("one", FieldType::kLongLong, kNotNullFlag)});
  ASSERT_TRUE(sink.SendRow({Value::Int(1)}).ok());
  sink.EndResultSet(0);
  ASSERT_TRUE(sink.text().has_value());
  EXPECT_EQ(*sink.text(), "+-----+\n| one |\n+-----+\n|   1 |\n+-----+\n1 row in set");
}

}  // namespace
}  // namespace minisql::net
