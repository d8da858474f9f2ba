// temporal_values.cc — temporal values as numbers and as other temporal types (see
// temporal_values.h).
#include "sql/expression/temporal_values.h"

#include "types/temporal.h"

namespace minisql::sql {

Value TemporalToNumber(const Value& v, const ColumnType& type) {
  if (v.kind() != Value::Kind::kString || !IsTemporalType(type.id)) return v;
  std::optional<DateTime> t =
      type.id == TypeId::kTime ? ParseTime(v.string_value()) : ParseDateTime(v.string_value());
  if (!t) return v;
  int64_t whole = 0;
  if (type.id == TypeId::kTime) {
    whole = static_cast<int64_t>(t->hour) * 10000 + t->minute * 100 + t->second;
  } else {
    whole = (static_cast<int64_t>(t->year) * 10000 + t->month * 100 + t->day);
    if (type.id != TypeId::kDate) {
      whole = whole * 1000000 + t->hour * 10000 + t->minute * 100 + t->second;
    }
  }
  int fsp = type.id == TypeId::kDate ? 0 : FspOf(type);
  if (fsp == 0) return Value::Int(t->negative ? -whole : whole);
  __int128 unscaled = whole;
  uint32_t micro = t->microsecond;
  for (int i = 0; i < fsp; ++i) unscaled *= 10;
  for (int i = fsp; i < kMaxFsp; ++i) micro /= 10;
  unscaled += micro;
  return Value::FromDecimal(Decimal(t->negative ? -unscaled : unscaled, static_cast<uint8_t>(fsp)));
}

Value ToTemporalValue(const Value& v, const ColumnType& target) {
  std::optional<DateTime> t = target.id == TypeId::kTime ? ValueToTime(v) : ValueToDateTime(v);
  if (!t) return Value::Null();
  int fsp = FspOf(target);
  return Value::String(FormatTemporal(TruncateFraction(*t, fsp), target.id, fsp));
}

}  // namespace minisql::sql
