// index_operations.cc — BTreeStorageEngine's secondary-index calls under MVCC:
// CREATE/DROP INDEX, index scans, row lookups, the conflict search behind REPLACE and
// INSERT ... ON DUPLICATE KEY UPDATE, and the UNIQUE checks Insert/Update make.
//
// Index trees, like table trees, hold the latest COMMITTED state: COMMIT moves each
// changed row's entries (TreeWrite → WriteIndexEntries, engine_commit.cc) in the same
// PagerTxn as the row. Everything a statement asks before that must therefore overlay
// the transaction's own WriteSet on the committed index:
//
//   UNIQUE check   lock the value (LockKey index_id = ordinal + 1), then look for it in
//                  the committed index (skipping rows the txn deleted or changed away
//                  from the value) and among the rows the txn wrote itself
//   ScanIndex      candidates = committed index range ∪ own written keys ∪ keys with
//                  older versions; each is read as the snapshot sees it
//                  (SnapshotRecord) and kept if its index key falls in the range
//   FindConflicts  the same as the UNIQUE check, for every index plus the primary key
#include <set>

#include "storage/btree/btree.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/engine/mvcc_row_cursor.h"
#include "storage/index/index_key_codec.h"
#include "storage/index/index_maintenance.h"
#include "storage/index/index_row_cursor.h"
#include "storage/table/key_codec.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

bool StartsWith(const std::string& key, const std::string& prefix) {
  return key.compare(0, prefix.size(), prefix) == 0;
}

// Whether `candidate` (an encoded row) holds the UNIQUE value `prefix` of `index`.
Result<bool> HoldsValue(const TableSchema& schema, const IndexDef& index, const std::string& record,
                        const std::string& prefix) {
  Result<Row> row = DecodeRow(schema, record);
  if (!row.ok()) return row.status();
  if (HasNullIndexValue(index, *row)) return false;
  Result<std::string> value = EncodeIndexPrefix(schema, index, IndexValues(index, *row));
  if (!value.ok()) return value.status();
  return *value == prefix;
}

}  // namespace

Status BTreeStorageEngine::CreateIndex(Transaction* txn, const std::string& db,
                                       const std::string& table, const IndexDef& index) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<std::optional<TableEntry>> found = catalog_.FindTable(db, table);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  TableEntry entry = **found;
  const TableSchema& old_schema = *entry.schema;
  if (index.columns.empty()) return Status::Error(ErrorCode::kInternalError, "empty index");
  for (uint32_t column : index.columns) {
    if (column >= old_schema.columns.size()) {
      return Status::Error(ErrorCode::kInternalError, "index column out of range");
    }
  }
  if (old_schema.FindIndex(index.name) >= 0) {
    return Status::Error(ErrorCode::kDupKeyname, index.name);
  }
  auto schema = std::make_shared<TableSchema>(old_schema);
  size_t position = schema->AddIndex(index);
  Result<PageId> root = BTree::Create(pager_.get(), *ptxn);
  if (!root.ok()) return root.status();
  entry.index_roots.insert(entry.index_roots.begin() + static_cast<std::ptrdiff_t>(position),
                           *root);
  entry.schema = std::move(schema);
  // Built from the latest committed rows (DDL committed its session's transaction
  // first). Build before recording: a 1062 aborts the statement, whose rollback frees
  // the tree.
  MINISQL_RETURN_IF_ERROR(BuildIndex(pager_.get(), *ptxn, entry, position));
  return catalog_.ReplaceTable(*ptxn, entry);
}

Status BTreeStorageEngine::DropIndex(Transaction* txn, const std::string& db,
                                     const std::string& table, const std::string& index_name) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<std::optional<TableEntry>> found = catalog_.FindTable(db, table);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  TableEntry entry = **found;
  int position = entry.schema->FindIndex(index_name);
  if (position < 0) return Status::Error(ErrorCode::kCantDropFieldOrKey, "INDEX", index_name);
  BTree tree(pager_.get(), entry.index_roots[position]);
  MINISQL_RETURN_IF_ERROR(tree.Drop(*ptxn));
  auto schema = std::make_shared<TableSchema>(*entry.schema);
  schema->indexes.erase(schema->indexes.begin() + position);
  entry.index_roots.erase(entry.index_roots.begin() + position);
  entry.schema = std::move(schema);
  return catalog_.ReplaceTable(*ptxn, entry);
}

