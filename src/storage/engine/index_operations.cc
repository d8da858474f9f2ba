// index_operations.cc — BTreeStorageEngine's secondary-index calls: CREATE/DROP INDEX,
// index scans, row lookups and the conflict search behind REPLACE and
// INSERT ... ON DUPLICATE KEY UPDATE. Keeping indexes in step with row changes is
// index/index_maintenance.h; this file only adds the calls the SQL layer makes.
#include "storage/btree/btree.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/index/index_key_codec.h"
#include "storage/index/index_maintenance.h"
#include "storage/index/index_row_cursor.h"
#include "storage/table/key_codec.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {

Status BTreeStorageEngine::CreateIndex(Transaction* txn, const std::string& db,
                                       const std::string& table, const IndexDef& index) {
  Result<PagerTxn*> ptxn = Writable(txn);
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
  // Build before recording: a 1062 aborts the statement, whose rollback frees the tree.
  MINISQL_RETURN_IF_ERROR(BuildIndex(pager_.get(), *ptxn, entry, position));
  return catalog_.ReplaceTable(*ptxn, entry);
}

Status BTreeStorageEngine::DropIndex(Transaction* txn, const std::string& db,
                                     const std::string& table, const std::string& index_name) {
  Result<PagerTxn*> ptxn = Writable(txn);
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
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  const TableSchema& schema = *entry->schema;
  if (index >= schema.indexes.size()) {
    return Status::Error(ErrorCode::kInternalError, "no such index ordinal");
  }
  auto encode = [&](const std::optional<KeyBound>& bound)
      -> Result<std::optional<IndexRowCursor::EncodedBound>> {
    if (!bound) return std::optional<IndexRowCursor::EncodedBound>();
    Result<std::string> prefix = EncodeIndexPrefix(schema, schema.indexes[index], bound->values);
    if (!prefix.ok()) return prefix.status();
    return std::optional<IndexRowCursor::EncodedBound>({std::move(*prefix), bound->inclusive});
  };
  auto lower = encode(range.lower);
  if (!lower.ok()) return lower.status();
  auto upper = encode(range.upper);
  if (!upper.ok()) return upper.status();
  BTree tree(pager_.get(), entry->index_roots[index]);
  Result<std::unique_ptr<BTreeCursor>> cursor = tree.Seek(*lower ? (*lower)->prefix : "");
  if (!cursor.ok()) return cursor.status();
  return std::unique_ptr<RowCursor>(
      std::make_unique<IndexRowCursor>(entry->schema, BTree(pager_.get(), entry->root),
                                       std::move(*cursor), std::move(*lower), std::move(*upper)));
}

Result<std::optional<Row>> BTreeStorageEngine::GetRow(Transaction* txn, const TableSchema& table,
                                                      const RowId& id) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  BTree tree(pager_.get(), entry->root);
  Result<std::optional<std::string>> record = tree.Get(id);
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::optional<Row>();
  Result<Row> row = DecodeRow(*entry->schema, **record);
  if (!row.ok()) return row.status();
  return std::optional<Row>(std::move(*row));
}

Result<std::vector<RowId>> BTreeStorageEngine::FindConflicts(Transaction* txn,
                                                             const TableSchema& table,
                                                             const Row& row) {
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) return entry.status();
  const TableSchema& schema = *entry->schema;
  std::vector<RowId> conflicts;
  auto add = [&conflicts](const RowId& id) {
    for (const RowId& seen : conflicts) {
      if (seen == id) return;
    }
    conflicts.push_back(id);
  };
  if (!schema.primary_key.empty()) {
    Result<std::string> key = EncodePrimaryKey(schema, row);
    if (!key.ok()) return key.status();
    Result<std::optional<std::string>> existing = BTree(pager_.get(), entry->root).Get(*key);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) add(*key);
  }
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    Result<std::optional<RowId>> conflict = FindUniqueConflict(pager_.get(), *entry, i, row);
    if (!conflict.ok()) return conflict.status();
    if (conflict->has_value()) add(**conflict);
  }
  return conflicts;
}

}  // namespace minisql::storage
