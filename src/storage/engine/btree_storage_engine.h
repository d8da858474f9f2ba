// btree_storage_engine.h — the StorageEngine implementation: tables as B+ trees,
// multi-statement transactions with MVCC and row locks (storage/txn/).
//
//   BTreeStorageEngine
//     ├─ ddl_latch_     shared_mutex: DDL against everything. Readers (one step at a
//     │                 time) and commits take it shared; a DDL transaction exclusive,
//     │                 until it ends (DDL runs alone). NOT what keeps readers and a
//     │                 commit apart: page latches do (buffer_pool.h, btree.h)
//     ├─ writer_mu_     one committer at a time applies its WriteSet (one PagerTxn,
//     │                 one WAL append order; engine_commit.cc)
//     ├─ locks_         row locks (txn/lock_manager.h)
//     ├─ versions_      older committed row versions (txn/version_store.h)
//     ├─ timestamps_    commit timestamps, open snapshots (txn/transaction_manager.h)
//     ├─ catalog_       databases, tables, users — a B+ tree at page 1 (catalog/)
//     └─ pager_         pages, buffer pool, WAL, recovery (pager/)
//
// A table is one B+ tree: key = encoded primary key (or hidden row id), value = the
// encoded row (table/key_codec.h, table/row_codec.h). A RowId is that key. Each
// secondary index is one more tree (index/index_maintenance.h). The trees hold the
// latest committed version of each row; INSERT/UPDATE/DELETE check UNIQUE indexes
// (locking the unique value), lock the key and record the change in the
// transaction's WriteSet; Commit applies the WriteSet through the tree write path
// (engine_commit.cc), table and index trees together, as one pager transaction, so
// the WAL and recovery are unchanged.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "storage/catalog/catalog.h"
#include "storage/engine/engine_transaction.h"
#include "storage/pager/pager.h"
#include "storage/storage_engine.h"
#include "storage/txn/lock_manager.h"
#include "storage/txn/transaction_manager.h"
#include "storage/txn/version_store.h"

namespace minisql::storage {

class BTreeStorageEngine : public StorageEngine {
 public:
  explicit BTreeStorageEngine(std::unique_ptr<Pager> pager)
      : pager_(std::move(pager)), catalog_(pager_.get()) {}
  ~BTreeStorageEngine() override;

  using StorageEngine::Begin;
  Result<std::unique_ptr<Transaction>> Begin(AccessMode mode,
                                             const TransactionOptions& options) override;
  Status Commit(Transaction* txn) override;
  void Rollback(Transaction* txn) override;
  void BeginStatement(Transaction* txn) override;
  Result<uint64_t> Savepoint(Transaction* txn) override;
  Status RollbackToSavepoint(Transaction* txn, uint64_t savepoint) override;
  bool IsAborted(Transaction* txn) override;

  Status CreateDatabase(Transaction* txn, const std::string& name) override;
  Status DropDatabase(Transaction* txn, const std::string& name) override;
  Result<bool> DatabaseExists(Transaction* txn, const std::string& name) override;
  Result<std::vector<std::string>> ListDatabases(Transaction* txn) override;

  Status CreateTable(Transaction* txn, const TableSchema& schema) override;
  Status DropTable(Transaction* txn, const std::string& db, const std::string& table) override;
  Result<std::vector<std::string>> ListTables(Transaction* txn, const std::string& db) override;
  Result<std::shared_ptr<const TableSchema>> GetTable(Transaction* txn, const std::string& db,
                                                      const std::string& table) override;

  Result<std::unique_ptr<RowCursor>> Scan(Transaction* txn, const TableSchema& table,
                                          const KeyRange& range) override;
  Result<std::unique_ptr<RowCursor>> LockingScan(Transaction* txn, const TableSchema& table,
                                                 const KeyRange& range, RowLockMode mode) override;
  Status Insert(Transaction* txn, const TableSchema& table, const Row& row) override;
  Status Update(Transaction* txn, const TableSchema& table, const RowId& id,
                const Row& new_row) override;
  Status Delete(Transaction* txn, const TableSchema& table, const RowId& id) override;

