// multi_modify_executor.cc — see multi_modify_executor.h.
#include "sql/executor/multi_modify_executor.h"

#include <algorithm>

#include "sql/executor/assignment.h"
#include "sql/executor/value_order.h"

namespace minisql::sql {

namespace {

// The target's columns of a joined row.
Row TargetPart(const Row& joined, const ModifyTarget& target) {
  auto first = joined.begin() + target.offset;
  return Row(first, first + static_cast<std::ptrdiff_t>(target.table->columns.size()));
}

}  // namespace

Status MultiModifyExecutor::Init() {
  done_ = false;
  joined_.clear();
  changes_.clear();
  seen_.assign(plan_->targets.size(), {});
  keyless_rows_.clear();
  return child_->Init();
}

Status MultiModifyExecutor::ReadJoinedRows() {
  Row row;
  while (true) {
    Result<bool> more = child_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
    joined_.push_back(row);
    // Without ORDER BY, LIMIT counts joined rows as they come.
    if (plan_->order_by.empty() && plan_->limit && joined_.size() >= *plan_->limit) {
      return Status::OK();
    }
  }
}

Status MultiModifyExecutor::SortJoinedRows() {
  std::vector<std::pair<Row, size_t>> keyed;
  keyed.reserve(joined_.size());
  for (size_t i = 0; i < joined_.size(); ++i) {
    Row keys;
    for (const BoundOrderItem& item : plan_->order_by) {
      Result<Value> key = item.key->Evaluate(joined_[i], *ctx_->eval);
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
  std::vector<Row> sorted;
  sorted.reserve(keep);
  for (size_t i = 0; i < keep; ++i) sorted.push_back(std::move(joined_[keyed[i].second]));
  joined_ = std::move(sorted);
  return Status::OK();
}

Status MultiModifyExecutor::LoadKeylessRows(size_t target) {
  if (keyless_rows_.count(target) > 0) return Status::OK();
  auto& rows = keyless_rows_[target];
  Result<std::unique_ptr<storage::RowCursor>> cursor =
      ctx_->storage->LockingScan(ctx_->txn, *plan_->targets[target].table, storage::KeyRange::All(),
                                 storage::RowLockMode::kExclusive);
  if (!cursor.ok()) return cursor.status();
  Row row;
  storage::RowId id;
  while (true) {
    Result<bool> more = (*cursor)->Next(&row, &id);
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
    rows.emplace_back(id, row);
  }
}

Status MultiModifyExecutor::CollectChanges(size_t joined, size_t target) {
  const ModifyTarget& spec = plan_->targets[target];
  const storage::TableSchema& table = *spec.table;
  Row part = TargetPart(joined_[joined], spec);
  auto add = [&](const storage::RowId& id, const Row& stored) {
    if (!seen_[target].emplace(id, true).second) return;
    changes_.push_back(Change{target, id, stored, joined});
  };
  if (!table.primary_key.empty()) {
    std::vector<Value> key;
    for (uint32_t column : table.primary_key) {
      if (part[column].is_null()) return Status::OK();  // NULL-padded by an outer join
      key.push_back(part[column]);
    }
    Result<std::unique_ptr<storage::RowCursor>> cursor =
        ctx_->storage->LockingScan(ctx_->txn, table, storage::KeyRange::Prefix(std::move(key)),
                                   storage::RowLockMode::kExclusive);
    if (!cursor.ok()) return cursor.status();
    Row stored;
    storage::RowId id;
    Result<bool> found = (*cursor)->Next(&stored, &id);
    if (!found.ok()) return found.status();
    if (*found) add(id, stored);
    return Status::OK();
  }
  bool all_null = std::all_of(part.begin(), part.end(), [](const Value& v) { return v.is_null(); });
  if (all_null) return Status::OK();  // taken as NULL padding (an all-NULL row looks the same)
  MINISQL_RETURN_IF_ERROR(LoadKeylessRows(target));
  for (const auto& [id, stored] : keyless_rows_[target]) {
    if (RowsIdentical(stored, part)) add(id, stored);
  }
  return Status::OK();
}

Result<bool> MultiModifyExecutor::ApplyUpdate(const Change& change, uint64_t row_number) {
  const ModifyTarget& spec = plan_->targets[change.target];
  const storage::TableSchema& table = *spec.table;
  const Row& joined = joined_[change.joined];
  Row new_row = change.stored;
  std::vector<bool> assigned(table.columns.size());
  // Every assignment reads the joined row as it was read (MariaDB's multi-table rule).
  for (const BoundAssignment& assignment : spec.assignments) {
    Result<Value> value = AssignedValue(assignment, table, joined, row_number, ctx_,
                                        LenientConversion(plan_->ignore, *ctx_));
    if (!value.ok()) return value.status();
    new_row[assignment.column] = std::move(*value);
    assigned[assignment.column] = true;
  }
  if (RowsIdentical(new_row, change.stored)) return false;
  ApplyOnUpdateNow(table, assigned, ctx_, &new_row);
  Status updated = ctx_->storage->Update(ctx_->txn, table, change.id, new_row);
  // UPDATE IGNORE: a row whose new key collides stays as it was (modify_executor.cc).
  if (plan_->ignore && updated.error_code() == ErrorCode::kDupEntry) return false;
  MINISQL_RETURN_IF_ERROR(updated);
  return true;
}

Result<bool> MultiModifyExecutor::Next(Row* out) {
  if (done_) return false;
  done_ = true;
  // 1. The joined rows (the join's cursors are done before anything changes).
  MINISQL_RETURN_IF_ERROR(ReadJoinedRows());
  if (!plan_->order_by.empty()) MINISQL_RETURN_IF_ERROR(SortJoinedRows());
  // 2. The stored rows to change, each once.
  for (size_t j = 0; j < joined_.size(); ++j) {
    for (size_t t = 0; t < plan_->targets.size(); ++t) {
      MINISQL_RETURN_IF_ERROR(CollectChanges(j, t));
    }
  }
  // 3. Change them.
  int64_t affected = 0;
  for (size_t i = 0; i < changes_.size(); ++i) {
    const Change& change = changes_[i];
    if (plan_->type() == PlanType::kDelete) {
      MINISQL_RETURN_IF_ERROR(
          ctx_->storage->Delete(ctx_->txn, *plan_->targets[change.target].table, change.id));
      ++affected;
      continue;
    }
    Result<bool> changed = ApplyUpdate(change, i + 1);
    if (!changed.ok()) return changed.status();
    if (*changed) ++affected;
  }
  *out =
      Row{Value::Int(affected), Value::Int(static_cast<int64_t>(changes_.size())), Value::Int(0)};
  return true;
}

}  // namespace minisql::sql
