// recursive_cte_check.cc — the AST checks of recursive_cte.h.
#include "sql/binder/recursive_cte.h"

#include <functional>

#include "sql/binder/aggregate_extractor.h"

namespace minisql::sql {

namespace {

using QueryVisitor = std::function<bool(const ast::SelectStmt&)>;

// Calls `visit` on every query nested in `expr` (its subqueries); true as soon as one
// call returns true.
bool AnySubquery(const ast::Expr* expr, const QueryVisitor& visit) {
  if (expr == nullptr) return false;
  auto any = [&](const ast::Expr* e) { return AnySubquery(e, visit); };
  switch (expr->kind) {
    case ast::ExprKind::kUnary:
      return any(static_cast<const ast::UnaryExpr*>(expr)->operand.get());
    case ast::ExprKind::kBinary: {
      const auto* e = static_cast<const ast::BinaryExpr*>(expr);
      return any(e->left.get()) || any(e->right.get());
    }
    case ast::ExprKind::kIsNull:
      return any(static_cast<const ast::IsNullExpr*>(expr)->operand.get());
    case ast::ExprKind::kIsBool:
      return any(static_cast<const ast::IsBoolExpr*>(expr)->operand.get());
    case ast::ExprKind::kLike: {
      const auto* e = static_cast<const ast::LikeExpr*>(expr);
      return any(e->operand.get()) || any(e->pattern.get()) || any(e->escape.get());
    }
    case ast::ExprKind::kInList: {
      const auto* e = static_cast<const ast::InListExpr*>(expr);
      if (any(e->operand.get())) return true;
      for (const ast::ExprPtr& item : e->list) {
        if (any(item.get())) return true;
      }
      return false;
    }
    case ast::ExprKind::kBetween: {
      const auto* e = static_cast<const ast::BetweenExpr*>(expr);
      return any(e->operand.get()) || any(e->low.get()) || any(e->high.get());
    }
    case ast::ExprKind::kFunction:
      for (const ast::ExprPtr& arg : static_cast<const ast::FunctionExpr*>(expr)->args) {
        if (any(arg.get())) return true;
      }
      return false;
    case ast::ExprKind::kCase: {
      const auto* e = static_cast<const ast::CaseExpr*>(expr);
      if (any(e->operand.get()) || any(e->else_result.get())) return true;
      for (const auto& [when, then] : e->when_then) {
        if (any(when.get()) || any(then.get())) return true;
      }
      return false;
    }
    case ast::ExprKind::kCast:
      return any(static_cast<const ast::CastExpr*>(expr)->operand.get());
    case ast::ExprKind::kVariable:  // @v := value
      return any(static_cast<const ast::VariableExpr*>(expr)->value.get());
    case ast::ExprKind::kSubquery: {
      const auto* e = static_cast<const ast::SubqueryExpr*>(expr);
      return any(e->operand.get()) || visit(*e->select);
    }
    case ast::ExprKind::kRow:
      for (const ast::ExprPtr& item : static_cast<const ast::RowExpr*>(expr)->items) {
        if (any(item.get())) return true;
      }
      return false;
    default:  // literals, column references, variables, *, DEFAULT, ?
      return false;
  }
}

// The expressions a query holds directly (not those of its FROM items).
bool AnySubqueryInClauses(const ast::SelectStmt& s, const QueryVisitor& visit) {
  for (const ast::SelectItem& item : s.items) {
    if (AnySubquery(item.expr.get(), visit)) return true;
  }
  for (const ast::ExprPtr& key : s.group_by) {
    if (AnySubquery(key.get(), visit)) return true;
  }
  for (const ast::OrderItem& item : s.order_by) {
    if (AnySubquery(item.expr.get(), visit)) return true;
  }
  return AnySubquery(s.where.get(), visit) || AnySubquery(s.having.get(), visit);
}

bool TableRefReads(const ast::TableRef& ref, const std::string& name) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kBase:
      return ref.database.empty() && ref.name == name;
    case ast::TableRef::Kind::kDerived:
      return ReadsTable(*ref.subquery, name);
    case ast::TableRef::Kind::kJoin:
      return TableRefReads(*ref.left, name) || TableRefReads(*ref.right, name) ||
             AnySubquery(ref.on.get(),
                         [&](const ast::SelectStmt& q) { return ReadsTable(q, name); });
  }
  return false;
}

// A FROM item of a recursive part: true if it reads `name` where that is not allowed
// (`inner`: this item is the NULL-padded side of an outer join).
bool ForbiddenInFrom(const ast::TableRef& ref, const std::string& name, bool inner) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kBase:
      return inner && ref.database.empty() && ref.name == name;
    case ast::TableRef::Kind::kDerived:
      return ReadsTable(*ref.subquery, name);
    case ast::TableRef::Kind::kJoin: {
      const bool left_outer = ref.join_type == ast::TableRef::JoinType::kLeft;
      const bool right_outer = ref.join_type == ast::TableRef::JoinType::kRight;
      if (AnySubquery(ref.on.get(),
                      [&](const ast::SelectStmt& q) { return ReadsTable(q, name); })) {
        return true;
      }
      return ForbiddenInFrom(*ref.left, name, inner || right_outer) ||
             ForbiddenInFrom(*ref.right, name, inner || left_outer);
    }
  }
  return false;
}

}  // namespace

bool ReadsTable(const ast::SelectStmt& select, const std::string& name) {
  auto reads = [&](const ast::SelectStmt& q) { return ReadsTable(q, name); };
  for (const ast::CommonTableExpr& cte : select.with) {
    if (reads(*cte.select)) return true;
  }
  if (select.set_left && reads(*select.set_left)) return true;
  if (select.set_right && reads(*select.set_right)) return true;
  for (const auto& ref : select.from) {
    if (TableRefReads(*ref, name)) return true;
  }
  return AnySubqueryInClauses(select, reads);
}

Status CheckRecursivePart(const ast::SelectStmt& part, const std::string& name) {
  bool forbidden = false;
  for (const ast::SelectItem& item : part.items) {
    if (ContainsAggregate(*item.expr)) forbidden = true;
  }
  if (part.having && ContainsAggregate(*part.having)) forbidden = true;
  for (const auto& ref : part.from) {
    if (ForbiddenInFrom(*ref, name, /*inner=*/false)) forbidden = true;
  }
  if (AnySubqueryInClauses(part, [&](const ast::SelectStmt& q) { return ReadsTable(q, name); })) {
    forbidden = true;
  }
  if (forbidden) return Status::Error(ErrorCode::kNotStandardCompliantRecursive, name);
  return Status::OK();
}

}  // namespace minisql::sql
