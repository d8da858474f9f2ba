// table_rewrite.cc — BTreeStorageEngine's whole-table DDL: ALTER TABLE's rebuild,
// RENAME TABLE and TRUNCATE TABLE.
//
// All three run in a DDL transaction (the engine's DDL latch held exclusively, one PagerTxn),
// so a crash or an error leaves the catalog and the trees either as they were or as
// the statement left them: the rewrite below happens in pages of that PagerTxn, and
// only its commit makes the new catalog record and the freed old trees durable.
//
// ALTER TABLE (RebuildTable):
//
//   old entry (id 7, old trees)                  new entry (id 12, new trees)
//   ┌─────────────────────────┐  DecodeRow(old)  ┌─────────────────────────┐
//   │ table tree  key → row   │ ── convert ────► │ table tree  key' → row' │
//   │ index trees             │  EncodeRow(new)  │ index trees (BuildIndex)│
//   └─────────────────────────┘                  └─────────────────────────┘
//        freed (FreeTrees)        catalog "T" record replaced, counters kept
//
// Rows are read from the tree itself: the latest committed state, which is what a
// DDL transaction sees (its session committed first, and no commit can run while the
// latch is held). The new table id makes every statement or transaction that still
// holds the old definition fail with 1146 instead of writing old-format rows.
#include "storage/btree/btree.h"
#include "storage/btree/btree_cursor.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/index/index_maintenance.h"
#include "storage/table/key_codec.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

Status CheckColumns(const TableSchema& schema) {
  auto in_range = [&](uint32_t column) { return column < schema.columns.size(); };
  for (uint32_t column : schema.primary_key) {
    if (!in_range(column)) return Status::Error(ErrorCode::kInternalError, "key column range");
  }
  for (const IndexDef& index : schema.indexes) {
    if (index.columns.empty()) return Status::Error(ErrorCode::kInternalError, "empty index");
    for (uint32_t column : index.columns) {
      if (!in_range(column)) return Status::Error(ErrorCode::kInternalError, "index column range");
    }
  }
  return schema.columns.empty() ? Status::Error(ErrorCode::kCantdrop) : Status::OK();
}

}  // namespace

Status BTreeStorageEngine::RebuildTable(Transaction* txn, const std::string& db,
                                        const std::string& table, const TableSchema& schema,
                                        const RowConverter& convert) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  if (schema.database != db || schema.name != table) {
    return Status::Error(ErrorCode::kInternalError, "RebuildTable cannot rename");
  }
  MINISQL_RETURN_IF_ERROR(CheckColumns(schema));
  Result<std::optional<TableEntry>> found = catalog_.FindTable(db, table);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  const TableEntry old_entry = **found;
  const TableSchema& old_schema = *old_entry.schema;

  // The counters as they stand: in memory (ahead of the catalog between commits) or stored.
  Result<TableCounters> counters = catalog_.GetCounters(db, table);
  if (!counters.ok()) return counters.status();
  {
    std::lock_guard<std::mutex> lock(counters_mu_);
    auto it = counters_.find(old_schema.table_id);
    if (it != counters_.end()) {
      counters->next_auto_increment =
          std::max(counters->next_auto_increment, it->second.next_auto_increment);
      counters->next_row_id = std::max(counters->next_row_id, it->second.next_row_id);
    }
  }

  Result<TableEntry> fresh = catalog_.AllocateTable(*ptxn, schema);
  if (!fresh.ok()) return fresh.status();
  const TableSchema& new_schema = *fresh->schema;
  BTree new_tree(pager_.get(), fresh->root);
  Result<std::unique_ptr<BTreeCursor>> cursor = BTree(pager_.get(), old_entry.root).Seek("");
  if (!cursor.ok()) return cursor.status();
  std::string old_key, old_record;
  uint64_t row_number = 0;
  while (true) {
    Result<bool> more = (*cursor)->Next(&old_key, &old_record);
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++row_number;
    Result<Row> old_row = DecodeRow(old_schema, old_record);
    if (!old_row.ok()) return old_row.status();
    Result<Row> row = convert(*old_row, row_number);
    if (!row.ok()) return row.status();
    Result<std::string> record = EncodeRow(new_schema, *row);
    if (!record.ok()) return record.status();
    std::string key;
    if (!new_schema.primary_key.empty()) {
      Result<std::string> encoded = EncodePrimaryKey(new_schema, *row);
      if (!encoded.ok()) return encoded.status();
      key = std::move(*encoded);
    } else if (old_schema.primary_key.empty()) {
      key = old_key;  // hidden row ids stay
    } else {
      key = EncodeRowIdKey(counters->next_row_id++);  // DROP PRIMARY KEY: fresh row ids
    }
    if (!BTree::EntryFits(key, *record)) {
      return Status::Error(ErrorCode::kTooBigRowsize,
                           static_cast<unsigned long>(BTree::kMaxKeySize));
    }
    Result<bool> inserted = new_tree.Insert(*ptxn, key, *record);
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) {
      return Status::Error(ErrorCode::kDupEntry, DescribePrimaryKey(new_schema, *row), "PRIMARY");
    }
  }
  for (size_t index = 0; index < new_schema.indexes.size(); ++index) {
    MINISQL_RETURN_IF_ERROR(BuildIndex(pager_.get(), *ptxn, *fresh, index));
  }
  MINISQL_RETURN_IF_ERROR(catalog_.FreeTrees(*ptxn, old_entry));
  MINISQL_RETURN_IF_ERROR(catalog_.ReplaceTable(*ptxn, *fresh));
  // The new id's in-memory counters load from this record on first use.
  return catalog_.PutCounters(*ptxn, db, table, *counters);
}

Status BTreeStorageEngine::RenameTable(Transaction* txn, const std::string& db,
                                       const std::string& table, const std::string& new_db,
                                       const std::string& new_table) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  // The in-memory counters are keyed by table id, which a rename keeps; store them
  // under the new name so nothing reserved is handed out twice.
  Result<std::optional<TableEntry>> found = catalog_.FindTable(db, table);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  MINISQL_RETURN_IF_ERROR(StoreCounters(*ptxn, *(*found)->schema));
  return catalog_.RenameTable(*ptxn, db, table, new_db, new_table);
}

Status BTreeStorageEngine::TruncateTable(Transaction* txn, const std::string& db,
                                         const std::string& table) {
  Result<PagerTxn*> ptxn = Ddl(txn);
  if (!ptxn.ok()) return ptxn.status();
  Result<std::optional<TableEntry>> found = catalog_.FindTable(db, table);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  const TableEntry old_entry = **found;
  // Empty trees under a new id: the old id's in-memory counters are simply never used again.
  Result<TableEntry> fresh = catalog_.AllocateTable(*ptxn, *old_entry.schema);
  if (!fresh.ok()) return fresh.status();
  MINISQL_RETURN_IF_ERROR(catalog_.FreeTrees(*ptxn, old_entry));
  MINISQL_RETURN_IF_ERROR(catalog_.ReplaceTable(*ptxn, *fresh));
  return catalog_.PutCounters(*ptxn, db, table, TableCounters{});
}

}  // namespace minisql::storage