  // Secondary indexes: engine/index_operations.cc.
  Status CreateIndex(Transaction* txn, const std::string& db, const std::string& table,
                     const IndexDef& index) override;
  Status DropIndex(Transaction* txn, const std::string& db, const std::string& table,
                   const std::string& index_name) override;
  Result<std::unique_ptr<RowCursor>> ScanIndex(Transaction* txn, const TableSchema& table,
                                               size_t index, const KeyRange& range) override;
  // engine/locking_index_scan.cc.
  Result<std::unique_ptr<RowCursor>> LockingScanIndex(Transaction* txn, const TableSchema& table,
                                                      size_t index, const KeyRange& range,
                                                      RowLockMode mode) override;
  Result<std::optional<Row>> GetRow(Transaction* txn, const TableSchema& table,
                                    const RowId& id) override;
  Result<std::vector<RowId>> FindConflicts(Transaction* txn, const TableSchema& table,
                                           const Row& row) override;

  Result<int64_t> NextAutoIncrement(Transaction* txn, const TableSchema& table) override;
  Status NoteAutoIncrementValue(Transaction* txn, const TableSchema& table, int64_t value) override;
  Result<uint64_t> PeekAutoIncrement(Transaction* txn, const TableSchema& table) override;

  // Table rewrites: engine/table_rewrite.cc.
  Status RebuildTable(Transaction* txn, const std::string& db, const std::string& table,
                      const TableSchema& schema, const RowConverter& convert) override;
  Status RenameTable(Transaction* txn, const std::string& db, const std::string& table,
                     const std::string& new_db, const std::string& new_table) override;
  Status TruncateTable(Transaction* txn, const std::string& db, const std::string& table) override;

  Result<std::optional<UserRecord>> FindUser(Transaction* txn, const std::string& user,
                                             const std::string& host) override;
  Result<std::vector<UserRecord>> ListUsers(Transaction* txn) override;
  Status CreateUser(Transaction* txn, const UserRecord& user) override;
  Result<bool> UpdateUser(Transaction* txn, const UserRecord& user) override;
  Result<bool> DropUser(Transaction* txn, const std::string& user,
                        const std::string& host) override;

  Status Checkpoint() override;
  TableCacheCounts GetTableCacheCounts() override { return catalog_.CacheCounts(); }

  /// For tests: older versions kept, and open snapshots.
  size_t version_count() const { return versions_.size(); }
  size_t open_snapshots() const { return timestamps_.open_snapshots(); }

 private:
  friend class MvccRowCursor;

  /// The DDL latch, shared, for one step of a read; a no-op for a DDL transaction,
  /// which already holds it exclusively. Commits do not exclude it.
  class ReadLatch {
   public:
    ReadLatch(BTreeStorageEngine* engine, EngineTransaction* txn);

   private:
    std::shared_lock<std::shared_mutex> lock_;
  };

  /// The transaction as ours, if it is still open (any mode); 1213 after a deadlock.
  Result<EngineTransaction*> Open(Transaction* txn);
  /// An open read-write transaction (1792 for a read-only one).
  Result<EngineTransaction*> Writer(Transaction* txn);
  /// The PagerTxn of a DDL transaction: takes the engine's DDL latch exclusively for the
  /// rest of the transaction.
  Result<PagerTxn*> Ddl(Transaction* txn);
  /// The catalog's entry for `table` (1146 if it no longer exists). Latch held.
  Result<TableEntry> Resolve(const TableSchema& table);
  /// The snapshot's read timestamp, acquiring it on the first read.
  uint64_t ReadTimestamp(EngineTransaction* txn);
  /// Waits for a row lock; a deadlock rolls the whole transaction back. Latch NOT held.
  /// `index_id` 0 locks a clustered key; i + 1 a value of secondary index i.
  Status LockRow(EngineTransaction* txn, uint64_t table_id, const std::string& key,
                 RowLockMode mode, uint32_t index_id = 0);
  /// The key's latest committed record overlaid with the transaction's own change.
  /// Latch held.
  Result<std::optional<std::string>> LatestRecord(EngineTransaction* txn, const TableEntry& entry,
                                                  const std::string& key);
  /// What the transaction's snapshot sees under `key`: its own change, else the
  /// version the VersionStore keeps for the snapshot, else the tree's. Latch held.
  Result<std::optional<std::string>> SnapshotRecord(EngineTransaction* txn, const TableEntry& entry,
                                                    const std::string& key, uint64_t read_ts);

