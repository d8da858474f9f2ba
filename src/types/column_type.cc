// column_type.cc — how a ColumnType is spelled (DESCRIBE) and described on the wire
// (ColumnDefinition41 type byte, length and flags).
//
// Every number here was read off MariaDB 10.11 (`DESCRIBE t` and
// `mysql --column-type-info`) for a table holding one column of each type:
//
//   type            DESCRIBE              wire type     length (utf8mb3 / utf8mb4)  flags
//   TINYINT         tinyint(4)            TINY          4                           NUM
//   INT UNSIGNED    int(10) unsigned      LONG          10                          UNSIGNED NUM
//   BIGINT          bigint(20)            LONGLONG      20                          NUM
//   DOUBLE / FLOAT  double / float        DOUBLE/FLOAT  22 / 12                     NUM
//   DECIMAL(10,2)   decimal(10,2)         NEWDECIMAL    12 = p + point + sign       NUM
//   VARCHAR(40)     varchar(40)           VAR_STRING    120 / 160 (chars x mbmax)   -
//   CHAR(10)        char(10)              STRING        30 / 40                     -
//   TEXT            text                  BLOB          196605 / 262140             BLOB
//   BLOB            blob                  BLOB          65535                       BLOB BINARY
//   VARBINARY(20)   varbinary(20)         VAR_STRING    20                          BINARY
//   BINARY(4)       binary(4)             STRING        4                           BINARY
//   TINYBLOB        tinyblob              BLOB          255                         BLOB BINARY
//   MEDIUMBLOB      mediumblob            BLOB          16777215                    BLOB BINARY
//   LONGBLOB        longblob              BLOB          4294967295                  BLOB BINARY
//   DATE/TIME       date / time           DATE / TIME   10 / 10                     BINARY
//   DATETIME        datetime              DATETIME      19                          BINARY
//   DATETIME(3)     datetime(3)           DATETIME      23 = 19 + point + fsp       BINARY
//   TIMESTAMP       timestamp             TIMESTAMP     19                          UNSIGNED BINARY
#include "types/column_type.h"

