// Engine-level transaction tests: private changes until commit, rollback, snapshot
// stability (REPEATABLE READ) and per-statement snapshots (READ COMMITTED), rows
// deleted after a snapshot still visible to it, savepoints / statement rollback,
// current reads after a lock wait, deadlock victims, version garbage collection and
// durability of commits only.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "storage/engine/btree_storage_engine.h"

namespace minisql::storage {
namespace {

using namespace std::chrono_literals;

class TxnEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("txn_engine_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Reopen();
    auto ddl = Begin();
    ASSERT_TRUE(engine_->CreateDatabase(ddl.get(), "db").ok());
    TableSchema schema;
    schema.database = "db";
    schema.name = "t";
    ColumnDef id;
    id.name = "id";
    id.type = ColumnType{TypeId::kInt};
    id.nullable = false;
    ColumnDef n;
    n.name = "n";
    n.type = ColumnType{TypeId::kInt};
    schema.columns = {id, n};
    schema.primary_key = {0};
    ASSERT_TRUE(engine_->CreateTable(ddl.get(), schema).ok());
    ASSERT_TRUE(engine_->Commit(ddl.get()).ok());
    auto txn = Begin();
    for (int64_t i = 1; i <= 3; ++i) ASSERT_TRUE(Insert(txn.get(), i, i * 10).ok());
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
    engine_.reset(static_cast<BTreeStorageEngine*>(engine->release()));
  }
  std::unique_ptr<Transaction> Begin(IsolationLevel isolation = IsolationLevel::kRepeatableRead,
                                     std::chrono::milliseconds timeout = 2000ms) {
    TransactionOptions options;
    options.isolation = isolation;
    options.lock_wait_timeout = timeout;
    return std::move(*engine_->Begin(AccessMode::kReadWrite, options));
  }
  std::shared_ptr<const TableSchema> Table(Transaction* txn) {
    return *engine_->GetTable(txn, "db", "t");
  }
  Status Insert(Transaction* txn, int64_t id, int64_t n) {
    return engine_->Insert(txn, *Table(txn), Row{Value::Int(id), Value::Int(n)});
  }
  // "1=10 2=20": the rows txn sees (a snapshot read, or a locking read).
  std::string Rows(Transaction* txn, std::optional<RowLockMode> lock = std::nullopt) {
    auto cursor = lock ? engine_->LockingScan(txn, *Table(txn), KeyRange::All(), *lock)
                       : engine_->Scan(txn, *Table(txn), KeyRange::All());
    if (!cursor.ok()) return cursor.status().ToString();
    std::string out;
    Row row;
    while (true) {
      Result<bool> more = (*cursor)->Next(&row, nullptr);
      if (!more.ok()) return more.status().ToString();
      if (!*more) break;
      if (!out.empty()) out += " ";
      out += row[0].ToText() + "=" + row[1].ToText();
    }
    return out;
  }
  // Sets n of row `id` the way UPDATE does: a locking read, then Update.
  Status SetN(Transaction* txn, int64_t id, int64_t n) {
    auto cursor = engine_->LockingScan(txn, *Table(txn), KeyRange::Prefix({Value::Int(id)}),
                                       RowLockMode::kExclusive);
    if (!cursor.ok()) return cursor.status();
    Row row;
    RowId rid;
    Result<bool> found = (*cursor)->Next(&row, &rid);
    if (!found.ok()) return found.status();
    if (!*found) return Status::Error(ErrorCode::kInternalError, "no row");
    row[1] = Value::Int(n);
    return engine_->Update(txn, *Table(txn), rid, row);
  }

