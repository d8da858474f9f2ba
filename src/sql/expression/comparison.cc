// comparison.cc — MySQL's mixed-type comparison rules (see comparison.h).
#include "sql/expression/comparison.h"

#include "sql/expression/collation.h"
#include "sql/expression/conversion.h"
#include "types/temporal.h"

namespace minisql::sql {
namespace {

enum class Family { kUnknown, kInt, kDecimal, kDouble, kString, kDate, kTime };

Family FamilyOf(const ColumnType& t) {
  if (t.id == TypeId::kNull) return Family::kUnknown;
  if (IsDateType(t.id)) return Family::kDate;
  if (t.id == TypeId::kTime) return Family::kTime;
  if (t.IsInteger()) return Family::kInt;
  if (t.id == TypeId::kDecimal) return Family::kDecimal;
  if (t.id == TypeId::kFloat || t.id == TypeId::kDouble) return Family::kDouble;
  return Family::kString;  // CHAR, VARCHAR, TEXT, BLOB and (as text) dates
}

Family FamilyOf(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kUInt:
      return Family::kInt;
    case Value::Kind::kDecimal:
      return Family::kDecimal;
    case Value::Kind::kDouble:
      return Family::kDouble;
    case Value::Kind::kString:
      return Family::kString;
    case Value::Kind::kNull:
      break;
  }
  return Family::kUnknown;
}

CompareMode ModeOf(Family a, Family b) {
  if (a == Family::kUnknown || b == Family::kUnknown) return CompareMode::kRuntime;
  if (a == Family::kDate || b == Family::kDate) return CompareMode::kDateTime;
  if (a == Family::kTime || b == Family::kTime) return CompareMode::kTime;
  if (a == Family::kString && b == Family::kString) return CompareMode::kString;
  if (a == Family::kString || b == Family::kString) return CompareMode::kDouble;
  if (a == Family::kDouble || b == Family::kDouble) return CompareMode::kDouble;
  if (a == Family::kDecimal || b == Family::kDecimal) return CompareMode::kDecimal;
  return CompareMode::kInt;
}

template <typename T>
int Sign(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

std::optional<int64_t> TemporalCompareKey(const Value& v, CompareMode mode) {
  if (mode == CompareMode::kTime) {
    std::optional<DateTime> t = ValueToTime(v);
    if (!t) return std::nullopt;
    return PackTime(*t);
  }
  std::optional<DateTime> t = ValueToDateTime(v);
  if (!t) return std::nullopt;
  return PackDateTime(*t);
}

CompareMode CompareModeFor(const ColumnType& left, const ColumnType& right) {
  return ModeOf(FamilyOf(left), FamilyOf(right));
}

CompareMode CompareModeForValues(const Value& left, const Value& right) {
  CompareMode mode = ModeOf(FamilyOf(left), FamilyOf(right));
  return mode == CompareMode::kRuntime ? CompareMode::kDouble : mode;
}

int CompareValues(const Value& left, const Value& right, CompareMode mode) {
  if (mode == CompareMode::kRuntime) mode = CompareModeForValues(left, right);
  switch (mode) {
    case CompareMode::kInt:
      if (left.kind() == Value::Kind::kInt && right.kind() == Value::Kind::kInt) {
        return Sign(left.int_value(), right.int_value());
      }
      // Signed against UNSIGNED: by mathematical value (18446744073709551615 > -1).
      if (left.is_integer() && right.is_integer()) {
        return Sign(left.wide_int_value(), right.wide_int_value());
      }
      [[fallthrough]];  // a value of another kind under an integer type: be exact
    case CompareMode::kDecimal: {
      auto a = ToDecimal(left);
      auto b = ToDecimal(right);
      if (a && b) return Decimal::Compare(*a, *b);
      return Sign(ToDouble(left), ToDouble(right));  // too wide for DECIMAL
    }
    case CompareMode::kDouble:
      return Sign(ToDouble(left), ToDouble(right));
    case CompareMode::kString:
      // MySQL: when either side is a binary string the comparison is byte by byte.
      if (left.is_binary() || right.is_binary()) {
        if (left.kind() == Value::Kind::kString && right.kind() == Value::Kind::kString) {
          return left.string_value().compare(right.string_value());
        }
        return AsString(left).compare(AsString(right));
      }
      // Two strings (ORDER BY and DISTINCT on a CHAR column) compare in place: sorting
      // calls this n log n times, and AsString would copy both sides each time.
      if (left.kind() == Value::Kind::kString && right.kind() == Value::Kind::kString) {
        return CompareCaseInsensitive(left.string_value(), right.string_value());
      }
      return CompareCaseInsensitive(AsString(left), AsString(right));
    case CompareMode::kDateTime:
    case CompareMode::kTime: {
      std::optional<int64_t> a = TemporalCompareKey(left, mode);
      std::optional<int64_t> b = TemporalCompareKey(right, mode);
      if (a && b) return Sign(*a, *b);
      return CompareCaseInsensitive(AsString(left), AsString(right));
    }
    case CompareMode::kRuntime:
      break;
  }
  return 0;
}

bool GroupEqual(const Value& left, const Value& right) {
  if (left.is_null() || right.is_null()) return left.is_null() && right.is_null();
  return CompareValues(left, right, CompareModeForValues(left, right)) == 0;
}

}  // namespace minisql::sql
