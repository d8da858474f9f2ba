// key_codec.cc — see key_codec.h for the byte formats.
#include "storage/table/key_codec.h"

#include <bit>
#include <cstring>

#include "types/temporal.h"

namespace minisql::storage {
namespace {

void AppendBigEndian64(uint64_t v, std::string* out) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out->push_back(static_cast<char>((v >> shift) & 0xff));
}

void AppendInt(int64_t v, std::string* out) {
  AppendBigEndian64(static_cast<uint64_t>(v) ^ (uint64_t{1} << 63), out);
}

// An UNSIGNED integer column's component. Values below INT64_MAX keep the signed
// encoding (so keys written before unsigned values could exceed INT64_MAX stay valid,
// and a negative range bound sorts below every stored value); INT64_MAX and above are
// the 8 bytes 0xFF (INT64_MAX's signed encoding, which no smaller value reaches)
// followed by v - INT64_MAX big-endian. The component stays prefix-free.
void AppendUnsignedColumnInt(__int128 v, std::string* out) {
  if (v < INT64_MAX) {
    AppendInt(static_cast<int64_t>(v), out);
    return;
  }
  AppendBigEndian64(~uint64_t{0}, out);
  AppendBigEndian64(static_cast<uint64_t>(v - INT64_MAX), out);
}

void AppendDouble(double v, std::string* out) {
  if (v == 0.0) v = 0.0;  // -0.0 == 0.0 in SQL, so they must encode the same
  uint64_t bits = std::bit_cast<uint64_t>(v);
  // Positive numbers: setting the sign bit puts them above all negatives. Negative
  // numbers: flipping every bit reverses their magnitude order.
  bits = (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
  AppendBigEndian64(bits, out);
}

// Text keys hold the collation weight; binary keys (BINARY/VARBINARY/BLOB) hold the bytes
// themselves, so 'a' and 'A' are different keys and byte order is key order.
void AppendString(const ColumnType& type, const std::string& s, std::string* out) {
  for (char c : type.IsBinaryString() ? s : CollationWeight(s)) {
    out->push_back(c);
    if (c == '\0') out->push_back(static_cast<char>(0xff));
  }
  out->push_back('\0');
  out->push_back('\0');
}

Status AppendDecimal(const ColumnType& type, const Decimal& d, std::string* out) {
  Decimal scaled = d.scale() == type.scale ? d : d.Rescale(type.scale);
  unsigned __int128 bits = static_cast<unsigned __int128>(scaled.unscaled()) ^
                           (static_cast<unsigned __int128>(1) << 127);
  AppendBigEndian64(static_cast<uint64_t>(bits >> 64), out);
  AppendBigEndian64(static_cast<uint64_t>(bits), out);
  return Status::OK();
}

// DATE/TIME/DATETIME/TIMESTAMP: the packed integer of types/temporal.h, which orders
// like the values. Any kind that reads as the type is accepted (a key bound may be a
// literal such as 20240131).
Status AppendTemporal(const ColumnType& type, const Value& value, std::string* key) {
  std::optional<DateTime> t =
      type.id == TypeId::kTime ? ValueToTime(value) : ValueToDateTime(value);
  if (!t) {
    return Status::Error(ErrorCode::kInternalError,
                         "primary key value is not a " + type.ToSql() + ": " + value.ToText());
  }
  AppendInt(type.id == TypeId::kTime ? PackTime(*t) : PackDateTime(*t), key);
  return Status::OK();
}

Status KindMismatch(const ColumnType& type) {
  return Status::Error(ErrorCode::kInternalError,
                       "primary key value does not match column type " + type.ToSql());
}

}  // namespace

std::string CollationWeight(const std::string& s) {
  size_t end = s.size();
  while (end > 0 && s[end - 1] == ' ') --end;
  std::string weight(s, 0, end);
  for (char& c : weight) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return weight;
}

Status AppendKeyComponent(const ColumnType& type, const Value& value, std::string* key) {
  if (IsTemporalType(type.id) && !value.is_null()) return AppendTemporal(type, value, key);
  switch (value.kind()) {
    case Value::Kind::kNull:
      return Status::Error(ErrorCode::kInternalError, "NULL in a primary key");
    case Value::Kind::kInt:
    case Value::Kind::kUInt:
      if (type.IsInteger() && type.is_unsigned) {
        AppendUnsignedColumnInt(value.wide_int_value(), key);
      } else if (type.IsInteger()) {
        // A signed column holds no value above INT64_MAX (the planner makes no such
        // bound: a clamped one would be wrong for `<`).
        __int128 v = value.wide_int_value();
        if (v > INT64_MAX) return KindMismatch(type);
        AppendInt(static_cast<int64_t>(v), key);
      } else if (type.id == TypeId::kDouble || type.id == TypeId::kFloat) {
        AppendDouble(static_cast<double>(value.wide_int_value()), key);
      } else if (type.id == TypeId::kDecimal) {
        return AppendDecimal(type, Decimal(value.wide_int_value(), 0), key);
      } else {
        return KindMismatch(type);
      }
      return Status::OK();
    case Value::Kind::kDouble:
      if (type.id != TypeId::kDouble && type.id != TypeId::kFloat) return KindMismatch(type);
      AppendDouble(value.double_value(), key);
      return Status::OK();
    case Value::Kind::kDecimal:
      if (type.id != TypeId::kDecimal) return KindMismatch(type);
      return AppendDecimal(type, value.decimal_value(), key);
    case Value::Kind::kString:
      if (!type.IsString()) return KindMismatch(type);
      AppendString(type, value.string_value(), key);
      return Status::OK();
  }
  return KindMismatch(type);
}

std::string EncodeRowIdKey(uint64_t row_id) {
  std::string key;
  AppendBigEndian64(row_id, &key);
  return key;
}

Result<std::string> EncodeKeyPrefix(const TableSchema& table, const std::vector<Value>& values) {
  if (values.size() > table.primary_key.size()) {
    return Status::Error(ErrorCode::kInternalError, "key bound has more values than the key");
  }
  std::string key;
  for (size_t i = 0; i < values.size(); ++i) {
    uint32_t column = table.primary_key[i];
    if (column >= table.columns.size()) {
      return Status::Error(ErrorCode::kInternalError, "primary key column out of range");
    }
    MINISQL_RETURN_IF_ERROR(AppendKeyComponent(table.columns[column].type, values[i], &key));
  }
  return key;
}

Result<std::string> EncodePrimaryKey(const TableSchema& table, const Row& row) {
  std::vector<Value> values;
  for (uint32_t column : table.primary_key) {
    if (column >= row.size()) {
      return Status::Error(ErrorCode::kInternalError, "row is shorter than the primary key");
    }
    values.push_back(row[column]);
  }
  return EncodeKeyPrefix(table, values);
}

std::string DescribePrimaryKey(const TableSchema& table, const Row& row) {
  std::string text;
  for (size_t i = 0; i < table.primary_key.size(); ++i) {
    if (i > 0) text += '-';
    uint32_t column = table.primary_key[i];
    if (column < row.size() && !row[column].is_null()) text += row[column].ToText();
  }
  return text;
}

}  // namespace minisql::storage
