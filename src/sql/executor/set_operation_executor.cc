// set_operation_executor.cc — UNION [ALL], INTERSECT [ALL], EXCEPT [ALL].
//
// Rows are equal when value_order.h says so (the DISTINCT and GROUP BY equality:
// NULLs equal each other, strings compare case-insensitively). Semantics, with m and n
// the number of copies of a row on the left and on the right:
//
//   UNION ALL       m + n copies, left rows first (streams)
//   UNION           1 copy if m + n > 0, in first-seen order
//   INTERSECT       1 copy if m > 0 and n > 0     INTERSECT ALL  min(m, n) copies
//   EXCEPT          1 copy if m > 0 and n = 0     EXCEPT ALL     max(m - n, 0) copies
//
// All but UNION ALL read the right operand into a counted set first, then stream
// the left one; UNION (distinct) remembers what it has emitted.
#include <map>
#include <set>

#include "sql/executor/derived_table_executor.h"
#include "sql/executor/executor_factory.h"
#include "sql/executor/value_order.h"
#include "sql/expression/conversion.h"
#include "sql/planner/set_operation_plan.h"

namespace minisql::sql {

std::string SetOperationPlan::Describe() const {
  switch (op) {
    case ast::SetOperation::kUnionAll:
      return "SetOperation(UNION ALL)";
    case ast::SetOperation::kIntersect:
      return "SetOperation(INTERSECT)";
    case ast::SetOperation::kIntersectAll:
      return "SetOperation(INTERSECT ALL)";
    case ast::SetOperation::kExcept:
      return "SetOperation(EXCEPT)";
    case ast::SetOperation::kExceptAll:
      return "SetOperation(EXCEPT ALL)";
    default:
      return "SetOperation(UNION)";
  }
}

namespace {

class SetOperationExecutor : public AbstractExecutor {
 public:
  SetOperationExecutor(ExecutorContext* ctx, const SetOperationPlan* plan, ExecutorPtr left,
                       ExecutorPtr right)
      : AbstractExecutor(ctx), plan_(plan), left_(std::move(left)), right_(std::move(right)) {}

  Status Init() override {
    right_counts_.clear();
    emitted_.clear();
    reading_right_ = false;
    MINISQL_RETURN_IF_ERROR(left_->Init());
    MINISQL_RETURN_IF_ERROR(right_->Init());
    if (plan_->op == ast::SetOperation::kUnionAll || plan_->op == ast::SetOperation::kUnion) {
      return Status::OK();
    }
    Row row;
    while (true) {
      Result<bool> more = Pull(right_.get(), &row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      ++right_counts_[row];
    }
    return Status::OK();
  }

  Result<bool> Next(Row* row) override {
    const ast::SetOperation op = plan_->op;
    while (true) {
      Result<bool> more = Pull(reading_right_ ? right_.get() : left_.get(), row);
      if (!more.ok()) return more;
      if (!*more) {
        if (op == ast::SetOperation::kUnionAll || op == ast::SetOperation::kUnion) {
          if (!reading_right_) {
            reading_right_ = true;
            continue;
          }
        }
        return false;
      }
      switch (op) {
        case ast::SetOperation::kUnionAll:
          return true;
        case ast::SetOperation::kUnion:
        case ast::SetOperation::kNone:
          if (emitted_.insert(*row).second) return true;
          break;
        case ast::SetOperation::kIntersect:
          if (right_counts_.count(*row) > 0 && emitted_.insert(*row).second) return true;
          break;
        case ast::SetOperation::kExcept:
          if (right_counts_.count(*row) == 0 && emitted_.insert(*row).second) return true;
          break;
        case ast::SetOperation::kIntersectAll: {
          auto it = right_counts_.find(*row);
          if (it != right_counts_.end() && it->second > 0) {
            --it->second;  // each right copy pairs with one left copy
            return true;
          }
          break;
        }
        case ast::SetOperation::kExceptAll: {
          auto it = right_counts_.find(*row);
          if (it != right_counts_.end() && it->second > 0) {
            --it->second;  // cancelled by one right copy
            break;
          }
          return true;
        }
      }
    }
  }

 private:
  // One operand row, converted to the result's column types.
  Result<bool> Pull(AbstractExecutor* input, Row* row) {
    Result<bool> more = input->Next(row);
    if (!more.ok() || !*more) return more;
    for (size_t i = 0; i < row->size() && i < plan_->types.size(); ++i) {
      if ((*row)[i].is_null() || plan_->types[i].id == TypeId::kNull) continue;
      Result<Value> converted = ConvertToType((*row)[i], plan_->types[i], "");
      if (!converted.ok()) return converted.status();
      (*row)[i] = std::move(*converted);
    }
    return true;
  }

  const SetOperationPlan* plan_;
  ExecutorPtr left_;
  ExecutorPtr right_;
  std::map<Row, size_t, RowLess> right_counts_;
  std::set<Row, RowLess> emitted_;
  bool reading_right_ = false;
};

}  // namespace

ExecutorPtr CreateSetOperationExecutor(ExecutorContext* ctx, const PlanNode& plan) {
  return std::make_unique<SetOperationExecutor>(ctx, static_cast<const SetOperationPlan*>(&plan),
                                                CreateExecutor(ctx, plan.child(0)),
                                                CreateExecutor(ctx, plan.child(1)));
}

}  // namespace minisql::sql
