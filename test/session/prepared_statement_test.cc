// prepared_statement_test.cc — Session::Prepare / ExecutePrepared / ClosePrepared on a
// real ServerContext (temporary data directory): parameter counting, the columns
// described at prepare time, `?` replaced by values (incl. a DOUBLE 2.0 into an INT
// column, as mysql2 sends it), re-execution, and the errors MySQL gives for unknown
// statements and wrong parameter counts.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "session/recording_sink.h"
#include "session/session.h"

namespace minisql {
namespace {

using Rows = std::vector<std::vector<std::string>>;

class PreparedStatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    datadir_ = std::filesystem::temp_directory_path() /
               ("minisql_prepared_test_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(datadir_);
    ServerOptions options;
    options.datadir = datadir_.string();
    options.buffer_pool_size = 8 << 20;
    auto context = ServerContext::Open(options);
    ASSERT_TRUE(context.ok()) << context.status().ToString();
    context_ = std::move(*context);
    session_ = std::make_unique<Session>(context_.get(), 1, "root", "127.0.0.1");
    Query("CREATE DATABASE ps");
    Query("USE ps");
    Query("CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20), price DOUBLE)");
  }
  void TearDown() override {
    session_.reset();
    context_.reset();
    std::filesystem::remove_all(datadir_);
  }

  RecordingSink Query(const std::string& sql) {
    RecordingSink sink;
    session_->ExecuteQuery(sql, &sink);
    EXPECT_TRUE(sink.error.ok()) << sql << ": " << sink.error.ToString();
    return sink;
  }
  PreparedStatementInfo Prepare(const std::string& sql) {
    Result<PreparedStatementInfo> info = session_->Prepare(sql);
    EXPECT_TRUE(info.ok()) << sql << ": " << info.status().ToString();
    return info.ok() ? *info : PreparedStatementInfo{};
  }
  RecordingSink Execute(uint32_t id, const std::vector<Value>& params) {
    RecordingSink sink;
    session_->ExecutePrepared(id, params, &sink);
    return sink;
  }

