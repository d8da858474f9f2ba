// insert_conflict.cc — InsertExecutor::StoreRow: what an INSERT does when a row meets
// a stored one on the primary key or a UNIQUE index, with MySQL's affected-rows
// counts:
//
//   plain INSERT             Insert; a collision is 1062 and fails the statement  (1)
//   INSERT IGNORE            a 1062 from Insert skips the row and becomes a
//                            warning                                          (1 / 0)
//   REPLACE                  delete every colliding row (FindConflicts), insert
//                                                        (1 + rows deleted)
//   ON DUPLICATE KEY UPDATE  no collision: insert (1); else apply the assignments to
//                            the first colliding row, in order, each seeing the ones
//                            before it: changed (2), unchanged (0)
//   INSERT IGNORE ... ON     as above, but an update that collides with another
//   DUPLICATE KEY UPDATE     row leaves the row as it was and becomes a warning (0);
//                            "Duplicates:" then counts only such rows (MariaDB)
//
// Every write goes through StorageEngine::Insert/Update/Delete, so the secondary
// indexes follow, and the statement's transaction makes the whole statement atomic.
#include "sql/executor/assignment.h"
#include "sql/executor/insert_executor.h"

namespace minisql::sql {

Result<InsertExecutor::RowOutcome> InsertExecutor::StoreRow(const Row& row, size_t row_index,
                                                            int64_t* affected, int64_t* collided,
                                                            Row* written) {
  const storage::TableSchema& table = *plan_->table;
  switch (plan_->on_conflict) {
    case InsertConflict::kError:
      MINISQL_RETURN_IF_ERROR(ctx_->storage->Insert(ctx_->txn, table, row));
      ++*affected;
      *written = row;
      return RowOutcome::kInserted;
    case InsertConflict::kIgnore: {
      // Insert checks every key before it writes, so a refused row left nothing behind.
      Status inserted = ctx_->storage->Insert(ctx_->txn, table, row);
      if (inserted.ok()) {
        ++*affected;
        *written = row;
        return RowOutcome::kInserted;
      }
      if (inserted.error_code() != ErrorCode::kDupEntry) return inserted;
      ctx_->Warn(std::move(inserted));
      ++*collided;
      return RowOutcome::kSkipped;
    }
    case InsertConflict::kReplace: {
      Result<std::vector<storage::RowId>> conflicts =
          ctx_->storage->FindConflicts(ctx_->txn, table, row);
      if (!conflicts.ok()) return conflicts.status();
      for (const storage::RowId& id : *conflicts) {
        MINISQL_RETURN_IF_ERROR(ctx_->storage->Delete(ctx_->txn, table, id));
      }
      MINISQL_RETURN_IF_ERROR(ctx_->storage->Insert(ctx_->txn, table, row));
      *affected += 1 + static_cast<int64_t>(conflicts->size());
      if (!conflicts->empty()) ++*collided;
      *written = row;
      return RowOutcome::kInserted;
    }
    case InsertConflict::kUpdate:
      break;
  }
  Result<std::vector<storage::RowId>> conflicts =
      ctx_->storage->FindConflicts(ctx_->txn, table, row);
  if (!conflicts.ok()) return conflicts.status();
  if (conflicts->empty()) {
    MINISQL_RETURN_IF_ERROR(ctx_->storage->Insert(ctx_->txn, table, row));
    ++*affected;
    *written = row;
    return RowOutcome::kInserted;
  }
  if (!plan_->ignore) ++*collided;
  const storage::RowId& id = (*conflicts)[0];
  Result<std::optional<Row>> stored = ctx_->storage->GetRow(ctx_->txn, table, id);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    return Status::Error(ErrorCode::kInternalError, "colliding row disappeared");
  }
  // Assignments see [row as updated so far ++ the row that was to be inserted].
  Row input = **stored;
  input.insert(input.end(), row.begin(), row.end());
  std::vector<bool> assigned(table.columns.size());
  for (const BoundAssignment& assignment : plan_->on_duplicate) {
    Result<Value> value = AssignedValue(assignment, table, input, row_index + 1, ctx_, lenient_);
    if (!value.ok()) return value.status();
    input[assignment.column] = std::move(*value);
    assigned[assignment.column] = true;
  }
  Row updated(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(table.columns.size()));
  if (RowsIdentical(updated, **stored)) return RowOutcome::kUnchanged;  // MySQL counts 0
  ApplyOnUpdateNow(table, assigned, ctx_, &updated);
  Status update = ctx_->storage->Update(ctx_->txn, table, id, updated);
  if (plan_->ignore && update.error_code() == ErrorCode::kDupEntry) {
    ctx_->Warn(std::move(update));  // Update checks every key first: nothing was written
    ++*collided;
    return RowOutcome::kSkipped;
  }
  MINISQL_RETURN_IF_ERROR(update);
  *affected += 2;
  *written = std::move(updated);
  return RowOutcome::kUpdated;
}

}  // namespace minisql::sql
