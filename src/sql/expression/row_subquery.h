// row_subquery.h — row subqueries: a row constructor compared with, or looked up in, a
// nested SELECT of as many columns.
//
//   (a, b) =   (SELECT x, y ...)   ROW(a, b) <> (SELECT ...)   (a, b) <=> (SELECT ...)
//   (a, b) [NOT] IN (SELECT x, y ...)
//
// The expression binder (expression_binder.cc) builds this node when a row meets a
// subquery; a one-column subquery stays a SubqueryExpression (subquery.h). Column counts
// that differ are 1241 at bind time; a compared subquery with two rows is 1242.
#pragma once

#include <optional>
#include <vector>

#include "sql/expression/comparison.h"
#include "sql/expression/subquery.h"

namespace minisql::sql {

class RowSubqueryExpression : public Expression {
 public:
  /// kCompare: `op` is =, <> or <=> against the subquery's one row (none: NULL).
  /// kIn: TRUE if some row equals the operands (NOT IN: `negated`).
  enum class Form { kCompare, kIn };

  RowSubqueryExpression(Form form, std::vector<ExpressionPtr> operands, BoundSubquery subquery,
                        ComparisonOp op, bool negated);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  /// The subquery's rows (at most `limit`), cached when it is not correlated.
  Result<const std::vector<Row>*> Rows(const Row& input, const EvalContext& ctx,
                                       size_t limit) const;
  /// SQL's row equality: FALSE if some pair differs, else NULL if some pair has a
  /// NULL, else TRUE; with `null_safe` (<=>) NULL equals NULL and the answer is never NULL.
  static std::optional<bool> RowsEqual(const std::vector<Value>& left, const Row& right,
                                       bool null_safe);

  Form form_;
  std::vector<ExpressionPtr> operands_;
  BoundSubquery subquery_;
  ComparisonOp op_;
  bool negated_;
  // Statement-lifetime cache of an uncorrelated subquery's rows (one thread per plan).
  mutable std::optional<std::vector<Row>> cache_;
  mutable std::vector<Row> scratch_;
};

}  // namespace minisql::sql
