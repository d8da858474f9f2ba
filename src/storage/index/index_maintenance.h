// index_maintenance.h — keeping secondary indexes in step with their table.
//
// Each secondary index is its own B+ tree (keys: index_key_codec.h). Whenever a row
// is written, the engine calls these functions in the same pager transaction, so a
// commit, rollback or crash recovery always sees table and indexes agree:
//
//   Insert(row)            unique check → table insert → AddIndexEntries
//   Update(old → new)      unique check (self = old id) → table update
//                          → UpdateIndexEntries (only the entries whose key changed)
//   Delete(row)            table delete → RemoveIndexEntries
//   CREATE INDEX           BuildIndex: one entry per existing row, UNIQUE checked
//
// Every check happens before the first write, so a statement that fails with 1062
// (or an INSERT IGNORE that skips a row) leaves no half-written row behind. The unique
// check itself is the engine's (BTreeStorageEngine::CheckUniqueLatest): besides these
// trees it must look at the transaction's own uncommitted writes, which the trees do
// not hold until commit. The
// functions take the row change as input and never decide what to change, so a
// transaction layer that applies a write set at commit can call them as they are.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "storage/catalog/catalog_codec.h"
#include "storage/pager/pager.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

/// The clustered key of a row that holds the same non-NULL values as `row` in UNIQUE
/// index `index` (other than `self`, the row being updated), or nullopt.
Result<std::optional<RowId>> FindUniqueConflict(Pager* pager, const TableEntry& entry, size_t index,
                                                const Row& row, const RowId* self = nullptr);

Status AddIndexEntries(Pager* pager, PagerTxn* txn, const TableEntry& entry, const Row& row,
                       const RowId& id);
Status RemoveIndexEntries(Pager* pager, PagerTxn* txn, const TableEntry& entry, const Row& row,
                          const RowId& id);
/// Moves the entries of `old_row` (at `old_id`) to `new_row` (at `new_id`), touching
/// only the indexes whose key changes.
Status UpdateIndexEntries(Pager* pager, PagerTxn* txn, const TableEntry& entry, const Row& old_row,
                          const RowId& old_id, const Row& new_row, const RowId& new_id);

/// Fills the (empty) tree of index `index` from the table's rows. 1062 if UNIQUE and
/// two rows collide.
Status BuildIndex(Pager* pager, PagerTxn* txn, const TableEntry& entry, size_t index);

}  // namespace minisql::storage
