// btree_storage_engine.cc — see btree_storage_engine.h.
#include "storage/engine/btree_storage_engine.h"

#include <filesystem>
#include <system_error>

#include "common/log.h"
#include "storage/btree/btree.h"
#include "storage/engine/table_row_cursor.h"
#include "storage/index/index_maintenance.h"
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

Status Ignore(const Result<bool>& result) {
  return result.ok() ? Status::OK() : result.status();
}

}  // namespace

BTreeStorageEngine::~BTreeStorageEngine() {
  Status closed = pager_->Close();
  if (!closed.ok()) LogError("closing the data file: %s", closed.message().c_str());
}

// --- Transactions ----------------------------------------------------------------------

Result<std::unique_ptr<Transaction>> BTreeStorageEngine::Begin(AccessMode mode) {
  return std::unique_ptr<Transaction>(
      std::make_unique<EngineTransaction>(this, next_txn_id_++, mode, &latch_, pager_.get()));
}

Result<EngineTransaction*> BTreeStorageEngine::Open(Transaction* txn) {
  auto* ours = static_cast<EngineTransaction*>(txn);
  if (ours == nullptr || ours->finished()) return NotOpen();
  return ours;
}

Result<PagerTxn*> BTreeStorageEngine::Writable(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  if ((*ours)->mode() != AccessMode::kReadWrite) {
    return Status::Error(ErrorCode::kInternalError, "write in a read-only transaction");
  }
  return (*ours)->pager_txn();
}

Status BTreeStorageEngine::Commit(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  Status status;
  if ((*ours)->pager_txn() != nullptr) {
    status = pager_->CommitTxn((*ours)->pager_txn());
    if (!status.ok()) catalog_.ClearCache();  // the pager rolled the pages back
  }
  (*ours)->Finish();
  return status;
}

void BTreeStorageEngine::Rollback(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return;
  if ((*ours)->pager_txn() != nullptr) {
    pager_->AbortTxn((*ours)->pager_txn());
    catalog_.ClearCache();
  }
  (*ours)->Finish();
}

// --- Databases -------------------------------------------------------------------------

Status BTreeStorageEngine::CreateDatabase(Transaction* txn, const std::string& name) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.CreateDatabase(*ptxn, name);
}

Status BTreeStorageEngine::DropDatabase(Transaction* txn, const std::string& name) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.DropDatabase(*ptxn, name);
}

Result<bool> BTreeStorageEngine::DatabaseExists(Transaction* txn, const std::string& name) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  return catalog_.DatabaseExists(name);
}

Result<std::vector<std::string>> BTreeStorageEngine::ListDatabases(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  return catalog_.ListDatabases();
}

// --- Tables ----------------------------------------------------------------------------

Status BTreeStorageEngine::CreateTable(Transaction* txn, const TableSchema& schema) {
  Result<PagerTxn*> ptxn = Writable(txn);
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
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.DropTable(*ptxn, db, table);
}

Result<std::vector<std::string>> BTreeStorageEngine::ListTables(Transaction* txn,
                                                                const std::string& db) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
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
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  auto encode = [&](const std::optional<KeyBound>& bound)
      -> Result<std::optional<TableRowCursor::EncodedBound>> {
    if (!bound) return std::optional<TableRowCursor::EncodedBound>();
    Result<std::string> prefix = EncodeKeyPrefix(*entry->schema, bound->values);
    if (!prefix.ok()) return prefix.status();
    return std::optional<TableRowCursor::EncodedBound>({std::move(*prefix), bound->inclusive});
  };
  auto lower = encode(range.lower);
  if (!lower.ok()) return lower.status();
  auto upper = encode(range.upper);
  if (!upper.ok()) return upper.status();
  BTree tree(pager_.get(), entry->root);
  Result<std::unique_ptr<BTreeCursor>> cursor = tree.Seek(*lower ? (*lower)->prefix : "");
  if (!cursor.ok()) return cursor.status();
  return std::unique_ptr<RowCursor>(std::make_unique<TableRowCursor>(
      entry->schema, std::move(*cursor), std::move(*lower), std::move(*upper)));
}

Status BTreeStorageEngine::Insert(Transaction* txn, const TableSchema& table, const Row& row) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  const TableSchema& schema = *entry->schema;
  Result<std::string> record = EncodeRow(schema, row);
  if (!record.ok()) return record.status();

  std::string key;
  if (schema.primary_key.empty()) {
    Result<TableCounters> counters = catalog_.GetCounters(schema.database, schema.name);
    if (!counters.ok()) return counters.status();
    key = EncodeRowIdKey(counters->next_row_id++);
    if (!BTree::EntryFits(key, *record)) {
      return Status::Error(ErrorCode::kTooBigRowsize,
                           static_cast<unsigned long>(BTree::kMaxKeySize));
    }
    MINISQL_RETURN_IF_ERROR(catalog_.PutCounters(*ptxn, schema.database, schema.name, *counters));
  } else {
    Result<std::string> encoded = EncodePrimaryKey(schema, row);
    if (!encoded.ok()) return encoded.status();
    key = std::move(*encoded);
  }
  BTree tree(pager_.get(), entry->root);
  if (!schema.indexes.empty()) {
    // Every duplicate check comes before the first write (index_maintenance.h).
    if (!schema.primary_key.empty()) {
      Result<std::optional<std::string>> existing = tree.Get(key);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) return DuplicateKey(schema, row);
    }
    MINISQL_RETURN_IF_ERROR(CheckUniqueIndexes(pager_.get(), *entry, row, key));
  }
  Result<bool> inserted = tree.Insert(*ptxn, key, *record);
  if (!inserted.ok()) return inserted.status();
  if (!*inserted) return DuplicateKey(schema, row);
  return AddIndexEntries(pager_.get(), *ptxn, *entry, row, key);
}

