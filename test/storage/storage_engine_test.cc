// Tests for the StorageEngine implementation: databases, tables, rows, the exact
// MariaDB error messages, rollback, persistence across reopen and across a power cut.
#include "storage/engine/btree_storage_engine.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/file/fault_injection_file_system.h"

namespace minisql::storage {
namespace {

ColumnDef Column(const std::string& name, TypeId type, bool nullable = true) {
  ColumnDef column;
  column.name = name;
  column.type = ColumnType{type};
  column.nullable = nullable;
  return column;
}

TableSchema ItemsSchema() {
  TableSchema schema;
  schema.database = "shop";
  schema.name = "items";
  schema.columns = {Column("id", TypeId::kInt, false), Column("name", TypeId::kVarchar),
                    Column("price", TypeId::kDouble)};
  schema.primary_key = {0};
  schema.options = "ENGINE=InnoDB";
  return schema;
}

Row Item(int64_t id, const std::string& name, double price) {
  return {Value::Int(id), Value::String(name), Value::Double(price)};
}

class StorageEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("engine_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Reopen();
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
  std::unique_ptr<Transaction> Read() { return std::move(*engine_->Begin(AccessMode::kReadOnly)); }

  void CreateShopWithItems() {
    auto txn = Write();
    ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "shop").ok());
    ASSERT_TRUE(engine_->CreateTable(txn.get(), ItemsSchema()).ok());
    ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  }

  std::shared_ptr<const TableSchema> Items(Transaction* txn) {
    auto schema = engine_->GetTable(txn, "shop", "items");
    EXPECT_TRUE(schema.ok()) << schema.status().ToString();
    return schema.ok() ? *schema : nullptr;
  }

  /// All rows of `table` in `range`, as "id:name" strings.
  std::vector<std::string> Rows(const std::string& table = "items",
                                const KeyRange& range = KeyRange::All()) {
    auto txn = Read();
    auto schema = engine_->GetTable(txn.get(), "shop", table);
    EXPECT_TRUE(schema.ok());
    if (!schema.ok()) return {};
    auto cursor = engine_->Scan(txn.get(), **schema, range);
    EXPECT_TRUE(cursor.ok()) << cursor.status().ToString();
    std::vector<std::string> out;
    Row row;
    while (*(*cursor)->Next(&row, nullptr)) {
      out.push_back(row[0].ToText() + ":" + (row[1].is_null() ? "NULL" : row[1].ToText()));
    }
    EXPECT_TRUE(engine_->Commit(txn.get()).ok());
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<StorageEngine> engine_;
};

TEST_F(StorageEngineTest, DatabasesCreateListDropWithMariaDbErrors) {
  auto txn = Write();
  ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "b").ok());
  ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "a").ok());
  Status dup = engine_->CreateDatabase(txn.get(), "a");
  EXPECT_EQ(dup.code(), 1007);
  EXPECT_EQ(dup.message(), "Can't create database 'a'; database exists");
  EXPECT_EQ(*engine_->ListDatabases(txn.get()), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(*engine_->DatabaseExists(txn.get(), "a"));
  EXPECT_FALSE(*engine_->DatabaseExists(txn.get(), "A"));  // names are case-sensitive
  ASSERT_TRUE(engine_->DropDatabase(txn.get(), "a").ok());
  Status missing = engine_->DropDatabase(txn.get(), "a");
  EXPECT_EQ(missing.code(), 1008);
  EXPECT_EQ(missing.message(), "Can't drop database 'a'; database doesn't exist");
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
}

TEST_F(StorageEngineTest, TableErrorsMatchMariaDb) {
  CreateShopWithItems();
  auto txn = Write();
  Status exists = engine_->CreateTable(txn.get(), ItemsSchema());
  EXPECT_EQ(exists.code(), 1050);
  EXPECT_EQ(exists.message(), "Table 'items' already exists");
  TableSchema nodb = ItemsSchema();
  nodb.database = "nodb";
  Status bad_db = engine_->CreateTable(txn.get(), nodb);
  EXPECT_EQ(bad_db.code(), 1049);
  EXPECT_EQ(bad_db.message(), "Unknown database 'nodb'");
  Status unknown = engine_->DropTable(txn.get(), "shop", "t");
  EXPECT_EQ(unknown.code(), 1051);
  EXPECT_EQ(unknown.message(), "Unknown table 'shop.t'");
  auto missing = engine_->GetTable(txn.get(), "shop", "nope");
  EXPECT_EQ(missing.status().code(), 1146);
  EXPECT_EQ(missing.status().message(), "Table 'shop.nope' doesn't exist");
  EXPECT_EQ(engine_->GetTable(txn.get(), "shop", "ITEMS").status().code(), 1146);
  EXPECT_EQ(engine_->ListTables(txn.get(), "nodb").status().code(), 1049);
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
}