  std::filesystem::path dir_;
  std::unique_ptr<BTreeStorageEngine> engine_;
};

TEST_F(TxnEngineTest, ChangesArePrivateUntilCommitAndRollbackDropsThem) {
  auto writer = Begin();
  ASSERT_TRUE(Insert(writer.get(), 4, 40).ok());
  ASSERT_TRUE(SetN(writer.get(), 1, 11).ok());
  EXPECT_EQ(Rows(writer.get()), "1=11 2=20 3=30 4=40");  // own changes are seen
  auto reader = Begin();
  EXPECT_EQ(Rows(reader.get()), "1=10 2=20 3=30");  // not yet committed: invisible
  engine_->Rollback(writer.get());
  auto after = Begin();
  EXPECT_EQ(Rows(after.get()), "1=10 2=20 3=30");
  // The duplicate check sees committed rows and own inserts.
  EXPECT_EQ(Insert(after.get(), 2, 0).code(), 1062);
  ASSERT_TRUE(Insert(after.get(), 5, 50).ok());
  EXPECT_EQ(Insert(after.get(), 5, 0).code(), 1062);
}

TEST_F(TxnEngineTest, RepeatableReadSnapshotIsStableAndSeesDeletedRows) {
  auto reader = Begin();
  EXPECT_EQ(Rows(reader.get()), "1=10 2=20 3=30");  // the snapshot is taken here
  auto writer = Begin();
  ASSERT_TRUE(SetN(writer.get(), 1, 11).ok());
  auto cursor = engine_->LockingScan(writer.get(), *Table(writer.get()),
                                     KeyRange::Prefix({Value::Int(2)}), RowLockMode::kExclusive);
  Row row;
  RowId rid;
  ASSERT_TRUE(*(*cursor)->Next(&row, &rid));
  ASSERT_TRUE(engine_->Delete(writer.get(), *Table(writer.get()), rid).ok());
  ASSERT_TRUE(Insert(writer.get(), 0, 0).ok());
  ASSERT_TRUE(engine_->Commit(writer.get()).ok());
  EXPECT_EQ(Rows(reader.get()), "1=10 2=20 3=30");  // still the old snapshot
  EXPECT_GT(engine_->version_count(), 0u);
  // A current read sees the latest committed rows.
  EXPECT_EQ(Rows(reader.get(), RowLockMode::kShared), "0=0 1=11 3=30");
  auto fresh = Begin();
  EXPECT_EQ(Rows(fresh.get()), "0=0 1=11 3=30");
  ASSERT_TRUE(engine_->Commit(reader.get()).ok());
  ASSERT_TRUE(engine_->Commit(fresh.get()).ok());
  // No snapshot needs the old versions any more: collected.
  EXPECT_EQ(engine_->open_snapshots(), 0u);
  EXPECT_EQ(engine_->version_count(), 0u);
}

TEST_F(TxnEngineTest, ReadCommittedTakesASnapshotPerStatement) {
  auto reader = Begin(IsolationLevel::kReadCommitted);
  engine_->BeginStatement(reader.get());
  EXPECT_EQ(Rows(reader.get()), "1=10 2=20 3=30");
  auto writer = Begin();
  ASSERT_TRUE(SetN(writer.get(), 3, 33).ok());
  ASSERT_TRUE(engine_->Commit(writer.get()).ok());
  EXPECT_EQ(Rows(reader.get()), "1=10 2=20 3=30");  // same statement, same snapshot
  engine_->BeginStatement(reader.get());
  EXPECT_EQ(Rows(reader.get()), "1=10 2=20 3=33");
}

TEST_F(TxnEngineTest, SavepointsUndoOnlyLaterChanges) {
  auto txn = Begin();
  ASSERT_TRUE(SetN(txn.get(), 1, 11).ok());
  uint64_t savepoint = *engine_->Savepoint(txn.get());
  ASSERT_TRUE(SetN(txn.get(), 2, 22).ok());
  ASSERT_TRUE(Insert(txn.get(), 9, 90).ok());
  ASSERT_TRUE(engine_->RollbackToSavepoint(txn.get(), savepoint).ok());
  EXPECT_EQ(Rows(txn.get()), "1=11 2=20 3=30");
  ASSERT_TRUE(engine_->Commit(txn.get()).ok());
  Reopen();
  auto after = Begin();
  EXPECT_EQ(Rows(after.get()), "1=11 2=20 3=30");
}

TEST_F(TxnEngineTest, CurrentReadWaitsForTheWriterAndSeesItsCommit) {
  auto first = Begin();
  ASSERT_TRUE(SetN(first.get(), 1, 100).ok());
  Status second_status;
  std::thread second([&] {
    auto txn = Begin();
    // Increments the latest committed value, after waiting for `first`.
    auto cursor = engine_->LockingScan(txn.get(), *Table(txn.get()),
                                       KeyRange::Prefix({Value::Int(1)}), RowLockMode::kExclusive);
    Row row;
    RowId rid;
    second_status = (*cursor)->Next(&row, &rid).status();
    if (!second_status.ok()) return;
    row[1] = Value::Int(row[1].int_value() + 1);
    second_status = engine_->Update(txn.get(), *Table(txn.get()), rid, row);
    if (second_status.ok()) second_status = engine_->Commit(txn.get());
  });
  std::this_thread::sleep_for(100ms);
  ASSERT_TRUE(engine_->Commit(first.get()).ok());
  second.join();
  ASSERT_TRUE(second_status.ok()) << second_status.ToString();
  auto check = Begin();
  EXPECT_EQ(Rows(check.get()), "1=101 2=20 3=30");
}

TEST_F(TxnEngineTest, LockWaitTimeoutAndDeadlockVictim) {
  auto a = Begin(IsolationLevel::kRepeatableRead, 100ms);
  auto b = Begin(IsolationLevel::kRepeatableRead, 5000ms);
  ASSERT_TRUE(SetN(a.get(), 1, 1).ok());
  ASSERT_TRUE(SetN(b.get(), 2, 2).ok());
  EXPECT_EQ(SetN(a.get(), 2, 1).code(), 1205);  // only the request failed
  EXPECT_FALSE(engine_->IsAborted(a.get()));
  Status b_status;
  std::thread waiter([&] { b_status = SetN(b.get(), 1, 2); });  // b waits for a
  std::this_thread::sleep_for(100ms);
  Status victim = SetN(a.get(), 2, 1);  // a -> b -> a: a is the victim
  EXPECT_EQ(victim.code(), 1213);
  EXPECT_TRUE(engine_->IsAborted(a.get()));
  waiter.join();
  EXPECT_TRUE(b_status.ok()) << b_status.ToString();
  engine_->Rollback(a.get());
  ASSERT_TRUE(engine_->Commit(b.get()).ok());
  auto check = Begin();
  EXPECT_EQ(Rows(check.get()), "1=2 2=2 3=30");  // nothing of a survived
}

TEST_F(TxnEngineTest, OnlyCommittedWorkSurvivesAReopenAndReadOnlyRefusesWrites) {
  auto committed = Begin();
  ASSERT_TRUE(Insert(committed.get(), 7, 70).ok());
  ASSERT_TRUE(engine_->Commit(committed.get()).ok());
  auto open = Begin();
  ASSERT_TRUE(Insert(open.get(), 8, 80).ok());
  open.reset();  // destroyed unfinished: rolled back (a disconnect)
  auto pending = Begin();
  ASSERT_TRUE(Insert(pending.get(), 9, 90).ok());
  pending.reset();
  Reopen();
  auto check = Begin();
  EXPECT_EQ(Rows(check.get()), "1=10 2=20 3=30 7=70");
  auto read_only = std::move(*engine_->Begin(AccessMode::kReadOnly));
  EXPECT_EQ(Insert(read_only.get(), 10, 0).code(), 1792);
}

}  // namespace
}  // namespace minisql::storage