Status BTreeStorageEngine::Update(Transaction* txn, const TableSchema& table, const RowId& id,
                                  const Row& new_row) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  const TableSchema& schema = *entry->schema;
  Result<std::string> record = EncodeRow(schema, new_row);
  if (!record.ok()) return record.status();
  std::string new_key = id;  // a hidden row id never changes
  if (!schema.primary_key.empty()) {
    Result<std::string> encoded = EncodePrimaryKey(schema, new_row);
    if (!encoded.ok()) return encoded.status();
    new_key = std::move(*encoded);
  }
  if (!BTree::EntryFits(new_key, *record)) {
    return Status::Error(ErrorCode::kTooBigRowsize, static_cast<unsigned long>(BTree::kMaxKeySize));
  }
  BTree tree(pager_.get(), entry->root);
  Status missing = Status::Error(ErrorCode::kInternalError, "updated row no longer exists");
  // With secondary indexes, the old row tells which index entries to move.
  std::optional<Row> old_row;
  if (!schema.indexes.empty()) {
    Result<std::optional<std::string>> old_record = tree.Get(id);
    if (!old_record.ok()) return old_record.status();
    if (!old_record->has_value()) return missing;
    Result<Row> decoded = DecodeRow(schema, **old_record);
    if (!decoded.ok()) return decoded.status();
    old_row = std::move(*decoded);
  }
  if (new_key != id) {
    // The key changes: check for a duplicate before touching anything.
    Result<std::optional<std::string>> existing = tree.Get(new_key);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return DuplicateKey(schema, new_row);
  }
  if (old_row)
    MINISQL_RETURN_IF_ERROR(CheckUniqueIndexes(pager_.get(), *entry, new_row, new_key, &id));
  if (new_key == id) {
    Result<bool> updated = tree.Update(*ptxn, id, *record);
    if (!updated.ok()) return updated.status();
    if (!*updated) return missing;
  } else {
    Result<bool> deleted = tree.Delete(*ptxn, id);
    if (!deleted.ok()) return deleted.status();
    if (!*deleted) return missing;
    MINISQL_RETURN_IF_ERROR(Ignore(tree.Insert(*ptxn, new_key, *record)));
  }
  if (!old_row) return Status::OK();
  return UpdateIndexEntries(pager_.get(), *ptxn, *entry, *old_row, id, new_row, new_key);
}

Status BTreeStorageEngine::Delete(Transaction* txn, const TableSchema& table, const RowId& id) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  BTree tree(pager_.get(), entry->root);
  Status missing = Status::Error(ErrorCode::kInternalError, "deleted row no longer exists");
  std::optional<Row> old_row;
  if (!entry->schema->indexes.empty()) {
    Result<std::optional<std::string>> old_record = tree.Get(id);
    if (!old_record.ok()) return old_record.status();
    if (!old_record->has_value()) return missing;
    Result<Row> decoded = DecodeRow(*entry->schema, **old_record);
    if (!decoded.ok()) return decoded.status();
    old_row = std::move(*decoded);
  }
  Result<bool> deleted = tree.Delete(*ptxn, id);
  if (!deleted.ok()) return deleted.status();
  if (!*deleted) return missing;
  if (!old_row) return Status::OK();
  return RemoveIndexEntries(pager_.get(), *ptxn, *entry, *old_row, id);
}

Result<int64_t> BTreeStorageEngine::NextAutoIncrement(Transaction* txn, const TableSchema& table) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  Result<TableCounters> counters = catalog_.GetCounters(table.database, table.name);
  if (!counters.ok()) return counters.status();
  if (counters->next_auto_increment > static_cast<uint64_t>(INT64_MAX)) {
    return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT", "AUTO_INCREMENT of " + table.name);
  }
  auto value = static_cast<int64_t>(counters->next_auto_increment++);
  MINISQL_RETURN_IF_ERROR(catalog_.PutCounters(*ptxn, table.database, table.name, *counters));
  return value;
}

Status BTreeStorageEngine::NoteAutoIncrementValue(Transaction* txn, const TableSchema& table,
                                                  int64_t value) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  Result<TableCounters> counters = catalog_.GetCounters(table.database, table.name);
  if (!counters.ok()) return counters.status();
  if (value < 0 || static_cast<uint64_t>(value) < counters->next_auto_increment) {
    return Status::OK();
  }
  // INT64_MAX stays the next value: the following NextAutoIncrement reports overflow.
  counters->next_auto_increment =
      value == INT64_MAX ? static_cast<uint64_t>(INT64_MAX) + 1 : static_cast<uint64_t>(value) + 1;
  return catalog_.PutCounters(*ptxn, table.database, table.name, *counters);
}

// --- Accounts --------------------------------------------------------------------------

Result<std::optional<UserRecord>> BTreeStorageEngine::FindUser(Transaction* txn,
                                                               const std::string& user,
                                                               const std::string& host) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  return catalog_.FindUser(user, host);
}

Result<std::vector<UserRecord>> BTreeStorageEngine::ListUsers(Transaction* txn) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  return catalog_.ListUsers();
}

Status BTreeStorageEngine::CreateUser(Transaction* txn, const UserRecord& user) {
  Result<PagerTxn*> ptxn = Writable(txn);
  if (!ptxn.ok()) return ptxn.status();
  return catalog_.CreateUser(*ptxn, user);
}

// --- Lifetime --------------------------------------------------------------------------

Status BTreeStorageEngine::Checkpoint() {
  std::unique_lock<std::shared_mutex> lock(latch_);  // no write transaction may be active
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
