// btree_storage_engine.cc — see btree_storage_engine.h.
#include "storage/engine/btree_storage_engine.h"

#include <filesystem>
#include <system_error>

#include "common/log.h"
#include "storage/btree/btree.h"
#include "storage/engine/mvcc_row_cursor.h"
#include "storage/table/key_codec.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

Status NotOpen() {
  return Status::Error(ErrorCode::kInternalError, "transaction is already finished");
}

Status DuplicateKey(const TableSchema& table, const Row& row) {
  return Status::Error(ErrorCode::kDupEntry, DescribePrimaryKey(table, row), "PRIMARY");
}

}  // namespace

BTreeStorageEngine::~BTreeStorageEngine() {
  Status closed = pager_->Close();
  if (!closed.ok()) LogError("closing the data file: %s", closed.message().c_str());
}

// --- Transactions ----------------------------------------------------------------------

Result<std::unique_ptr<Transaction>> BTreeStorageEngine::Begin(AccessMode mode,
                                                               const TransactionOptions& options) {
  auto txn = std::make_unique<EngineTransaction>(this, next_txn_id_++, mode, options);
  if (options.consistent_snapshot) txn->snapshot = timestamps_.AcquireSnapshot();
  return std::unique_ptr<Transaction>(std::move(txn));
}

BTreeStorageEngine::ReadLatch::ReadLatch(BTreeStorageEngine* engine, EngineTransaction* txn) {
  if (txn == nullptr || !txn->holds_exclusive()) {
    lock_ = std::shared_lock<std::shared_mutex>(engine->ddl_latch_);
  }
}

Result<EngineTransaction*> BTreeStorageEngine::Open(Transaction* txn) {
  auto* ours = static_cast<EngineTransaction*>(txn);
  if (ours == nullptr || ours->finished()) return NotOpen();
  if (ours->aborted()) return Status::Error(ErrorCode::kLockDeadlock);
  return ours;
}

Result<EngineTransaction*> BTreeStorageEngine::Writer(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  if ((*ours)->mode() != AccessMode::kReadWrite) {
    return Status::Error(ErrorCode::kCantExecuteInReadOnlyTransaction);
  }
  return *ours;
}

Result<PagerTxn*> BTreeStorageEngine::Ddl(Transaction* txn) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  if (!(*ours)->holds_exclusive()) {
    // Exclusive: no reader and no commit (both hold it shared) runs meanwhile, so this
    // PagerTxn is the one writer.
    (*ours)->exclusive = std::unique_lock<std::shared_mutex>(ddl_latch_);
    (*ours)->pager_txn = pager_->BeginTxn();
  }
  return (*ours)->pager_txn.get();
}

uint64_t BTreeStorageEngine::ReadTimestamp(EngineTransaction* txn) {
  if (!txn->snapshot) txn->snapshot = timestamps_.AcquireSnapshot();
  return *txn->snapshot;
}

void BTreeStorageEngine::ReleaseSnapshot(EngineTransaction* txn) {
  if (!txn->snapshot) return;
  timestamps_.ReleaseSnapshot(*txn->snapshot);
  txn->snapshot.reset();
  versions_.GarbageCollect(timestamps_.OldestNeeded());
}

void BTreeStorageEngine::BeginStatement(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return;
  if ((*ours)->options().isolation == IsolationLevel::kReadCommitted) ReleaseSnapshot(*ours);
}

Result<uint64_t> BTreeStorageEngine::Savepoint(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  return static_cast<uint64_t>((*ours)->writes.Savepoint());
}

Status BTreeStorageEngine::RollbackToSavepoint(Transaction* txn, uint64_t savepoint) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  (*ours)->writes.RollbackTo(savepoint);
  return Status::OK();
}

bool BTreeStorageEngine::IsAborted(Transaction* txn) {
  auto* ours = static_cast<EngineTransaction*>(txn);
  return ours != nullptr && !ours->finished() && ours->aborted();
}

void BTreeStorageEngine::Rollback(Transaction* txn) {
  auto* ours = static_cast<EngineTransaction*>(txn);
  if (ours == nullptr || ours->finished()) return;
  if (ours->pager_txn != nullptr) {
    pager_->AbortTxn(ours->pager_txn.get());
    catalog_.ClearCache();
  }
  EndDdl(ours);
  ours->writes.Clear();
  EndTransaction(ours);
}

