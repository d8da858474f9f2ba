// catalog.h — what databases, tables and accounts exist, stored in a B+ tree.
//
// The catalog tree is rooted at page 1 (the first page a fresh data file allocates);
// its record formats are in catalog_codec.h. Every change goes through the caller's
// PagerTxn, so catalog changes commit or roll back together with the table data of
// the same transaction.
//
// Table definitions are read often (every statement resolves its tables), so decoded
// TableEntries are cached. The cache only ever holds committed-or-own state: writers
// update it as they change the tree, and the storage engine calls ClearCache() when a
// write transaction rolls back, so no rolled-back definition survives. Readers fill
// the cache concurrently, hence the mutex.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "storage/btree/btree.h"
#include "storage/catalog/catalog_codec.h"
#include "storage/pager/pager.h"

namespace minisql::storage {

class Catalog {
 public:
  static constexpr PageId kRootPage = 1;

  explicit Catalog(Pager* pager) : pager_(pager), tree_(pager, kRootPage) {}

  /// Formats the catalog on a fresh data file; the transaction's first allocation
  /// must be page 1.
  static Status Initialize(Pager* pager, PagerTxn* txn);

  // --- Databases ---------------------------------------------------------------------
  Result<bool> DatabaseExists(const std::string& db);
  /// 1007 if it exists; 1102 for a name the key format cannot hold.
  Status CreateDatabase(PagerTxn* txn, const std::string& db);
  /// Drops the database and all its tables (freeing their pages). 1008 if missing.
  Status DropDatabase(PagerTxn* txn, const std::string& db);
  /// Sorted (byte order).
  Result<std::vector<std::string>> ListDatabases();

  // --- Tables ------------------------------------------------------------------------
  /// Sorted table names of `db` (which is not checked for existence).
  Result<std::vector<std::string>> ListTables(const std::string& db);
  Result<std::optional<TableEntry>> FindTable(const std::string& db, const std::string& table);
  /// Creates the table's B+ tree (and an empty tree per secondary index) and records
  /// it with a fresh table id.
  /// 1049 if the database is missing, 1050 if the table exists.
  Result<TableEntry> CreateTable(PagerTxn* txn, const TableSchema& schema);
  /// Rewrites the definition of an existing table (same db and name), e.g. after an
  /// index was added or dropped (storage/index/).
  Status ReplaceTable(PagerTxn* txn, const TableEntry& entry);
  /// Frees the table's pages (its indexes' too) and forgets it. 1051 if missing.
  Status DropTable(PagerTxn* txn, const std::string& db, const std::string& table);

  // --- Table rewrites (ALTER TABLE, RENAME TABLE, TRUNCATE) ----------------------------
  /// A fresh table id and empty trees (table + one per index) for `schema`, not yet
  /// recorded: the caller fills them, then records them (RecordTable / ReplaceTable).
  Result<TableEntry> AllocateTable(PagerTxn* txn, const TableSchema& schema);
  /// Records a new table entry and its counters. 1050 if the name is taken.
  Status RecordTable(PagerTxn* txn, const TableEntry& entry, const TableCounters& counters);
  /// Frees the pages of the table's tree and its index trees (the entry stays recorded).
  Status FreeTrees(PagerTxn* txn, const TableEntry& entry);
  /// Moves db.table to new_db.new_table, keeping its id, trees and counters. 1146 if
  /// the table is missing, 1049 if new_db is, 1050 if the new name is taken.
  Status RenameTable(PagerTxn* txn, const std::string& db, const std::string& table,
                     const std::string& new_db, const std::string& new_table);

  Result<TableCounters> GetCounters(const std::string& db, const std::string& table);
  Status PutCounters(PagerTxn* txn, const std::string& db, const std::string& table,
                     const TableCounters& counters);

  // --- Accounts ----------------------------------------------------------------------
  Result<std::optional<UserRecord>> FindUser(const std::string& user, const std::string& host);
  Result<std::vector<UserRecord>> ListUsers();
  /// 1396 if the account exists.
  Status CreateUser(PagerTxn* txn, const UserRecord& user);
  /// Replaces the plugin/auth_string of an existing account; false if there is none.
  Result<bool> UpdateUser(PagerTxn* txn, const UserRecord& user);
  /// Removes an account; false if there was none.
  Result<bool> DropUser(PagerTxn* txn, const std::string& user, const std::string& host);

  /// Forgets every cached table definition (after a rollback).
  void ClearCache();
  /// How many definitions are cached, and how many were decoded from the tree so far.
  TableCacheCounts CacheCounts();

 private:
  /// Calls `visit(key, value)` for every record whose key starts with `prefix`, in order.
  template <typename Visit>
  Status ScanPrefix(const std::string& prefix, Visit visit);
  Result<uint64_t> NextTableId(PagerTxn* txn);

  Pager* pager_;
  BTree tree_;
  std::mutex cache_mutex_;
  std::map<std::pair<std::string, std::string>, TableEntry> cache_;
  uint64_t cache_loads_ = 0;  // guarded by cache_mutex_
};

}  // namespace minisql::storage
