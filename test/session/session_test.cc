// session_test.cc — the whole SQL pipeline through Session::ExecuteQuery on a real
// ServerContext (storage engine on a temporary data directory): parse, bind, plan,
// execute, and what the ResultSink is told, for the reference session MariaDB was
// compared against.
#include "session/session.h"
#include "session/recording_sink.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace minisql {
namespace {

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    datadir_ = std::filesystem::temp_directory_path() /
               ("minisql_session_test_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(datadir_);
    Open();
  }
  void TearDown() override {
    session_.reset();
    context_.reset();
    std::filesystem::remove_all(datadir_);
  }
  void Open() {
    ServerOptions options;
    options.datadir = datadir_.string();
    options.buffer_pool_size = 8 << 20;
    auto context = ServerContext::Open(options);
    ASSERT_TRUE(context.ok()) << context.status().ToString();
    context_ = std::move(*context);
    session_ = std::make_unique<Session>(context_.get(), 1, "root", "127.0.0.1");
  }
  void Reopen() {
    session_.reset();
    context_.reset();
    Open();
  }

  RecordingSink Run(const std::string& sql) {
    RecordingSink sink;
    session_->ExecuteQuery(sql, &sink);
    return sink;
  }
  // Runs a statement that must succeed with an OK packet.
  OkResult Exec(const std::string& sql) {
    RecordingSink sink = Run(sql);
    EXPECT_TRUE(sink.ok) << sql << ": " << sink.error.ToString();
    return sink.ok_result;
  }
  std::vector<std::vector<std::string>> Query(const std::string& sql) {
    RecordingSink sink = Run(sql);
    EXPECT_TRUE(sink.error.ok()) << sql << ": " << sink.error.ToString();
    EXPECT_TRUE(sink.ended) << sql;
    return sink.rows;
  }
  std::string Error(const std::string& sql) {
    RecordingSink sink = Run(sql);
    EXPECT_FALSE(sink.error.ok()) << sql << " should fail";
    return sink.error.ToString();
  }
  void CreateShop() {
    Exec("CREATE DATABASE shop");
    Exec("USE shop");
    Exec(
        "CREATE TABLE items (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT "
        "NULL, price DOUBLE, qty INT DEFAULT 0, note TEXT)");
  }

  std::filesystem::path datadir_;
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Session> session_;
};

using Rows = std::vector<std::vector<std::string>>;

