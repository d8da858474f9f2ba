// conversion.cc — MySQL's implicit conversions between Value kinds (see conversion.h).
#include "sql/expression/conversion.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "sql/expression/temporal_values.h"

namespace minisql::sql {
namespace {

/// Length of the longest prefix of s[start..] that reads as a number:
/// [+-] digits [. digits] [e [+-] digits]. `integer_only` stops before the point.
size_t NumericPrefixEnd(const std::string& s, size_t start, bool integer_only) {
  size_t i = start;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  size_t int_digits = i - digits_start;
  if (integer_only) return int_digits > 0 ? i : start;
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    frac_digits = j - i - 1;
    if (int_digits + frac_digits > 0) i = j;
  }
  if (int_digits + frac_digits == 0) return start;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    size_t exp_start = j;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j > exp_start) i = j;
  }
  return i;
}

size_t SkipSpaces(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i;
}

Status OutOfRange(const char* type_name, const std::string& what) {
  return Status::Error(ErrorCode::kDataOutOfRange, type_name, what);
}

}  // namespace

NumericClass NumericClassOf(const ColumnType& type) {
  if (type.IsInteger()) return NumericClass::kInt;
  if (type.id == TypeId::kDecimal) return NumericClass::kDecimal;
  return NumericClass::kDouble;
}

NumericClass NumericClassOf(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kUInt:
      return NumericClass::kInt;
    case Value::Kind::kDecimal:
      return NumericClass::kDecimal;
    default:
      return NumericClass::kDouble;
  }
}

double StringToDouble(const std::string& s) {
  size_t start = SkipSpaces(s);
  size_t end = NumericPrefixEnd(s, start, false);
  if (end == start) return 0;
  std::string prefix = s.substr(start, end - start);
  return std::strtod(prefix.c_str(), nullptr);  // overflow gives +-HUGE_VAL like MySQL's inf
}

double ToDouble(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
      return static_cast<double>(v.int_value());
    case Value::Kind::kUInt:
      return static_cast<double>(v.uint_value());
    case Value::Kind::kDouble:
      return v.double_value();
    case Value::Kind::kDecimal:
      return v.decimal_value().ToDouble();
    case Value::Kind::kString:
      return StringToDouble(v.string_value());
    case Value::Kind::kNull:
      break;
  }
  return 0;
}

Result<int64_t> ToInt(const Value& v, const std::string& what) {
  switch (v.kind()) {
    case Value::Kind::kInt:
      return v.int_value();
    case Value::Kind::kUInt:
      if (v.uint_value() > INT64_MAX) return OutOfRange("BIGINT", what);
      return static_cast<int64_t>(v.uint_value());
    case Value::Kind::kDouble: {
      double rounded = std::round(v.double_value());  // half away from zero
      // 2^63 is exactly representable; anything at or above it does not fit.
      if (!(rounded >= -9223372036854775808.0 && rounded < 9223372036854775808.0)) {
        return OutOfRange("BIGINT", what);
      }
      return static_cast<int64_t>(rounded);
    }
    case Value::Kind::kDecimal: {
      auto i = v.decimal_value().ToInt64();
      if (!i) return OutOfRange("BIGINT", what);
      return *i;
    }
    case Value::Kind::kString: {
      const std::string& s = v.string_value();
      size_t start = SkipSpaces(s);
      size_t end = NumericPrefixEnd(s, start, true);
      if (end == start) return int64_t{0};
      int64_t out = 0;
      const char* first = s.data() + start + (s[start] == '+' ? 1 : 0);
      auto [ptr, ec] = std::from_chars(first, s.data() + end, out);
      if (ec != std::errc()) return OutOfRange("BIGINT", what);
      return out;
    }
    case Value::Kind::kNull:
      break;
  }
  return int64_t{0};
}

std::optional<Decimal> ToDecimal(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
      return Decimal::FromInt(v.int_value());
    case Value::Kind::kUInt:
      return Decimal(static_cast<__int128>(v.uint_value()), 0);
    case Value::Kind::kDecimal:
      return v.decimal_value();
    case Value::Kind::kDouble: {
      double d = v.double_value();
      if (!std::isfinite(d)) return std::nullopt;
      char buf[64];
      auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
      return Decimal::Parse(std::string_view(buf, end - buf));
    }
    case Value::Kind::kString: {
      const std::string& s = v.string_value();
      size_t start = SkipSpaces(s);
      size_t end = NumericPrefixEnd(s, start, false);
      if (end == start) return Decimal();
      return Decimal::Parse(std::string_view(s).substr(start, end - start));
    }
    case Value::Kind::kNull:
      break;
  }
  return Decimal();
}

std::string AsString(const Value& v) {
  return v.is_null() ? "" : v.ToText();
}

Result<Value> ConvertToType(const Value& v, const ColumnType& type, const std::string& what) {
  if (v.is_null() || type.id == TypeId::kNull) return v;
  if (type.IsInteger()) {
    if (v.is_integer()) return v;
    // An UNSIGNED type holds a non-negative DECIMAL as a UInt, up to 2^64-1 (such as
    // @@sql_select_limit's default), rounded half away from zero.
    if (type.is_unsigned && v.kind() == Value::Kind::kDecimal) {
      __int128 whole = v.decimal_value().Rescale(0).unscaled();
      if (whole >= 0 && whole <= static_cast<__int128>(UINT64_MAX)) {
        return Value::UInt(static_cast<uint64_t>(whole));
      }
    }
    Result<int64_t> i = ToInt(v, what);
    if (!i.ok()) return i.status();
    return Value::Int(*i);
  }
  switch (type.id) {
    case TypeId::kFloat:
    case TypeId::kDouble:
      return Value::Double(ToDouble(v));
    case TypeId::kDecimal: {
      auto d = ToDecimal(v);
      if (!d) return OutOfRange("DECIMAL", what);
      return Value::FromDecimal(d->Rescale(type.scale));
    }
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kDateTime:
    case TypeId::kTimestamp:
      return ToTemporalValue(v, type);
    default:
      if (v.kind() == Value::Kind::kString) return v;
      return Value::String(v.ToText());
  }
}

ColumnType MakeType(TypeId id, uint32_t length, uint8_t scale) {
  ColumnType t;
  t.id = id;
  t.length = length;
  t.scale = scale;
  return t;
}

ColumnType DecimalType(int int_digits, int scale) {
  if (scale > Decimal::kMaxScale) scale = Decimal::kMaxScale;
  if (scale < 0) scale = 0;
  if (int_digits < 1) int_digits = 1;
  int precision = int_digits + scale;
  if (precision > Decimal::kMaxPrecision) precision = Decimal::kMaxPrecision;
  return MakeType(TypeId::kDecimal, static_cast<uint32_t>(precision), static_cast<uint8_t>(scale));
}

int IntegerDigits(const ColumnType& type) {
  if (type.IsInteger()) {
    return static_cast<int>(type.length != 0
                                ? type.length
                                : ColumnType::DefaultIntegerWidth(type.id, type.is_unsigned));
  }
  if (type.id == TypeId::kDecimal) {
    int precision = type.length != 0 ? static_cast<int>(type.length) : 10;
    return precision > type.scale ? precision - type.scale : 1;
  }
  return 17;
}

}  // namespace minisql::sql
