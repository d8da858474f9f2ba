// subquery_nodes.cc — OuterColumnRefExpression and SubqueryExpression (see subquery.h).
//
// SQL's NULL rules for the predicate forms, which this file implements:
//
//   x IN (rows)      TRUE if some row equals x; else NULL if x is NULL (and there are
//                    rows) or some row is NULL; else FALSE. No rows: FALSE, even for
//                    a NULL x. NOT IN is the negation, NULL staying NULL.
//   x op ANY (rows)  TRUE if op holds for some row; else NULL if some comparison was
//                    NULL; else FALSE (so FALSE for no rows).
//   x op ALL (rows)  FALSE if op fails for some row; else NULL if some comparison was
//                    NULL; else TRUE (so TRUE for no rows).
//   EXISTS (rows)    TRUE if there is a row; never NULL.
//   (SELECT c ...)   the one row's value; NULL for no rows; 1242 for two or more.
#include "sql/expression/subquery.h"

#include "sql/expression/result_types.h"

namespace minisql::sql {

namespace {

ColumnType ResultType(SubqueryExpression::Form form, const BoundSubquery& subquery) {
  if (form == SubqueryExpression::Form::kScalar && !subquery.column_types.empty()) {
    return subquery.column_types[0];
  }
  return BooleanType();
}

}  // namespace

// --- OuterColumnRefExpression ----------------------------------------------------------

OuterColumnRefExpression::OuterColumnRefExpression(std::shared_ptr<CorrelationSlots> slots,
                                                   uint32_t index, ColumnType type, bool nullable,
                                                   std::string name)
    : Expression(ExpressionKind::kOuterColumnRef, type, nullable),
      slots_(std::move(slots)),
      index_(index),
      name_(std::move(name)) {}

Status FillCorrelationSlots(const BoundSubquery& subquery, const Row& input,
                            const EvalContext& ctx) {
  if (subquery.sources.empty()) return Status::OK();
  CorrelationSlots values;
  values.reserve(subquery.sources.size());
  for (const ExpressionPtr& source : subquery.sources) {
    Result<Value> v = source->Evaluate(input, ctx);
    if (!v.ok()) return v.status();
    values.push_back(std::move(*v));
  }
  // Assigned only now: a source may itself read these slots' enclosing query.
  *subquery.slots = std::move(values);
  return Status::OK();
}

Result<Value> OuterColumnRefExpression::Evaluate(const Row&, const EvalContext&) const {
  if (index_ >= slots_->size()) {
    return Status::Error(ErrorCode::kInternalError, "outer reference read before it was set");
  }
  return (*slots_)[index_];
}

std::string OuterColumnRefExpression::ToString() const {
  return "outer.`" + name_ + "`";
}

// --- SubqueryExpression ----------------------------------------------------------------

SubqueryExpression::SubqueryExpression(Form form, BoundSubquery subquery, ExpressionPtr operand,
                                       bool negated, ComparisonOp op)
    : Expression(ExpressionKind::kSubquery, ResultType(form, subquery), form != Form::kExists),
      form_(form),
      subquery_(std::move(subquery)),
      operand_(std::move(operand)),
      negated_(negated),
      op_(op) {
  if (operand_ && !subquery_.column_types.empty()) {
    mode_ = CompareModeFor(operand_->type(), subquery_.column_types[0]);
  }
}

Result<const std::vector<Value>*> SubqueryExpression::Values(const Row& input,
                                                             const EvalContext& ctx,
                                                             size_t limit) const {
  const bool correlated = !subquery_.sources.empty();
  if (!correlated && cache_) return &*cache_;
  MINISQL_RETURN_IF_ERROR(FillCorrelationSlots(subquery_, input, ctx));
  std::vector<Value> rows;
  Status status = subquery_.runner->Run(ctx, [&](const Row& row) -> Result<bool> {
    rows.push_back(row.empty() ? Value::Null() : row[0]);
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

Result<Value> SubqueryExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  switch (form_) {
    case Form::kScalar: {
      Result<const std::vector<Value>*> values = Values(input, ctx, 2);
      if (!values.ok()) return values.status();
      if ((*values)->size() > 1) return Status::Error(ErrorCode::kSubqueryNo1Row);
      if ((*values)->empty()) return Value::Null();
      return (**values)[0];
    }
    case Form::kExists: {
      Result<const std::vector<Value>*> values = Values(input, ctx, 1);
      if (!values.ok()) return values.status();
      return Value::Bool((*values)->empty() == negated_);
    }
    case Form::kIn:
    case Form::kAny:
    case Form::kAll: {
      Result<Value> x = operand_->Evaluate(input, ctx);
      if (!x.ok()) return x;
      Result<const std::vector<Value>*> values = Values(input, ctx, SIZE_MAX);
      if (!values.ok()) return values.status();
      Result<Value> result = EvaluateQuantified(*x, **values);
      if (!result.ok() || !negated_ || result->is_null()) return result;
      return Value::Bool(result->int_value() == 0);
    }
  }
  return Status::Error(ErrorCode::kInternalError, "unknown subquery form");
}

Result<Value> SubqueryExpression::EvaluateQuantified(const Value& x,
                                                     const std::vector<Value>& values) const {
  // IN is `= ANY`. The answer for "no row decided it" is FALSE for ANY, TRUE for ALL.
  const bool all = form_ == Form::kAll;
  const ComparisonOp op = form_ == Form::kIn ? ComparisonOp::kEq : op_;
  if (values.empty()) return Value::Bool(all);
  bool saw_null = false;
  for (const Value& v : values) {
    if (op == ComparisonOp::kNullSafeEq && (x.is_null() || v.is_null())) {
      if (x.is_null() && v.is_null()) {
        if (!all) return Value::Bool(true);
      } else if (all) {
        return Value::Bool(false);
      }
      continue;
    }
    if (x.is_null() || v.is_null()) {
      saw_null = true;
      continue;
    }
    CompareMode mode = mode_ == CompareMode::kRuntime ? CompareModeForValues(x, v) : mode_;
    bool holds = ComparisonHolds(op, CompareValues(x, v, mode));
    if (holds && !all) return Value::Bool(true);
    if (!holds && all) return Value::Bool(false);
  }
  if (saw_null) return Value::Null();
  return Value::Bool(all);
}

std::string SubqueryExpression::ToString() const {
  std::string plan = "(subquery: " + subquery_.runner->Describe() + ")";
  switch (form_) {
    case Form::kScalar:
      return plan;
    case Form::kExists:
      return std::string(negated_ ? "not " : "") + "exists" + plan;
    case Form::kIn:
      return "(" + operand_->ToString() + (negated_ ? " not in " : " in ") + plan + ")";
    case Form::kAny:
    case Form::kAll:
      return "(" + operand_->ToString() + " " + ComparisonSymbol(op_) +
             (form_ == Form::kAll ? " all " : " any ") + plan + ")";
  }
  return plan;
}

}  // namespace minisql::sql
