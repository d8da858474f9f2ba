// modify_executor.cc — see modify_executor.h.
#include "sql/executor/modify_executor.h"

#include <algorithm>

#include "sql/executor/assignment.h"
#include "sql/executor/value_order.h"

namespace minisql::sql {

Status ModifyExecutor::Init() {
  done_ = false;
  matches_.clear();
  return Status::OK();
}

Status ModifyExecutor::CollectMatches() {
  // A current read: each row is X-locked, then read in its latest committed version,
  // through the primary key or the secondary index the planner chose.
  Result<std::unique_ptr<storage::RowCursor>> cursor =
      plan_->use_index
          ? ctx_->storage->LockingScanIndex(ctx_->txn, *plan_->table, plan_->index, plan_->range,
                                            storage::RowLockMode::kExclusive)
          : ctx_->storage->LockingScan(ctx_->txn, *plan_->table, plan_->range,
                                       storage::RowLockMode::kExclusive);
  if (!cursor.ok()) return cursor.status();
  Row row;
  storage::RowId id;
  // With an ORDER BY to sort by, LIMIT applies after the sort: read every match.
  const bool sort = !plan_->order_by.empty();
  while (sort || !plan_->limit || matches_.size() < *plan_->limit) {
    Result<bool> more = (*cursor)->Next(&row, &id);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (plan_->predicate) {
      Result<Value> v = plan_->predicate->Evaluate(row, *ctx_->eval);
      if (!v.ok()) return v.status();
      if (!TruthValue(*v).value_or(false)) continue;
    }
    matches_.emplace_back(id, row);
  }
  if (sort) MINISQL_RETURN_IF_ERROR(SortMatches());
  return Status::OK();
}

// ORDER BY: the keys are computed once per row, then the rows are sorted stably (rows
// with equal keys keep the access path's order, as MySQL's filesort does) and cut
// to LIMIT.
Status ModifyExecutor::SortMatches() {
  std::vector<std::pair<Row, size_t>> keyed;  // (sort keys, position in matches_)
  keyed.reserve(matches_.size());
  for (size_t i = 0; i < matches_.size(); ++i) {
    Row keys;
    for (const BoundOrderItem& item : plan_->order_by) {
      Result<Value> key = item.key->Evaluate(matches_[i].second, *ctx_->eval);
      if (!key.ok()) return key.status();
      keys.push_back(std::move(*key));
    }
    keyed.emplace_back(std::move(keys), i);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [this](const auto& a, const auto& b) {
    for (size_t k = 0; k < plan_->order_by.size(); ++k) {
      int order = CompareForOrder(a.first[k], b.first[k]);
      if (order != 0) return plan_->order_by[k].descending ? order > 0 : order < 0;
    }
    return false;
  });
  size_t keep = plan_->limit ? std::min<size_t>(keyed.size(), *plan_->limit) : keyed.size();
  std::vector<std::pair<storage::RowId, Row>> sorted;
  sorted.reserve(keep);
  for (size_t i = 0; i < keep; ++i) sorted.push_back(std::move(matches_[keyed[i].second]));
  matches_ = std::move(sorted);
  return Status::OK();
}

Result<bool> ModifyExecutor::UpdateRow(const storage::RowId& id, const Row& old_row,
                                       uint64_t row_number) {
  const storage::TableSchema& table = *plan_->table;
  Row new_row = old_row;
  std::vector<bool> assigned(table.columns.size());
  // Single-table UPDATE: each assignment sees the ones before it (SET a = 1, b = a).
  for (const BoundAssignment& assignment : plan_->assignments) {
    Result<Value> value = AssignedValue(assignment, table, new_row, row_number, ctx_,
                                        LenientConversion(plan_->ignore, *ctx_));
    if (!value.ok()) return value.status();
    new_row[assignment.column] = std::move(*value);
    assigned[assignment.column] = true;
  }
  if (RowsIdentical(new_row, old_row)) return false;
  ApplyOnUpdateNow(table, assigned, ctx_, &new_row);
  Status updated = ctx_->storage->Update(ctx_->txn, table, id, new_row);
  // UPDATE IGNORE leaves a row whose new key collides as it was. Update checks every
  // key before it writes, so nothing of the row was changed. MariaDB reports no
  // warning for it (MySQL reports 1062 as one); minisql follows MariaDB.
  if (plan_->ignore && updated.error_code() == ErrorCode::kDupEntry) return false;
  MINISQL_RETURN_IF_ERROR(updated);
  return true;
}

Result<bool> ModifyExecutor::Next(Row* out) {
  if (done_) return false;
  done_ = true;
  MINISQL_RETURN_IF_ERROR(CollectMatches());
  int64_t affected = 0;
  for (size_t i = 0; i < matches_.size(); ++i) {
    const auto& [id, row] = matches_[i];
    if (plan_->type() == PlanType::kDelete) {
      MINISQL_RETURN_IF_ERROR(ctx_->storage->Delete(ctx_->txn, *plan_->table, id));
      ++affected;
      continue;
    }
    Result<bool> changed = UpdateRow(id, row, i + 1);
    if (!changed.ok()) return changed.status();
    if (*changed) ++affected;
  }
  *out =
      Row{Value::Int(affected), Value::Int(static_cast<int64_t>(matches_.size())), Value::Int(0)};
  return true;
}

}  // namespace minisql::sql
