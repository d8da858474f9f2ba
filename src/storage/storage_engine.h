// storage_engine.h — the storage engine's API: everything the SQL layer may ask of
// storage, and nothing about how it is done.
//
// The executor sees databases, tables (a TableSchema), rows (a Row of Values),
// cursors over rows and transactions. It never sees pages, the buffer pool, B+ tree
// nodes or the write-ahead log; those are behind this interface in storage/.
//
//   SQL layer ──► StorageEngine ──► Catalog        (storage/catalog/)
//                               ├─► table B+ trees (storage/btree/, storage/table/)
//                               ├─► BufferPool     (storage/buffer/)
//                               └─► Wal            (storage/wal/)
//
// Transactions. Every call takes the Transaction it belongs to. A transaction may span
// many statements (storage/txn/): reads see a snapshot (MVCC), writes take row locks
// and stay private until Commit(). When Commit() returns OK the changes are in the
// fsynced log and survive a crash; Rollback() (or destroying an uncommitted
// Transaction) undoes every change. Savepoint()/RollbackToSavepoint() undo part of a
// transaction (SAVEPOINT, and a failed statement undoing only itself). DDL statements
// run in a transaction of their own that excludes all others while it runs.
//
// Errors are MySQL errors: ER_DUP_ENTRY naming the key, ER_TABLE_EXISTS_ERROR, ...
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/interrupt_flag.h"
#include "common/status.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::storage {

/// One column of a table, as CREATE TABLE declared it.
struct ColumnDef {
  std::string name;
  ColumnType type;
  bool nullable = true;
  /// The DEFAULT clause: nullopt when there is none (MySQL then shows NULL for
  /// nullable columns and requires a value for NOT NULL ones); a NULL Value for
  /// DEFAULT NULL.
  std::optional<Value> default_value;
  bool auto_increment = false;
  /// DEFAULT CURRENT_TIMESTAMP (TIMESTAMP and DATETIME only; default_value is then
  /// nullopt): the statement's time, at the column's fractional precision.
  bool default_now = false;
  /// ON UPDATE CURRENT_TIMESTAMP: an UPDATE that changes the row and does not assign
  /// this column sets it to the statement's time.
  bool on_update_now = false;

  bool has_default() const { return default_value.has_value() || default_now; }
};

/// A secondary index (KEY, INDEX, UNIQUE): its own B+ tree whose keys are the index
/// columns' values followed by the row's clustered key (storage/index/).
struct IndexDef {
  std::string name;               // as written or as MySQL names it by default
  std::vector<uint32_t> columns;  // indexes into TableSchema::columns, in key order
  bool unique = false;            // UNIQUE: no two rows share non-NULL values
  /// Parallel to columns: stored in descending order (KEY (a DESC)); empty = all
  /// ascending.
  std::vector<bool> descending;

  bool IsDescending(size_t position) const {
    return position < descending.size() && descending[position];
  }
};

/// A table's definition, as the catalog stores it.
struct TableSchema {
  uint64_t table_id = 0;  // assigned by CreateTable; 0 before
  std::string database;
  std::string name;
  std::vector<ColumnDef> columns;
  /// Indexes into `columns`, in key order. Empty: the table has no PRIMARY KEY and
  /// rows are clustered on a hidden row id.
  std::vector<uint32_t> primary_key;
  /// The table options text after the closing parenthesis, kept for SHOW CREATE TABLE.
  std::string options;
  /// For a view: its SELECT as written (CREATE VIEW ... AS <this>); empty for a base
  /// table. The binder expands a view like a derived table; its rows are not stored.
  std::string view_definition;
  /// Secondary indexes in MySQL's display order: UNIQUE over NOT NULL columns, other
  /// UNIQUE, then non-unique; declaration order within each group.
  std::vector<IndexDef> indexes;

  /// The index of column `name` (case-insensitive, as MySQL column names are), or -1.
  int FindColumn(const std::string& name) const;
  /// The ordinal of secondary index `name` (case-insensitive), or -1.
  int FindIndex(const std::string& name) const;
  /// Adds `index` to `indexes` at its place in the display order; returns its ordinal.
  size_t AddIndex(IndexDef index);
};

