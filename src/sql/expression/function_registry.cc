// function_registry.cc — looking up built-in functions and evaluating their calls.
#include "sql/expression/function_registry.h"

#include <algorithm>

#include "sql/expression/conversion.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {
namespace {

bool AnyNullable(const std::vector<ExpressionPtr>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const ExpressionPtr& a) { return a->nullable(); });
}

bool IsNullable(const FunctionDef& def, const std::vector<ExpressionPtr>& args) {
  switch (def.nullability) {
    case Nullability::kFromArgs:
      return AnyNullable(args);
    case Nullability::kAlways:
      return true;
    case Nullability::kNever:
      return false;
  }
  return true;
}

/// Character length of an argument when printed (numbers by their display width).
uint32_t CharLength(const ColumnType& t) {
  if (t.IsString()) return t.length;
  return t.ColumnLength(0);
}

}  // namespace

// --- FunctionCall -------------------------------------------------------------------------

FunctionCall::FunctionCall(const std::vector<ExpressionPtr>& args, const Row& row,
                           const EvalContext& ctx, const ColumnType& result_type, std::string what)
    : args_(args),
      row_(row),
      ctx_(ctx),
      result_type_(result_type),
      what_(std::move(what)),
      cache_(args.size()) {}

Result<Value> FunctionCall::Arg(size_t i) const {
  if (i >= args_.size()) {
    return Status::Error(ErrorCode::kInternalError, "function argument out of range");
  }
  if (!cache_[i]) {
    Result<Value> v = args_[i]->Evaluate(row_, ctx_);
    if (!v.ok()) return v;
    cache_[i] = std::move(*v);
  }
  return *cache_[i];
}

// --- Lookup -------------------------------------------------------------------------------

const FunctionDef* FindFunction(const std::string& upper_name) {
  for (auto family :
       {StringFunctions(), NumericFunctions(), ControlFlowFunctions(), InformationFunctions(),
        DateFunctions(), DateFormatFunctions(), BinaryStringFunctions()}) {
    for (const FunctionDef& def : family) {
      if (upper_name == def.name) return &def;
    }
  }
  return nullptr;
}

// --- FunctionExpression -------------------------------------------------------------------

FunctionExpression::FunctionExpression(const FunctionDef& def, std::vector<ExpressionPtr> args,
                                       std::string display_name)
    : Expression(ExpressionKind::kFunction, def.result_type(args), IsNullable(def, args)),
      def_(def),
      args_(std::move(args)),
      display_name_(std::move(display_name)) {}

Result<Value> FunctionExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  FunctionCall call(args_, input, ctx, type(), ToString());
  if (def_.null_in_null_out) {
    for (size_t i = 0; i < args_.size(); ++i) {
      Result<Value> v = call.Arg(i);
      if (!v.ok() || v->is_null()) return v;
    }
  }
  Result<Value> result = def_.impl(call);
  if (!result.ok()) return result;
  return ConvertToType(*result, type(), call.what());
}

std::string FunctionExpression::ToString() const {
  std::string out = display_name_ + "(";
  for (size_t i = 0; i < args_.size(); ++i) {
    if (i > 0) out += ",";
    out += DisplayText(*args_[i]);  // MySQL: abs(-1 - 1), not abs((-1 - 1))
  }
  return out + ")";
}

// --- Shared type rules --------------------------------------------------------------------

ColumnType BigIntResult(const std::vector<ExpressionPtr>&) {
  return BigIntType();
}

ColumnType DoubleResult(const std::vector<ExpressionPtr>&) {
  return MakeType(TypeId::kDouble);
}

ColumnType ConcatResult(const std::vector<ExpressionPtr>& args) {
  uint64_t total = 0;
  for (const auto& a : args) total += CharLength(a->type());
  return VarcharType(static_cast<uint32_t>(std::min<uint64_t>(total, 16777215)));
}

ColumnType FirstStringResult(const std::vector<ExpressionPtr>& args) {
  return VarcharType(args.empty() ? 0 : CharLength(args[0]->type()));
}

ColumnType CommonResult(const std::vector<ExpressionPtr>& args) {
  std::vector<ColumnType> types;
  for (const auto& a : args) types.push_back(a->type());
  return CommonResultType(types);
}

std::optional<int64_t> ConstantInt(const Expression& e) {
  if (e.kind() != ExpressionKind::kLiteral) return std::nullopt;
  const Value& v = static_cast<const LiteralExpression&>(e).value();
  if (v.is_null()) return std::nullopt;
  Result<int64_t> i = ToInt(v, "");
  if (!i.ok()) return std::nullopt;
  return *i;
}

}  // namespace minisql::sql
