// function_registry.h — the table of built-in scalar functions and the node that calls
// them.
//
// Each function is one FunctionDef row: its name, how many arguments it takes, the
// rule giving its result type from the bound arguments, and its implementation. The
// rows live in one file per family:
//
//   builtin_string_functions.cc    CONCAT, CONCAT_WS, LENGTH, UPPER, SUBSTRING, TRIM ...
//   builtin_numeric_functions.cc   ABS, ROUND, FLOOR, CEIL, MOD, POWER, SQRT, SIGN
//   builtin_control_functions.cc   COALESCE, IFNULL, NULLIF, IF, GREATEST, LEAST
//   builtin_info_functions.cc      DATABASE, USER, VERSION, CONNECTION_ID, LAST_INSERT_ID, SLEEP
//   builtin_date_functions.cc      NOW, CURDATE, DATE, YEAR ... DATE_ADD, DATEDIFF ...
//   builtin_date_format_functions.cc  DATE_FORMAT, STR_TO_DATE
//   builtin_binary_functions.cc    HEX, UNHEX
//
// Adding a function is adding a row (and its implementation) to one of those files.
// The binder looks names up with FindFunction and checks the argument count
// (ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, 1582) before building a FunctionExpression.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sql/expression/expression.h"

namespace minisql::sql {

/// What an implementation sees: its arguments (evaluated on demand, at most once) and
/// the call's context.
class FunctionCall {
 public:
  FunctionCall(const std::vector<ExpressionPtr>& args, const Row& row, const EvalContext& ctx,
               const ColumnType& result_type, std::string what);

  size_t arg_count() const { return args_.size(); }
  /// The i-th argument's value (evaluated the first time it is asked for).
  Result<Value> Arg(size_t i) const;
  const ColumnType& arg_type(size_t i) const { return args_[i]->type(); }
  const ColumnType& result_type() const { return result_type_; }
  const EvalContext& ctx() const { return ctx_; }
  /// The call as MySQL quotes it in errors: "abs(-9223372036854775808)".
  const std::string& what() const { return what_; }

 private:
  const std::vector<ExpressionPtr>& args_;
  const Row& row_;
  const EvalContext& ctx_;
  const ColumnType& result_type_;
  std::string what_;
  mutable std::vector<std::optional<Value>> cache_;
};

enum class Nullability {
  kFromArgs,  // NULL exactly when an argument is NULL
  kAlways,    // may be NULL even for non-NULL arguments (SQRT(-1), DATABASE())
  kNever,     // never NULL (USER(), CONNECTION_ID())
};

struct FunctionDef {
  const char* name;  // upper case
  int min_args;
  int max_args;  // kVariadic: no upper bound
  /// Any NULL argument makes the result NULL without calling `impl`.
  bool null_in_null_out;
  Nullability nullability;
  ColumnType (*result_type)(const std::vector<ExpressionPtr>& args);
  Result<Value> (*impl)(const FunctionCall& call);
};
constexpr int kVariadic = -1;

std::span<const FunctionDef> StringFunctions();
std::span<const FunctionDef> NumericFunctions();
std::span<const FunctionDef> ControlFlowFunctions();
std::span<const FunctionDef> InformationFunctions();
std::span<const FunctionDef> DateFunctions();
std::span<const FunctionDef> DateFormatFunctions();
std::span<const FunctionDef> BinaryStringFunctions();

/// The definition of `upper_name`, or nullptr if there is no such built-in function.
const FunctionDef* FindFunction(const std::string& upper_name);

/// A call of a built-in function.
class FunctionExpression : public Expression {
 public:
  /// `display_name` is the name as written (MySQL prints calls in lower case).
  FunctionExpression(const FunctionDef& def, std::vector<ExpressionPtr> args,
                     std::string display_name);
  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override;
  std::string ToString() const override;

 private:
  const FunctionDef& def_;
  std::vector<ExpressionPtr> args_;
  std::string display_name_;
};

/// Shared result-type rules for the function tables.
ColumnType BigIntResult(const std::vector<ExpressionPtr>& args);
ColumnType DoubleResult(const std::vector<ExpressionPtr>& args);
/// VARCHAR as long as the arguments' character lengths added up.
ColumnType ConcatResult(const std::vector<ExpressionPtr>& args);
/// VARCHAR as long as the first argument.
ColumnType FirstStringResult(const std::vector<ExpressionPtr>& args);
/// The common type of all arguments (CASE rules).
ColumnType CommonResult(const std::vector<ExpressionPtr>& args);
/// The constant integer value of a literal argument, if it is one.
std::optional<int64_t> ConstantInt(const Expression& e);

}  // namespace minisql::sql