/// An account (user@host) and its credentials.
struct UserRecord {
  std::string user;
  std::string host;
  std::string plugin;       // "mysql_native_password" or "caching_sha2_password"
  std::string auth_string;  // per plugin (net/mysql/*_password.h); "" for no password
  /// The account's GRANTs, encoded by the session layer (session/privilege_table.h); the
  /// engine stores it without looking inside. "" = none (USAGE only).
  std::string privileges = {};  // (default: older aggregate initialisations stay valid)
};

/// Opaque identity of a stored row within its table (the encoded clustered key).
/// Valid until the row is deleted or its primary key changes.
using RowId = std::string;

/// A bound on the primary key: a prefix of the key columns' values.
struct KeyBound {
  std::vector<Value> values;
  bool inclusive = true;
};

/// Which rows a Scan visits, as a range of the primary key. Both bounds absent: all
/// rows, in primary key order.
struct KeyRange {
  std::optional<KeyBound> lower;
  std::optional<KeyBound> upper;

  static KeyRange All() { return KeyRange{}; }
  /// Exactly the rows whose key starts with `values`.
  static KeyRange Prefix(std::vector<Value> values) {
    return KeyRange{KeyBound{values, true}, KeyBound{values, true}};
  }
};

/// Iterates rows in primary key order. The transaction must outlive the cursor.
/// Changing the table while a cursor over it is open is not allowed: UPDATE and
/// DELETE collect RowIds first, then change the rows.
class RowCursor {
 public:
  virtual ~RowCursor() = default;
  /// Moves to the next row and fills `row` and (if not null) `id`. Returns false at
  /// the end, or an error (e.g. a corrupt page).
  virtual Result<bool> Next(Row* row, RowId* id) = 0;
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual uint64_t id() const = 0;
};

enum class AccessMode { kReadOnly, kReadWrite };

/// READ UNCOMMITTED and SERIALIZABLE are not offered (the SQL layer answers 1235).
enum class IsolationLevel { kReadCommitted, kRepeatableRead };

/// Locking reads (SELECT ... FOR SHARE / FOR UPDATE, and the reads of UPDATE/DELETE).
enum class RowLockMode { kShared, kExclusive };

struct TransactionOptions {
  /// REPEATABLE READ: one snapshot for the whole transaction, taken at its first read
  /// (or at Begin with consistent_snapshot). READ COMMITTED: one per statement.
  IsolationLevel isolation = IsolationLevel::kRepeatableRead;
  bool consistent_snapshot = false;
  /// How long a row lock request waits before failing with 1205.
  std::chrono::milliseconds lock_wait_timeout{50'000};
  /// The session's KILL flag (common/interrupt_flag.h), or null: a raised flag ends a
  /// row lock wait with 1317 / 1927.
  const InterruptFlag* interrupt = nullptr;
};

/// The cache of decoded table definitions (catalog/catalog.h), for SHOW STATUS
/// Open_tables / Opened_tables: minisql keeps no per-statement table handles, so a
/// table is "open" while its definition is cached.
struct TableCacheCounts {
  uint64_t cached = 0;  // definitions in the cache now
  uint64_t loaded = 0;  // definitions read from the catalog tree since the engine opened
};

class StorageEngine {
 public:
  virtual ~StorageEngine() = default;

  // --- Transactions ------------------------------------------------------------------
  Result<std::unique_ptr<Transaction>> Begin(AccessMode mode) {
    return Begin(mode, TransactionOptions{});
  }
  /// A kReadOnly transaction refuses writes with 1792.
  virtual Result<std::unique_ptr<Transaction>> Begin(AccessMode mode,
                                                     const TransactionOptions& options) = 0;
  /// Makes the transaction's changes durable (log fsynced) and visible.
  virtual Status Commit(Transaction* txn) = 0;
  /// Undoes every change the transaction made.
  virtual void Rollback(Transaction* txn) = 0;
  /// A statement of the transaction starts (READ COMMITTED: its reads get a new
  /// snapshot).
  virtual void BeginStatement(Transaction* txn) = 0;
  /// A position in the transaction's changes to roll back to later.
  virtual Result<uint64_t> Savepoint(Transaction* txn) = 0;
  /// Undoes the changes made after `savepoint` (row locks stay held, as in InnoDB).
  virtual Status RollbackToSavepoint(Transaction* txn, uint64_t savepoint) = 0;
  /// Whether the transaction was rolled back by the engine (deadlock victim): the
  /// caller must end it.
  virtual bool IsAborted(Transaction* txn) = 0;

