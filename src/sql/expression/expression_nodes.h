// expression_nodes.h — the concrete bound expression classes.
//
// The binder (expression_binder.cc) builds these; the executor only sees Expression.
// Each node computed its result type and nullability when it was built, and every
// value it yields has the kind its type promises (an INT column yields Int values,
// DECIMAL(10,4) yields Decimals of scale 4, VARCHAR yields Strings).
//
//   node                  example                      implemented in
//   LiteralExpression     42, 'x', NULL                scalar_nodes.cc
//   ColumnRefExpression   #2 (input position)          scalar_nodes.cc
//   VariableExpression    @x, @@sql_mode               scalar_nodes.cc
//   CastExpression        CAST(x AS DECIMAL(5,2))      scalar_nodes.cc
//   UnaryExpression       -x, +x, NOT x                operator_nodes.cc
//   ArithmeticExpression  a + b, a DIV b               operator_nodes.cc
//   ComparisonExpression  a = b, a <=> b               operator_nodes.cc
//   LogicalExpression     a AND b, a OR b, a XOR b     operator_nodes.cc
//   IsExpression          a IS [NOT] NULL|TRUE|...     operator_nodes.cc
//   LikeExpression        a LIKE 'x%' ESCAPE '|'       predicate_nodes.cc
//   InListExpression      a IN (1, 2, NULL)            predicate_nodes.cc
//   BetweenExpression     a BETWEEN 1 AND 5            predicate_nodes.cc
//   CaseExpression        CASE a WHEN 1 THEN 'x' END   predicate_nodes.cc
//   FunctionExpression    CONCAT(a, b)                 function_registry.cc
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sql/expression/comparison.h"
#include "sql/expression/conversion.h"
#include "sql/expression/expression.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {

/// The expression as MySQL quotes it in error messages: ToString() without the
/// outermost parentheses ("9223372036854775807 + 1").
std::string DisplayText(const Expression& e);

class LiteralExpression : public Expression {
 public:
  explicit LiteralExpression(Value value);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;
  const Value& value() const { return value_; }

 private:
  Value value_;
};

class ColumnRefExpression : public Expression {
 public:
  ColumnRefExpression(uint32_t index, ColumnType type, bool nullable, std::string name);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;
  uint32_t index() const { return index_; }

 private:
  uint32_t index_;
  std::string name_;
};

/// @name reads a user variable, @@[scope.]name a system variable. `type` is fixed when
/// the statement is bound (variable_reader.h): a value of another kind (the variable
/// was assigned since, `@v := ...` in the same statement) is converted to it. VARCHAR
/// when the binder could not see the session: the value is then read as text.
class VariableExpression : public Expression {
 public:
  VariableExpression(bool system, std::string scope, std::string name, ColumnType type);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  bool system_;
  std::string scope_;  // "", "session" or "global"
  std::string name_;
};

class CastExpression : public Expression {
 public:
  /// `target` is BIGINT [UNSIGNED], DOUBLE, DECIMAL(p,s) or VARCHAR(n) (n=0: no limit).
  CastExpression(ExpressionPtr operand, ColumnType target, std::string target_name);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ExpressionPtr operand_;
  std::string target_name_;
};

enum class UnaryOpKind { kNegate, kPlus, kNot };

class UnaryExpression : public Expression {
 public:
  UnaryExpression(UnaryOpKind op, ExpressionPtr operand);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  UnaryOpKind op_;
  ExpressionPtr operand_;
};

class ArithmeticExpression : public Expression {
 public:
  ArithmeticExpression(ArithmeticOp op, ExpressionPtr left, ExpressionPtr right);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ArithmeticOp op_;
  ExpressionPtr left_;
  ExpressionPtr right_;
  NumericClass mode_;
  int div_scale_;
};

enum class ComparisonOp { kEq, kNe, kLt, kLe, kGt, kGe, kNullSafeEq };
/// The operator as SQL writes it: "=", "<>", "<=>" ...
const char* ComparisonSymbol(ComparisonOp op);
/// Whether `op` holds for a three-way comparison result `cmp` (<0, 0, >0).
bool ComparisonHolds(ComparisonOp op, int cmp);

class ComparisonExpression : public Expression {
 public:
  ComparisonExpression(ComparisonOp op, ExpressionPtr left, ExpressionPtr right);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ComparisonOp op_;
  ExpressionPtr left_;
  ExpressionPtr right_;
  CompareMode mode_;
};

enum class LogicalOp { kAnd, kOr, kXor };

class LogicalExpression : public Expression {
 public:
  LogicalExpression(LogicalOp op, ExpressionPtr left, ExpressionPtr right);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  LogicalOp op_;
  ExpressionPtr left_;
  ExpressionPtr right_;
};

/// x IS [NOT] NULL / TRUE / FALSE / UNKNOWN; never NULL itself.
class IsExpression : public Expression {
 public:
  enum class Test { kNull, kTrue, kFalse, kUnknown };
  IsExpression(ExpressionPtr operand, Test test, bool negated);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ExpressionPtr operand_;
  Test test_;
  bool negated_;
};

class LikeExpression : public Expression {
 public:
  /// `escape` null: the default escape character '\'.
  LikeExpression(ExpressionPtr operand, ExpressionPtr pattern, ExpressionPtr escape, bool negated);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ExpressionPtr operand_;
  ExpressionPtr pattern_;
  ExpressionPtr escape_;
  bool negated_;
};

class InListExpression : public Expression {
 public:
  InListExpression(ExpressionPtr operand, std::vector<ExpressionPtr> list, bool negated);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ExpressionPtr operand_;
  std::vector<ExpressionPtr> list_;
  std::vector<CompareMode> modes_;  // per list item
  bool negated_;
};

class BetweenExpression : public Expression {
 public:
  BetweenExpression(ExpressionPtr operand, ExpressionPtr low, ExpressionPtr high, bool negated);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ExpressionPtr operand_;
  ExpressionPtr low_;
  ExpressionPtr high_;
  CompareMode low_mode_;
  CompareMode high_mode_;
  bool negated_;
};

class CaseExpression : public Expression {
 public:
  struct When {
    ExpressionPtr condition;  // a value to compare with the operand, or a condition
    ExpressionPtr result;
  };
  /// `operand` null: a searched CASE; `else_result` null: ELSE NULL.
  CaseExpression(ExpressionPtr operand, std::vector<When> whens, ExpressionPtr else_result);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  ExpressionPtr operand_;
  std::vector<When> whens_;
  ExpressionPtr else_result_;
  std::vector<CompareMode> modes_;  // operand vs each WHEN value
};

}  // namespace minisql::sql
