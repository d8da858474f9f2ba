// column_converter.cc — strict and lenient conversion of values to column types (see
// the table in column_converter.h).
#include "sql/executor/column_converter.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "types/charset.h"
#include "types/temporal.h"

namespace minisql::sql {

namespace {

Status OutOfRange(const ConversionTarget& t) {
  return Status::Error(ErrorCode::kWarnDataOutOfRange, t.table->columns[t.column].name,
                       static_cast<unsigned long>(t.row_number));
}

Status IncorrectValue(const ConversionTarget& t, const char* kind, const std::string& text) {
  return Status::Error(ErrorCode::kTruncatedWrongValueForField, kind, text, t.table->database,
                       t.table->name, t.table->columns[t.column].name,
                       static_cast<unsigned long>(t.row_number));
}

Status Truncated(const ConversionTarget& t) {
  return Status::Error(ErrorCode::kWarnDataTruncated, t.table->columns[t.column].name,
                       static_cast<unsigned long>(t.row_number));
}

Status TooLong(const ConversionTarget& t) {
  return Status::Error(ErrorCode::kDataTooLong, t.table->columns[t.column].name,
                       static_cast<unsigned long>(t.row_number));
}

// The one place strict and lenient conversion part: strict fails with `error`;
// lenient records `warning` (the code MySQL reports for the same refusal as a
// warning) and goes on with `stored`.
Result<Value> Refuse(const ConversionTarget& t, Status error, Status warning, Value stored) {
  if (t.warnings == nullptr) return error;
  t.warnings->Warn(std::move(warning));
  return stored;
}
Result<Value> Refuse(const ConversionTarget& t, Status error, Value stored) {
  Status warning = error;
  return Refuse(t, std::move(error), std::move(warning), std::move(stored));
}

// Splits "  -12.5e1xyz" into the numeric prefix "-12.5e1" (after leading spaces) and
// reports whether anything but trailing spaces follows it.
std::string NumericPrefix(const std::string& text, bool* trailing_garbage) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  size_t start = i;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  }
  if (digits > 0 && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) {
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      i = j;
    }
  }
  if (digits == 0) {
    *trailing_garbage = true;
    return "";
  }
  std::string prefix = text.substr(start, i - start);
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  *trailing_garbage = i < text.size();
  return prefix;
}

using NumericConverter = Result<Value> (*)(const Value&, const ConversionTarget&);

// A string for a numeric column: its numeric prefix, exact (Decimal) when it fits, else
// double, converted by `convert`. No digits: 1366 (lenient: 0). Something after the
// number: 1265 (lenient: the prefix, and 1265 only if the prefix itself fit).
Result<Value> ConvertNumericText(const std::string& text, const ConversionTarget& t,
                                 const char* kind, NumericConverter convert) {
  bool garbage = false;
  std::string prefix = NumericPrefix(text, &garbage);
  if (prefix.empty()) {
    Result<Value> zero = Refuse(t, IncorrectValue(t, kind, text), Value::Int(0));
    if (!zero.ok()) return zero;
    return convert(*zero, t);
  }
  if (garbage && t.warnings == nullptr) return Truncated(t);
  Value number = Value::Double(std::strtod(prefix.c_str(), nullptr));
  if (std::optional<Decimal> d = Decimal::Parse(prefix)) number = Value::FromDecimal(*d);
  uint64_t warned_before = t.warnings == nullptr ? 0 : t.warnings->warning_count();
  Result<Value> converted = convert(number, t);
  if (converted.ok() && garbage && t.warnings->warning_count() == warned_before) {
    t.warnings->Warn(Truncated(t));
  }
  return converted;
}

