// aggregate_extractor.cc — see aggregate_extractor.h.
#include "sql/binder/aggregate_extractor.h"

#include "sql/binder/binder.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

void ForEachChild(ast::Expr& expr, const std::function<void(ast::ExprPtr&)>& visit) {
  auto visit_if = [&](ast::ExprPtr& slot) {
    if (slot) visit(slot);
  };
  switch (expr.kind) {
    case ast::ExprKind::kLiteral:
    case ast::ExprKind::kColumnRef:
    case ast::ExprKind::kStar:
    case ast::ExprKind::kDefault:
    case ast::ExprKind::kParameter:
    case ast::ExprKind::kSubquery:  // refused by the expression binder
      return;
    case ast::ExprKind::kVariable:  // @v := value
      visit_if(static_cast<ast::VariableExpr&>(expr).value);
      return;
    case ast::ExprKind::kUnary:
      visit_if(static_cast<ast::UnaryExpr&>(expr).operand);
      return;
    case ast::ExprKind::kBinary: {
      auto& e = static_cast<ast::BinaryExpr&>(expr);
      visit_if(e.left);
      visit_if(e.right);
      return;
    }
    case ast::ExprKind::kIsNull:
      visit_if(static_cast<ast::IsNullExpr&>(expr).operand);
      return;
    case ast::ExprKind::kIsBool:
      visit_if(static_cast<ast::IsBoolExpr&>(expr).operand);
      return;
    case ast::ExprKind::kLike: {
      auto& e = static_cast<ast::LikeExpr&>(expr);
      visit_if(e.operand);
      visit_if(e.pattern);
      visit_if(e.escape);
      return;
    }
    case ast::ExprKind::kInList: {
      auto& e = static_cast<ast::InListExpr&>(expr);
      visit_if(e.operand);
      for (ast::ExprPtr& item : e.list) visit_if(item);
      return;
    }
    case ast::ExprKind::kBetween: {
      auto& e = static_cast<ast::BetweenExpr&>(expr);
      visit_if(e.operand);
      visit_if(e.low);
      visit_if(e.high);
      return;
    }
    case ast::ExprKind::kFunction: {
      auto& e = static_cast<ast::FunctionExpr&>(expr);
      for (ast::ExprPtr& arg : e.args) visit_if(arg);
      if (e.over) {  // a window call: its window's keys too
        for (ast::ExprPtr& key : e.over->partition_by) visit_if(key);
        for (ast::WindowOrderItem& item : e.over->order_by) visit_if(item.expr);
      }
      return;
    }
    case ast::ExprKind::kCase: {
      auto& e = static_cast<ast::CaseExpr&>(expr);
      visit_if(e.operand);
      for (auto& [when, then] : e.when_then) {
        visit_if(when);
        visit_if(then);
      }
      visit_if(e.else_result);
      return;
    }
    case ast::ExprKind::kCast:
      visit_if(static_cast<ast::CastExpr&>(expr).operand);
      return;
    case ast::ExprKind::kRow:
      for (ast::ExprPtr& item : static_cast<ast::RowExpr&>(expr).items) visit_if(item);
      return;
  }
}

namespace {

bool IsAggregateCall(const ast::Expr& expr) {
  // SUM(x) OVER (...) is a window function (bind_window.h), not an aggregate.
  return expr.kind == ast::ExprKind::kFunction &&
         IsAggregateFunction(static_cast<const ast::FunctionExpr&>(expr).name) &&
         static_cast<const ast::FunctionExpr&>(expr).over == nullptr;
}

}  // namespace

bool ContainsAggregate(const ast::Expr& expr) {
  if (IsAggregateCall(expr)) return true;
  bool found = false;
  // ForEachChild needs a mutable node; it does not modify anything here.
  ForEachChild(const_cast<ast::Expr&>(expr), [&](ast::ExprPtr& child) {
    if (!found && ContainsAggregate(*child)) found = true;
  });
  return found;
}

void AggregateExtractor::Extract(ast::ExprPtr* slot, const std::string& clause) {
  ast::Expr& expr = **slot;
  if (!IsAggregateCall(expr)) {
    ForEachChild(expr, [&](ast::ExprPtr& child) { Extract(&child, clause); });
    return;
  }
  size_t index = calls_.size();
  for (size_t i = 0; i < calls_.size(); ++i) {
    if (EqualsIgnoreCase(calls_[i].call->text, expr.text)) index = i;
  }
  auto marker = std::make_unique<ast::ColumnRefExpr>();
  marker->text = expr.text;
  marker->column = AggregateMarker(index);
  if (index == calls_.size()) {
    std::unique_ptr<ast::Expr> owned = std::move(*slot);
    calls_.push_back(
        Call{std::unique_ptr<ast::FunctionExpr>(static_cast<ast::FunctionExpr*>(owned.release())),
             clause});
  }
  *slot = std::move(marker);
}

}  // namespace minisql::sql
