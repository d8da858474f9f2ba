// locking_index_scan.cc — BTreeStorageEngine::LockingScanIndex: the current read
// through a secondary index that UPDATE and DELETE use when their WHERE fixes an
// index prefix (`UPDATE t SET ... WHERE k = 5` on KEY (k)).
//
// ScanIndex (index_operations.cc) answers for the transaction's snapshot. A writer
// must instead see the LATEST committed rows, as LockingScan does on the primary key,
// or it would miss a row another transaction moved into the range after the snapshot
// was taken. The index tree holds exactly the latest committed entries, so:
//
//   1. under the latch: candidates = committed index range ∪ rows the transaction
//      wrote itself (their index key may have changed since the last commit);
//   2. latch released: lock each candidate (waiting if another transaction holds it);
//   3. under the latch again: read the candidate's latest record (own change first)
//      and keep it only if that version's index key is still in the range — a
//      concurrent commit may have moved it out while we waited for its lock.
//
// As in LockingScan there are no gap locks: a row inserted into the range by a
// transaction that commits after step 1 is not seen (a phantom).
#include <set>

#include "storage/btree/btree.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/engine/mvcc_row_cursor.h"
#include "storage/index/index_key_codec.h"
#include "storage/index/index_row_cursor.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {

Result<std::unique_ptr<RowCursor>> BTreeStorageEngine::LockingScanIndex(Transaction* txn,
                                                                        const TableSchema& table,
                                                                        size_t index,
                                                                        const KeyRange& range,
                                                                        RowLockMode mode) {
  if (mode == RowLockMode::kExclusive) {
    Result<EngineTransaction*> writer = Writer(txn);
    if (!writer.ok()) return writer.status();
  }
  Result<EngineTransaction*> ours = Open(txn);
  if (!ours.ok()) return ours.status();
  std::optional<TableEntry> entry;
  EncodedKeyRange bounds;
  std::vector<RowId> candidates;
  {
    ReadLatch latch(this, *ours);
    Result<TableEntry> resolved = Resolve(table);
    if (!resolved.ok()) return resolved.status();
    entry = std::move(*resolved);
    const TableSchema& schema = *entry->schema;
    if (index >= schema.indexes.size()) {
      return Status::Error(ErrorCode::kInternalError, "no such index ordinal");
    }
    const IndexDef& def = schema.indexes[index];
    Result<EncodedKeyRange> encoded = EncodeRange(range, [&](const std::vector<Value>& values) {
      return EncodeIndexPrefix(schema, def, values);
    });
    if (!encoded.ok()) return encoded.status();
    bounds = std::move(*encoded);

    // 1. Candidates, in index order first (that is the order they are locked in).
    BTree tree(pager_.get(), entry->index_roots[index]);
    Result<std::unique_ptr<BTreeCursor>> cursor =
        tree.Seek(bounds.lower ? bounds.lower->prefix : "");
    if (!cursor.ok()) return cursor.status();
    std::string key, clustered;
    while (true) {
      Result<bool> more = (*cursor)->Next(&key, &clustered);
      if (!more.ok()) return more.status();
      if (!*more || bounds.BeyondUpper(key)) break;
      if (bounds.BeforeLower(key)) continue;
      candidates.push_back(clustered);
    }
    if (const WriteSet::TableWrites* own = (*ours)->writes.Table(schema.table_id)) {
      for (const auto& [id, change] : own->rows) {
        if (change.has_value()) candidates.push_back(id);
      }
    }
  }

  const TableSchema& schema = *entry->schema;
  const IndexDef& def = schema.indexes[index];
  IndexRowCursor::Rows rows;
  std::set<RowId> seen;
  for (const RowId& id : candidates) {
    if (!seen.insert(id).second) continue;
    // 2. Lock (latch NOT held: this may wait for another transaction).
    MINISQL_RETURN_IF_ERROR(LockRow(*ours, schema.table_id, id, mode));
    // 3. Re-read the latest version and re-check it against the range.
    ReadLatch latch(this, *ours);
    Result<std::optional<std::string>> record = LatestRecord(*ours, *entry, id);
    if (!record.ok()) return record.status();
    if (!record->has_value()) continue;  // deleted meanwhile
    Result<Row> row = DecodeRow(schema, **record);
    if (!row.ok()) return row.status();
    Result<std::string> key = EncodeIndexKey(schema, def, *row, id);
    if (!key.ok()) return key.status();
    if (bounds.BeforeLower(*key) || bounds.BeyondUpper(*key)) continue;
    rows.emplace(std::move(*key), std::make_pair(id, std::move(*row)));
  }
  return std::unique_ptr<RowCursor>(std::make_unique<IndexRowCursor>(std::move(rows)));
}

}  // namespace minisql::storage