Result<Value> ToInteger(const Value& v, const ConversionTarget& t) {
  const ColumnType& type = t.table->columns[t.column].type;
  __int128 min = 0, max = 0;
  IntegerRange(type, &min, &max);
  // Lenient: what lies outside the range becomes the nearer end of it.
  auto clamp = [&](bool below) -> Result<Value> {
    __int128 end = below ? min : max;
    Value stored = type.is_unsigned ? Value::UInt(static_cast<uint64_t>(end))
                                    : Value::Int(static_cast<int64_t>(end));
    return Refuse(t, OutOfRange(t), std::move(stored));
  };
  __int128 result = 0;
  switch (v.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kUInt:
      result = v.wide_int_value();
      break;
    case Value::Kind::kDouble: {
      double rounded = std::nearbyint(v.double_value());
      // -2^63 and 2^64 are exactly representable; what lies outside fits no column.
      if (!(rounded >= -9223372036854775808.0 && rounded < 18446744073709551616.0)) {
        return clamp(!(rounded > 0));
      }
      result = static_cast<__int128>(rounded);
      break;
    }
    case Value::Kind::kDecimal: {
      // Rounded half away from zero; 38 digits at most, so the range check below is exact.
      result = v.decimal_value().Rescale(0).unscaled();
      break;
    }
    case Value::Kind::kString:
      return ConvertNumericText(v.string_value(), t, "integer", ToInteger);
    case Value::Kind::kNull:
      return v;
  }
  if (result < min || result > max) return clamp(result < min);
  // UNSIGNED columns hold UInts, so arithmetic on them follows MySQL's unsigned rules.
  if (type.is_unsigned) return Value::UInt(static_cast<uint64_t>(result));
  return Value::Int(static_cast<int64_t>(result));
}

// Lenient DOUBLE/FLOAT: beyond the type's largest value is that value, with its sign.
Result<Value> ClampFloating(const ConversionTarget& t, bool negative, double max) {
  return Refuse(t, OutOfRange(t), Value::Double(negative ? -max : max));
}

Result<Value> ToDouble(const Value& v, const ConversionTarget& t) {
  constexpr double kMax = std::numeric_limits<double>::max();
  switch (v.kind()) {
    case Value::Kind::kInt:
      return Value::Double(static_cast<double>(v.int_value()));
    case Value::Kind::kUInt:
      return Value::Double(static_cast<double>(v.uint_value()));
    case Value::Kind::kDouble:
      if (!std::isfinite(v.double_value())) return ClampFloating(t, v.double_value() < 0, kMax);
      return v;
    case Value::Kind::kDecimal:
      return Value::Double(v.decimal_value().ToDouble());
    case Value::Kind::kString: {
      bool garbage = false;
      std::string prefix = NumericPrefix(v.string_value(), &garbage);
      if (prefix.empty()) {
        return Refuse(t, IncorrectValue(t, "double", v.string_value()), Value::Double(0));
      }
      double d = std::strtod(prefix.c_str(), nullptr);
      if (!std::isfinite(d)) return ClampFloating(t, d < 0, kMax);
      if (garbage) return Refuse(t, Truncated(t), Value::Double(d));
      return Value::Double(d);
    }
    case Value::Kind::kNull:
      return v;
  }
  return v;
}

// FLOAT keeps single precision: the value is rounded to the nearest float (and
// must fit one), then held as that float's exact double.
Result<Value> ToFloat(const Value& v, const ConversionTarget& t) {
  uint64_t warned_before = t.warnings == nullptr ? 0 : t.warnings->warning_count();
  Result<Value> d = ToDouble(v, t);
  if (!d.ok() || d->is_null()) return d;
  double value = d->double_value();
  constexpr double kMax = std::numeric_limits<float>::max();
  // One warning per value: a DOUBLE already clamped above is not warned about twice.
  const bool warned = t.warnings != nullptr && t.warnings->warning_count() != warned_before;
  if (value < 0 && t.table->columns[t.column].type.is_unsigned) {
    return warned ? Value::Double(0) : Refuse(t, OutOfRange(t), Value::Double(0));
  }
  if (std::fabs(value) > kMax) {
    if (warned) return Value::Double(value < 0 ? -kMax : kMax);
    return ClampFloating(t, value < 0, kMax);
  }
  return Value::Double(static_cast<double>(static_cast<float>(value)));
}