TEST_F(StorageEngineTest, SchemaRoundTripsThroughTheCatalog) {
  CreateShopWithItems();
  Reopen();
  auto txn = Read();
  auto schema = Items(txn.get());
  ASSERT_TRUE(schema);
  EXPECT_NE(schema->table_id, 0u);
  EXPECT_EQ(schema->columns.size(), 3u);
  EXPECT_EQ(schema->columns[1].name, "name");
  EXPECT_EQ(schema->columns[2].type.id, TypeId::kDouble);
  EXPECT_FALSE(schema->columns[0].nullable);
  EXPECT_EQ(schema->primary_key, std::vector<uint32_t>{0});
  EXPECT_EQ(schema->options, "ENGINE=InnoDB");
  EXPECT_EQ(schema->FindColumn("NAME"), 1);
  EXPECT_EQ(schema->FindColumn("nope"), -1);
  EXPECT_EQ(*engine_->ListTables(txn.get(), "shop"), std::vector<std::string>{"items"});
}

TEST_F(StorageEngineTest, InsertScanUpdateDelete) {
  CreateShopWithItems();
  auto txn = Write();
  auto items = Items(txn.get());
  for (int64_t id : {3, 1, 2}) {
    ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(id, "n" + std::to_string(id), 1.5)).ok());
  }
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"1:n1", "2:n2", "3:n3"}));

  // Collect ids, then update one in place and move one to a new key, delete one.
  txn = Write();
  std::vector<RowId> ids;
  {
    auto cursor = engine_->Scan(txn.get(), *items, KeyRange::All());
    Row row;
    RowId id;
    while (*(*cursor)->Next(&row, &id)) ids.push_back(id);
  }
  ASSERT_EQ(ids.size(), 3u);
  ASSERT_TRUE(engine_->Update(txn.get(), *items, ids[0], Item(1, "renamed", 2)).ok());
  ASSERT_TRUE(engine_->Update(txn.get(), *items, ids[1], Item(20, "moved", 2)).ok());
  ASSERT_TRUE(engine_->Delete(txn.get(), *items, ids[2]).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"1:renamed", "20:moved"}));
}

TEST_F(StorageEngineTest, DuplicateKeyIs1062AndLeavesTableUnchanged) {
  CreateShopWithItems();
  auto txn = Write();
  auto items = Items(txn.get());
  ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(1, "a", 1)).ok());
  ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(2, "b", 1)).ok());
  Status dup = engine_->Insert(txn.get(), *items, Item(1, "other", 9));
  EXPECT_EQ(dup.code(), 1062);
  EXPECT_EQ(dup.message(), "Duplicate entry '1' for key 'PRIMARY'");
  // Update moving row 2 onto key 1: also 1062, nothing changed.
  RowId id2;
  {
    auto cursor = engine_->Scan(txn.get(), *items, KeyRange::Prefix({Value::Int(2)}));
    Row row;
    ASSERT_TRUE(*(*cursor)->Next(&row, &id2));
  }
  EXPECT_EQ(engine_->Update(txn.get(), *items, id2, Item(1, "x", 0)).code(), 1062);
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"1:a", "2:b"}));
}