namespace minisql {
namespace {

constexpr uint32_t kDefaultDecimalPrecision = 10;
constexpr uint32_t kMaxBlobBytes = 65535;

/// Bytes per character of a collation (mbmaxlen).
uint32_t BytesPerChar(uint16_t charset) {
  switch (charset) {
    case kCharsetUtf8mb4:
    case kCharsetUtf8mb4Unicode:
      return 4;
    case kCharsetUtf8mb3:
      return 3;
    default:
      return 1;
  }
}

const char* IntegerName(TypeId id) {
  switch (id) {
    case TypeId::kTinyInt:
      return "tinyint";
    case TypeId::kSmallInt:
      return "smallint";
    case TypeId::kMediumInt:
      return "mediumint";
    case TypeId::kInt:
      return "int";
    default:
      return "bigint";
  }
}

// The BLOB family keeps its byte limit in `length` (0 in old catalogs means BLOB).
const char* BlobName(uint32_t limit) {
  if (limit == 255) return "tinyblob";
  if (limit == 16777215) return "mediumblob";
  if (limit == 4294967295u) return "longblob";
  return "blob";
}

// TIME/DATETIME/TIMESTAMP keep their fractional-second digits (fsp) in `scale`.
std::string WithFsp(const char* name, uint8_t fsp) {
  if (fsp == 0) return name;
  return std::string(name) + "(" + std::to_string(fsp) + ")";
}

}  // namespace

uint32_t ColumnType::DefaultIntegerWidth(TypeId id, bool is_unsigned) {
  switch (id) {
    case TypeId::kTinyInt:
      return is_unsigned ? 3 : 4;
    case TypeId::kSmallInt:
      return is_unsigned ? 5 : 6;
    case TypeId::kMediumInt:
      return is_unsigned ? 8 : 9;
    case TypeId::kInt:
      return is_unsigned ? 10 : 11;
    case TypeId::kBigInt:
      return 20;
    default:
      return 0;
  }
}

std::string ColumnType::ToSql() const {
  std::string out;
  switch (id) {
    case TypeId::kNull:
      return "null";
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt: {
      uint32_t width = length != 0 ? length : DefaultIntegerWidth(id, is_unsigned);
      out = std::string(IntegerName(id)) + "(" + std::to_string(width) + ")";
      break;
    }
    case TypeId::kFloat:
      out = "float";
      break;
    case TypeId::kDouble:
      out = "double";
      break;
    case TypeId::kDecimal: {
      uint32_t precision = length != 0 ? length : kDefaultDecimalPrecision;
      out = "decimal(" + std::to_string(precision) + "," + std::to_string(scale) + ")";
      break;
    }
    case TypeId::kChar:
      return "char(" + std::to_string(length != 0 ? length : 1) + ")";
    case TypeId::kVarchar:
      return "varchar(" + std::to_string(length) + ")";
    case TypeId::kText:
      return "text";
    case TypeId::kBlob:
      return BlobName(length);
    case TypeId::kVarbinary:
      return "varbinary(" + std::to_string(length) + ")";
    case TypeId::kBinary:
      return "binary(" + std::to_string(length != 0 ? length : 1) + ")";
    case TypeId::kDate:
      return "date";
    case TypeId::kTime:
      return WithFsp("time", scale);
    case TypeId::kDateTime:
      return WithFsp("datetime", scale);
    case TypeId::kTimestamp:
      return WithFsp("timestamp", scale);
  }
  if (is_unsigned) out += " unsigned";
  return out;
}

FieldType ColumnType::field_type() const {
  switch (id) {
    case TypeId::kNull:
      return FieldType::kNull;
    case TypeId::kTinyInt:
      return FieldType::kTiny;
    case TypeId::kSmallInt:
      return FieldType::kShort;
    case TypeId::kMediumInt:
      return FieldType::kInt24;
    case TypeId::kInt:
      return FieldType::kLong;
    case TypeId::kBigInt:
      return FieldType::kLongLong;
    case TypeId::kFloat:
      return FieldType::kFloat;
    case TypeId::kDouble:
      return FieldType::kDouble;
    case TypeId::kDecimal:
      return FieldType::kNewDecimal;
    case TypeId::kChar:
    case TypeId::kBinary:
      return FieldType::kString;
    case TypeId::kVarchar:
    case TypeId::kVarbinary:
      return FieldType::kVarString;
    case TypeId::kText:
    case TypeId::kBlob:
      return FieldType::kBlob;
    case TypeId::kDate:
      return FieldType::kDate;
    case TypeId::kTime:
      return FieldType::kTime;
    case TypeId::kDateTime:
      return FieldType::kDateTime;
    case TypeId::kTimestamp:
      return FieldType::kTimestamp;
  }
  return FieldType::kNull;
}

uint32_t ColumnType::ColumnLength(uint16_t charset) const {
  switch (id) {
    case TypeId::kNull:
      return 0;
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return length != 0 ? length : DefaultIntegerWidth(id, is_unsigned);
    case TypeId::kFloat:
      return 12;
    case TypeId::kDouble:
      return 22;
    case TypeId::kDecimal: {
      uint32_t precision = length != 0 ? length : kDefaultDecimalPrecision;
      return precision + (scale > 0 ? 1 : 0) + (is_unsigned ? 0 : 1);
    }
    case TypeId::kChar:
    case TypeId::kVarchar:
      return length * BytesPerChar(charset);
    case TypeId::kText:
      return kMaxBlobBytes * BytesPerChar(charset);
    case TypeId::kBlob:
      return length != 0 ? length : kMaxBlobBytes;
    case TypeId::kVarbinary:
    case TypeId::kBinary:
      return length;
    case TypeId::kDate:
      return 10;
    case TypeId::kTime:
      return 10 + (scale > 0 ? 1u + scale : 0u);
    case TypeId::kDateTime:
    case TypeId::kTimestamp:
      return 19 + (scale > 0 ? 1u + scale : 0u);
  }
  return 0;
}

uint16_t ColumnType::TypeFlags() const {
  if (IsNumeric()) return kNumFlag | (is_unsigned ? kUnsignedFlag : 0);
  switch (id) {
    case TypeId::kText:
      return kBlobFlag;
    case TypeId::kBlob:
      return kBlobFlag | kBinaryFlag;
    case TypeId::kVarbinary:
    case TypeId::kBinary:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kDateTime:
      return kBinaryFlag;
    case TypeId::kTimestamp:
      return kBinaryFlag | kUnsignedFlag;
    default:
      return 0;
  }
}

bool ColumnType::IsBinaryCharset() const {
  switch (id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
      return false;
    default:
      return true;
  }
}

}  // namespace minisql
