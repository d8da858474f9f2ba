// nested_loop_join_executor.cc — see nested_loop_join_executor.h.
#include "sql/executor/nested_loop_join_executor.h"

namespace minisql::sql {

Status NestedLoopJoinExecutor::Init() {
  MINISQL_RETURN_IF_ERROR(left_->Init());
  MINISQL_RETURN_IF_ERROR(right_->Init());
  right_rows_.clear();
  Row row;
  while (true) {
    Result<bool> more = right_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    right_rows_.push_back(std::move(row));
    row = Row();
  }
  have_left_ = false;
  return Status::OK();
}

Result<bool> NestedLoopJoinExecutor::Next(Row* row) {
  while (true) {
    if (!have_left_) {
      Result<bool> more = left_->Next(&left_row_);
      if (!more.ok() || !*more) return more;
      have_left_ = true;
      left_matched_ = false;
      right_pos_ = 0;
    }
    while (right_pos_ < right_rows_.size()) {
      MINISQL_RETURN_IF_ERROR(ctx_->CheckInterrupted());  // a cross join never reads a row
      const Row& right = right_rows_[right_pos_++];
      *row = left_row_;
      if (plan_->right_columns.empty()) {
        row->insert(row->end(), right.begin(), right.end());
      } else {  // join rows: copy the right input's columns in
        for (const ColumnSpan& span : plan_->right_columns) {
          for (uint32_t c = span.offset; c < span.offset + span.count; ++c) (*row)[c] = right[c];
        }
      }
      if (plan_->condition) {
        Result<Value> v = plan_->condition->Evaluate(*row, *ctx_->eval);
        if (!v.ok()) return v.status();
        if (!TruthValue(*v).value_or(false)) continue;
      }
      left_matched_ = true;
      return true;
    }
    have_left_ = false;
    if (plan_->left_outer && !left_matched_) {
      *row = left_row_;
      if (plan_->right_columns.empty()) row->resize(left_row_.size() + plan_->right_width);
      return true;
    }
  }
}

}  // namespace minisql::sql