TEST_F(StorageEngineTest, CompositeAndStringKeysUseTheCollation) {
  CreateShopWithItems();
  auto txn = Write();
  TableSchema tags;
  tags.database = "shop";
  tags.name = "tags";
  tags.columns = {Column("tag", TypeId::kVarchar, false), Column("n", TypeId::kInt, false)};
  tags.primary_key = {0, 1};
  ASSERT_TRUE(engine_->CreateTable(txn.get(), tags).ok());
  auto schema = *engine_->GetTable(txn.get(), "shop", "tags");
  ASSERT_TRUE(engine_->Insert(txn.get(), *schema, {Value::String("x"), Value::Int(1)}).ok());
  ASSERT_TRUE(engine_->Insert(txn.get(), *schema, {Value::String("b"), Value::Int(2)}).ok());
  ASSERT_TRUE(engine_->Insert(txn.get(), *schema, {Value::String("B"), Value::Int(1)}).ok());
  Status dup = engine_->Insert(txn.get(), *schema, {Value::String("X "), Value::Int(1)});
  EXPECT_EQ(dup.message(), "Duplicate entry 'X -1' for key 'PRIMARY'");
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(Rows("tags"), (std::vector<std::string>{"B:1", "b:2", "x:1"}));
  EXPECT_EQ(Rows("tags", KeyRange::Prefix({Value::String("b")})),
            (std::vector<std::string>{"B:1", "b:2"}));
  KeyRange after_b{KeyBound{{Value::String("b")}, false}, std::nullopt};
  EXPECT_EQ(Rows("tags", after_b), std::vector<std::string>{"x:1"});
  KeyRange before_x{std::nullopt, KeyBound{{Value::String("x")}, false}};
  EXPECT_EQ(Rows("tags", before_x), (std::vector<std::string>{"B:1", "b:2"}));
}

TEST_F(StorageEngineTest, TablesWithoutPrimaryKeyUseHiddenRowIds) {
  CreateShopWithItems();
  auto txn = Write();
  TableSchema log;
  log.database = "shop";
  log.name = "log";
  log.columns = {Column("a", TypeId::kInt), Column("b", TypeId::kVarchar)};
  ASSERT_TRUE(engine_->CreateTable(txn.get(), log).ok());
  auto schema = *engine_->GetTable(txn.get(), "shop", "log");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(engine_->Insert(txn.get(), *schema, {Value::Int(7), Value::Null()}).ok());
  }
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(Rows("log"), (std::vector<std::string>{"7:NULL", "7:NULL", "7:NULL"}));
}

TEST_F(StorageEngineTest, RollbackUndoesEverything) {
  CreateShopWithItems();
  auto txn = Write();
  auto items = Items(txn.get());
  ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(1, "kept", 1)).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());

  txn = Write();
  for (int i = 2; i < 2000; ++i) {
    ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(i, "gone", 1)).ok());
  }
  ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "tmp").ok());
  ASSERT_TRUE(engine_->DropTable(txn.get(), "shop", "items").ok());
  engine_->Rollback(txn.get());
  EXPECT_EQ(Rows(), std::vector<std::string>{"1:kept"});

  // Destroying an unfinished read-write transaction rolls back too.
  txn = Write();
  ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "tmp").ok());
  txn.reset();
  auto read = Read();
  EXPECT_EQ(*engine_->ListDatabases(read.get()), std::vector<std::string>{"shop"});
  // Writes in a read-only transaction are refused.
  EXPECT_FALSE(engine_->CreateDatabase(read.get(), "x").ok());
}

TEST_F(StorageEngineTest, AutoIncrementCountsAndNotesExplicitValues) {
  CreateShopWithItems();
  auto txn = Write();
  auto items = Items(txn.get());
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *items), 1);
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *items), 2);
  ASSERT_TRUE(engine_->NoteAutoIncrementValue(txn.get(), *items, 100).ok());
  ASSERT_TRUE(engine_->NoteAutoIncrementValue(txn.get(), *items, 5).ok());
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *items), 101);
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  txn = Write();
  EXPECT_EQ(*engine_->NextAutoIncrement(txn.get(), *Items(txn.get())), 102);
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
}

TEST_F(StorageEngineTest, UsersArePersisted) {
  auto txn = Write();
  UserRecord root{"root", "localhost", "mysql_native_password", ""};
  ASSERT_TRUE(engine_->CreateUser(txn.get(), root).ok());
  Status dup = engine_->CreateUser(txn.get(), root);
  EXPECT_EQ(dup.code(), 1396);
  EXPECT_EQ(dup.message(), "Operation CREATE USER failed for 'root'@'localhost'");
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  auto read = Read();
  auto found = engine_->FindUser(read.get(), "root", "localhost");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->plugin, "mysql_native_password");
  EXPECT_FALSE(engine_->FindUser(read.get(), "root", "%")->has_value());
  EXPECT_EQ(engine_->ListUsers(read.get())->size(), 1u);
}

