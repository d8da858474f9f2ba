// index_maintenance.cc — see index_maintenance.h.
#include "storage/index/index_maintenance.h"

#include "storage/btree/btree.h"
#include "storage/btree/btree_cursor.h"
#include "storage/index/index_key_codec.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

Status CorruptIndex(const IndexDef& index, const std::string& what) {
  return Status::Error(ErrorCode::kInternalError, "index '" + index.name + "': " + what);
}

}  // namespace

Result<std::optional<RowId>> FindUniqueConflict(Pager* pager, const TableEntry& entry, size_t index,
                                                const Row& row, const RowId* self) {
  const IndexDef& def = entry.schema->indexes[index];
  if (!def.unique || HasNullIndexValue(def, row)) return std::optional<RowId>();
  Result<std::string> prefix = EncodeIndexPrefix(*entry.schema, def, IndexValues(def, row));
  if (!prefix.ok()) return prefix.status();
  BTree tree(pager, entry.index_roots[index]);
  Result<std::unique_ptr<BTreeCursor>> cursor = tree.Seek(*prefix);
  if (!cursor.ok()) return cursor.status();
  std::string key, clustered;
  while (true) {
    Result<bool> more = (*cursor)->Next(&key, &clustered);
    if (!more.ok()) return more.status();
    if (!*more || key.compare(0, prefix->size(), *prefix) != 0) return std::optional<RowId>();
    if (self == nullptr || clustered != *self) return std::optional<RowId>(clustered);
  }
}

Status AddIndexEntries(Pager* pager, PagerTxn* txn, const TableEntry& entry, const Row& row,
                       const RowId& id) {
  const TableSchema& schema = *entry.schema;
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    Result<std::string> key = EncodeIndexKey(schema, schema.indexes[i], row, id);
    if (!key.ok()) return key.status();
    BTree tree(pager, entry.index_roots[i]);
    Result<bool> inserted = tree.Insert(txn, *key, id);
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return CorruptIndex(schema.indexes[i], "entry already present");
  }
  return Status::OK();
}

Status RemoveIndexEntries(Pager* pager, PagerTxn* txn, const TableEntry& entry, const Row& row,
                          const RowId& id) {
  const TableSchema& schema = *entry.schema;
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    Result<std::string> key = EncodeIndexKey(schema, schema.indexes[i], row, id);
    if (!key.ok()) return key.status();
    BTree tree(pager, entry.index_roots[i]);
    Result<bool> deleted = tree.Delete(txn, *key);
    if (!deleted.ok()) return deleted.status();
    if (!*deleted) return CorruptIndex(schema.indexes[i], "entry missing");
  }
  return Status::OK();
}

Status UpdateIndexEntries(Pager* pager, PagerTxn* txn, const TableEntry& entry, const Row& old_row,
                          const RowId& old_id, const Row& new_row, const RowId& new_id) {
  const TableSchema& schema = *entry.schema;
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    Result<std::string> old_key = EncodeIndexKey(schema, schema.indexes[i], old_row, old_id);
    if (!old_key.ok()) return old_key.status();
    Result<std::string> new_key = EncodeIndexKey(schema, schema.indexes[i], new_row, new_id);
    if (!new_key.ok()) return new_key.status();
    if (*old_key == *new_key) continue;
    BTree tree(pager, entry.index_roots[i]);
    Result<bool> changed = tree.Delete(txn, *old_key);
    if (!changed.ok()) return changed.status();
    if (!*changed) return CorruptIndex(schema.indexes[i], "entry missing");
    changed = tree.Insert(txn, *new_key, new_id);
    if (!changed.ok()) return changed.status();
    if (!*changed) return CorruptIndex(schema.indexes[i], "entry already present");
  }
  return Status::OK();
}

Status BuildIndex(Pager* pager, PagerTxn* txn, const TableEntry& entry, size_t index) {
  const TableSchema& schema = *entry.schema;
  const IndexDef& def = schema.indexes[index];
  BTree table(pager, entry.root);
  BTree tree(pager, entry.index_roots[index]);
  Result<std::unique_ptr<BTreeCursor>> cursor = table.Seek("");
  if (!cursor.ok()) return cursor.status();
  std::string id, record;
  while (true) {
    Result<bool> more = (*cursor)->Next(&id, &record);
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
    Result<Row> row = DecodeRow(schema, record);
    if (!row.ok()) return row.status();
    Result<std::string> key = EncodeIndexKey(schema, def, *row, id);
    if (!key.ok()) return key.status();
    if (!BTree::EntryFits(*key, id)) {
      return Status::Error(ErrorCode::kTooBigRowsize,
                           static_cast<unsigned long>(BTree::kMaxKeySize));
    }
    // Rows are added one by one, so a collision is with a row already indexed.
    Result<std::optional<RowId>> conflict = FindUniqueConflict(pager, entry, index, *row);
    if (!conflict.ok()) return conflict.status();
    if (conflict->has_value()) {
      return Status::Error(ErrorCode::kDupEntry, DescribeIndexValues(def, *row), def.name);
    }
    Result<bool> inserted = tree.Insert(txn, *key, id);
    if (!inserted.ok()) return inserted.status();
  }
}

}  // namespace minisql::storage