Status BTreeStorageEngine::LockRow(EngineTransaction* txn, uint64_t table_id,
                                   const std::string& key, RowLockMode mode, uint32_t index_id) {
  Status locked = locks_.Lock(
      txn->id(), LockKey{table_id, index_id, key},
      mode == RowLockMode::kShared ? LockManager::Mode::kShared : LockManager::Mode::kExclusive,
      txn->options().lock_wait_timeout, txn->options().interrupt);
  if (locked.error_code() == ErrorCode::kLockDeadlock) {
    // The victim's whole transaction is rolled back now, so the others can proceed.
    txn->writes.Clear();
    locks_.ReleaseAll(txn->id());
    ReleaseSnapshot(txn);
    txn->set_aborted();
  }
  return locked;
}

Result<std::optional<std::string>> BTreeStorageEngine::LatestRecord(EngineTransaction* txn,
                                                                    const TableEntry& entry,
                                                                    const std::string& key) {
  if (const WriteSet::Change* own = txn->writes.Find(entry.schema->table_id, key)) return *own;
  return BTree(pager_.get(), entry.root).Get(key);
}

Result<std::optional<std::string>> BTreeStorageEngine::SnapshotRecord(EngineTransaction* txn,
                                                                      const TableEntry& entry,
                                                                      const std::string& key,
                                                                      uint64_t read_ts) {
  if (const WriteSet::Change* own = txn->writes.Find(entry.schema->table_id, key)) return *own;
  // The tree FIRST, then the VersionStore: a commit records the version a key loses
  // before it changes the tree (engine_commit.cc), so whatever the tree read returned,
  // a version the snapshot needs is in the store by the time we look.
  Result<std::optional<std::string>> latest = BTree(pager_.get(), entry.root).Get(key);
  if (!latest.ok()) return latest.status();
  if (std::optional<VersionStore::Record> older =
          versions_.VisibleAt(entry.schema->table_id, key, read_ts)) {
    return *older;
  }
  return latest;
}

// --- Databases -------------------------------------------------------------------------

Status BTreeStorageEngine::CreateDatabase(Transaction* txn, const std::string& name) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.CreateDatabase(*ptxn, name);
}

Status BTreeStorageEngine::DropDatabase(Transaction* txn, const std::string& name) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.DropDatabase(*ptxn, name);
}

Result<bool> BTreeStorageEngine::DatabaseExists(Transaction* txn, const std::string& name) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  return catalog_.DatabaseExists(name);
}

Result<std::vector<std::string>> BTreeStorageEngine::ListDatabases(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  return catalog_.ListDatabases();
}

// --- Tables ----------------------------------------------------------------------------

Status BTreeStorageEngine::CreateTable(Transaction* txn, const TableSchema& schema) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  for (uint32_t column : schema.primary_key) {
    if (column >= schema.columns.size()) {
      return Status::Error(ErrorCode::kInternalError, "primary key column out of range");
    }
  }
  for (const IndexDef& index : schema.indexes) {
    if (index.columns.empty()) return Status::Error(ErrorCode::kInternalError, "empty index");
    for (uint32_t column : index.columns) {
      if (column >= schema.columns.size()) {
        return Status::Error(ErrorCode::kInternalError, "index column out of range");
      }
    }
  }
  Result<TableEntry> entry = catalog_.CreateTable(*ptxn, schema);
  return entry.ok() ? Status::OK() : entry.status();
}

Status BTreeStorageEngine::DropTable(Transaction* txn, const std::string& db,
                                     const std::string& table) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.DropTable(*ptxn, db, table);
}

Result<std::vector<std::string>> BTreeStorageEngine::ListTables(Transaction* txn,
                                                                const std::string& db) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  Result<bool> exists = catalog_.DatabaseExists(db);
  if (!exists.ok()) return exists.status();
  if (!*exists) return Status::Error(ErrorCode::kBadDb, db);
  return catalog_.ListTables(db);
}

Result<std::shared_ptr<const TableSchema>> BTreeStorageEngine::GetTable(Transaction* txn,
                                                                        const std::string& db,
                                                                        const std::string& table) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  Result<std::optional<TableEntry>> entry = catalog_.FindTable(db, table);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  return (*entry)->schema;
}

