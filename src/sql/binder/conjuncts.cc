// conjuncts.cc — see conjuncts.h.
#include "sql/binder/conjuncts.h"

#include "sql/binder/aggregate_extractor.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

namespace {

uint64_t AllTables(size_t table_count) {
  return table_count >= 64 ? ~uint64_t{0} : (uint64_t{1} << table_count) - 1;
}

// The FROM tables `expr` reads. Anything the scope cannot place (a subquery, which may
// read outer columns) makes the answer "all of them".
uint64_t TablesRead(const ast::Expr& expr, const TableScope& scope, size_t table_count) {
  if (expr.kind == ast::ExprKind::kSubquery) return AllTables(table_count);
  if (expr.kind == ast::ExprKind::kColumnRef) {
    Result<ColumnOrigin> origin = scope.Locate(static_cast<const ast::ColumnRefExpr&>(expr));
    if (!origin.ok() || origin->table_index >= 64) return AllTables(table_count);
    return uint64_t{1} << origin->table_index;
  }
  uint64_t tables = 0;
  // ForEachChild needs a mutable node; it does not modify anything here.
  ForEachChild(const_cast<ast::Expr&>(expr),
               [&](ast::ExprPtr& child) { tables |= TablesRead(*child, scope, table_count); });
  return tables;
}

bool ContainsSubquery(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::kSubquery) return true;
  bool found = false;
  // ForEachChild needs a mutable node; it does not modify anything here.
  ForEachChild(const_cast<ast::Expr&>(expr),
               [&](ast::ExprPtr& child) { found = found || ContainsSubquery(*child); });
  return found;
}

void CollectParts(const ast::Expr& expr, std::vector<const ast::Expr*>* parts) {
  if (expr.kind == ast::ExprKind::kBinary) {
    const auto& binary = static_cast<const ast::BinaryExpr&>(expr);
    if (binary.op == ast::BinaryOp::kAnd) {
      CollectParts(*binary.left, parts);
      CollectParts(*binary.right, parts);
      return;
    }
  }
  parts->push_back(&expr);
}

}  // namespace

Result<std::vector<BoundConjunct>> BindConjuncts(const ast::Expr& condition,
                                                 const TableScope& scope, size_t table_count) {
  std::vector<const ast::Expr*> parts;
  CollectParts(condition, &parts);
  std::vector<BoundConjunct> conjuncts;
  for (const ast::Expr* part : parts) {
    BoundConjunct conjunct;
    Result<ExpressionPtr> predicate = BindExpression(*part, scope);
    if (!predicate.ok()) return predicate.status();
    conjunct.predicate = std::move(*predicate);
    conjunct.tables = TablesRead(*part, scope, table_count);
    // A subquery is never a hash key (it may read outer columns), and its AST cannot
    // be bound a second time.
    if (part->kind == ast::ExprKind::kBinary &&
        static_cast<const ast::BinaryExpr*>(part)->op == ast::BinaryOp::kEq &&
        !ContainsSubquery(*part)) {
      const auto& eq = static_cast<const ast::BinaryExpr&>(*part);
      Result<ExpressionPtr> left = BindExpression(*eq.left, scope);
      Result<ExpressionPtr> right = BindExpression(*eq.right, scope);
      if (left.ok() && right.ok()) {
        conjunct.is_equality = true;
        conjunct.eq_left = std::move(*left);
        conjunct.eq_right = std::move(*right);
        conjunct.eq_left_tables = TablesRead(*eq.left, scope, table_count);
        conjunct.eq_right_tables = TablesRead(*eq.right, scope, table_count);
      }
    }
    conjuncts.push_back(std::move(conjunct));
  }
  return conjuncts;
}

}  // namespace minisql::sql