Result<std::unique_ptr<RowCursor>> BTreeStorageEngine::ScanIndex(Transaction* txn,
                                                                 const TableSchema& table,
                                                                 size_t index,
                                                                 const KeyRange& range) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  uint64_t read_ts = ReadTimestamp(*ours);
  ReadLatch latch(this, *ours);
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  const TableSchema& schema = *entry->schema;
  if (index >= schema.indexes.size()) {
    return Status::Error(ErrorCode::kInternalError, "no such index ordinal");
  }
  const IndexDef& def = schema.indexes[index];
  Result<EncodedKeyRange> encoded = EncodeRange(range, [&](const std::vector<Value>& values) {
    return EncodeIndexPrefix(schema, def, values);
  });
  if (!encoded.ok()) return encoded.status();
  const EncodedKeyRange bounds = std::move(*encoded);

  // Each candidate row is read as the snapshot sees it and kept if that version's
  // index key is in the range.
  IndexRowCursor::Rows rows;
  std::set<std::string> seen;
  auto consider = [&](const std::string& id) -> Status {
    if (!seen.insert(id).second) return Status::OK();
    Result<std::optional<std::string>> record = SnapshotRecord(*ours, *entry, id, read_ts);
    if (!record.ok()) return record.status();
    if (!record->has_value()) return Status::OK();
    Result<Row> row = DecodeRow(schema, **record);
    if (!row.ok()) return row.status();
    Result<std::string> key = EncodeIndexKey(schema, def, *row, id);
    if (!key.ok()) return key.status();
    if (bounds.BeforeLower(*key) || bounds.BeyondUpper(*key)) return Status::OK();
    rows.emplace(std::move(*key), std::make_pair(id, std::move(*row)));
    return Status::OK();
  };
  // 1. The committed index's range: every row whose latest committed version is in it.
  BTree tree(pager_.get(), entry->index_roots[index]);
  Result<std::unique_ptr<BTreeCursor>> cursor = tree.Seek(bounds.lower ? bounds.lower->prefix : "");
  if (!cursor.ok()) return cursor.status();
  std::string key, clustered;
  while (true) {
    Result<bool> more = (*cursor)->Next(&key, &clustered);
    if (!more.ok()) return more.status();
    if (!*more || bounds.BeyondUpper(key)) break;
    if (bounds.BeforeLower(key)) continue;
    MINISQL_RETURN_IF_ERROR(consider(clustered));
  }
  // 2. Rows the transaction wrote itself, and 3. rows the snapshot may see in an older
  // version than the committed one (the index only knows the latest).
  if (const WriteSet::TableWrites* own = (*ours)->writes.Table(schema.table_id)) {
    for (const auto& [id, change] : own->rows) MINISQL_RETURN_IF_ERROR(consider(id));
  }
  for (std::optional<std::string> id = versions_.NextKey(schema.table_id, "", true); id;
       id = versions_.NextKey(schema.table_id, *id, false)) {
    MINISQL_RETURN_IF_ERROR(consider(*id));
  }
  return std::unique_ptr<RowCursor>(std::make_unique<IndexRowCursor>(std::move(rows)));
}

Result<std::optional<Row>> BTreeStorageEngine::GetRow(Transaction* txn, const TableSchema& table,
                                                      const RowId& id) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  std::optional<TableEntry> entry;
  {
    ReadLatch latch(this, *ours);
    Result<TableEntry> resolved = Resolve(table);
    if (!resolved.ok()) return resolved.status();
    entry = std::move(*resolved);
  }
  // A current read: a writer locks the row first (REPLACE / ON DUPLICATE KEY UPDATE
  // change the row they read).
  if ((*ours)->mode() == AccessMode::kReadWrite) {
    MINISQL_RETURN_IF_ERROR(LockRow(*ours, entry->schema->table_id, id, RowLockMode::kExclusive));
  }
  ReadLatch latch(this, *ours);
  Result<std::optional<std::string>> record = LatestRecord(*ours, *entry, id);
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::optional<Row>();
  Result<Row> row = DecodeRow(*entry->schema, **record);
  if (!row.ok()) return row.status();
  return std::optional<Row>(std::move(*row));
}

Result<std::vector<RowId>> BTreeStorageEngine::FindConflicts(Transaction* txn,
                                                             const TableSchema& table,
                                                             const Row& row) {
  Result<EngineTransaction*> ours = Writer(txn);
  if (!ours.ok()) return ours.status();
  std::optional<TableEntry> entry;
  std::optional<std::string> key;
  {
    ReadLatch latch(this, *ours);
    Result<TableEntry> resolved = Resolve(table);
    if (!resolved.ok()) return resolved.status();
    entry = std::move(*resolved);
    if (!entry->schema->primary_key.empty()) {
      Result<std::string> encoded = EncodePrimaryKey(*entry->schema, row);
      if (!encoded.ok()) return encoded.status();
      key = std::move(*encoded);
    }
  }
  // The locks the insert will take anyway: nobody adds the same key meanwhile.
  const TableSchema& schema = *entry->schema;
  if (key) MINISQL_RETURN_IF_ERROR(LockRow(*ours, schema.table_id, *key, RowLockMode::kExclusive));
  MINISQL_RETURN_IF_ERROR(LockUniqueValues(*ours, *entry, row));
  ReadLatch latch(this, *ours);
  std::vector<RowId> conflicts;
  auto add = [&conflicts](const RowId& id) {
    for (const RowId& seen : conflicts) {
      if (seen == id) return;
    }
    conflicts.push_back(id);
  };
  if (key) {
    Result<std::optional<std::string>> existing = LatestRecord(*ours, *entry, *key);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) add(*key);
  }
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    Result<std::optional<RowId>> conflict =
        FindUniqueConflictLatest(*ours, *entry, i, row, nullptr);
    if (!conflict.ok()) return conflict.status();
    if (conflict->has_value()) add(**conflict);
  }
  return conflicts;
}

