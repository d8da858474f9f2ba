// Tests for the storage engine's whole-table DDL (engine/table_rewrite.cc): RebuildTable
// (rows converted into new trees, indexes rebuilt, AUTO_INCREMENT carried over, a
// failed conversion or key collision rolled back whole, the result durable across
// reopen), RenameTable (across databases, errors) and TruncateTable.
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/engine/btree_storage_engine.h"

namespace minisql::storage {
namespace {

ColumnDef Column(const std::string& name, TypeId type, bool nullable = true) {
  ColumnDef column;
  column.name = name;
  column.type = ColumnType{type};
  column.nullable = nullable;
  return column;
}

// items(id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR, qty INT, KEY name (name))
TableSchema ItemsSchema() {
  TableSchema schema;
  schema.database = "db";
  schema.name = "items";
  schema.columns = {Column("id", TypeId::kInt, false), Column("name", TypeId::kVarchar),
                    Column("qty", TypeId::kInt)};
  schema.columns[0].auto_increment = true;
  schema.primary_key = {0};
  schema.AddIndex(IndexDef{"name", {1}, false, {}});
  return schema;
}

class TableRewriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rewrite_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Reopen();
    auto txn = Write();
    ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "db").ok());
    ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "other").ok());
    ASSERT_TRUE(engine_->CreateTable(txn.get(), ItemsSchema()).ok());
    ASSERT_TRUE(engine_->Commit(txn.get()).ok());
    txn = Write();
    auto items = Table(txn.get(), "db", "items");
    for (int64_t i = 1; i <= 50; ++i) {
      Result<int64_t> id = engine_->NextAutoIncrement(txn.get(), *items);
      ASSERT_TRUE(id.ok());
      ASSERT_TRUE(engine_
                      ->Insert(txn.get(), *items,
                               {Value::Int(*id), Value::String("n" + std::to_string(i % 10)),
                                Value::Int(i)})
                      .ok());
    }
    ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  }
  void TearDown() override {
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Reopen() {
    engine_.reset();
    auto engine = OpenStorageEngine(EngineOptions{dir_.string(), 8ull << 20});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(*engine);
  }
  std::unique_ptr<Transaction> Write() {
    return std::move(*engine_->Begin(AccessMode::kReadWrite));
  }
  std::shared_ptr<const TableSchema> Table(Transaction* txn, const std::string& db,
                                           const std::string& name) {
    auto table = engine_->GetTable(txn, db, name);
    return table.ok() ? *table : nullptr;
  }
  std::vector<Row> Rows(const std::string& db, const std::string& name) {
    auto txn = std::move(*engine_->Begin(AccessMode::kReadOnly));
    auto table = Table(txn.get(), db, name);
    std::vector<Row> rows;
    if (table == nullptr) return rows;
    auto cursor = engine_->Scan(txn.get(), *table, KeyRange::All());
    EXPECT_TRUE(cursor.ok());
    Row row;
    while (*(*cursor)->Next(&row, nullptr)) rows.push_back(row);
    return rows;
  }
  // items with qty dropped and a column `flag` added after id, filled with 7.
  Status DropQtyAddFlag(Transaction* txn) {
    TableSchema schema = *Table(txn, "db", "items");
    schema.columns = {schema.columns[0], Column("flag", TypeId::kBigInt), schema.columns[1]};
    schema.indexes[0].columns = {2};
    return engine_->RebuildTable(txn, "db", "items", schema, [](const Row& old, uint64_t) {
      return Result<Row>(Row{old[0], Value::Int(7), old[1]});
    });
  }

  std::filesystem::path dir_;
  std::unique_ptr<StorageEngine> engine_;
};

