// column_type.h — the SQL type of a table column or an expression.
//
// A ColumnType is what CREATE TABLE declares (INT(11), VARCHAR(40), DOUBLE, TEXT ...).
// It knows how MySQL spells it back (DESCRIBE, SHOW CREATE TABLE), which FieldType and
// flags describe it on the wire, and its display length. It says nothing about how
// values are stored on disk (storage/ decides that) or compared (sql/ decides that).
//
// The foundation accepts TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, DOUBLE, DECIMAL,
// CHAR, VARCHAR, TEXT, DATE, TIME, DATETIME, TIMESTAMP (types/temporal.h); the other ids exist so
// that later types slot in without renumbering, and the binder rejects them with
// ER_NOT_SUPPORTED_YET until then.
#pragma once

#include <cstdint>
#include <string>

#include "types/field_type.h"

namespace minisql {

enum class TypeId : uint8_t {
  kNull,  // the type of the NULL literal (no column has it)
  kTinyInt,
  kSmallInt,
  kMediumInt,
  kInt,
  kBigInt,
  kFloat,
  kDouble,
  kDecimal,
  kChar,
  kVarchar,
  kText,
  kBlob,
  kVarbinary,
  kDate,
  kTime,
  kDateTime,
  kTimestamp,
  kBinary,  // BINARY(n): fixed-length bytes (appended, so stored catalogs keep their ids)
};

struct ColumnType {
  TypeId id = TypeId::kNull;
  bool is_unsigned = false;
  /// Display width for integers (INT(11)), character count for CHAR/VARCHAR, byte count
  /// for BINARY/VARBINARY, the byte limit for BLOB (255 TINYBLOB, 65535 BLOB, 16777215
  /// MEDIUMBLOB, 4294967295 LONGBLOB), precision for DECIMAL. 0 means "the type's default".
  uint32_t length = 0;
  /// Digits after the point, for DECIMAL (and DOUBLE results of arithmetic), and the
  /// fractional-second precision (fsp, 0..6) of TIME, DATETIME and TIMESTAMP.
  uint8_t scale = 0;

  bool IsInteger() const { return id >= TypeId::kTinyInt && id <= TypeId::kBigInt; }
  bool IsNumeric() const { return id >= TypeId::kTinyInt && id <= TypeId::kDecimal; }
  bool IsString() const {
    return (id >= TypeId::kChar && id <= TypeId::kVarbinary) || id == TypeId::kBinary;
  }
  /// BINARY, VARBINARY and the BLOB family: byte strings with the binary collation.
  bool IsBinaryString() const {
    return id == TypeId::kBlob || id == TypeId::kVarbinary || id == TypeId::kBinary;
  }

  /// The type as MySQL prints it in DESCRIBE / SHOW CREATE TABLE: "int(11)",
  /// "bigint(20) unsigned", "varchar(40)", "double", "decimal(10,2)", "text".
  std::string ToSql() const;
  /// The ColumnDefinition41 type byte.
  FieldType field_type() const;
  /// The ColumnDefinition41 column_length for this type in `charset` (bytes per
  /// character: 4 for utf8mb4, 3 for utf8mb3, 1 otherwise).
  uint32_t ColumnLength(uint16_t charset) const;
  /// kBinaryFlag / kUnsignedFlag / kNumFlag / kBlobFlag bits implied by the type.
  uint16_t TypeFlags() const;
  /// True for types sent with charset 63 (numbers, blobs).
  bool IsBinaryCharset() const;

  /// The default display width MySQL gives an integer type (INT -> 11).
  static uint32_t DefaultIntegerWidth(TypeId id, bool is_unsigned);
};

}  // namespace minisql
