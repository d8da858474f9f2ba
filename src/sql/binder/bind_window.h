// bind_window.h — binding window function calls (`f(...) OVER (...)`) of a SELECT.
//
// Window functions are computed by their own operator (WindowPlan) after WHERE,
// GROUP BY and aggregation, before the projection, ORDER BY and LIMIT. Binding them
// works like aggregates (aggregate_extractor.h):
//
//   1. WindowExtractor takes each window call out of the select items and ORDER BY
//      and leaves a marker column reference in its place:
//        RANK() OVER (ORDER BY v) + 1   ──►   <window#0> + 1
//   2. Aggregates inside the calls (SUM(SUM(x)) OVER ()) are extracted like any
//      other aggregate (ExtractWindowAggregates), so they are computed first.
//   3. BindWindowFunctions resolves named windows (WINDOW w AS ...), checks what
//      MariaDB checks (frames, ORDER BY requirements: errors 4009-4024) and binds
//      the arguments, PARTITION BY and ORDER BY against the window's input row.
//   4. WindowScope resolves marker i to column `input width + i`: the operator
//      appends its results to its input row.
// A window call anywhere else (WHERE, GROUP BY, HAVING, UPDATE ...) reaches the
// expression binder, which answers 4015.
//
// With HAVING the operators are, bottom up (MySQL's logical order):
//   Aggregation ─► Projection [window-free items ++ input] ─► Filter HAVING ─► Window ─►
//   Projection [items] ─► ...
// The first projection computes the items HAVING may name by alias; the window
// functions and the remaining items then read the aggregated row shifted behind them.
#pragma once

#include <memory>
#include <vector>

#include "common/status.h"
#include "sql/binder/aggregate_extractor.h"
#include "sql/binder/bound_window.h"
#include "sql/expression/expression_binder.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

/// True if `expr` is or contains a window function call.
bool ContainsWindowCall(const ast::Expr& expr);
/// True if `expr` is the marker WindowExtractor left for a window call.
bool IsWindowMarker(const ast::Expr& expr);
/// True if `expr` is or contains such a marker.
bool ContainsWindowMarker(const ast::Expr& expr);

class WindowExtractor {
 public:
  /// Replaces the window calls under (and including) `*slot` by markers.
  void Extract(ast::ExprPtr* slot);
  std::vector<std::unique_ptr<ast::FunctionExpr>>& calls() { return calls_; }
  bool empty() const { return calls_.empty(); }
  /// True if some call's arguments or window contain an aggregate.
  bool ContainsAggregate(const ast::SelectStmt& stmt) const;

 private:
  std::vector<std::unique_ptr<ast::FunctionExpr>> calls_;
};

/// Runs `aggregates` over the calls' arguments and windows and over the query's named
/// windows, so aggregates there are computed by the aggregation below the window.
void ExtractWindowAggregates(WindowExtractor& windows, ast::SelectStmt& stmt,
                             AggregateExtractor* aggregates);

/// Binds every extracted call against `scope` (the select list's scope).
Result<std::vector<BoundWindowFunction>> BindWindowFunctions(WindowExtractor& windows,
                                                             const ast::SelectStmt& stmt,
                                                             const NameScope& scope);

/// Resolves window markers to the window operator's result columns (after the
/// `input_width` columns of its input row); everything else goes to `input`.
class WindowScope : public NameScope {
 public:
  WindowScope(const NameScope* input, const std::vector<BoundWindowFunction>* windows,
              uint32_t input_width)
      : input_(input), windows_(windows), input_width_(input_width) {}
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override;
  std::string DefaultDatabase() const override { return input_->DefaultDatabase(); }
  const SubqueryBinder* subqueries() const override { return input_->subqueries(); }

 private:
  const NameScope* input_;
  const std::vector<BoundWindowFunction>* windows_;
  uint32_t input_width_;
};

/// HAVING of a query with window functions runs before them (MySQL's order: GROUP BY,
/// HAVING, windows, select list), so it cannot read a select item that holds a window
/// call: naming such an item's alias is 4015, as MariaDB answers. Everything else goes
/// to `input`.
class WindowAliasGuardScope : public NameScope {
 public:
  WindowAliasGuardScope(const NameScope* input, std::vector<std::string> window_aliases)
      : input_(input), window_aliases_(std::move(window_aliases)) {}
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override;
  std::string DefaultDatabase() const override { return input_->DefaultDatabase(); }
  const SubqueryBinder* subqueries() const override { return input_->subqueries(); }

 private:
  const NameScope* input_;
  std::vector<std::string> window_aliases_;
};

}  // namespace minisql::sql
