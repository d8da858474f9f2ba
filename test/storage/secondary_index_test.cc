// Tests for secondary indexes in the storage engine: index trees kept in step by
// Insert/Update/Delete, UNIQUE checks (NULLs never collide), CREATE/DROP INDEX on
// tables holding rows, index scans with ranges, the catalog round trip (also of a
// version-1 table record) and persistence across reopen.
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/catalog/catalog_codec.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/table/byte_coding.h"

namespace minisql::storage {
namespace {

ColumnDef Column(const std::string& name, TypeId type, bool nullable = true) {
  ColumnDef column;
  column.name = name;
  column.type = ColumnType{type};
  column.nullable = nullable;
  return column;
}

// people(id INT PRIMARY KEY, email VARCHAR UNIQUE, city VARCHAR, KEY city (city, id))
TableSchema PeopleSchema() {
  TableSchema schema;
  schema.database = "db";
  schema.name = "people";
  schema.columns = {Column("id", TypeId::kInt, false), Column("email", TypeId::kVarchar),
                    Column("city", TypeId::kVarchar)};
  schema.primary_key = {0};
  schema.AddIndex(IndexDef{"city", {2}, false, {}});
  schema.AddIndex(IndexDef{"email", {1}, true, {}});
  return schema;
}

Row Person(int64_t id, const char* email, const char* city) {
  return {Value::Int(id), email ? Value::String(email) : Value::Null(),
          city ? Value::String(city) : Value::Null()};
}

class SecondaryIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("index_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Reopen();
    auto txn = Write();
    ASSERT_TRUE(engine_->CreateDatabase(txn.get(), "db").ok());
    ASSERT_TRUE(engine_->CreateTable(txn.get(), PeopleSchema()).ok());
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
  std::shared_ptr<const TableSchema> People(Transaction* txn) {
    return *engine_->GetTable(txn, "db", "people");
  }
  Status InsertOne(const Row& row) {
    auto txn = Write();
    Status status = engine_->Insert(txn.get(), *People(txn.get()), row);
    if (!status.ok()) {
      engine_->Rollback(txn.get());
      return status;
    }
    return engine_->Commit(txn.get());
  }
  /// Ids of the rows index `name` yields in `range`, in index order.
  std::vector<int64_t> ScanIds(const std::string& name, const KeyRange& range = KeyRange::All()) {
    auto txn = std::move(*engine_->Begin(AccessMode::kReadOnly));
    auto schema = People(txn.get());
    int index = schema->FindIndex(name);
    EXPECT_GE(index, 0);
    auto cursor = engine_->ScanIndex(txn.get(), *schema, index, range);
    EXPECT_TRUE(cursor.ok()) << cursor.status().ToString();
    std::vector<int64_t> ids;
    Row row;
    while (true) {
      auto more = (*cursor)->Next(&row, nullptr);
      EXPECT_TRUE(more.ok());
      if (!more.ok() || !*more) break;
      ids.push_back(row[0].int_value());
    }
    return ids;
  }
  void FillFour() {
    ASSERT_TRUE(InsertOne(Person(1, "a@x", "Paris")).ok());
    ASSERT_TRUE(InsertOne(Person(2, "b@x", "Oslo")).ok());
    ASSERT_TRUE(InsertOne(Person(3, nullptr, "paris")).ok());
    ASSERT_TRUE(InsertOne(Person(4, nullptr, nullptr)).ok());
  }

  std::filesystem::path dir_;
  std::unique_ptr<StorageEngine> engine_;
};

TEST_F(SecondaryIndexTest, DisplayOrderPutsUniqueFirst) {
  TableSchema schema = PeopleSchema();
  ASSERT_EQ(schema.indexes.size(), 2u);
  EXPECT_EQ(schema.indexes[0].name, "email");
  EXPECT_EQ(schema.indexes[1].name, "city");
  EXPECT_EQ(schema.FindIndex("EMAIL"), 0);
  EXPECT_EQ(schema.FindIndex("nope"), -1);
}

TEST_F(SecondaryIndexTest, ScansInIndexOrderWithNullsFirst) {
  FillFour();
  // 'Paris' and 'paris' are equal under the collation; ties go by primary key.
  EXPECT_EQ(ScanIds("city"), (std::vector<int64_t>{4, 2, 1, 3}));
  EXPECT_EQ(ScanIds("city", KeyRange::Prefix({Value::String("PARIS")})),
            (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(ScanIds("city", KeyRange::Prefix({Value::Null()})), (std::vector<int64_t>{4}));
  KeyRange after_oslo{KeyBound{{Value::String("Oslo")}, false}, std::nullopt};
  EXPECT_EQ(ScanIds("city", after_oslo), (std::vector<int64_t>{1, 3}));
  KeyRange up_to_oslo{std::nullopt, KeyBound{{Value::String("oslo")}, true}};
  EXPECT_EQ(ScanIds("city", up_to_oslo), (std::vector<int64_t>{4, 2}));
}

TEST_F(SecondaryIndexTest, DescendingColumnsReverseTheOrder) {
  FillFour();
  auto txn = Write();
  ASSERT_TRUE(
      engine_->CreateIndex(txn.get(), "db", "people", IndexDef{"cd", {2, 0}, false, {true, false}})
          .ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  // City descending (NULL last), then id ascending.
  EXPECT_EQ(ScanIds("cd"), (std::vector<int64_t>{1, 3, 2, 4}));
  // In index order the lower bound of a DESC column holds the larger value.
  KeyRange below_paris{KeyBound{{Value::String("Paris")}, false}, std::nullopt};
  EXPECT_EQ(ScanIds("cd", below_paris), (std::vector<int64_t>{2, 4}));
  EXPECT_EQ(ScanIds("cd", KeyRange::Prefix({Value::String("paris")})),
            (std::vector<int64_t>{1, 3}));
}

TEST_F(SecondaryIndexTest, UniqueIndexRejectsDuplicatesButNotNulls) {
  FillFour();
  Status dup = InsertOne(Person(5, "A@X", "Rome"));
  EXPECT_EQ(dup.error_code(), ErrorCode::kDupEntry);
  EXPECT_EQ(dup.message(), "Duplicate entry 'A@X' for key 'email'");
  // The primary key is checked first, as in MySQL.
  dup = InsertOne(Person(1, "a@x", "Rome"));
  EXPECT_EQ(dup.message(), "Duplicate entry '1' for key 'PRIMARY'");
  EXPECT_TRUE(InsertOne(Person(6, nullptr, "Rome")).ok());
  // Nothing of the refused rows was written anywhere.
  EXPECT_EQ(ScanIds("city"), (std::vector<int64_t>{4, 2, 1, 3, 6}));
  EXPECT_EQ(ScanIds("email"), (std::vector<int64_t>{3, 4, 6, 1, 2}));
}

TEST_F(SecondaryIndexTest, UpdateAndDeleteMoveIndexEntries) {
  FillFour();
  auto txn = Write();
  auto schema = People(txn.get());
  auto conflicts = engine_->FindConflicts(txn.get(), *schema, Person(9, "b@x", nullptr));
  ASSERT_TRUE(conflicts.ok());
  ASSERT_EQ(conflicts->size(), 1u);
  auto conflicting = engine_->GetRow(txn.get(), *schema, (*conflicts)[0]);
  ASSERT_TRUE(conflicting.ok() && conflicting->has_value());
  EXPECT_EQ((**conflicting)[0].int_value(), 2);
  // Changing the primary key and the city of row 2; keeping its own email is fine.
  EXPECT_TRUE(engine_->Update(txn.get(), *schema, (*conflicts)[0], Person(7, "b@x", "Bern")).ok());
  // Taking row 1's email is not.
  auto rows = engine_->FindConflicts(txn.get(), *schema, Person(1, nullptr, nullptr));
  ASSERT_TRUE(rows.ok() && rows->size() == 1u);
  Status dup = engine_->Update(txn.get(), *schema, (*rows)[0], Person(1, "b@x", "Paris"));
  EXPECT_EQ(dup.message(), "Duplicate entry 'b@x' for key 'email'");
  EXPECT_TRUE(engine_->Delete(txn.get(), *schema, (*rows)[0]).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  EXPECT_EQ(ScanIds("city"), (std::vector<int64_t>{4, 7, 3}));
  EXPECT_EQ(ScanIds("email"), (std::vector<int64_t>{3, 4, 7}));
}

TEST_F(SecondaryIndexTest, CreateAndDropIndexOnRowsAndReopen) {
  FillFour();
  {
    auto txn = Write();
    Status dup = engine_->CreateIndex(txn.get(), "db", "people", IndexDef{"uc", {2}, true, {}});
    EXPECT_EQ(dup.message(), "Duplicate entry 'paris' for key 'uc'");
    engine_->Rollback(txn.get());
  }
  {
    auto txn = Write();
    EXPECT_EQ(engine_->CreateIndex(txn.get(), "db", "people", IndexDef{"CITY", {1}, false, {}})
                  .error_code(),
              ErrorCode::kDupKeyname);
    ASSERT_TRUE(
        engine_->CreateIndex(txn.get(), "db", "people", IndexDef{"ue", {1, 2}, true, {}}).ok());
    Status missing = engine_->DropIndex(txn.get(), "db", "people", "nope");
    EXPECT_EQ(missing.message(), "Can't DROP INDEX `nope`; check that it exists");
    ASSERT_TRUE(engine_->DropIndex(txn.get(), "db", "people", "city").ok());
    ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  }
  Reopen();
  auto txn = std::move(*engine_->Begin(AccessMode::kReadOnly));
  auto schema = People(txn.get());
  ASSERT_EQ(schema->indexes.size(), 2u);
  EXPECT_EQ(schema->indexes[0].name, "email");
  EXPECT_EQ(schema->indexes[1].name, "ue");
  engine_->Rollback(txn.get());
  EXPECT_EQ(ScanIds("ue"), (std::vector<int64_t>{4, 3, 1, 2}));  // (NULL, NULL) first
  EXPECT_EQ(InsertOne(Person(8, "b@x", "Oslo")).message(), "Duplicate entry 'b@x' for key 'email'");
}

TEST_F(SecondaryIndexTest, DropTableFreesIndexPages) {
  FillFour();
  auto txn = Write();
  ASSERT_TRUE(engine_->DropTable(txn.get(), "db", "people").ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  ASSERT_TRUE(engine_->Checkpoint().ok());
  // The pages come back: recreating and filling the table does not grow the file.
  auto size = std::filesystem::file_size(dir_ / "minisql.db");
  txn = Write();
  ASSERT_TRUE(engine_->CreateTable(txn.get(), PeopleSchema()).ok());
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  FillFour();
  ASSERT_TRUE(engine_->Checkpoint().ok());
  EXPECT_EQ(std::filesystem::file_size(dir_ / "minisql.db"), size);
}

TEST(CatalogCodecIndexTest, RoundTripAndVersionOneRecords) {
  TableSchema schema = PeopleSchema();
  schema.table_id = 3;
  std::string record = EncodeTableEntry(schema, 10, {11, 12});
  auto entry = DecodeTableEntry(record);
  ASSERT_TRUE(entry.ok());
  ASSERT_EQ(entry->schema->indexes.size(), 2u);
  EXPECT_EQ(entry->schema->indexes[1].name, "city");
  EXPECT_TRUE(entry->schema->indexes[0].unique);
  EXPECT_EQ(entry->schema->indexes[1].columns, (std::vector<uint32_t>{2}));
  EXPECT_EQ(entry->index_roots, (std::vector<PageId>{11, 12}));
  // A record written before indexes existed: version byte 1, nothing after options.
  TableSchema plain = schema;
  plain.indexes.clear();
  std::string old = EncodeTableEntry(plain, 10);
  old[0] = 1;
  old.pop_back();  // the index count (0)
  auto decoded = DecodeTableEntry(old);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_TRUE(decoded->schema->indexes.empty());
  // Truncated index data is corruption, not a crash.
  EXPECT_FALSE(DecodeTableEntry(record.substr(0, record.size() - 2)).ok());
}

}  // namespace
}  // namespace minisql::storage
