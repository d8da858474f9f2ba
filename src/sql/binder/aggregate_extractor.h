// aggregate_extractor.h — pulls aggregate calls out of a SELECT's expressions.
//
// `SELECT qty, SUM(price) * 2 ... HAVING COUNT(*) > 1` needs an aggregation operator
// computing SUM(price) and COUNT(*) per group, and expressions that read those
// results. The extractor walks an expression tree and replaces each aggregate call
// with a marker column reference (AggregateMarker(i)) that keeps the call's text, so
// BindExpression later resolves it through AggregateScope to aggregate result i:
//
//   SUM(price) * 2   ──►   <aggregate#0> * 2      calls[0] = SUM(price)
//
// Identical calls (same text, ignoring case) share one aggregate.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

/// Calls `visit` on every direct child expression slot of `expr`.
void ForEachChild(ast::Expr& expr, const std::function<void(ast::ExprPtr&)>& visit);

/// True if the tree contains an aggregate call.
bool ContainsAggregate(const ast::Expr& expr);

class AggregateExtractor {
 public:
  /// Replaces aggregate calls under (and including) `*slot`; the clause names the
  /// place for error messages.
  void Extract(ast::ExprPtr* slot, const std::string& clause);

  struct Call {
    std::unique_ptr<ast::FunctionExpr> call;
    std::string clause;
  };
  std::vector<Call>& calls() { return calls_; }

 private:
  std::vector<Call> calls_;
};

}  // namespace minisql::sql
