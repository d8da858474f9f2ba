// subquery.h — subqueries inside expressions: (SELECT ...), EXISTS, IN, ANY/ALL.
//
// A subquery is a whole query plan nested in an expression. The expression layer
// cannot build or run plans (that is the planner's and executor's job, layers above
// it), so the pieces meet through two small interfaces:
//
//   SubqueryRunner   implemented by the executor (executor/subquery_executor.h): runs
//                    the nested plan in the statement's transaction and hands each row
//                    to a callback.
//   SubqueryBinder   implemented by the statement binder (binder/binder.h): binds the
//                    nested SELECT with the enclosing query's names visible, and
//                    resolves a name the nested query does not know in the enclosing
//                    one (a *correlated* reference).
//
// Correlation. In `SELECT a FROM t1 WHERE b > (SELECT AVG(b) FROM t2 WHERE t2.a = t1.a)`
// the inner query reads `t1.a`, a column of the row the outer WHERE is looking at.
// The binder gives each subquery a vector of CorrelationSlots and, for every outer
// column the subquery reads, one *source* expression over the outer row. The inner
// query reads slot k through an OuterColumnRefExpression. Each time the subquery
// expression is evaluated it first copies the sources' values into the slots, then
// runs the plan:
//
//   outer row ─► sources[k].Evaluate(outer row) ─► slots[k] ─► OuterColumnRef(k) in the
//                                                               inner plan's expressions
//
// A reference two levels out goes through the middle query's slots the same way,
// because the middle query's sources are themselves outer references.
//
// Caching. A subquery with no sources (uncorrelated) gives the same rows every time,
// so it runs once per statement and its result is kept. A correlated one re-runs for
// every evaluation (every outer row): that is the textbook "nested iteration"
// strategy; rewriting it into a join (decorrelation) is what bigger optimizers do.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/expression/comparison.h"
#include "sql/expression/expression.h"
#include "sql/expression/expression_nodes.h"

namespace minisql::sql {

namespace ast {
struct SelectStmt;
struct ColumnRefExpr;
}  // namespace ast

class NameScope;
struct BoundColumn;

/// The values of the outer columns a correlated subquery reads, refilled per outer row.
using CorrelationSlots = std::vector<Value>;

class SubqueryRunner {
 public:
  virtual ~SubqueryRunner() = default;
  /// Runs the nested plan from the start, calling `visit` for each row until it
  /// returns false or an error.
  virtual Status Run(const EvalContext& ctx,
                     const std::function<Result<bool>(const Row&)>& visit) const = 0;
  /// The plan, for EXPLAIN and debugging.
  virtual std::string Describe() const = 0;
};

/// A bound nested SELECT: how to run it and what it reads from the outer row.
struct BoundSubquery {
  std::shared_ptr<const SubqueryRunner> runner;
  std::vector<ColumnType> column_types;  // one per result column
  std::shared_ptr<CorrelationSlots> slots;
  std::vector<ExpressionPtr> sources;  // over the outer row; one per slot
};

/// For a correlated subquery: evaluates its sources over the outer `input` row into its
/// slots, before each run. A no-op for an uncorrelated one.
Status FillCorrelationSlots(const BoundSubquery& subquery, const Row& input,
                            const EvalContext& ctx);

class SubqueryBinder {
 public:
  virtual ~SubqueryBinder() = default;
  /// Binds `select` nested in the query `outer` resolves names for (at the position
  /// of the subquery: the WHERE scope for a subquery in WHERE, and so on).
  virtual Result<BoundSubquery> BindSubquery(ast::SelectStmt& select,
                                             const NameScope& outer) const = 0;
  /// Resolves a name the current (nested) query does not know in the enclosing
  /// queries; fails with 1054 when there are none or they do not know it either.
  virtual Result<BoundColumn> ResolveOuter(const ast::ColumnRefExpr& ref) const = 0;
  /// The session's variables, to type @v and @@v (variable_reader.h); null when the
  /// statement is bound without a session. See NameScope::variables for why it is here.
  virtual const VariableReader* variables() const { return nullptr; }
};

/// Reads slot `index` of a correlated subquery's CorrelationSlots.
class OuterColumnRefExpression : public Expression {
 public:
  OuterColumnRefExpression(std::shared_ptr<CorrelationSlots> slots, uint32_t index, ColumnType type,
                           bool nullable, std::string name);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  std::shared_ptr<CorrelationSlots> slots_;
  uint32_t index_;
  std::string name_;
};

/// (SELECT ...), EXISTS (SELECT ...), x [NOT] IN (SELECT ...), x op ANY|ALL (SELECT ...).
class SubqueryExpression : public Expression {
 public:
  enum class Form { kScalar, kExists, kIn, kAny, kAll };

  /// `operand` is null for kScalar and kExists; `op` is used by kAny / kAll.
  SubqueryExpression(Form form, BoundSubquery subquery, ExpressionPtr operand, bool negated,
                     ComparisonOp op);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  /// The first column of every row (all rows, or at most `limit`), from the cache
  /// for an uncorrelated subquery.
  Result<const std::vector<Value>*> Values(const Row& input, const EvalContext& ctx,
                                           size_t limit) const;
  Result<Value> EvaluateQuantified(const Value& x, const std::vector<Value>& values) const;

  Form form_;
  BoundSubquery subquery_;
  ExpressionPtr operand_;
  bool negated_;
  ComparisonOp op_;
  CompareMode mode_ = CompareMode::kRuntime;
  // Statement-lifetime cache of an uncorrelated subquery's values (plans are built
  // per statement and run on one thread, so this needs no lock).
  mutable std::optional<std::vector<Value>> cache_;
  mutable std::vector<Value> scratch_;
};

}  // namespace minisql::sql
