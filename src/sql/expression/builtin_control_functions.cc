// builtin_control_functions.cc — COALESCE, IFNULL, NULLIF, IF, GREATEST, LEAST.
//
// These choose among their arguments, so their result type is the common type of the
// candidates (result_types.h) and the chosen value is converted to it: IF(1, 2, 1.5)
// is the DECIMAL 2.0. Arguments that are not chosen are not evaluated.
#include <algorithm>

#include "sql/expression/comparison.h"
#include "sql/expression/conversion.h"
#include "sql/expression/function_registry.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {
namespace {

ColumnType IfResult(const std::vector<ExpressionPtr>& args) {
  return CommonResultType({args[1]->type(), args[2]->type()});
}

ColumnType NullIfResult(const std::vector<ExpressionPtr>& args) {
  return args[0]->type();
}

/// GREATEST/LEAST: strings compare as strings only if all arguments are strings;
/// strings mixed with numbers compare (and come back) as DOUBLE.
ColumnType GreatestResult(const std::vector<ExpressionPtr>& args) {
  ColumnType common = CommonResult(args);
  bool any_number = std::any_of(args.begin(), args.end(),
                                [](const ExpressionPtr& a) { return a->type().IsNumeric(); });
  if (common.IsString() && any_number) return MakeType(TypeId::kDouble);
  return common;
}

Result<Value> Coalesce(const FunctionCall& call) {
  for (size_t i = 0; i < call.arg_count(); ++i) {
    Result<Value> v = call.Arg(i);
    if (!v.ok() || !v->is_null()) return v;
  }
  return Value::Null();
}

Result<Value> If(const FunctionCall& call) {
  Result<Value> cond = call.Arg(0);
  if (!cond.ok()) return cond;
  return call.Arg(TruthValue(*cond) == true ? 1 : 2);
}

Result<Value> NullIf(const FunctionCall& call) {
  Result<Value> a = call.Arg(0);
  if (!a.ok() || a->is_null()) return a;
  Result<Value> b = call.Arg(1);
  if (!b.ok()) return b;
  if (b->is_null()) return a;
  CompareMode mode = CompareModeFor(call.arg_type(0), call.arg_type(1));
  return CompareValues(*a, *b, mode) == 0 ? Value::Null() : *a;
}

Result<Value> Extreme(const FunctionCall& call, bool greatest) {
  const ColumnType& type = call.result_type();
  CompareMode mode = CompareModeFor(type, type);
  Value best;
  for (size_t i = 0; i < call.arg_count(); ++i) {
    Result<Value> v = call.Arg(i);
    if (!v.ok()) return v;
    Result<Value> converted = ConvertToType(*v, type, call.what());
    if (!converted.ok()) return converted;
    if (i == 0) {
      best = std::move(*converted);
      continue;
    }
    int c = CompareValues(*converted, best, mode);
    if (greatest ? c > 0 : c < 0) best = std::move(*converted);
  }
  return best;
}

Result<Value> Greatest(const FunctionCall& call) {
  return Extreme(call, true);
}
Result<Value> Least(const FunctionCall& call) {
  return Extreme(call, false);
}

constexpr FunctionDef kControlFlowFunctions[] = {
    {"COALESCE", 1, kVariadic, false, Nullability::kAlways, CommonResult, Coalesce},
    {"IFNULL", 2, 2, false, Nullability::kAlways, CommonResult, Coalesce},
    {"NULLIF", 2, 2, false, Nullability::kAlways, NullIfResult, NullIf},
    {"IF", 3, 3, false, Nullability::kAlways, IfResult, If},
    {"GREATEST", 2, kVariadic, true, Nullability::kFromArgs, GreatestResult, Greatest},
    {"LEAST", 2, kVariadic, true, Nullability::kFromArgs, GreatestResult, Least},
};

}  // namespace

std::span<const FunctionDef> ControlFlowFunctions() {
  return kControlFlowFunctions;
}

}  // namespace minisql::sql