Result<TableEntry> BTreeStorageEngine::Resolve(const TableSchema& table) {
  Result<std::optional<TableEntry>> entry = catalog_.FindTable(table.database, table.name);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value() ||
      (table.table_id != 0 && (*entry)->schema->table_id != table.table_id)) {
    return Status::Error(ErrorCode::kNoSuchTable, table.database, table.name);
  }
  return **entry;
}

// --- Rows ------------------------------------------------------------------------------

Result<std::unique_ptr<RowCursor>> BTreeStorageEngine::Scan(Transaction* txn,
                                                            const TableSchema& table,
                                                            const KeyRange& range) {
  return OpenCursor(txn, table, range, std::nullopt);
}

Result<std::unique_ptr<RowCursor>> BTreeStorageEngine::LockingScan(Transaction* txn,
                                                                   const TableSchema& table,
                                                                   const KeyRange& range,
                                                                   RowLockMode mode) {
  if (mode == RowLockMode::kExclusive) {
    Result<EngineTransaction*> writer = Writer(txn);
    if (!writer.ok()) return writer.status();
  }
  return OpenCursor(txn, table, range, mode);
}

Result<std::unique_ptr<RowCursor>> BTreeStorageEngine::OpenCursor(Transaction* txn,
                                                                  const TableSchema& table,
                                                                  const KeyRange& range,
                                                                  std::optional<RowLockMode> lock) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  uint64_t read_ts = lock ? 0 : ReadTimestamp(*ours);
  ReadLatch latch(this, *ours);
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  const TableSchema& schema = *entry->schema;
  Result<EncodedKeyRange> bounds = EncodeRange(
      range, [&](const std::vector<Value>& values) { return EncodeKeyPrefix(schema, values); });
  if (!bounds.ok()) return bounds.status();
  BTree tree(pager_.get(), entry->root);
  Result<std::unique_ptr<BTreeCursor>> cursor =
      tree.Seek(bounds->lower ? bounds->lower->prefix : "");
  if (!cursor.ok()) return cursor.status();
  return std::unique_ptr<RowCursor>(
      std::make_unique<MvccRowCursor>(this, *ours, std::move(*entry), std::move(*cursor),
                                      std::move(*bounds), lock, read_ts, ddl_epoch_.load()));
}

template <typename F>
Result<uint64_t> BTreeStorageEngine::WithCounters(const TableSchema& schema, F mutate) {
  std::lock_guard<std::mutex> lock(counters_mu_);
  auto it = counters_.find(schema.table_id);
  if (it == counters_.end()) {
    Result<TableCounters> stored = catalog_.GetCounters(schema.database, schema.name);
    if (!stored.ok()) return stored.status();
    it = counters_.emplace(schema.table_id, *stored).first;
  }
  return mutate(&it->second);
}

Status BTreeStorageEngine::Insert(Transaction* txn, const TableSchema& table, const Row& row) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  std::optional<TableEntry> entry;
  std::string key;
  std::string record;
  {
    ReadLatch latch(this, *ours);
    Result<TableEntry> resolved = Resolve(table);
    if (!resolved.ok()) return resolved.status();
    entry = std::move(*resolved);
    const TableSchema& schema = *entry->schema;
    Result<std::string> encoded_row = EncodeRow(schema, row);
    if (!encoded_row.ok()) return encoded_row.status();
    record = std::move(*encoded_row);
    if (schema.primary_key.empty()) {
      Result<uint64_t> row_id =
          WithCounters(schema, [](TableCounters* counters) { return counters->next_row_id++; });
      if (!row_id.ok()) return row_id.status();
      key = EncodeRowIdKey(*row_id);
      (*ours)->counter_tables[schema.table_id] = entry->schema;
    } else {
      Result<std::string> encoded = EncodePrimaryKey(schema, row);
      if (!encoded.ok()) return encoded.status();
      key = std::move(*encoded);
    }
    if (!BTree::EntryFits(key, record)) {
      return Status::Error(ErrorCode::kTooBigRowsize,
                           static_cast<unsigned long>(BTree::kMaxKeySize));
    }
  }
  const TableSchema& schema = *entry->schema;
  MINISQL_RETURN_IF_ERROR(LockRow(*ours, schema.table_id, key, RowLockMode::kExclusive));
  MINISQL_RETURN_IF_ERROR(LockUniqueValues(*ours, *entry, row));
  {
    ReadLatch latch(this, *ours);
    Result<std::optional<std::string>> existing = LatestRecord(*ours, *entry, key);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return DuplicateKey(schema, row);
    MINISQL_RETURN_IF_ERROR(CheckUniqueLatest(*ours, *entry, row, key, nullptr));
  }
  (*ours)->writes.Put(schema.table_id, entry->schema, key, std::move(record));
  return Status::OK();
}

