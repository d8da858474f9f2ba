// parameter_substitution.cc — see parameter_substitution.h.
#include "sql/parser/parameter_substitution.h"

#include <functional>

namespace minisql::sql {

namespace {

// Calls `on_parameter` with the owning slot of every ParameterExpr in a statement.
// The callback may replace the node in the slot.
class ParameterWalker {
 public:
  explicit ParameterWalker(std::function<void(ast::ExprPtr&)> on_parameter)
      : on_parameter_(std::move(on_parameter)) {}

  void Statement(ast::Stmt& stmt) {
    switch (stmt.kind) {
      case ast::StmtKind::kSelect:
        Select(static_cast<ast::SelectStmt&>(stmt));
        return;
      case ast::StmtKind::kInsert: {
        auto& insert = static_cast<ast::InsertStmt&>(stmt);
        for (auto& row : insert.rows) {
          for (ast::ExprPtr& value : row) Expr(value);
        }
        if (insert.select) Select(*insert.select);
        for (ast::Assignment& a : insert.on_duplicate) Expr(a.value);
        return;
      }
      case ast::StmtKind::kUpdate: {
        auto& update = static_cast<ast::UpdateStmt&>(stmt);
        if (update.table) Table(*update.table);
        for (ast::Assignment& a : update.assignments) Expr(a.value);
        Expr(update.where);
        for (ast::OrderItem& item : update.order_by) Expr(item.expr);
        Expr(update.limit);
        return;
      }
      case ast::StmtKind::kDelete: {
        auto& del = static_cast<ast::DeleteStmt&>(stmt);
        if (del.table) Table(*del.table);
        Expr(del.where);
        for (ast::OrderItem& item : del.order_by) Expr(item.expr);
        Expr(del.limit);
        return;
      }
      case ast::StmtKind::kCreateTable: {
        auto& create = static_cast<ast::CreateTableStmt&>(stmt);
        for (ast::ColumnDefinition& column : create.columns) Expr(column.default_value);
        if (create.as_select) Select(*create.as_select);
        return;
      }
      case ast::StmtKind::kCreateView:
        Select(*static_cast<ast::CreateViewStmt&>(stmt).select);
        return;
      case ast::StmtKind::kShow:
        Expr(static_cast<ast::ShowStmt&>(stmt).where);
        return;
      case ast::StmtKind::kSet:
        for (ast::SetStmt::Item& item : static_cast<ast::SetStmt&>(stmt).items) Expr(item.value);
        return;
      case ast::StmtKind::kKill:  // KILL ?
        Expr(static_cast<ast::KillStmt&>(stmt).id);
        return;
      case ast::StmtKind::kExplain: {
        auto& explain = static_cast<ast::ExplainStmt&>(stmt);
        if (explain.statement) Statement(*explain.statement);
        return;
      }
      case ast::StmtKind::kCreateDatabase:
      case ast::StmtKind::kDropDatabase:
      case ast::StmtKind::kUse:
      case ast::StmtKind::kDropTable:
      case ast::StmtKind::kTransaction:
      case ast::StmtKind::kCreateIndex:
      case ast::StmtKind::kDropView:
      case ast::StmtKind::kDropIndex:
      case ast::StmtKind::kAlterTable:
      case ast::StmtKind::kRenameTable:
      case ast::StmtKind::kTruncateTable:
      case ast::StmtKind::kEmpty:
      case ast::StmtKind::kAccount:
      case ast::StmtKind::kGrant:
      case ast::StmtKind::kLockTables:
      case ast::StmtKind::kPreparedSql:  // its `?` live in its text, not in this tree
        return;                          // no expressions
    }
  }

 private:
  void Select(ast::SelectStmt& select) {
    ast::SelectStmt* s = &select;
    for (ast::CommonTableExpr& cte : s->with) Select(*cte.select);
    if (s->set_left) Select(*s->set_left);
    if (s->set_right) Select(*s->set_right);
    for (ast::SelectItem& item : s->items) Expr(item.expr);
    for (auto& ref : s->from) Table(*ref);
    Expr(s->where);
    for (ast::ExprPtr& key : s->group_by) Expr(key);
    Expr(s->having);
    for (ast::OrderItem& item : s->order_by) Expr(item.expr);
    for (auto& [name, spec] : s->windows) Window(*spec);
    Expr(s->limit);
    Expr(s->offset);
  }