Result<Value> ToDecimal(const Value& v, const ConversionTarget& t) {
  const ColumnType& type = t.table->columns[t.column].type;
  uint32_t precision = type.length == 0 ? 10 : type.length;
  // The largest value with `precision` digits: 10^(precision) - 1 unscaled.
  __int128 limit = 1;
  for (uint32_t i = 0; i < precision; ++i) limit *= 10;
  auto clamp = [&](bool negative) -> Result<Value> {
    return Refuse(t, OutOfRange(t),
                  Value::FromDecimal(Decimal(negative ? -(limit - 1) : limit - 1, type.scale)));
  };
  std::optional<Decimal> d;
  switch (v.kind()) {
    case Value::Kind::kInt:
      d = Decimal::FromInt(v.int_value());
      break;
    case Value::Kind::kUInt:
      d = Decimal(static_cast<__int128>(v.uint_value()), 0);
      break;
    case Value::Kind::kDouble:
      if (!std::isfinite(v.double_value())) return clamp(v.double_value() < 0);
      d = Decimal::Parse(FormatDouble(v.double_value()));
      if (!d) return clamp(v.double_value() < 0);
      break;
    case Value::Kind::kDecimal:
      d = v.decimal_value();
      break;
    case Value::Kind::kString:
      return ConvertNumericText(v.string_value(), t, "decimal", ToDecimal);
    case Value::Kind::kNull:
      return v;
  }
  Decimal scaled = d->Rescale(type.scale);
  __int128 magnitude = scaled.unscaled() < 0 ? -scaled.unscaled() : scaled.unscaled();
  if (magnitude >= limit) return clamp(scaled.unscaled() < 0);
  return Value::FromDecimal(scaled);
}

// The longest prefix of UTF-8 `text` with at most `max_chars` characters and
// `max_bytes` bytes, never splitting a character.
std::string Utf8Prefix(const std::string& text, size_t max_chars, size_t max_bytes) {
  size_t chars = 0, end = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool boundary = i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (!boundary) continue;
    if (i > max_bytes || chars > max_chars) break;
    end = i;
    ++chars;
  }
  return text.substr(0, end);
}

// How MySQL quotes bytes that are not UTF-8 in error 1366: up to 6 bytes from the first
// bad one, printable ASCII as is and the rest as \xHH, then "..." if more follow.
std::string InvalidStringSample(const std::string& text, size_t bad) {
  static constexpr size_t kShown = 6;
  std::string sample;
  for (size_t i = bad; i < text.size() && i < bad + kShown; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      sample.push_back(static_cast<char>(c));
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      sample += "\\x";
      sample.push_back(kHex[c >> 4]);
      sample.push_back(kHex[c & 0xF]);
    }
  }
  if (text.size() > bad + kShown) sample += "...";
  return sample;
}

Result<Value> ToText(const Value& v, const ConversionTarget& t) {
  const ColumnType& type = t.table->columns[t.column].type;
  std::string text = v.kind() == Value::Kind::kString ? v.string_value() : v.ToText();
  // Text columns hold utf8mb4: bytes that are not UTF-8 (a binary string, a client that
  // sent another charset as utf8) are 1366, or '?' each with that warning.
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    Result<Value> replaced = Refuse(t, IncorrectValue(t, "string", InvalidStringSample(text, bad)),
                                    Value::String(ReplaceInvalidUtf8(text)));
    if (!replaced.ok()) return replaced;
    text = replaced->string_value();
  }
  if (type.id == TypeId::kChar) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
  }
  const bool is_text = type.id == TypeId::kText;
  if (is_text ? text.size() > 65535 : Utf8Length(text) > type.length) {
    std::string cut =
        is_text ? Utf8Prefix(text, text.size(), 65535) : Utf8Prefix(text, type.length, text.size());
    return Refuse(t, TooLong(t), Truncated(t), Value::String(std::move(cut)));
  }
  return Value::String(std::move(text));
}

// BINARY / VARBINARY / BLOB: the value's bytes (numbers in their text form), at most the
// column's byte limit; BINARY(n) pads with 0x00 bytes to exactly n, as MySQL stores it.
Result<Value> ToBinary(const Value& v, const ConversionTarget& t) {
  const ColumnType& type = t.table->columns[t.column].type;
  std::string bytes = v.kind() == Value::Kind::kString ? v.string_value() : v.ToText();
  uint64_t limit = type.length;
  if (type.id == TypeId::kBlob && limit == 0) limit = 65535;
  if (bytes.size() > limit) {
    if (t.warnings == nullptr) return TooLong(t);
    t.warnings->Warn(Truncated(t));
    bytes.resize(limit);
  }
  if (type.id == TypeId::kBinary) bytes.resize(type.length, '\0');
  return Value::Binary(std::move(bytes));
}

