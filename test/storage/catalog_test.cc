// Tests for the catalog: record codecs, persistence across reopen, the schema cache
// across rollback, and corrupt records.
#include "storage/catalog/catalog.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace minisql::storage {
namespace {

TableSchema SampleSchema() {
  TableSchema schema;
  schema.database = "db";
  schema.name = "t";
  ColumnDef id;
  id.name = "id";
  id.type = ColumnType{TypeId::kBigInt, true, 20};
  id.nullable = false;
  id.auto_increment = true;
  ColumnDef price;
  price.name = "price";
  price.type = ColumnType{TypeId::kDecimal, false, 10, 2};
  price.default_value = Value::FromDecimal(Decimal(150, 2));
  ColumnDef note;
  note.name = "note";
  note.type = ColumnType{TypeId::kText};
  note.default_value = Value::Null();
  schema.columns = {id, price, note};
  schema.primary_key = {0};
  schema.options = "DEFAULT CHARSET=utf8mb4";
  return schema;
}

TEST(CatalogCodecTest, TableEntryRoundTrips) {
  TableSchema schema = SampleSchema();
  schema.table_id = 42;
  Result<TableEntry> entry = DecodeTableEntry(EncodeTableEntry(schema, 77));
  ASSERT_TRUE(entry.ok());
  const TableSchema& got = *entry->schema;
  EXPECT_EQ(entry->root, 77u);
  EXPECT_EQ(got.table_id, 42u);
  EXPECT_EQ(got.columns[0].type.is_unsigned, true);
  EXPECT_TRUE(got.columns[0].auto_increment);
  EXPECT_FALSE(got.columns[0].default_value.has_value());
  EXPECT_EQ(got.columns[1].type.scale, 2);
  EXPECT_TRUE(got.columns[1].default_value->IdenticalTo(Value::FromDecimal(Decimal(150, 2))));
  EXPECT_TRUE(got.columns[2].default_value->is_null());
  EXPECT_EQ(got.options, "DEFAULT CHARSET=utf8mb4");
}

TEST(CatalogCodecTest, CurrentTimestampFlagsRoundTrip) {
  TableSchema schema = SampleSchema();
  ColumnDef changed;
  changed.name = "changed";
  changed.type = ColumnType{TypeId::kTimestamp, false, 0, 3};
  changed.default_now = true;
  changed.on_update_now = true;
  ColumnDef touched;
  touched.name = "touched";
  touched.type = ColumnType{TypeId::kDateTime};
  touched.on_update_now = true;
  touched.default_value = Value::Null();
  schema.columns.push_back(changed);
  schema.columns.push_back(touched);
  Result<TableEntry> entry = DecodeTableEntry(EncodeTableEntry(schema, 7));
  ASSERT_TRUE(entry.ok());
  const TableSchema& got = *entry->schema;
  EXPECT_TRUE(got.columns[3].default_now);
  EXPECT_TRUE(got.columns[3].on_update_now);
  EXPECT_FALSE(got.columns[3].default_value.has_value());
  EXPECT_TRUE(got.columns[3].has_default());
  EXPECT_FALSE(got.columns[4].default_now);
  EXPECT_TRUE(got.columns[4].on_update_now);
  EXPECT_TRUE(got.columns[4].default_value->is_null());
  EXPECT_FALSE(got.columns[1].default_now || got.columns[1].on_update_now);
}

TEST(CatalogCodecTest, TruncatedRecordsAreCorruptionNotCrashes) {
  std::string record = EncodeTableEntry(SampleSchema(), 5);
  for (size_t len = 0; len < record.size(); ++len) {
    EXPECT_EQ(DecodeTableEntry(record.substr(0, len)).status().code(), 1712) << len;
  }
  EXPECT_FALSE(DecodeUser("\x05"
                          "ab")
                   .ok());
  EXPECT_FALSE(DecodeCounters("short").ok());
}

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("catalog_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Open();
    auto txn = pager_->BeginTxn();
    ASSERT_TRUE(Catalog::Initialize(pager_.get(), txn.get()).ok());
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  }
  void TearDown() override {
    catalog_.reset();
    pager_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open() {
    catalog_.reset();
    pager_.reset();
    PagerOptions options;
    options.datadir = dir_.string();
    auto pager = Pager::Open(options);
    ASSERT_TRUE(pager.ok()) << pager.status().ToString();
    pager_ = std::move(*pager);
    catalog_ = std::make_unique<Catalog>(pager_.get());
  }

  std::filesystem::path dir_;
  std::unique_ptr<Pager> pager_;
  std::unique_ptr<Catalog> catalog_;
};

TEST_F(CatalogTest, PersistsAcrossReopen) {
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(catalog_->CreateDatabase(txn.get(), "db").ok());
  ASSERT_TRUE(catalog_->CreateDatabase(txn.get(), "DB").ok());  // case-sensitive
  ASSERT_TRUE(catalog_->CreateTable(txn.get(), SampleSchema()).ok());
  ASSERT_TRUE(catalog_->CreateUser(txn.get(), {"u", "%", "mysql_native_password", "*AB"}).ok());
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  Open();
  EXPECT_EQ(*catalog_->ListDatabases(), (std::vector<std::string>{"DB", "db"}));
  EXPECT_EQ(*catalog_->ListTables("db"), std::vector<std::string>{"t"});
  EXPECT_TRUE(catalog_->ListTables("DB")->empty());
  auto entry = catalog_->FindTable("db", "t");
  ASSERT_TRUE(entry.ok() && entry->has_value());
  EXPECT_EQ((*entry)->schema->columns.size(), 3u);
  EXPECT_EQ((*catalog_->FindUser("u", "%"))->auth_string, "*AB");
}

TEST_F(CatalogTest, RejectsNamesWithNulAndEmptyNames) {
  auto txn = pager_->BeginTxn();
  EXPECT_EQ(catalog_->CreateDatabase(txn.get(), std::string("a\0b", 3)).code(), 1102);
  EXPECT_EQ(catalog_->CreateDatabase(txn.get(), "").code(), 1102);
  ASSERT_TRUE(catalog_->CreateDatabase(txn.get(), "db").ok());
  TableSchema schema = SampleSchema();
  schema.name = "";
  EXPECT_EQ(catalog_->CreateTable(txn.get(), schema).status().code(), 1103);
  pager_->AbortTxn(txn.get());
}

TEST_F(CatalogTest, CacheIsDroppedOnRollback) {
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(catalog_->CreateDatabase(txn.get(), "db").ok());
  ASSERT_TRUE(catalog_->CreateTable(txn.get(), SampleSchema()).ok());
  EXPECT_TRUE(catalog_->FindTable("db", "t")->has_value());  // cached now
  pager_->AbortTxn(txn.get());
  catalog_->ClearCache();
  EXPECT_FALSE(catalog_->FindTable("db", "t")->has_value());
  EXPECT_FALSE(*catalog_->DatabaseExists("db"));
}

TEST_F(CatalogTest, TableIdsAreUniqueAndCountersStartAtOne) {
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(catalog_->CreateDatabase(txn.get(), "db").ok());
  auto first = catalog_->CreateTable(txn.get(), SampleSchema());
  TableSchema other = SampleSchema();
  other.name = "u";
  auto second = catalog_->CreateTable(txn.get(), other);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first->schema->table_id, second->schema->table_id);
  EXPECT_NE(first->root, second->root);
  auto counters = catalog_->GetCounters("db", "u");
  ASSERT_TRUE(counters.ok());
  EXPECT_EQ(counters->next_auto_increment, 1u);
  ASSERT_TRUE(catalog_->DropTable(txn.get(), "db", "u").ok());
  EXPECT_EQ(catalog_->DropTable(txn.get(), "db", "u").code(), 1051);
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
}

}  // namespace
}  // namespace minisql::storage
