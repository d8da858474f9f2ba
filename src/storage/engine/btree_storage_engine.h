// btree_storage_engine.h — the StorageEngine implementation: tables as B+ trees.
//
//   BTreeStorageEngine
//     ├─ latch_    engine-wide shared_mutex (engine_transaction.h)
//     ├─ catalog_  databases, tables, users — a B+ tree at page 1 (catalog/)
//     └─ pager_    pages, buffer pool, WAL, recovery (pager/)
//
// A table is one B+ tree: key = encoded primary key (or hidden row id), value = the
// encoded row (table/key_codec.h, table/row_codec.h). A RowId is that key. Each
// secondary index is one more tree, kept in step by Insert/Update/Delete through
// index/index_maintenance.h.
//
// Every change runs inside the read-write transaction's PagerTxn, so Rollback (or a
// failed Commit) restores every page, catalog included; the catalog's schema cache is
// then cleared. Statements that fail part-way (e.g. a duplicate key) are expected to
// be rolled back by the caller; Insert itself checks for the duplicate before writing.
#pragma once

#include <atomic>
#include <memory>
#include <shared_mutex>

#include "storage/catalog/catalog.h"
#include "storage/engine/engine_transaction.h"
#include "storage/pager/pager.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

class BTreeStorageEngine : public StorageEngine {
 public:
  explicit BTreeStorageEngine(std::unique_ptr<Pager> pager)
      : pager_(std::move(pager)), catalog_(pager_.get()) {}
  ~BTreeStorageEngine() override;

  Result<std::unique_ptr<Transaction>> Begin(AccessMode mode) override;
  Status Commit(Transaction* txn) override;
  void Rollback(Transaction* txn) override;

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
  Result<std::optional<Row>> GetRow(Transaction* txn, const TableSchema& table,
                                    const RowId& id) override;
  Result<std::vector<RowId>> FindConflicts(Transaction* txn, const TableSchema& table,
                                           const Row& row) override;

  Result<int64_t> NextAutoIncrement(Transaction* txn, const TableSchema& table) override;
  Status NoteAutoIncrementValue(Transaction* txn, const TableSchema& table, int64_t value) override;

  Result<std::optional<UserRecord>> FindUser(Transaction* txn, const std::string& user,
                                             const std::string& host) override;
  Result<std::vector<UserRecord>> ListUsers(Transaction* txn) override;
  Status CreateUser(Transaction* txn, const UserRecord& user) override;

  Status Checkpoint() override;

 private:
  /// The transaction as ours, if it is still open (any mode).
  Result<EngineTransaction*> Open(Transaction* txn);
  /// The transaction's PagerTxn, if it is an open read-write transaction.
  Result<PagerTxn*> Writable(Transaction* txn);
  /// The catalog's entry for `table` (1146 if it no longer exists).
  Result<TableEntry> Resolve(const TableSchema& table);

  std::unique_ptr<Pager> pager_;
  Catalog catalog_;
  std::shared_mutex latch_;
  std::atomic<uint64_t> next_txn_id_{1};
};

/// OpenStorageEngine with full control of the pager (tests use a fault-injecting file
/// system). Initialises the catalog when the data file has none yet.
Result<std::unique_ptr<StorageEngine>> OpenStorageEngineWithPager(const PagerOptions& options);

}  // namespace minisql::storage