  // --- Databases ---------------------------------------------------------------------
  virtual Status CreateDatabase(Transaction* txn, const std::string& name) = 0;  // 1007
  /// Drops the database and all its tables. 1008 if it does not exist.
  virtual Status DropDatabase(Transaction* txn, const std::string& name) = 0;
  virtual Result<bool> DatabaseExists(Transaction* txn, const std::string& name) = 0;
  /// All database names, sorted.
  virtual Result<std::vector<std::string>> ListDatabases(Transaction* txn) = 0;

  // --- Tables ------------------------------------------------------------------------
  /// Creates the table; assigns schema.table_id. 1050 if it exists, 1049 if the
  /// database does not.
  virtual Status CreateTable(Transaction* txn, const TableSchema& schema) = 0;
  /// 1051 "Unknown table 'db.t'" if it does not exist.
  virtual Status DropTable(Transaction* txn, const std::string& db, const std::string& table) = 0;
  /// Table names of `db`, sorted.
  virtual Result<std::vector<std::string>> ListTables(Transaction* txn, const std::string& db) = 0;
  /// 1146 "Table 'db.t' doesn't exist".
  virtual Result<std::shared_ptr<const TableSchema>> GetTable(Transaction* txn,
                                                              const std::string& db,
                                                              const std::string& table) = 0;

  // --- Rows --------------------------------------------------------------------------
  // `row` has one Value per column, already converted to the column's type and
  // checked for NOT NULL by the SQL layer.
  /// A snapshot read (never waits for locks): the rows as of the transaction's
  /// snapshot, overlaid with its own changes.
  virtual Result<std::unique_ptr<RowCursor>> Scan(Transaction* txn, const TableSchema& table,
                                                  const KeyRange& range) = 0;
  /// A current read: each row is locked in `mode` (waiting for other transactions'
  /// locks: 1205 on timeout, 1213 on deadlock, which rolls the transaction back) and
  /// then read in its latest committed version, overlaid with the transaction's own
  /// changes. UPDATE and DELETE find their rows this way (kExclusive).
  virtual Result<std::unique_ptr<RowCursor>> LockingScan(Transaction* txn, const TableSchema& table,
                                                         const KeyRange& range,
                                                         RowLockMode mode) = 0;
  /// 1062 "Duplicate entry '<key>' for key 'PRIMARY'" if the primary key exists (or
  /// naming the UNIQUE index that collides, checked against the latest committed index
  /// and the transaction's own changes); nothing is recorded then. Secondary index
  /// trees are written at COMMIT together with the table tree.
  virtual Status Insert(Transaction* txn, const TableSchema& table, const Row& row) = 0;
  /// Replaces the row; if its primary key changes and the new key exists: 1062.
  virtual Status Update(Transaction* txn, const TableSchema& table, const RowId& id,
                        const Row& new_row) = 0;
  virtual Status Delete(Transaction* txn, const TableSchema& table, const RowId& id) = 0;

  // --- Secondary indexes (storage/index/) ---------------------------------------------
  /// Adds an index to a table that may hold rows, filling it from them. 1061 if the
  /// name exists; 1062 if UNIQUE and two rows collide (nothing is left behind).
  virtual Status CreateIndex(Transaction* txn, const std::string& db, const std::string& table,
                             const IndexDef& index) = 0;
  /// 1091 "Can't DROP INDEX `name`; check that it exists".
  virtual Status DropIndex(Transaction* txn, const std::string& db, const std::string& table,
                           const std::string& index_name) = 0;
  /// Full rows in the order of secondary index `index` (an ordinal into
  /// table.indexes), restricted to `range` over that index's columns (a bound value may
  /// be NULL; NULLs sort first). The range is in index order: on a DESC column the
  /// lower bound holds the larger value.
  virtual Result<std::unique_ptr<RowCursor>> ScanIndex(Transaction* txn, const TableSchema& table,
                                                       size_t index, const KeyRange& range) = 0;
  /// The current-read form of ScanIndex (UPDATE / DELETE finding rows through an
  /// index): each row whose latest committed version, overlaid with the transaction's
  /// own changes, has its index key in `range` — locked in `mode` first, as
  /// LockingScan does. Rows come in index order.
  virtual Result<std::unique_ptr<RowCursor>> LockingScanIndex(Transaction* txn,
                                                              const TableSchema& table,
                                                              size_t index, const KeyRange& range,
                                                              RowLockMode mode) = 0;
  /// The latest version of the row under `id` (overlaid with the transaction's own
  /// change; a read-write transaction locks it exclusively first), or nullopt.
  virtual Result<std::optional<Row>> GetRow(Transaction* txn, const TableSchema& table,
                                            const RowId& id) = 0;
  /// The rows `row` would collide with on the primary key or a UNIQUE index, in the
  /// order MySQL checks them (PRIMARY, then the indexes in order), each once; seen in
  /// their latest versions with the transaction's own changes (rows it deleted do not
  /// collide). Locks `row`'s key and unique values as Insert would.
  virtual Result<std::vector<RowId>> FindConflicts(Transaction* txn, const TableSchema& table,
                                                   const Row& row) = 0;

