// expression_test_util.h — builds ASTs by hand and evaluates them, for the expression
// tests (which must not depend on the parser).
//
//   EXPECT_EQ(Eval(Bin(ast::BinaryOp::kDiv, Int(1), Int(3))), "0.3333");
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sql/expression/expression_binder.h"
#include "sql/parser/ast.h"

namespace minisql::sql::testing {

/// Columns by name: the i-th entry is input position i.
class TestScope : public NameScope {
 public:
  void Add(std::string name, ColumnType type, bool nullable = true) {
    BoundColumn c;
    c.index = static_cast<uint32_t>(columns_.size());
    c.type = type;
    c.nullable = nullable;
    c.name = std::move(name);
    columns_.push_back(c);
  }
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override {
    for (const auto& c : columns_) {
      if (c.name == ref.column) return c;
    }
    return Status::Error(ErrorCode::kBadField, ref.column, std::string("field list"));
  }
  std::string DefaultDatabase() const override { return db; }
  std::string db;

 private:
  std::vector<BoundColumn> columns_;
};

class TestContext : public EvalContext {
 public:
  std::string CurrentDatabase() const override { return db; }
  std::string CurrentUser() const override { return "root@localhost"; }
  uint32_t ConnectionId() const override { return 7; }
  uint64_t LastInsertId() const override { return 42; }
  Value UserVariable(const std::string& name) const override {
    auto it = user_vars.find(name);
    return it == user_vars.end() ? Value() : it->second;
  }
  Result<Value> SystemVariable(const std::string& name, const std::string&) const override {
    if (name == "version") return Value::String("8.0.0-minisql");
    if (name == "max_allowed_packet") return Value::Int(16777216);
    return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  }
  std::string db;
  std::map<std::string, Value> user_vars;
};

inline ast::ExprPtr Lit(Value v, std::string text = "") {
  auto e = std::make_unique<ast::LiteralExpr>();
  e->text = text.empty() && !v.is_null() ? v.ToText() : text;
  e->value = std::move(v);
  return e;
}
inline ast::ExprPtr Int(int64_t v) {
  return Lit(Value::Int(v));
}
inline ast::ExprPtr Dbl(double v) {
  return Lit(Value::Double(v));
}
inline ast::ExprPtr Dec(const char* text) {
  return Lit(Value::FromDecimal(*Decimal::Parse(text)));
}
inline ast::ExprPtr Str(std::string s) {
  return Lit(Value::String(std::move(s)));
}
inline ast::ExprPtr Null() {
  return Lit(Value(), "NULL");
}

inline ast::ExprPtr Col(std::string name) {
  auto e = std::make_unique<ast::ColumnRefExpr>();
  e->column = name;
  e->text = std::move(name);
  return e;
}

inline ast::ExprPtr Bin(ast::BinaryOp op, ast::ExprPtr l, ast::ExprPtr r) {
  auto e = std::make_unique<ast::BinaryExpr>();
  e->op = op;
  e->left = std::move(l);
  e->right = std::move(r);
  return e;
}

inline ast::ExprPtr Un(ast::UnaryOp op, ast::ExprPtr operand) {
  auto e = std::make_unique<ast::UnaryExpr>();
  e->op = op;
  e->operand = std::move(operand);
  return e;
}

/// A call; `written` is the name as typed (defaults to the upper-case name).
inline ast::ExprPtr Fn(std::string name, std::vector<ast::ExprPtr> args, std::string written = "") {
  auto e = std::make_unique<ast::FunctionExpr>();
  e->text = (written.empty() ? name : written) + "(...)";
  e->name = std::move(name);
  e->args = std::move(args);
  return e;
}

template <typename... A>
std::vector<ast::ExprPtr> Args(A... a) {
  std::vector<ast::ExprPtr> v;
  (v.push_back(std::move(a)), ...);
  return v;
}

/// Binds and evaluates on `row`; returns the text form, "NULL", or "ERROR <code>: <msg>".
inline std::string Eval(const ast::ExprPtr& e, const TestScope& scope = TestScope(),
                        const Row& row = Row(), const TestContext& ctx = TestContext()) {
  Result<ExpressionPtr> bound = BindExpression(*e, scope);
  if (!bound.ok()) {
    return "ERROR " + std::to_string(bound.status().code()) + ": " + bound.status().message();
  }
  Result<Value> v = (*bound)->Evaluate(row, ctx);
  if (!v.ok()) return "ERROR " + std::to_string(v.status().code()) + ": " + v.status().message();
  return v->is_null() ? "NULL" : v->ToText();
}

/// The bound expression's result type as DESCRIBE would spell it.
inline std::string TypeOf(const ast::ExprPtr& e, const TestScope& scope = TestScope()) {
  Result<ExpressionPtr> bound = BindExpression(*e, scope);
  if (!bound.ok()) return "ERROR " + std::to_string(bound.status().code());
  return (*bound)->type().ToSql();
}

}  // namespace minisql::sql::testing
