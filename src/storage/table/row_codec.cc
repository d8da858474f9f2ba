// row_codec.cc — see row_codec.h for the record format.
#include "storage/table/row_codec.h"

#include <bit>

#include "storage/table/byte_coding.h"
#include "types/temporal.h"

namespace minisql::storage {
namespace {

enum KindByte : uint8_t {
  kIntKind = 1,
  kDoubleKind = 2,
  kDecimalKind = 3,
  kStringKind = 4,
  kTemporalKind = 5,
  kUIntKind = 6,
};

// A temporal column's canonical text, packed (types/temporal.h). Text that does not
// parse (never produced by the column converter) is kept as a String.
bool AppendTemporal(const ColumnType& type, const Value& value, std::string* out) {
  if (value.kind() != Value::Kind::kString) return false;
  bool is_time = type.id == TypeId::kTime;
  std::optional<DateTime> t =
      is_time ? ParseTime(value.string_value()) : ParseDateTime(value.string_value());
  if (!t) return false;
  out->push_back(static_cast<char>(kTemporalKind));
  PutVarint(out, ZigZagEncode(is_time ? PackTime(*t) : PackDateTime(*t)));
  return true;
}

// Reads one column's value: a packed temporal value becomes its canonical text again.
bool ReadColumnValue(ByteReader* reader, const ColumnType& type, Value* value) {
  ByteReader probe = *reader;
  uint8_t kind;
  if (!probe.ReadByte(&kind) || kind != kTemporalKind) return ReadValue(reader, value);
  uint64_t v;
  if (!IsTemporalType(type.id) || !reader->ReadByte(&kind) || !reader->ReadVarint(&v)) {
    return false;
  }
  int64_t packed = ZigZagDecode(v);
  DateTime t = type.id == TypeId::kTime ? UnpackTime(packed) : UnpackDateTime(packed);
  *value = Value::String(FormatTemporal(t, type.id, FspOf(type)));
  return true;
}

}  // namespace

void AppendValue(const Value& value, std::string* out) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return;
    case Value::Kind::kInt:
      out->push_back(static_cast<char>(kIntKind));
      PutVarint(out, ZigZagEncode(value.int_value()));
      return;
    case Value::Kind::kUInt:
      out->push_back(static_cast<char>(kUIntKind));
      PutVarint(out, value.uint_value());
      return;
    case Value::Kind::kDouble:
      out->push_back(static_cast<char>(kDoubleKind));
      PutFixed64(out, std::bit_cast<uint64_t>(value.double_value()));
      return;
    case Value::Kind::kDecimal: {
      const Decimal& d = value.decimal_value();
      auto bits = static_cast<unsigned __int128>(d.unscaled());
      out->push_back(static_cast<char>(kDecimalKind));
      out->push_back(static_cast<char>(d.scale()));
      PutFixed64(out, static_cast<uint64_t>(bits));
      PutFixed64(out, static_cast<uint64_t>(bits >> 64));
      return;
    }
    case Value::Kind::kString:
      out->push_back(static_cast<char>(kStringKind));
      PutLengthPrefixed(out, value.string_value());
      return;
  }
}

bool ReadValue(ByteReader* reader, Value* value) {
  uint8_t kind;
  if (!reader->ReadByte(&kind)) return false;
  switch (kind) {
    case kIntKind: {
      uint64_t v;
      if (!reader->ReadVarint(&v)) return false;
      *value = Value::Int(ZigZagDecode(v));
      return true;
    }
    case kUIntKind: {
      uint64_t v;
      if (!reader->ReadVarint(&v)) return false;
      *value = Value::UInt(v);
      return true;
    }
    case kDoubleKind: {
      uint64_t bits;
      if (!reader->ReadFixed64(&bits)) return false;
      *value = Value::Double(std::bit_cast<double>(bits));
      return true;
    }
    case kDecimalKind: {
      uint8_t scale;
      uint64_t low, high;
      if (!reader->ReadByte(&scale) || !reader->ReadFixed64(&low) || !reader->ReadFixed64(&high)) {
        return false;
      }
      auto bits = (static_cast<unsigned __int128>(high) << 64) | low;
      *value = Value::FromDecimal(Decimal(static_cast<__int128>(bits), scale));
      return true;
    }
    case kStringKind: {
      std::string_view bytes;
      if (!reader->ReadLengthPrefixed(&bytes)) return false;
      *value = Value::String(std::string(bytes));
      return true;
    }
    default:
      return false;
  }
}

Result<std::string> EncodeRow(const TableSchema& table, const Row& row) {
  if (row.size() != table.columns.size()) {
    return Status::Error(ErrorCode::kInternalError,
                         "row has " + std::to_string(row.size()) + " values for " +
                             std::to_string(table.columns.size()) + " columns");
  }
  std::string record;
  PutVarint(&record, row.size());
  std::string bitmap((row.size() + 7) / 8, '\0');
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i].is_null()) bitmap[i / 8] = static_cast<char>(bitmap[i / 8] | (1 << (i % 8)));
  }
  record += bitmap;
  for (size_t i = 0; i < row.size(); ++i) {
    const ColumnType& type = table.columns[i].type;
    if (IsTemporalType(type.id) && AppendTemporal(type, row[i], &record)) continue;
    AppendValue(row[i], &record);
  }
  return record;
}

Result<Row> DecodeRow(const TableSchema& table, std::string_view record) {
  auto corrupt = [&] { return Status::Error(ErrorCode::kDataCorrupt, table.name); };
  ByteReader reader(record);
  uint64_t count;
  if (!reader.ReadVarint(&count) || count != table.columns.size()) return corrupt();
  std::string_view bitmap;
  if (!reader.ReadBytes((count + 7) / 8, &bitmap)) return corrupt();
  Row row(count);
  for (size_t i = 0; i < count; ++i) {
    bool is_null = (static_cast<uint8_t>(bitmap[i / 8]) >> (i % 8)) & 1;
    if (!is_null && !ReadColumnValue(&reader, table.columns[i].type, &row[i])) return corrupt();
    // BINARY/VARBINARY/BLOB values come back marked, so they compare byte by byte.
    if (table.columns[i].type.IsBinaryString() && row[i].kind() == Value::Kind::kString) {
      row[i] = Value::Binary(row[i].string_value());
    }
    // UNSIGNED columns written before kUIntKind existed hold kind-1 Ints (never negative:
    // the column converter refused them); they read back as UInts like newer records.
    const ColumnType& type = table.columns[i].type;
    if (type.IsInteger() && type.is_unsigned && row[i].kind() == Value::Kind::kInt) {
      if (row[i].int_value() < 0) return corrupt();
      row[i] = Value::UInt(static_cast<uint64_t>(row[i].int_value()));
    }
  }
  if (!reader.at_end()) return corrupt();
  return row;
}

}  // namespace minisql::storage