  std::filesystem::path datadir_;
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Session> session_;
};

TEST_F(PreparedStatementTest, InsertThenSelectWithParameters) {
  PreparedStatementInfo insert = Prepare("INSERT INTO t VALUES (?, ?, ?)");
  EXPECT_EQ(insert.param_count, 3);
  EXPECT_TRUE(insert.columns.empty());
  RecordingSink first =
      Execute(insert.id, {Value::Int(1), Value::String("one"), Value::Double(1.5)});
  EXPECT_TRUE(first.ok) << first.error.ToString();
  EXPECT_EQ(first.ok_result.affected_rows, 1u);
  // mysql2 sends every JavaScript number as DOUBLE: 2.0 must land in the INT column.
  EXPECT_TRUE(Execute(insert.id, {Value::Double(2.0), Value::Null(), Value::Int(3)}).ok);

  PreparedStatementInfo select = Prepare("SELECT id, name, price FROM t WHERE id = ?");
  EXPECT_EQ(select.param_count, 1);
  ASSERT_EQ(select.columns.size(), 3u);
  EXPECT_EQ(select.columns[0].name, "id");
  EXPECT_EQ(select.columns[0].type, FieldType::kLong);
  EXPECT_EQ(select.columns[1].org_table, "t");

  RecordingSink row = Execute(select.id, {Value::Int(1)});
  EXPECT_TRUE(row.ended) << row.error.ToString();
  EXPECT_EQ(row.rows, (Rows{{"1", "one", "1.5"}}));
  EXPECT_EQ(row.columns.size(), 3u);
  // The same statement again, other values.
  EXPECT_EQ(Execute(select.id, {Value::String("2")}).rows, (Rows{{"2", "NULL", "3"}}));
  EXPECT_EQ(Execute(select.id, {Value::Int(99)}).rows, Rows{});
  EXPECT_EQ(Execute(select.id, {Value::Null()}).rows, Rows{});
}

TEST_F(PreparedStatementTest, ParametersAreValuesNotSql) {
  PreparedStatementInfo insert = Prepare("INSERT INTO t (id, name) VALUES (?, ?)");
  ASSERT_TRUE(Execute(insert.id, {Value::Int(5), Value::String("x'); DROP TABLE t--")}).ok);
  EXPECT_EQ(Query("SELECT name FROM t").rows, (Rows{{"x'); DROP TABLE t--"}}));
}

TEST_F(PreparedStatementTest, SelectListParameterIsNamedQuestionMark) {
  PreparedStatementInfo info = Prepare("SELECT ?, ? + 1");
  ASSERT_EQ(info.columns.size(), 2u);
  EXPECT_EQ(info.columns[0].name, "?");
  RecordingSink sink = Execute(info.id, {Value::String("hi"), Value::Int(41)});
  ASSERT_TRUE(sink.ended) << sink.error.ToString();
  EXPECT_EQ(sink.rows, (Rows{{"hi", "42"}}));
  EXPECT_EQ(sink.columns[1].name, "? + 1");
}

TEST_F(PreparedStatementTest, ParametersEverywhere) {
  Query("INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
  PreparedStatementInfo update = Prepare("UPDATE t SET price = price * ? WHERE id IN (?, ?)");
  EXPECT_EQ(update.param_count, 3);
  RecordingSink updated = Execute(update.id, {Value::Int(10), Value::Int(1), Value::Int(3)});
  EXPECT_EQ(updated.ok_result.affected_rows, 2u) << updated.error.ToString();
  PreparedStatementInfo limited =
      Prepare("SELECT id FROM t WHERE name LIKE ? OR price BETWEEN ? AND ? ORDER BY id LIMIT ?");
  EXPECT_EQ(limited.param_count, 4);
  RecordingSink rows =
      Execute(limited.id, {Value::String("b%"), Value::Int(20), Value::Int(40), Value::Int(2)});
  EXPECT_EQ(rows.rows, (Rows{{"2"}, {"3"}})) << rows.error.ToString();
  PreparedStatementInfo del = Prepare("DELETE FROM t WHERE id = ?");
  EXPECT_EQ(Execute(del.id, {Value::Int(2)}).ok_result.affected_rows, 1u);
  PreparedStatementInfo none = Prepare("SELECT COUNT(*) FROM t");
  EXPECT_EQ(none.param_count, 0);
  EXPECT_EQ(Execute(none.id, {}).rows, (Rows{{"2"}}));
}

TEST_F(PreparedStatementTest, Errors) {
  // Prepare-time errors: syntax, unknown table or column.
  EXPECT_EQ(session_->Prepare("SELEC 1").status().code(), 1064);
  EXPECT_EQ(session_->Prepare("SELECT * FROM nosuch WHERE id = ?").status().code(), 1146);
  EXPECT_EQ(session_->Prepare("SELECT nosuch FROM t").status().code(), 1054);

  PreparedStatementInfo info = Prepare("SELECT id FROM t WHERE id = ?");
  RecordingSink wrong_count = Execute(info.id, {});
  EXPECT_EQ(wrong_count.error.ToString(),
            "ERROR 1210 (HY000): Incorrect arguments to mysqld_stmt_execute");
  EXPECT_EQ(Execute(info.id, {Value::Int(1), Value::Int(2)}).error.code(), 1210);
  RecordingSink unknown = Execute(4242, {});
  EXPECT_EQ(unknown.error.ToString(),
            "ERROR 1243 (HY000): Unknown prepared statement handler (4242) given to "
            "mysqld_stmt_execute");
  // Execution errors are ordinary statement errors; the statement stays usable.
  PreparedStatementInfo insert = Prepare("INSERT INTO t (id) VALUES (?)");
  EXPECT_TRUE(Execute(insert.id, {Value::Int(1)}).ok);
  EXPECT_EQ(Execute(insert.id, {Value::Int(1)}).error.code(), 1062);
  EXPECT_EQ(Execute(insert.id, {Value::Null()}).error.code(), 1048);
  EXPECT_TRUE(Execute(insert.id, {Value::Int(2)}).ok);
  // A `?` in a text query is not a prepared statement.
  RecordingSink text;
  session_->ExecuteQuery("SELECT ?", &text);
  EXPECT_EQ(text.error.code(), 1235);
}

TEST_F(PreparedStatementTest, CloseAndReset) {
  PreparedStatementInfo a = Prepare("SELECT 1");
  PreparedStatementInfo b = Prepare("SELECT 2");
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(session_->prepared_statement_count(), 2u);
  EXPECT_TRUE(session_->ResetPrepared(a.id).ok());
  EXPECT_TRUE(session_->ClosePrepared(a.id).ok());
  EXPECT_EQ(session_->ClosePrepared(a.id).code(), 1243);
  EXPECT_EQ(session_->ResetPrepared(a.id).code(), 1243);
  EXPECT_EQ(Execute(a.id, {}).error.code(), 1243);
  EXPECT_EQ(Execute(b.id, {}).rows, (Rows{{"2"}}));
  EXPECT_EQ(session_->prepared_statement_count(), 1u);
}

TEST_F(PreparedStatementTest, ManyOpenStatementsUpToTheLimit) {
  for (size_t i = 1; i < Session::kMaxPreparedStatements; ++i) {
    ASSERT_TRUE(session_->Prepare("SELECT 1").ok()) << i;
  }
  Result<PreparedStatementInfo> last = session_->Prepare("SELECT ?");
  ASSERT_TRUE(last.ok());
  Result<PreparedStatementInfo> over = session_->Prepare("SELECT 1");
  EXPECT_EQ(over.status().ToString(),
            "ERROR 1461 (42000): Can't create more than max_prepared_stmt_count statements "
            "(current value: 16382)");
  EXPECT_EQ(Execute(last->id, {Value::Int(7)}).rows, (Rows{{"7"}}));
  ASSERT_TRUE(session_->ClosePrepared(last->id).ok());
  EXPECT_TRUE(session_->Prepare("SELECT 1").ok());
}

}  // namespace
}  // namespace minisql