  void Table(ast::TableRef& ref) {
    if (ref.left) Table(*ref.left);
    if (ref.right) Table(*ref.right);
    Expr(ref.on);
    if (ref.subquery) Select(*ref.subquery);
  }

  // The keys of a window (`OVER (PARTITION BY ? ...)`, `WINDOW w AS (...)`).
  void Window(ast::WindowSpec& spec) {
    for (ast::ExprPtr& key : spec.partition_by) Expr(key);
    for (ast::WindowOrderItem& item : spec.order_by) Expr(item.expr);
  }

  void Expr(ast::ExprPtr& slot) {
    if (!slot) return;
    ast::Expr& expr = *slot;
    switch (expr.kind) {
      case ast::ExprKind::kParameter:
        on_parameter_(slot);
        return;
      case ast::ExprKind::kLiteral:
      case ast::ExprKind::kColumnRef:
      case ast::ExprKind::kStar:
      case ast::ExprKind::kDefault:
        return;
      case ast::ExprKind::kVariable:  // @v := value
        Expr(static_cast<ast::VariableExpr&>(expr).value);
        return;
      case ast::ExprKind::kUnary:
        Expr(static_cast<ast::UnaryExpr&>(expr).operand);
        return;
      case ast::ExprKind::kBinary: {
        auto& e = static_cast<ast::BinaryExpr&>(expr);
        Expr(e.left);
        Expr(e.right);
        return;
      }
      case ast::ExprKind::kIsNull:
        Expr(static_cast<ast::IsNullExpr&>(expr).operand);
        return;
      case ast::ExprKind::kIsBool:
        Expr(static_cast<ast::IsBoolExpr&>(expr).operand);
        return;
      case ast::ExprKind::kLike: {
        auto& e = static_cast<ast::LikeExpr&>(expr);
        Expr(e.operand);
        Expr(e.pattern);
        Expr(e.escape);
        return;
      }
      case ast::ExprKind::kInList: {
        auto& e = static_cast<ast::InListExpr&>(expr);
        Expr(e.operand);
        for (ast::ExprPtr& item : e.list) Expr(item);
        return;
      }
      case ast::ExprKind::kBetween: {
        auto& e = static_cast<ast::BetweenExpr&>(expr);
        Expr(e.operand);
        Expr(e.low);
        Expr(e.high);
        return;
      }
      case ast::ExprKind::kFunction: {
        auto& e = static_cast<ast::FunctionExpr&>(expr);
        for (ast::ExprPtr& arg : e.args) Expr(arg);
        if (e.over) Window(*e.over);
        return;
      }
      case ast::ExprKind::kCase: {
        auto& e = static_cast<ast::CaseExpr&>(expr);
        Expr(e.operand);
        for (auto& [when, then] : e.when_then) {
          Expr(when);
          Expr(then);
        }
        Expr(e.else_result);
        return;
      }
      case ast::ExprKind::kCast:
        Expr(static_cast<ast::CastExpr&>(expr).operand);
        return;
      case ast::ExprKind::kSubquery: {
        auto& e = static_cast<ast::SubqueryExpr&>(expr);
        Expr(e.operand);
        if (e.select) Select(*e.select);
        return;
      }
      case ast::ExprKind::kRow:
        for (ast::ExprPtr& item : static_cast<ast::RowExpr&>(expr).items) Expr(item);
        return;
    }
  }

  std::function<void(ast::ExprPtr&)> on_parameter_;
};

}  // namespace

uint32_t CountParameters(ast::Stmt& stmt) {
  uint32_t count = 0;
  ParameterWalker([&count](ast::ExprPtr&) { ++count; }).Statement(stmt);
  return count;
}

Status SubstituteParameters(ast::Stmt* stmt, const std::vector<Value>& params) {
  Status status;
  ParameterWalker([&](ast::ExprPtr& slot) {
    uint32_t index = static_cast<const ast::ParameterExpr&>(*slot).index;
    if (index >= params.size()) {
      status = Status::Error(ErrorCode::kWrongArguments, "mysqld_stmt_execute");
      return;
    }
    auto literal = std::make_unique<ast::LiteralExpr>();
    literal->value = params[index];
    literal->text = std::move(slot->text);  // "?": the name of a select-list column
    slot = std::move(literal);
  }).Statement(*stmt);
  return status;
}

}  // namespace minisql::sql