TEST_F(TableRewriteTest, RebuildConvertsRowsRebuildsIndexesAndSurvivesReopen) {
  auto txn = Write();
  uint64_t old_id = Table(txn.get(), "db", "items")->table_id;
  ASSERT_TRUE(DropQtyAddFlag(txn.get()).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  std::vector<Row> rows = Rows("db", "items");
  ASSERT_EQ(rows.size(), 50u);
  EXPECT_EQ(rows[4].size(), 3u);
  EXPECT_EQ(rows[4][0].int_value(), 5);
  EXPECT_EQ(rows[4][1].int_value(), 7);
  EXPECT_EQ(rows[4][2].string_value(), "n5");

  txn = Write();
  auto items = Table(txn.get(), "db", "items");
  EXPECT_NE(items->table_id, old_id);  // a new identity for the new row format
  auto cursor = engine_->ScanIndex(txn.get(), *items, 0, KeyRange::Prefix({Value::String("n3")}));
  ASSERT_TRUE(cursor.ok());
  int found = 0;
  Row row;
  while (*(*cursor)->Next(&row, nullptr)) ++found;
  EXPECT_EQ(found, 5);
  // AUTO_INCREMENT continues after the rewrite and the reopen.
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *items), 51);
  engine_->Rollback(txn.get());
}

TEST_F(TableRewriteTest, FailedRebuildLeavesTheOldTable) {
  auto txn = Write();
  TableSchema schema = *Table(txn.get(), "db", "items");
  Status status = engine_->RebuildTable(
      txn.get(), "db", "items", schema, [](const Row& old, uint64_t row_number) -> Result<Row> {
        if (row_number == 30) {
          return Status::Error(ErrorCode::kWarnDataOutOfRange, "qty", 30ul);
        }
        return old;
      });
  EXPECT_EQ(status.error_code(), ErrorCode::kWarnDataOutOfRange);
  engine_->Rollback(txn.get());
  // A primary key that collides: 1062, nothing changed.
  txn = Write();
  schema = *Table(txn.get(), "db", "items");
  schema.primary_key = {1};
  schema.columns[1].nullable = false;
  schema.columns[0].auto_increment = false;
  status = engine_->RebuildTable(txn.get(), "db", "items", schema,
                                 [](const Row& old, uint64_t) { return Result<Row>(old); });
  EXPECT_EQ(status.error_code(), ErrorCode::kDupEntry);
  engine_->Rollback(txn.get());
  Reopen();
  std::vector<Row> rows = Rows("db", "items");
  ASSERT_EQ(rows.size(), 50u);
  EXPECT_EQ(rows[0].size(), 3u);
  EXPECT_EQ(rows[0][2].int_value(), 1);
}

TEST_F(TableRewriteTest, RenameAcrossDatabasesAndErrors) {
  auto txn = Write();
  EXPECT_EQ(engine_->RenameTable(txn.get(), "db", "nosuch", "db", "x").error_code(),
            ErrorCode::kNoSuchTable);
  EXPECT_EQ(engine_->RenameTable(txn.get(), "db", "items", "nodb", "x").error_code(),
            ErrorCode::kBadDb);
  ASSERT_TRUE(engine_->RenameTable(txn.get(), "db", "items", "other", "moved").ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  EXPECT_TRUE(Rows("db", "items").empty());
  EXPECT_EQ(Rows("other", "moved").size(), 50u);
  txn = Write();
  ASSERT_TRUE(engine_->CreateTable(txn.get(), ItemsSchema()).ok());
  EXPECT_EQ(engine_->RenameTable(txn.get(), "other", "moved", "db", "items").error_code(),
            ErrorCode::kTableExists);
  auto moved = Table(txn.get(), "other", "moved");
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *moved), 51);
  engine_->Rollback(txn.get());
}

TEST_F(TableRewriteTest, TruncateEmptiesTablesAndRestartsAutoIncrement) {
  auto txn = Write();
  ASSERT_TRUE(engine_->TruncateTable(txn.get(), "db", "items").ok());
  EXPECT_EQ(engine_->TruncateTable(txn.get(), "db", "nosuch").error_code(),
            ErrorCode::kNoSuchTable);
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  EXPECT_TRUE(Rows("db", "items").empty());
  txn = Write();
  auto items = Table(txn.get(), "db", "items");
  ASSERT_EQ(items->indexes.size(), 1u);
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *items), 1);
  engine_->Rollback(txn.get());
}

}  // namespace
}  // namespace minisql::storage
