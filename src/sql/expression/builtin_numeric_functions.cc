// builtin_numeric_functions.cc — ABS, ROUND, TRUNCATE, FLOOR, CEIL/CEILING, MOD,
// POWER/POW, SQRT, SIGN.
//
// Result types follow the argument: integers stay BIGINT, DECIMAL stays DECIMAL (ROUND
// to a constant d gives scale d), everything else computes in DOUBLE. ROUND rounds
// DECIMAL and integer values half away from zero and DOUBLE values half to even, the
// way MariaDB does (ROUND(2.5) = 3, ROUND(2.5e0) = 2).
#include <algorithm>
#include <cmath>

#include "sql/expression/arithmetic.h"
#include "sql/expression/conversion.h"
#include "sql/expression/function_registry.h"

namespace minisql::sql {
namespace {

/// ABS, SIGN's input class: BIGINT, the argument's DECIMAL, or DOUBLE.
ColumnType SameNumericResult(const std::vector<ExpressionPtr>& args) {
  const ColumnType& t = args[0]->type();
  if (t.IsInteger() || t.id == TypeId::kNull) {
    ColumnType result = BigIntType();
    if (t.IsInteger() && t.is_unsigned) {  // ABS/ROUND/FLOOR of an UNSIGNED stay UNSIGNED
      result.is_unsigned = true;
      result.length = 20;
    }
    return result;
  }
  if (t.id == TypeId::kDecimal) return t;
  return MakeType(TypeId::kDouble);
}

ColumnType RoundResult(const std::vector<ExpressionPtr>& args) {
  ColumnType t = SameNumericResult(args);
  if (t.id != TypeId::kDecimal) return t;
  int digits = 0;
  if (args.size() == 2) {
    std::optional<int64_t> d = ConstantInt(*args[1]);
    digits = d ? static_cast<int>(std::clamp<int64_t>(*d, 0, Decimal::kMaxScale)) : t.scale;
  }
  return DecimalType(IntegerDigits(t) + 1, digits);
}

/// FLOOR/CEIL: integers stay, DECIMAL loses its fraction, others are DOUBLE.
ColumnType FloorResult(const std::vector<ExpressionPtr>& args) {
  ColumnType t = SameNumericResult(args);
  if (t.id != TypeId::kDecimal) return t;
  return DecimalType(IntegerDigits(t) + 1, 0);
}

ColumnType ModResult(const std::vector<ExpressionPtr>& args) {
  return ArithmeticResultType(ArithmeticOp::kMod, args[0]->type(), args[1]->type());
}

/// 10^n for n in [0, 38] (callers stay in range; larger n is clamped).
__int128 Pow10(int n) {
  if (n > Decimal::kMaxPrecision) n = Decimal::kMaxPrecision;
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

Result<Value> Abs(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  if (v->kind() == Value::Kind::kUInt) return v;  // an UNSIGNED value is its own ABS
  switch (call.result_type().id) {
    case TypeId::kBigInt: {
      Result<int64_t> i = ToInt(*v, call.what());
      if (!i.ok()) return i.status();
      if (*i == INT64_MIN) return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT", call.what());
      return Value::Int(*i < 0 ? -*i : *i);
    }
    case TypeId::kDecimal: {
      auto d = ToDecimal(*v);
      if (!d) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", call.what());
      return Value::FromDecimal(
          Decimal(d->unscaled() < 0 ? -d->unscaled() : d->unscaled(), d->scale()));
    }
    default:
      return Value::Double(std::fabs(ToDouble(*v)));
  }
}

Result<Value> Sign(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  int sign = 0;
  if (v->kind() == Value::Kind::kDecimal) {
    __int128 u = v->decimal_value().unscaled();
    sign = u > 0 ? 1 : (u < 0 ? -1 : 0);
  } else if (v->kind() == Value::Kind::kInt) {
    sign = v->int_value() > 0 ? 1 : (v->int_value() < 0 ? -1 : 0);
  } else {
    double d = ToDouble(*v);
    sign = d > 0 ? 1 : (d < 0 ? -1 : 0);
  }
  return Value::Int(sign);
}

/// An integer rounded to 10^-digits (digits < 0), half away from zero.
Result<Value> RoundInt(int64_t value, int64_t digits, const std::string& what) {
  if (digits >= 0) return Value::Int(value);
  if (digits < -18) return Value::Int(0);
  __int128 unit = Pow10(static_cast<int>(-digits));
  __int128 v = value;
  __int128 q = v / unit;
  __int128 r = v % unit;
  if (2 * (r < 0 ? -r : r) >= unit) q += v < 0 ? -1 : 1;
  __int128 out = q * unit;
  if (out < INT64_MIN || out > INT64_MAX) {
    return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT", what);
  }
  return Value::Int(static_cast<int64_t>(out));
}

/// ROUND (`round`) or TRUNCATE of a BIGINT UNSIGNED value to 10^-digits: the value
/// itself for digits >= 0.
Result<Value> UnsignedToDigits(const Value& v, int64_t digits, bool round,
                               const std::string& what) {
  if (digits >= 0) return v;
  if (digits < -20) return Value::UInt(0);
  __int128 unit = Pow10(static_cast<int>(-digits));
  __int128 value = v.uint_value();
  __int128 q = value / unit;
  if (round && 2 * (value % unit) >= unit) ++q;
  __int128 out = q * unit;
  // ROUND(18446744073709551615, -1): MariaDB answers the DECIMAL 18446744073709551620;
  // minisql types ROUND of an integer as BIGINT, so this is out of range.
  if (out > static_cast<__int128>(UINT64_MAX)) {
    return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT UNSIGNED", what);
  }
  return Value::UInt(static_cast<uint64_t>(out));
}

Result<Value> Round(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  int64_t digits = 0;
  if (call.arg_count() == 2) {
    Result<Value> d = call.Arg(1);
    if (!d.ok()) return d;
    Result<int64_t> di = ToInt(*d, call.what());
    if (!di.ok()) return di.status();
    digits = std::clamp<int64_t>(*di, -40, 40);
  }
  if (v->kind() == Value::Kind::kUInt) return UnsignedToDigits(*v, digits, true, call.what());
  switch (call.result_type().id) {
    case TypeId::kBigInt: {
      Result<int64_t> i = ToInt(*v, call.what());
      if (!i.ok()) return i.status();
      return RoundInt(*i, digits, call.what());
    }
    case TypeId::kDecimal: {
      auto d = ToDecimal(*v);
      if (!d) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", call.what());
      if (digits >= 0)
        return Value::FromDecimal(
            d->Rescale(static_cast<uint8_t>(std::min<int64_t>(digits, Decimal::kMaxScale))));
      if (-digits >= Decimal::kMaxPrecision) return Value::FromDecimal(Decimal(0, 0));
      // Round to an integer, then to 10^-digits, then back to scale 0.
      Decimal whole = d->Rescale(0);
      __int128 unit = Pow10(static_cast<int>(-digits));
      __int128 q = whole.unscaled() / unit;
      __int128 r = whole.unscaled() % unit;
      if (2 * (r < 0 ? -r : r) >= unit) q += whole.unscaled() < 0 ? -1 : 1;
      auto out = Decimal::Mul(Decimal(q, 0), Decimal(unit, 0));
      if (!out) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", call.what());
      return Value::FromDecimal(*out);
    }
    default: {
      double x = ToDouble(*v);
      double scale = std::pow(10.0, static_cast<double>(digits));
      double out = digits >= 0
                       ? std::nearbyint(x * scale) / scale
                       : std::nearbyint(x / std::pow(10.0, -digits)) * std::pow(10.0, -digits);
      if (!std::isfinite(out)) out = x;  // huge digits: nothing to round
      return Value::Double(out);
    }
  }
}

/// TRUNCATE(x, d): x cut (toward zero) to d digits after the point; d < 0 zeroes
/// digits before it. Types as ROUND's.
Result<Value> Truncate(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  Result<Value> d = call.Arg(1);
  if (!d.ok()) return d;
  Result<int64_t> di = ToInt(*d, call.what());
  if (!di.ok()) return di.status();
  const int64_t digits = std::clamp<int64_t>(*di, -40, 40);
  if (v->kind() == Value::Kind::kUInt) return UnsignedToDigits(*v, digits, false, call.what());
  switch (call.result_type().id) {
    case TypeId::kBigInt: {
      Result<int64_t> i = ToInt(*v, call.what());
      if (!i.ok()) return i.status();
      if (digits >= 0) return Value::Int(*i);
      if (digits < -18) return Value::Int(0);
      int64_t unit = static_cast<int64_t>(Pow10(static_cast<int>(-digits)));
      return Value::Int(*i / unit * unit);
    }
    case TypeId::kDecimal: {
      auto x = ToDecimal(*v);
      if (!x) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", call.what());
      const int scale = x->scale();
      const int keep = static_cast<int>(std::min<int64_t>(digits, Decimal::kMaxScale));
      // Drop the digits below 10^-keep from the unscaled integer (C++ division
      // truncates toward zero, which is TRUNCATE's direction).
      __int128 unscaled = x->unscaled();
      int target_scale = std::max(keep, 0);
      if (target_scale < scale) unscaled /= Pow10(scale - target_scale);
      if (keep < 0) {
        __int128 unit = Pow10(-keep);
        unscaled = unscaled / unit * unit;
      }
      Decimal cut(unscaled, static_cast<uint8_t>(std::min(target_scale, scale)));
      return Value::FromDecimal(cut.Rescale(static_cast<uint8_t>(call.result_type().scale)));
    }
    default: {
      double x = ToDouble(*v);
      double unit = std::pow(10.0, static_cast<double>(digits));
      double out = std::trunc(x * unit) / unit;
      if (!std::isfinite(out)) out = x;
      return Value::Double(out);
    }
  }
}

Result<Value> FloorOrCeil(const FunctionCall& call, bool ceil) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  switch (call.result_type().id) {
    case TypeId::kBigInt:
      return ConvertToType(*v, call.result_type(), call.what());
    case TypeId::kDecimal: {
      auto d = ToDecimal(*v);
      if (!d) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", call.what());
      __int128 unit = Pow10(d->scale());
      __int128 q = d->unscaled() / unit;
      __int128 r = d->unscaled() % unit;
      if (ceil && r > 0) q += 1;
      if (!ceil && r < 0) q -= 1;
      return Value::FromDecimal(Decimal(q, 0));
    }
    default: {
      double x = ToDouble(*v);
      return Value::Double(ceil ? std::ceil(x) : std::floor(x));
    }
  }
}

Result<Value> Floor(const FunctionCall& call) {
  return FloorOrCeil(call, false);
}
Result<Value> Ceil(const FunctionCall& call) {
  return FloorOrCeil(call, true);
}

Result<Value> Mod(const FunctionCall& call) {
  Result<Value> a = call.Arg(0);
  if (!a.ok()) return a;
  Result<Value> b = call.Arg(1);
  if (!b.ok()) return b;
  if (a->is_null() || b->is_null()) return Value::Null();
  NumericClass mode = NumericClassOf(call.result_type());
  Result<Value> result = EvaluateArithmetic(ArithmeticOp::kMod, mode, *a, *b, 0, call.what());
  if (result.ok() && result->is_null()) MINISQL_RETURN_IF_ERROR(call.ctx().DivisionByZero());
  return result;
}

Result<Value> Power(const FunctionCall& call) {
  Result<Value> a = call.Arg(0);
  if (!a.ok()) return a;
  Result<Value> b = call.Arg(1);
  if (!b.ok()) return b;
  double out = std::pow(ToDouble(*a), ToDouble(*b));
  if (std::isnan(out)) return Value::Null();
  if (!std::isfinite(out)) return Status::Error(ErrorCode::kDataOutOfRange, "DOUBLE", call.what());
  return Value::Double(out);
}

Result<Value> Sqrt(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  double x = ToDouble(*v);
  if (x < 0) return Value::Null();
  return Value::Double(std::sqrt(x));
}

constexpr FunctionDef kNumericFunctions[] = {
    {"ABS", 1, 1, true, Nullability::kFromArgs, SameNumericResult, Abs},
    {"SIGN", 1, 1, true, Nullability::kFromArgs, BigIntResult, Sign},
    {"ROUND", 1, 2, true, Nullability::kFromArgs, RoundResult, Round},
    {"TRUNCATE", 2, 2, true, Nullability::kFromArgs, RoundResult, Truncate},
    {"FLOOR", 1, 1, true, Nullability::kFromArgs, FloorResult, Floor},
    {"CEIL", 1, 1, true, Nullability::kFromArgs, FloorResult, Ceil},
    {"CEILING", 1, 1, true, Nullability::kFromArgs, FloorResult, Ceil},
    {"MOD", 2, 2, true, Nullability::kAlways, ModResult, Mod},
    {"POWER", 2, 2, true, Nullability::kAlways, DoubleResult, Power},
    {"POW", 2, 2, true, Nullability::kAlways, DoubleResult, Power},
    {"SQRT", 1, 1, true, Nullability::kAlways, DoubleResult, Sqrt},
};

}  // namespace

std::span<const FunctionDef> NumericFunctions() {
  return kNumericFunctions;
}

}  // namespace minisql::sql
