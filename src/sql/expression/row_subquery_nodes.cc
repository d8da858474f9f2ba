// row_subquery_nodes.cc — RowSubqueryExpression (see row_subquery.h).
//
// NULL rules, as MariaDB:
//
//   (a, b) = (SELECT x, y)       the row equality with the one row; no row: NULL
//   (a, b) <> (SELECT x, y)      NOT of the equality (NULL stays NULL)
//   (a, b) <=> (SELECT x, y)     NULL-safe on every pair; no row: NULL
//   (a, b) IN (SELECT x, y ...)  TRUE if some row is equal; else NULL if some equality
//                                was NULL; else FALSE (no rows: FALSE). NOT IN negates.
#include "sql/expression/row_subquery.h"

#include "sql/expression/expression_nodes.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {

RowSubqueryExpression::RowSubqueryExpression(Form form, std::vector<ExpressionPtr> operands,
                                             BoundSubquery subquery, ComparisonOp op, bool negated)
    : Expression(ExpressionKind::kSubquery, BooleanType(), true),
      form_(form),
      operands_(std::move(operands)),
      subquery_(std::move(subquery)),
      op_(op),
      negated_(negated) {}

Result<const std::vector<Row>*> RowSubqueryExpression::Rows(const Row& input,
                                                            const EvalContext& ctx,
                                                            size_t limit) const {
  const bool correlated = !subquery_.sources.empty();
  if (!correlated && cache_) return &*cache_;
  MINISQL_RETURN_IF_ERROR(FillCorrelationSlots(subquery_, input, ctx));
  std::vector<Row> rows;
  Status status = subquery_.runner->Run(ctx, [&](const Row& row) -> Result<bool> {
    rows.push_back(row);
    return rows.size() < limit;
  });
  if (!status.ok()) return status;
  if (!correlated) {
    cache_ = std::move(rows);
    return &*cache_;
  }
  scratch_ = std::move(rows);
  return &scratch_;
}

std::optional<bool> RowSubqueryExpression::RowsEqual(const std::vector<Value>& left,
                                                     const Row& right, bool null_safe) {
  bool saw_null = false;
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    const Value& a = left[i];
    const Value& b = right[i];
    if (a.is_null() || b.is_null()) {
      if (null_safe) {
        if (a.is_null() != b.is_null()) return false;
        continue;
      }
      saw_null = true;
      continue;
    }
    if (CompareValues(a, b, CompareModeForValues(a, b)) != 0) return false;
  }
  if (saw_null) return std::nullopt;
  return true;
}

Result<Value> RowSubqueryExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  std::vector<Value> left;
  left.reserve(operands_.size());
  for (const ExpressionPtr& operand : operands_) {
    Result<Value> v = operand->Evaluate(input, ctx);
    if (!v.ok()) return v;
    left.push_back(std::move(*v));
  }
  if (form_ == Form::kCompare) {
    Result<const std::vector<Row>*> rows = Rows(input, ctx, 2);
    if (!rows.ok()) return rows.status();
    if ((*rows)->size() > 1) return Status::Error(ErrorCode::kSubqueryNo1Row);
    if ((*rows)->empty()) return Value::Null();
    std::optional<bool> equal = RowsEqual(left, (**rows)[0], op_ == ComparisonOp::kNullSafeEq);
    if (!equal) return Value::Null();
    return Value::Bool(op_ == ComparisonOp::kNe ? !*equal : *equal);
  }
  Result<const std::vector<Row>*> rows = Rows(input, ctx, SIZE_MAX);
  if (!rows.ok()) return rows.status();
  bool saw_null = false;
  for (const Row& row : **rows) {
    std::optional<bool> equal = RowsEqual(left, row, false);
    if (equal && *equal) return Value::Bool(!negated_);
    if (!equal) saw_null = true;
  }
  if (saw_null) return Value::Null();
  return Value::Bool(negated_);
}

std::string RowSubqueryExpression::ToString() const {
  std::string row = "(";
  for (size_t i = 0; i < operands_.size(); ++i) {
    row += (i > 0 ? ", " : "") + operands_[i]->ToString();
  }
  row += ")";
  std::string plan = "(subquery: " + subquery_.runner->Describe() + ")";
  if (form_ == Form::kIn) return "(" + row + (negated_ ? " not in " : " in ") + plan + ")";
  return "(" + row + " " + ComparisonSymbol(op_) + " " + plan + ")";
}

}  // namespace minisql::sql
