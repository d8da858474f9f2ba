// recursive_cte_executor.cc — see recursive_cte_executor.h.
#include "sql/executor/recursive_cte_executor.h"

#include "sql/executor/column_converter.h"
#include "sql/executor/executor_factory.h"

namespace minisql::sql {

RecursiveCteExecutor::~RecursiveCteExecutor() {
  // Another executor of the same plan (a re-run subquery) may have registered since.
  auto entry = ctx_->working_tables.find(plan_);
  if (entry != ctx_->working_tables.end() && entry->second == &working_) {
    ctx_->working_tables.erase(entry);
  }
}

Status RecursiveCteExecutor::Init() {
  ctx_->working_tables[plan_] = &working_;
  working_.clear();
  seen_.clear();
  position_ = 0;
  iterations_ = 0;
  produced_ = 0;
  finished_ = false;
  std::vector<Row> anchors;
  MINISQL_RETURN_IF_ERROR(RunParts(0, plan_->anchor_count, &anchors));
  working_ = std::move(anchors);
  return Status::OK();
}

Result<bool> RecursiveCteExecutor::Next(Row* row) {
  while (position_ >= working_.size()) {
    if (finished_ || working_.empty()) return false;
    Result<uint64_t> max_iterations = MaxIterations();
    if (!max_iterations.ok()) return max_iterations.status();
    if (iterations_ >= *max_iterations) {
      finished_ = true;
      ctx_->warnings.push_back(Status::Error(ErrorCode::kQueryResultIncomplete,
                                             std::string("max_recursive_iterations ="),
                                             static_cast<unsigned long long>(*max_iterations)));
      return false;
    }
    ++iterations_;
    std::vector<Row> rows;
    // The recursive parts read working_ while they run; it changes only afterwards.
    MINISQL_RETURN_IF_ERROR(RunParts(plan_->anchor_count, plan_->children().size(), &rows));
    working_ = std::move(rows);
    position_ = 0;
  }
  *row = working_[position_++];
  return true;
}

Status RecursiveCteExecutor::RunParts(size_t first, size_t last, std::vector<Row>* out) {
  for (size_t i = first; i < last; ++i) {
    ExecutorPtr part = CreateExecutor(ctx_, plan_->child(i));
    MINISQL_RETURN_IF_ERROR(part->Init());
    Row row;
    while (true) {
      Result<bool> more = part->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      MINISQL_RETURN_IF_ERROR(Add(row, out));
    }
  }
  return Status::OK();
}

Status RecursiveCteExecutor::Add(const Row& row, std::vector<Row>* out) {
  Row converted;
  converted.reserve(row.size());
  for (uint32_t c = 0; c < row.size(); ++c) {
    ConversionTarget target{plan_->schema.get(), c, produced_ + 1};
    Result<Value> value = ConvertForColumn(row[c], target);
    if (!value.ok()) return value.status();
    converted.push_back(std::move(*value));
  }
  if (plan_->distinct && !seen_.insert(converted).second) return Status::OK();
  ++produced_;
  out->push_back(std::move(converted));
  return Status::OK();
}

Result<uint64_t> RecursiveCteExecutor::MaxIterations() const {
  if (ctx_->eval == nullptr) return uint64_t{1000};
  Result<Value> value = ctx_->eval->SystemVariable("max_recursive_iterations", "");
  if (!value.ok()) return value.status();
  if (value->kind() == Value::Kind::kInt && value->int_value() >= 0) {
    return static_cast<uint64_t>(value->int_value());
  }
  return UINT64_MAX;
}

Status WorkingTableScanExecutor::Init() {
  auto found = ctx_->working_tables.find(plan_->cte);
  if (found == ctx_->working_tables.end()) {
    return Status::Error(ErrorCode::kInternalError, "recursive CTE working table not running");
  }
  rows_ = found->second;
  position_ = 0;
  return Status::OK();
}

Result<bool> WorkingTableScanExecutor::Next(Row* row) {
  MINISQL_RETURN_IF_ERROR(ctx_->CheckInterrupted());
  if (position_ >= rows_->size()) return false;
  *row = (*rows_)[position_++];
  return true;
}

}  // namespace minisql::sql