// --- UNIQUE checks ---------------------------------------------------------------------

Status BTreeStorageEngine::LockUniqueValues(EngineTransaction* txn, const TableEntry& entry,
                                            const Row& row) {
  const TableSchema& schema = *entry.schema;
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    const IndexDef& def = schema.indexes[i];
    if (!def.unique || HasNullIndexValue(def, row)) continue;  // NULLs never collide
    Result<std::string> value = EncodeIndexPrefix(schema, def, IndexValues(def, row));
    if (!value.ok()) return value.status();
    MINISQL_RETURN_IF_ERROR(LockRow(txn, schema.table_id, *value, RowLockMode::kExclusive,
                                    static_cast<uint32_t>(i + 1)));
  }
  return Status::OK();
}

Result<std::optional<RowId>> BTreeStorageEngine::FindUniqueConflictLatest(EngineTransaction* txn,
                                                                          const TableEntry& entry,
                                                                          size_t index,
                                                                          const Row& row,
                                                                          const RowId* self) {
  const TableSchema& schema = *entry.schema;
  const IndexDef& def = schema.indexes[index];
  if (!def.unique || HasNullIndexValue(def, row)) return std::optional<RowId>();
  Result<std::string> prefix = EncodeIndexPrefix(schema, def, IndexValues(def, row));
  if (!prefix.ok()) return prefix.status();
  // Committed rows holding the value, unless this transaction deleted them or changed
  // them to another value.
  BTree tree(pager_.get(), entry.index_roots[index]);
  Result<std::unique_ptr<BTreeCursor>> cursor = tree.Seek(*prefix);
  if (!cursor.ok()) return cursor.status();
  std::string key, clustered;
  while (true) {
    Result<bool> more = (*cursor)->Next(&key, &clustered);
    if (!more.ok()) return more.status();
    if (!*more || !StartsWith(key, *prefix)) break;
    if (self != nullptr && clustered == *self) continue;
    const WriteSet::Change* own = txn->writes.Find(schema.table_id, clustered);
    if (own == nullptr) return std::optional<RowId>(clustered);
    if (!own->has_value()) continue;  // deleted by this transaction
    Result<bool> holds = HoldsValue(schema, def, **own, *prefix);
    if (!holds.ok()) return holds.status();
    if (*holds) return std::optional<RowId>(clustered);
  }
  // Rows this transaction inserted or updated to the value.
  if (const WriteSet::TableWrites* writes = txn->writes.Table(schema.table_id)) {
    for (const auto& [id, change] : writes->rows) {
      if (!change.has_value() || (self != nullptr && id == *self)) continue;
      Result<bool> holds = HoldsValue(schema, def, *change, *prefix);
      if (!holds.ok()) return holds.status();
      if (*holds) return std::optional<RowId>(id);
    }
  }
  return std::optional<RowId>();
}

Status BTreeStorageEngine::CheckUniqueLatest(EngineTransaction* txn, const TableEntry& entry,
                                             const Row& row, const RowId& id, const RowId* self) {
  const TableSchema& schema = *entry.schema;
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    const IndexDef& def = schema.indexes[i];
    Result<std::string> key = EncodeIndexKey(schema, def, row, id);
    if (!key.ok()) return key.status();
    if (!BTree::EntryFits(*key, id)) {
      return Status::Error(ErrorCode::kTooBigRowsize,
                           static_cast<unsigned long>(BTree::kMaxKeySize));
    }
    Result<std::optional<RowId>> conflict = FindUniqueConflictLatest(txn, entry, i, row, self);
    if (!conflict.ok()) return conflict.status();
    if (conflict->has_value()) {
      return Status::Error(ErrorCode::kDupEntry, DescribeIndexValues(def, row), def.name);
    }
  }
  return Status::OK();
}

Status BTreeStorageEngine::WriteIndexEntries(PagerTxn* ptxn, const TableEntry& entry,
                                             const std::string& key,
                                             const std::optional<std::string>& before,
                                             const std::optional<std::string>& record) {
  const TableSchema& schema = *entry.schema;
  if (schema.indexes.empty()) return Status::OK();
  std::optional<Row> old_row, new_row;
  if (before) {
    Result<Row> decoded = DecodeRow(schema, *before);
    if (!decoded.ok()) return decoded.status();
    old_row = std::move(*decoded);
  }
  if (record) {
    Result<Row> decoded = DecodeRow(schema, *record);
    if (!decoded.ok()) return decoded.status();
    new_row = std::move(*decoded);
  }
  if (old_row && new_row) {
    return UpdateIndexEntries(pager_.get(), ptxn, entry, *old_row, key, *new_row, key);
  }
  if (old_row) return RemoveIndexEntries(pager_.get(), ptxn, entry, *old_row, key);
  if (new_row) return AddIndexEntries(pager_.get(), ptxn, entry, *new_row, key);
  return Status::OK();
}

}  // namespace minisql::storage