Status BTreeStorageEngine::Update(Transaction* txn, const TableSchema& table, const RowId& id,
                                  const Row& new_row) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  std::optional<TableEntry> entry;
  std::string record;
  std::string new_key = id;  // a hidden row id never changes
  {
    ReadLatch latch(this, *ours);
    Result<TableEntry> resolved = Resolve(table);
    if (!resolved.ok()) return resolved.status();
    entry = std::move(*resolved);
    const TableSchema& schema = *entry->schema;
    Result<std::string> encoded_row = EncodeRow(schema, new_row);
    if (!encoded_row.ok()) return encoded_row.status();
    record = std::move(*encoded_row);
    if (!schema.primary_key.empty()) {
      Result<std::string> encoded = EncodePrimaryKey(schema, new_row);
      if (!encoded.ok()) return encoded.status();
      new_key = std::move(*encoded);
    }
    if (!BTree::EntryFits(new_key, record)) {
      return Status::Error(ErrorCode::kTooBigRowsize,
                           static_cast<unsigned long>(BTree::kMaxKeySize));
    }
  }
  const TableSchema& schema = *entry->schema;
  MINISQL_RETURN_IF_ERROR(LockRow(*ours, schema.table_id, id, RowLockMode::kExclusive));
  if (new_key != id) {
    MINISQL_RETURN_IF_ERROR(LockRow(*ours, schema.table_id, new_key, RowLockMode::kExclusive));
  }
  MINISQL_RETURN_IF_ERROR(LockUniqueValues(*ours, *entry, new_row));
  {
    ReadLatch latch(this, *ours);
    Result<std::optional<std::string>> current = LatestRecord(*ours, *entry, id);
    if (!current.ok()) return current.status();
    if (!current->has_value()) {
      return Status::Error(ErrorCode::kInternalError, "updated row no longer exists");
    }
    if (new_key != id) {
      Result<std::optional<std::string>> existing = LatestRecord(*ours, *entry, new_key);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) return DuplicateKey(schema, new_row);
    }
    MINISQL_RETURN_IF_ERROR(CheckUniqueLatest(*ours, *entry, new_row, new_key, &id));
  }
  if (new_key != id) (*ours)->writes.Put(schema.table_id, entry->schema, id, std::nullopt);
  (*ours)->writes.Put(schema.table_id, entry->schema, new_key, std::move(record));
  return Status::OK();
}

Status BTreeStorageEngine::Delete(Transaction* txn, const TableSchema& table, const RowId& id) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  std::optional<TableEntry> entry;
  {
    ReadLatch latch(this, *ours);
    Result<TableEntry> resolved = Resolve(table);
    if (!resolved.ok()) return resolved.status();
    entry = std::move(*resolved);
  }
  MINISQL_RETURN_IF_ERROR(LockRow(*ours, entry->schema->table_id, id, RowLockMode::kExclusive));
  {
    ReadLatch latch(this, *ours);
    Result<std::optional<std::string>> current = LatestRecord(*ours, *entry, id);
    if (!current.ok()) return current.status();
    if (!current->has_value()) {
      return Status::Error(ErrorCode::kInternalError, "deleted row no longer exists");
    }
  }
  (*ours)->writes.Put(entry->schema->table_id, entry->schema, id, std::nullopt);
  return Status::OK();
}