  // --- UNIQUE checks at statement time (engine/index_operations.cc) --------------------
  /// Exclusive locks on the row's value in every UNIQUE index (none for NULL values),
  /// so two transactions cannot both add the same value. Latch NOT held.
  Status LockUniqueValues(EngineTransaction* txn, const TableEntry& entry, const Row& row);
  /// The row other than `self` whose latest state (committed tree overlaid with the
  /// transaction's own changes) holds `row`'s value in UNIQUE index `index`. Latch held.
  Result<std::optional<RowId>> FindUniqueConflictLatest(EngineTransaction* txn,
                                                        const TableEntry& entry, size_t index,
                                                        const Row& row, const RowId* self);
  /// 1062 naming the first UNIQUE index `row` (stored at `id`) collides in; 1118 if an
  /// index key would be too long. Latch held.
  Status CheckUniqueLatest(EngineTransaction* txn, const TableEntry& entry, const Row& row,
                           const RowId& id, const RowId* self);
  /// TreeWrite's index half: moves the index entries from `before` to `record`.
  Status WriteIndexEntries(PagerTxn* ptxn, const TableEntry& entry, const std::string& key,
                           const std::optional<std::string>& before,
                           const std::optional<std::string>& record);

  Result<std::unique_ptr<RowCursor>> OpenCursor(Transaction* txn, const TableSchema& table,
                                                const KeyRange& range,
                                                std::optional<RowLockMode> lock);
  /// The table's counters (AUTO_INCREMENT, hidden row id), kept in memory between
  /// commits. Latch held. `mutate` runs under the counters' mutex.
  template <typename F>
  Result<uint64_t> WithCounters(const TableSchema& schema, F mutate);

  // --- Commit (engine_commit.cc) -------------------------------------------------------
  /// Writes the WriteSet into the trees within `ptxn`, recording each key's old state
  /// in the VersionStore (superseded at `commit_ts`) before changing the tree.
  Status ApplyWrites(EngineTransaction* txn, PagerTxn* ptxn, uint64_t commit_ts);
  Status StoreCounters(PagerTxn* ptxn, const TableSchema& table);
  /// The tree write path: store `record` under `key` (or remove the key when
  /// `record` is empty); `before` is what the tree held.
  Status TreeWrite(PagerTxn* ptxn, const TableEntry& entry, const std::string& key,
                   const std::optional<std::string>& before,
                   const std::optional<std::string>& record);
  /// Releases the transaction's locks and snapshot and marks it finished.
  void EndTransaction(EngineTransaction* txn);
  /// Ends a DDL transaction's exclusive section (after commit or abort).
  void EndDdl(EngineTransaction* txn);
  void ReleaseSnapshot(EngineTransaction* txn);

  std::unique_ptr<Pager> pager_;
  Catalog catalog_;
  std::shared_mutex ddl_latch_;
  std::mutex writer_mu_;
  std::atomic<uint64_t> next_txn_id_{1};
  std::atomic<uint64_t> ddl_epoch_{0};  // bumped when a DDL transaction ends
  LockManager locks_;
  VersionStore versions_;
  TransactionManager timestamps_;
  std::mutex counters_mu_;
  std::map<uint64_t, TableCounters> counters_;  // table id -> next values
};

/// OpenStorageEngine with full control of the pager (tests use a fault-injecting file
/// system). Initialises the catalog when the data file has none yet.
Result<std::unique_ptr<StorageEngine>> OpenStorageEngineWithPager(const PagerOptions& options);

}  // namespace minisql::storage