TEST_F(SessionTest, ReferenceSession) {
  CreateShop();
  EXPECT_EQ(Query("DESCRIBE items"), (Rows{{"id", "int(11)", "NO", "PRI", "NULL", "auto_increment"},
                                           {"name", "varchar(40)", "NO", "", "NULL", ""},
                                           {"price", "double", "YES", "", "NULL", ""},
                                           {"qty", "int(11)", "YES", "", "0", ""},
                                           {"note", "text", "YES", "", "NULL", ""}}));
  OkResult one = Exec("INSERT INTO items (name, price, qty) VALUES ('apple', 1.5, 4)");
  EXPECT_EQ(one.affected_rows, 1u);
  EXPECT_EQ(one.last_insert_id, 1u);
  EXPECT_EQ(one.info, "");
  OkResult two = Exec(
      "INSERT INTO items (name, price, qty) VALUES ('pear', 2.25, NULL), ('it''s', 2.25, NULL)");
  EXPECT_EQ(two.affected_rows, 2u);
  EXPECT_EQ(two.last_insert_id, 2u);
  EXPECT_EQ(two.info, "Records: 2  Duplicates: 0  Warnings: 0");
  EXPECT_EQ(Query("SELECT LAST_INSERT_ID()"), (Rows{{"2"}}));

  OkResult update = Exec("UPDATE items SET qty = qty + 1");
  EXPECT_EQ(update.affected_rows, 1u);
  EXPECT_EQ(update.info, "Rows matched: 3  Changed: 1  Warnings: 0");

  EXPECT_EQ(Query("SELECT * FROM items WHERE id = 1"), (Rows{{"1", "apple", "1.5", "5", "NULL"}}));
  EXPECT_EQ(Query("SELECT qty, COUNT(*), SUM(price), AVG(qty), MIN(name), MAX(price) FROM items "
                  "GROUP BY qty"),
            (Rows{{"NULL", "2", "4.5", "NULL", "it's", "2.25"},
                  {"5", "1", "1.5", "5.0000", "apple", "1.5"}}));
  EXPECT_EQ(Query("SELECT name FROM items ORDER BY price DESC, name LIMIT 2"),
            (Rows{{"it's"}, {"pear"}}));
  EXPECT_EQ(Query("SELECT name AS n FROM items ORDER BY n LIMIT 1 OFFSET 1"), (Rows{{"it's"}}));
  EXPECT_EQ(Query("SELECT 1+1, 'a', NULL, 3/2, 1.5e0, 10 DIV 3"),
            (Rows{{"2", "a", "NULL", "1.5000", "1.5", "3"}}));

  EXPECT_EQ(Error("SELECT * FROM nope"), "ERROR 1146 (42S02): Table 'shop.nope' doesn't exist");
  EXPECT_EQ(Error("INSERT INTO items (id, name) VALUES (1, 'dup')"),
            "ERROR 1062 (23000): Duplicate entry '1' for key 'PRIMARY'");
  EXPECT_EQ(Error("SELECT nosuch FROM items"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'SELECT'");
  EXPECT_EQ(Error("INSERT INTO items (name) VALUES (NULL)"),
            "ERROR 1048 (23000): Column 'name' cannot be null");
  EXPECT_EQ(Query("SHOW WARNINGS"), (Rows{{"Error", "1048", "Column 'name' cannot be null"}}));

  OkResult removed = Exec("DELETE FROM items WHERE id = 2");
  EXPECT_EQ(removed.affected_rows, 1u);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM items"), (Rows{{"2"}}));
}

TEST_F(SessionTest, ResultColumnMetadata) {
  CreateShop();
  RecordingSink sink = Run("SELECT id, name AS n, price*2, 'a' FROM items");
  ASSERT_TRUE(sink.error.ok()) << sink.error.ToString();
  ASSERT_EQ(sink.columns.size(), 4u);
  const ResultColumn& id = sink.columns[0];
  EXPECT_EQ(id.name, "id");
  EXPECT_EQ(id.org_name, "id");
  EXPECT_EQ(id.table, "items");
  EXPECT_EQ(id.schema, "shop");
  EXPECT_EQ(id.type, FieldType::kLong);
  EXPECT_EQ(id.flags, kNotNullFlag | kPriKeyFlag | kAutoIncrementFlag | kNumFlag | 16384);
  EXPECT_EQ(id.charset, kCharsetBinary);
  EXPECT_EQ(sink.columns[1].name, "n");
  EXPECT_EQ(sink.columns[1].org_name, "name");
  EXPECT_EQ(sink.columns[1].flags, kNotNullFlag | kNoDefaultValueFlag);
  EXPECT_EQ(sink.columns[2].name, "price*2");
  EXPECT_EQ(sink.columns[2].decimals, 31);
  EXPECT_EQ(sink.columns[2].org_table, "");
}

TEST_F(SessionTest, ClientConnectQueries) {
  EXPECT_EQ(Query("select @@version_comment limit 1"), (Rows{{"minisql server"}}));
  EXPECT_EQ(Query("SELECT DATABASE()"), (Rows{{"NULL"}}));
  EXPECT_EQ(Query("select DATABASE(), USER() limit 1"), (Rows{{"NULL", "root@localhost"}}));
  EXPECT_EQ(Query("select @@character_set_client, @@character_set_connection, "
                  "@@character_set_server, @@character_set_database limit 1"),
            (Rows{{"utf8mb4", "utf8mb4", "utf8mb4", "utf8mb4"}}));
  RecordingSink sink = Run("SELECT @@autocommit");
  ASSERT_EQ(sink.columns.size(), 1u);
  EXPECT_EQ(sink.columns[0].name, "@@autocommit");
}

TEST_F(SessionTest, Mysqlslap) {
  Exec("DROP SCHEMA IF EXISTS `mysqlslap`");
  Exec("CREATE SCHEMA `mysqlslap`");
  Exec("USE mysqlslap");
  Exec(std::string("CREATE TABLE `t1` (intcol1 INT(32) ,charcol1 VARCHAR(128))") + '\0');
  for (int i = 0; i < 20; ++i) {
    Exec("INSERT INTO t1 VALUES (" + std::to_string(1804289383 + i) + ",'mxvtvmC9127qJNm0')");
  }
  EXPECT_EQ(Query(std::string("SELECT intcol1,charcol1 FROM t1") + '\0').size(), 20u);
  Exec("CREATE TABLE t2 (id serial, v INT)");
  Exec("INSERT INTO t2 (v) VALUES (1), (2)");
  EXPECT_EQ(Query("SELECT id, v FROM t2"), (Rows{{"1", "1"}, {"2", "2"}}));
  Exec("DROP SCHEMA IF EXISTS `mysqlslap`");
  EXPECT_EQ(session_->current_database(), "");
}

TEST_F(SessionTest, PersistsAcrossReopen) {
  CreateShop();
  Exec("INSERT INTO items (name, price) VALUES ('kept', 3.5)");
  Reopen();
  EXPECT_EQ(Error("SELECT name FROM items"), "ERROR 1046 (3D000): No database selected");
  Exec("USE shop");
  EXPECT_EQ(Query("SELECT name, price, qty FROM items"), (Rows{{"kept", "3.5", "0"}}));
  OkResult next = Exec("INSERT INTO items (name) VALUES ('next')");
  EXPECT_EQ(next.last_insert_id, 2u);
}

TEST_F(SessionTest, InsertConversionsAndErrors) {
  CreateShop();
  Exec(
      "INSERT INTO items (name, qty) VALUES ('a', 2.5), ('b', '3.5'), ('c', 2.5e0), ('d', -2.5), "
      "('e', '1e1'), (12.5, ' 7')");
  EXPECT_EQ(Query("SELECT name, qty FROM items ORDER BY id"),
            (Rows{{"a", "3"}, {"b", "4"}, {"c", "2"}, {"d", "-3"}, {"e", "10"}, {"12.5", "7"}}));
  EXPECT_EQ(Error("INSERT INTO items (name, qty) VALUES ('a', 'abc')"),
            "ERROR 1366 (22007): Incorrect integer value: 'abc' for column `shop`.`items`.`qty` "
            "at row 1");
  EXPECT_EQ(Error("INSERT INTO items (name, qty) VALUES ('a', '12abc')"),
            "ERROR 1265 (01000): Data truncated for column 'qty' at row 1");
  EXPECT_EQ(Error("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 99999999999)"),
            "ERROR 1264 (22003): Out of range value for column 'qty' at row 2");
  EXPECT_EQ(Error("INSERT INTO items (name) VALUES ('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')"),
            "ERROR 1406 (22001): Data too long for column 'name' at row 1");
  EXPECT_EQ(Error("INSERT INTO items (price) VALUES (1)"),
            "ERROR 1364 (HY000): Field 'name' doesn't have a default value");
  EXPECT_EQ(Error("INSERT INTO items VALUES (1)"),
            "ERROR 1136 (21S01): Column count doesn't match value count at row 1");
  EXPECT_EQ(Error("INSERT INTO items (name, name) VALUES ('a', 'b')"),
            "ERROR 1110 (42000): Column 'name' specified twice");
  EXPECT_EQ(Error("INSERT INTO items (nosuch) VALUES (1)"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'INSERT INTO'");
  // A failing multi-row INSERT leaves nothing behind.
  EXPECT_EQ(Query("SELECT COUNT(*) FROM items"), (Rows{{"6"}}));
}

TEST_F(SessionTest, BinderErrors) {
  CreateShop();
  EXPECT_EQ(Error("SELECT id FROM items WHERE nosuch = 1"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'WHERE'");
  EXPECT_EQ(Error("SELECT id FROM items ORDER BY nosuch"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'ORDER BY'");
  EXPECT_EQ(Error("SELECT id FROM items GROUP BY nosuch"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'GROUP BY'");
  EXPECT_EQ(Error("SELECT id FROM items GROUP BY id HAVING nosuch > 1"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'HAVING'");
  EXPECT_EQ(Error("UPDATE items SET nosuch = 1"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'SET'");
  EXPECT_EQ(Error("SELECT id FROM items WHERE COUNT(*) > 1"),
            "ERROR 1111 (HY000): Invalid use of group function");
  EXPECT_EQ(Error("SELECT * FROM items, items"),
            "ERROR 1066 (42000): Not unique table/alias: 'items'");
  EXPECT_EQ(Error("SELECT id FROM items a, items b"),
            "ERROR 1052 (23000): Column 'id' in SELECT is ambiguous");
  EXPECT_EQ(Error("SELECT * FROM items ORDER BY 9"),
            "ERROR 1054 (42S22): Unknown column '9' in 'ORDER BY'");
  EXPECT_EQ(Error("CREATE TABLE t2 (a INT, a INT)"),
            "ERROR 1060 (42S21): Duplicate column name 'a'");
  EXPECT_EQ(Error("CREATE TABLE t2 (a INT PRIMARY KEY, b INT PRIMARY KEY)"),
            "ERROR 1068 (42000): Multiple primary key defined");
  EXPECT_EQ(Error("CREATE TABLE t2 (a INT AUTO_INCREMENT, b INT)"),
            "ERROR 1075 (42000): Incorrect table definition; there can be only one auto column "
            "and it must be defined as a key");
  EXPECT_EQ(Error("CREATE TABLE t3 (a INT) ENGINE=MyISAM").substr(0, 16), "ERROR 1235 (4200");
  EXPECT_EQ(Error("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").substr(0, 10), "ERROR 1235");
  // Column precisions that would change stored values are refused, not dropped.
  EXPECT_EQ(Error("CREATE TABLE t3 (a DOUBLE(10,2))"),
            "ERROR 1235 (42000): This version of MySQL doesn't yet support 'DOUBLE(M,D)'");
  EXPECT_EQ(Error("CREATE TABLE t3 (a FLOAT(7,2))"),
            "ERROR 1235 (42000): This version of MySQL doesn't yet support 'FLOAT(M,D)'");
  EXPECT_EQ(Error("ROLLBACK TO SAVEPOINT nope"),
            "ERROR 1305 (42000): SAVEPOINT nope does not exist");
  EXPECT_EQ(Error("SET tx_isolation = 'sometimes'"),
            "ERROR 1231 (42000): Variable 'tx_isolation' can't be set to the value of 'sometimes'");
  EXPECT_EQ(Error("SET @@nosuch = 1"), "ERROR 1193 (HY000): Unknown system variable 'nosuch'");
  EXPECT_EQ(Error("SET NAMES klingon"), "ERROR 1115 (42000): Unknown character set: 'klingon'");
}

TEST_F(SessionTest, ShowStatements) {
  CreateShop();
  Exec("CREATE DATABASE other");
  EXPECT_EQ(Query("SHOW DATABASES"), (Rows{{"information_schema"}, {"other"}, {"shop"}}));
  EXPECT_EQ(Query("SHOW DATABASES LIKE 'sh%'"), (Rows{{"shop"}}));
  EXPECT_EQ(Query("SHOW FULL TABLES"), (Rows{{"items", "BASE TABLE"}}));
  RecordingSink tables = Run("SHOW TABLES");
  ASSERT_EQ(tables.columns.size(), 1u);
  EXPECT_EQ(tables.columns[0].name, "Tables_in_shop");
  EXPECT_EQ(Query("SHOW CREATE TABLE items"),
            (Rows{{"items",
                   "CREATE TABLE `items` (\n"
                   "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
                   "  `name` varchar(40) NOT NULL,\n"
                   "  `price` double DEFAULT NULL,\n"
                   "  `qty` int(11) DEFAULT 0,\n"
                   "  `note` text DEFAULT NULL,\n"
                   "  PRIMARY KEY (`id`)\n"
                   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"}}));
  EXPECT_EQ(Query("SHOW VARIABLES LIKE 'autocommit'"), (Rows{{"autocommit", "ON"}}));
  Exec("SET @x = 5");
  EXPECT_EQ(Query("SELECT @x, @y"), (Rows{{"5", "NULL"}}));
  Exec("SET NAMES utf8");
  EXPECT_EQ(Query("SELECT @@character_set_client"), (Rows{{"utf8mb3"}}));
  Exec("COMMIT");
  Exec("ROLLBACK");
}

TEST_F(SessionTest, PointLookupsAndRanges) {
  CreateShop();
  for (int i = 0; i < 50; ++i)
    Exec("INSERT INTO items (name, qty) VALUES ('n', " + std::to_string(i) + ")");
  EXPECT_EQ(Query("SELECT qty FROM items WHERE id = 7"), (Rows{{"6"}}));
  EXPECT_EQ(Query("SELECT COUNT(*) FROM items WHERE id BETWEEN 10 AND 19"), (Rows{{"10"}}));
  EXPECT_EQ(Query("SELECT COUNT(*) FROM items WHERE id > 45 AND qty >= 0"), (Rows{{"5"}}));
  EXPECT_EQ(Query("SELECT COUNT(*) FROM items WHERE 40 < id"), (Rows{{"10"}}));
  OkResult update = Exec("UPDATE items SET qty = 100 WHERE id = 3");
  EXPECT_EQ(update.info, "Rows matched: 1  Changed: 1  Warnings: 0");
  EXPECT_EQ(Query("SELECT qty FROM items WHERE id = 3"), (Rows{{"100"}}));
  EXPECT_EQ(Exec("DELETE FROM items WHERE id >= 48").affected_rows, 3u);
  EXPECT_EQ(Query("SELECT DISTINCT name FROM items"), (Rows{{"n"}}));
}

}  // namespace
}  // namespace minisql
