// scalar_nodes.cc — literals, column references, variables and CAST.
#include <string>

#include "sql/expression/collation.h"
#include "sql/expression/conversion.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/integer_arithmetic.h"
#include "sql/expression/temporal_values.h"
#include "types/temporal.h"

namespace minisql::sql {
namespace {

/// MySQL's type for a literal: 12 is BIGINT(2), 1.50 DECIMAL(3,2), 1e0 DOUBLE,
/// 'abc' VARCHAR(3), NULL the NULL type.
ColumnType LiteralType(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return MakeType(TypeId::kNull);
    case Value::Kind::kInt: {
      std::string text = v.ToText();
      return BigIntType(static_cast<uint32_t>(text.size()));
    }
    case Value::Kind::kUInt: {
      ColumnType type = BigIntType(static_cast<uint32_t>(v.ToText().size()));
      type.is_unsigned = true;
      return type;
    }
    case Value::Kind::kDouble:
      return MakeType(TypeId::kDouble);
    case Value::Kind::kDecimal: {
      const Decimal& d = v.decimal_value();
      std::string digits = Decimal(d.unscaled() < 0 ? -d.unscaled() : d.unscaled(), 0).ToString();
      int int_digits = static_cast<int>(digits.size()) - d.scale();
      return DecimalType(int_digits, d.scale());
    }
    case Value::Kind::kString:
      return VarcharType(static_cast<uint32_t>(Utf8Length(v.string_value())));
  }
  return MakeType(TypeId::kNull);
}

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string DisplayText(const Expression& e) {
  std::string text = e.ToString();
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return text;
  // Strip only if the first '(' closes at the very end: "(a) + (b)" keeps its parens.
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0 && i + 1 != text.size()) return text;
  }
  return text.substr(1, text.size() - 2);
}

// --- LiteralExpression --------------------------------------------------------------------

LiteralExpression::LiteralExpression(Value value)
    : Expression(ExpressionKind::kLiteral, LiteralType(value), value.is_null()),
      value_(std::move(value)) {}

Result<Value> LiteralExpression::Evaluate(const Row&, const EvalContext&) const {
  return value_;
}

std::string LiteralExpression::ToString() const {
  if (value_.is_null()) return "NULL";
  if (value_.kind() == Value::Kind::kString) return QuoteString(value_.string_value());
  return value_.ToText();
}

// --- ColumnRefExpression ------------------------------------------------------------------

ColumnRefExpression::ColumnRefExpression(uint32_t index, ColumnType type, bool nullable,
                                         std::string name)
    : Expression(ExpressionKind::kColumnRef, type, nullable),
      index_(index),
      name_(std::move(name)) {}

Result<Value> ColumnRefExpression::Evaluate(const Row& input, const EvalContext&) const {
  if (index_ >= input.size()) {
    return Status::Error(ErrorCode::kInternalError,
                         "column #" + std::to_string(index_) + " is outside the input row");
  }
  return input[index_];
}

std::string ColumnRefExpression::ToString() const {
  return name_.empty() ? "#" + std::to_string(index_) : "`" + name_ + "`";
}

// --- VariableExpression -------------------------------------------------------------------

VariableExpression::VariableExpression(bool system, std::string scope, std::string name,
                                       ColumnType type)
    : Expression(ExpressionKind::kVariable, type, true),
      system_(system),
      scope_(std::move(scope)),
      name_(std::move(name)) {}

Result<Value> VariableExpression::Evaluate(const Row&, const EvalContext& ctx) const {
  Value v;
  if (system_) {
    Result<Value> sys = ctx.SystemVariable(name_, scope_);
    if (!sys.ok()) return sys.status();
    v = std::move(*sys);
  } else {
    v = ctx.UserVariable(name_);
  }
  if (v.is_null()) return v;
  // Only a kind that differs from the bound type's is converted: a DECIMAL keeps its
  // own scale, an integer its signedness (the bound type has room for either).
  const ColumnType& t = type();
  bool same_kind = t.IsInteger()              ? v.is_integer()
                   : t.id == TypeId::kDouble  ? v.kind() == Value::Kind::kDouble
                   : t.id == TypeId::kDecimal ? v.kind() == Value::Kind::kDecimal
                                              : v.kind() == Value::Kind::kString;
  if (same_kind && t.IsInteger()) {
    // An integer assigned since binding may not fit the bound signedness (the binary
    // protocol would refuse to send it): 1690, as MySQL answers such a conversion.
    bool fits = t.is_unsigned ? v.kind() == Value::Kind::kUInt || v.int_value() >= 0
                              : v.kind() == Value::Kind::kInt || v.uint_value() <= INT64_MAX;
    if (!fits) {
      return Status::Error(ErrorCode::kDataOutOfRange, t.is_unsigned ? "BIGINT UNSIGNED" : "BIGINT",
                           ToString());
    }
  }
  if (same_kind) return v;
  if (t.id == TypeId::kBlob) return Value::Binary(v.ToText());  // a NULL-typed @v, since set
  return ConvertToType(v, t, ToString());
}

std::string VariableExpression::ToString() const {
  if (!system_) return "@" + name_;
  return "@@" + (scope_.empty() ? "" : scope_ + ".") + name_;
}

// --- CastExpression -----------------------------------------------------------------------

CastExpression::CastExpression(ExpressionPtr operand, ColumnType target, std::string target_name)
    : Expression(ExpressionKind::kCast, target,
                 operand->nullable() || IsTemporalType(target.id)),  // CAST('x' AS DATE)
      operand_(std::move(operand)),
      target_name_(std::move(target_name)) {}

Result<Value> CastExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> v = operand_->Evaluate(input, ctx);
  if (!v.ok() || v->is_null()) return v;
  const ColumnType& target = type();
  if (IsTemporalType(target.id)) return ToTemporalValue(*v, target);
  if (target.IsNumeric()) *v = TemporalToNumber(*v, operand_->type());  // DATE -> 20240131
  if (target.IsInteger()) return target.is_unsigned ? CastToUnsigned(*v) : CastToSigned(*v);
  if (target.id == TypeId::kDecimal) {
    auto d = ToDecimal(*v);
    if (!d) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", DisplayText(*this));
    Decimal rescaled = d->Rescale(target.scale);
    // Clip to the declared precision, as MySQL does (999.99 for DECIMAL(5,2)).
    int precision = target.length != 0 ? static_cast<int>(target.length) : 10;
    __int128 max = 1;
    for (int i = 0; i < precision; ++i) max *= 10;
    max -= 1;
    if (rescaled.unscaled() > max) rescaled = Decimal(max, target.scale);
    if (rescaled.unscaled() < -max) rescaled = Decimal(-max, target.scale);
    return Value::FromDecimal(rescaled);
  }
  if (target.id == TypeId::kDouble || target.id == TypeId::kFloat) {
    return Value::Double(ToDouble(*v));
  }
  std::string text = AsString(*v);
  if (target.id == TypeId::kVarbinary) {
    // BINARY(n) counts bytes and pads a shorter value with 0x00 bytes, as MySQL does.
    if (target.length != 0) text.resize(target.length, '\0');
    return Value::Binary(std::move(text));
  }
  if (target.length != 0) text.resize(Utf8Offset(text, target.length));
  return Value::String(std::move(text));
}

std::string CastExpression::ToString() const {
  return "cast(" + operand_->ToString() + " as " + target_name_ + ")";
}

}  // namespace minisql::sql