  /// AUTO_INCREMENT: reserves and returns the table's next value (starting at 1).
  virtual Result<int64_t> NextAutoIncrement(Transaction* txn, const TableSchema& table) = 0;
  /// An explicit value was stored in the AUTO_INCREMENT column: later
  /// NextAutoIncrement() calls return more than `value`.
  virtual Status NoteAutoIncrementValue(Transaction* txn, const TableSchema& table,
                                        int64_t value) = 0;
  /// The value the next NextAutoIncrement() would return, without reserving it (SHOW
  /// CREATE TABLE's AUTO_INCREMENT=N, information_schema.TABLES.AUTO_INCREMENT).
  virtual Result<uint64_t> PeekAutoIncrement(Transaction* txn, const TableSchema& table) = 0;

  // --- Table rewrites (engine/table_rewrite.cc) ----------------------------------------
  /// Turns a stored row of the old definition into a row of the new one (ALTER TABLE);
  /// `row_number` is 1-based, for error messages. An error stops the rewrite.
  using RowConverter = std::function<Result<Row>(const Row& old_row, uint64_t row_number)>;
  /// ALTER TABLE: gives db.table the definition `schema` (same db and name) and rewrites
  /// every latest committed row through `convert` into new trees (table and every
  /// index; 1062 if two rows collide on a key); the old trees are freed. The table gets
  /// a new table_id (transactions holding the old definition then see 1146), its
  /// AUTO_INCREMENT continues. After an error, rolling back leaves the old table.
  virtual Status RebuildTable(Transaction* txn, const std::string& db, const std::string& table,
                              const TableSchema& schema, const RowConverter& convert) = 0;
  /// RENAME TABLE / ALTER TABLE ... RENAME: 1146 if missing, 1049 if new_db does not
  /// exist, 1050 if the new name is taken. Works for views too.
  virtual Status RenameTable(Transaction* txn, const std::string& db, const std::string& table,
                             const std::string& new_db, const std::string& new_table) = 0;
  /// TRUNCATE TABLE: removes every row (indexes stay defined, empty) and restarts
  /// AUTO_INCREMENT at 1. 1146 if missing.
  virtual Status TruncateTable(Transaction* txn, const std::string& db,
                               const std::string& table) = 0;

  // --- Accounts ----------------------------------------------------------------------
  virtual Result<std::optional<UserRecord>> FindUser(Transaction* txn, const std::string& user,
                                                     const std::string& host) = 0;
  virtual Result<std::vector<UserRecord>> ListUsers(Transaction* txn) = 0;
  virtual Status CreateUser(Transaction* txn, const UserRecord& user) = 0;
  /// Replaces an account's plugin, auth_string and privileges; false if the account does
  /// not exist.
  virtual Result<bool> UpdateUser(Transaction* txn, const UserRecord& user) = 0;
  /// Removes an account; false if it did not exist.
  virtual Result<bool> DropUser(Transaction* txn, const std::string& user,
                                const std::string& host) = 0;

  // --- Lifetime ----------------------------------------------------------------------
  /// Writes all committed pages to the data file and trims the log.
  virtual Status Checkpoint() = 0;
  virtual TableCacheCounts GetTableCacheCounts() = 0;
};

struct EngineOptions {
  std::string datadir;
  uint64_t buffer_pool_bytes = 128ull << 20;
};

/// Opens (and on an empty directory, initialises) the data directory, running crash
/// recovery if the last shutdown was not clean. Closing = destroying the engine,
/// which checkpoints.
Result<std::unique_ptr<StorageEngine>> OpenStorageEngine(const EngineOptions& options);

}  // namespace minisql::storage