// DATE / TIME / DATETIME / TIMESTAMP: strings in MySQL's literal formats and numbers
// (20240131, 123456) become the canonical text; anything else is 1292 (lenient: the
// zero value and 1265, as MariaDB). Digits beyond the column's fsp are dropped, as
// MariaDB does.
Result<Value> ToTemporal(const Value& v, const ConversionTarget& t) {
  const ColumnType& type = t.table->columns[t.column].type;
  std::optional<DateTime> parsed;
  if (type.id == TypeId::kTime) {
    parsed = ValueToTime(v);
  } else {
    parsed = ValueToDateTime(v);
  }
  int fsp = FspOf(type);
  if (!parsed) {
    const char* kind = type.id == TypeId::kDate   ? "date"
                       : type.id == TypeId::kTime ? "time"
                                                  : "datetime";
    Status error = Status::Error(ErrorCode::kIncorrectTemporalValueForField, kind, v.ToText(),
                                 t.table->database, t.table->name, t.table->columns[t.column].name,
                                 static_cast<unsigned long>(t.row_number));
    return Refuse(t, std::move(error), Truncated(t),
                  Value::String(FormatTemporal(DateTime{}, type.id, fsp)));
  }
  return Value::String(FormatTemporal(TruncateFraction(*parsed, fsp), type.id, fsp));
}

}  // namespace

void IntegerRange(const ColumnType& type, __int128* min, __int128* max) {
  int bits = 64;
  switch (type.id) {
    case TypeId::kTinyInt:
      bits = 8;
      break;
    case TypeId::kSmallInt:
      bits = 16;
      break;
    case TypeId::kMediumInt:
      bits = 24;
      break;
    case TypeId::kInt:
      bits = 32;
      break;
    default:
      bits = 64;
      break;
  }
  if (type.is_unsigned) {
    *min = 0;
    *max = (static_cast<__int128>(1) << bits) - 1;
  } else {
    *min = bits == 64 ? std::numeric_limits<int64_t>::min() : -(int64_t{1} << (bits - 1));
    *max = bits == 64 ? std::numeric_limits<int64_t>::max() : (int64_t{1} << (bits - 1)) - 1;
  }
}

int64_t AutoIncrementNote(const Value& value) {
  __int128 v = value.wide_int_value();
  return v > INT64_MAX ? INT64_MAX : static_cast<int64_t>(v);
}

size_t Utf8Length(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

Value ImplicitDefault(const storage::TableSchema& table, uint32_t column) {
  const ColumnType& type = table.columns[column].type;
  Value zero = Value::String("");
  if (type.IsNumeric()) zero = Value::Int(0);
  if (IsTemporalType(type.id)) zero = Value::String(FormatTemporal(DateTime{}, type.id, 0));
  // Strict conversion of these always succeeds (an empty string fits every length).
  Result<Value> converted = ConvertForColumn(zero, ConversionTarget{&table, column, 1});
  return converted.ok() ? std::move(*converted) : Value::Null();
}

Result<Value> ConvertForColumn(const Value& value, const ConversionTarget& target) {
  const storage::ColumnDef& column = target.table->columns[target.column];
  if (value.is_null()) {
    if (!column.nullable) {
      return Refuse(target, Status::Error(ErrorCode::kBadNull, column.name),
                    ImplicitDefault(*target.table, target.column));
    }
    return value;
  }
  const ColumnType& type = column.type;
  if (type.IsInteger()) return ToInteger(value, target);
  switch (type.id) {
    case TypeId::kFloat:
      return ToFloat(value, target);
    case TypeId::kDouble:
      return ToDouble(value, target);
    case TypeId::kDecimal:
      return ToDecimal(value, target);
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
      return ToText(value, target);
    case TypeId::kBinary:
    case TypeId::kVarbinary:
    case TypeId::kBlob:
      return ToBinary(value, target);
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kDateTime:
    case TypeId::kTimestamp:
      return ToTemporal(value, target);
    default:
      return Status::Error(ErrorCode::kNotSupportedYet, "column type " + type.ToSql());
  }
}

}  // namespace minisql::sql