// AUTO_INCREMENT values and hidden row ids are handed out from memory, as InnoDB does
// (not transactional: a rolled-back insert leaves a gap); the counters are stored in
// the catalog by the commits that use them (engine_commit.cc).
Result<int64_t> BTreeStorageEngine::NextAutoIncrement(Transaction* txn, const TableSchema& table) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  bool overflow = false;
  Result<uint64_t> value = WithCounters(*entry->schema, [&](TableCounters* counters) {
    if (counters->next_auto_increment > static_cast<uint64_t>(INT64_MAX)) {
      overflow = true;
      return uint64_t{0};
    }
    return counters->next_auto_increment++;
  });
  if (!value.ok()) return value.status();
  (*ours)->counter_tables[entry->schema->table_id] = entry->schema;
  if (overflow) {
    return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT", "AUTO_INCREMENT of " + table.name);
  }
  return static_cast<int64_t>(*value);
}

Status BTreeStorageEngine::NoteAutoIncrementValue(Transaction* txn, const TableSchema& table,
                                                  int64_t value) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  if (value < 0) return Status::OK();
  ReadLatch latch(this, *ours);
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  Result<uint64_t> noted = WithCounters(*entry->schema, [&](TableCounters* counters) {
    // INT64_MAX stays the next value: the following NextAutoIncrement reports overflow.
    uint64_t next = value == INT64_MAX ? static_cast<uint64_t>(INT64_MAX) + 1
                                       : static_cast<uint64_t>(value) + 1;
    if (next > counters->next_auto_increment) counters->next_auto_increment = next;
    return counters->next_auto_increment;
  });
  if (!noted.ok()) return noted.status();
  (*ours)->counter_tables[entry->schema->table_id] = entry->schema;
  return Status::OK();
}

Result<uint64_t> BTreeStorageEngine::PeekAutoIncrement(Transaction* txn, const TableSchema& table) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  return WithCounters(*entry->schema,
                      [](TableCounters* counters) { return counters->next_auto_increment; });
}

// --- Accounts --------------------------------------------------------------------------

Result<std::optional<UserRecord>> BTreeStorageEngine::FindUser(Transaction* txn,
                                                               const std::string& user,
                                                               const std::string& host) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  return catalog_.FindUser(user, host);
}

Result<std::vector<UserRecord>> BTreeStorageEngine::ListUsers(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  ReadLatch latch(this, *ours);
  return catalog_.ListUsers();
}

Status BTreeStorageEngine::CreateUser(Transaction* txn, const UserRecord& user) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.CreateUser(*ptxn, user);
}

Result<bool> BTreeStorageEngine::UpdateUser(Transaction* txn, const UserRecord& user) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.UpdateUser(*ptxn, user);
}

Result<bool> BTreeStorageEngine::DropUser(Transaction* txn, const std::string& user,
                                          const std::string& host) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.DropUser(*ptxn, user, host);
}

// --- Lifetime --------------------------------------------------------------------------

Status BTreeStorageEngine::Checkpoint() {
  std::unique_lock<std::shared_mutex> lock(ddl_latch_);  // no write transaction may be active
  return pager_->Checkpoint();
}

Result<std::unique_ptr<StorageEngine>> OpenStorageEngineWithPager(const PagerOptions& options) {
  Result<std::unique_ptr<Pager>> pager = Pager::Open(options);
  if (!pager.ok()) return pager.status();
  // Page 1 is the catalog root. A data file without it is fresh (or crashed before its
  // initialisation committed): create it now.
  if ((*pager)->page_count() <= Catalog::kRootPage) {
    std::unique_ptr<PagerTxn> txn = (*pager)->BeginTxn();
    Status status = Catalog::Initialize(pager->get(), txn.get());
    if (status.ok()) status = (*pager)->CommitTxn(txn.get());
    if (!status.ok()) return status;
  }
  return std::unique_ptr<StorageEngine>(std::make_unique<BTreeStorageEngine>(std::move(*pager)));
}

Result<std::unique_ptr<StorageEngine>> OpenStorageEngine(const EngineOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(options.datadir, error);
  if (error) {
    return Status::Error(ErrorCode::kCantCreateFile, options.datadir, error.value(),
                         error.message());
  }
  PagerOptions pager_options;
  pager_options.datadir = options.datadir;
  pager_options.buffer_pool_bytes = options.buffer_pool_bytes;
  return OpenStorageEngineWithPager(pager_options);
}

}  // namespace minisql::storage