TEST_F(StorageEngineTest, DataSurvivesCloseAndReopenAndDropDatabaseFreesPages) {
  CreateShopWithItems();
  auto txn = Write();
  auto items = Items(txn.get());
  for (int i = 0; i < 3000; ++i) {
    ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(i, std::string(100, 'x'), i)).ok());
  }
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  EXPECT_EQ(Rows().size(), 3000u);
  txn = Write();
  ASSERT_TRUE(engine_->DropDatabase(txn.get(), "shop").ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  uint64_t size_after_first = std::filesystem::file_size(dir_ / "minisql.db");
  // Recreating the same data reuses the freed pages instead of growing the file.
  CreateShopWithItems();
  txn = Write();
  items = Items(txn.get());
  for (int i = 0; i < 3000; ++i) {
    ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(i, std::string(100, 'x'), i)).ok());
  }
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  EXPECT_EQ(Rows().size(), 3000u);
  EXPECT_LE(std::filesystem::file_size(dir_ / "minisql.db"), size_after_first + 8192 * 4);
}

TEST_F(StorageEngineTest, LongStringValuesUseOverflowPages) {
  CreateShopWithItems();
  std::string long_name(100 << 10, 'n');
  for (size_t i = 0; i < long_name.size(); i += 7) long_name[i] = static_cast<char>('a' + i % 26);
  auto txn = Write();
  auto items = Items(txn.get());
  ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(1, long_name, 1)).ok());
  ASSERT_TRUE(engine_->Insert(txn.get(), *items, Item(2, "short", 2)).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  EXPECT_EQ(Rows(), (std::vector<std::string>{"1:" + long_name, "2:short"}));

  // Long -> short -> long, then delete: the file does not keep growing.
  uint64_t size = std::filesystem::file_size(dir_ / "minisql.db");
  auto id_of_row_1 = [&](Transaction* t) {
    RowId id;
    Row row;
    auto cursor = engine_->Scan(t, *Items(t), KeyRange::Prefix({Value::Int(1)}));
    EXPECT_TRUE(cursor.ok() && *(*cursor)->Next(&row, &id));
    return id;
  };
  for (int round = 0; round < 3; ++round) {
    txn = Write();
    items = Items(txn.get());
    RowId id = id_of_row_1(txn.get());
    ASSERT_TRUE(engine_->Update(txn.get(), *items, id, Item(1, "now short", 1)).ok());
    ASSERT_TRUE(engine_->Update(txn.get(), *items, id, Item(1, long_name, 1)).ok());
    ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  }
  EXPECT_EQ(Rows(), (std::vector<std::string>{"1:" + long_name, "2:short"}));
  txn = Write();
  items = Items(txn.get());
  ASSERT_TRUE(engine_->Delete(txn.get(), *items, id_of_row_1(txn.get())).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"2:short"}));
  Reopen();
  EXPECT_LE(std::filesystem::file_size(dir_ / "minisql.db"), size + 8192 * 4);
}

TEST(StorageEngineCrashTest, CommittedRowsSurviveAPowerCut) {
  FaultInjectionFileSystem fs;
  PagerOptions options;
  options.datadir = "/crash";
  options.fs = &fs;
  {
    auto engine = OpenStorageEngineWithPager(options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    auto txn = std::move(*(*engine)->Begin(AccessMode::kReadWrite));
    ASSERT_TRUE((*engine)->CreateDatabase(txn.get(), "shop").ok());
    ASSERT_TRUE((*engine)->CreateTable(txn.get(), ItemsSchema()).ok());
    auto items = *(*engine)->GetTable(txn.get(), "shop", "items");
    for (int i = 0; i < 500; ++i)
      ASSERT_TRUE((*engine)->Insert(txn.get(), *items, Item(i, "c", 1)).ok());
    ASSERT_TRUE((*engine)->Commit(txn.get()).ok());
    // An uncommitted transaction in flight when the power goes.
    txn = std::move(*(*engine)->Begin(AccessMode::kReadWrite));
    ASSERT_TRUE((*engine)->Insert(txn.get(), *items, Item(1000, "lost", 1)).ok());
    fs.PowerCut();
    (*engine)->Rollback(txn.get());
  }
  auto engine = OpenStorageEngineWithPager(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto txn = std::move(*(*engine)->Begin(AccessMode::kReadOnly));
  auto items = (*engine)->GetTable(txn.get(), "shop", "items");
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  auto cursor = (*engine)->Scan(txn.get(), **items, KeyRange::All());
  ASSERT_TRUE(cursor.ok());
  Row row;
  int count = 0;
  while (*(*cursor)->Next(&row, nullptr)) {
    EXPECT_EQ(row[1].string_value(), "c");
    ++count;
  }
  EXPECT_EQ(count, 500);
}

}  // namespace
}  // namespace minisql::storage
