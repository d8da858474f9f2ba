// field_type.h — MySQL's vocabulary for column types on the wire.
//
// FieldType is MySQL's enum_field_types (the `type` byte of ColumnDefinition41 and of
// binary-protocol values); ColumnFlag is the `flags` field of ColumnDefinition41; the
// charset numbers are MySQL collation ids. They live in types/ rather than net/
// because the SQL layer decides them (a column's FieldType follows from its SQL
// type) and both front ends report them.
//
// Reference: MySQL source include/field_types.h, include/mysql_com.h.
#pragma once

#include <cstdint>

namespace minisql {

enum class FieldType : uint8_t {
  kDecimal = 0x00,  // MYSQL_TYPE_DECIMAL (old, unused)
  kTiny = 0x01,     // TINYINT
  kShort = 0x02,    // SMALLINT
  kLong = 0x03,     // INT
  kFloat = 0x04,    // FLOAT
  kDouble = 0x05,   // DOUBLE
  kNull = 0x06,     // the type of a NULL literal
  kTimestamp = 0x07,
  kLongLong = 0x08,  // BIGINT
  kInt24 = 0x09,     // MEDIUMINT
  kDate = 0x0a,
  kTime = 0x0b,
  kDateTime = 0x0c,
  kYear = 0x0d,
  kVarchar = 0x0f,
  kBit = 0x10,
  kJson = 0xf5,
  kNewDecimal = 0xf6,  // DECIMAL
  kEnum = 0xf7,
  kSet = 0xf8,
  kTinyBlob = 0xf9,
  kMediumBlob = 0xfa,
  kLongBlob = 0xfb,
  kBlob = 0xfc,       // BLOB and TEXT (TEXT = BLOB with a text charset)
  kVarString = 0xfd,  // VARCHAR / VARBINARY in result sets
  kString = 0xfe,     // CHAR / BINARY
  kGeometry = 0xff,
};

/// Bits of ColumnDefinition41.flags.
enum ColumnFlag : uint16_t {
  kNotNullFlag = 1,
  kPriKeyFlag = 2,
  kUniqueKeyFlag = 4,
  kMultipleKeyFlag = 8,
  kBlobFlag = 16,
  kUnsignedFlag = 32,
  kZerofillFlag = 64,
  kBinaryFlag = 128,
  kEnumFlag = 256,
  kAutoIncrementFlag = 512,
  kTimestampFlag = 1024,
  kSetFlag = 2048,
  kNoDefaultValueFlag = 4096,
  kOnUpdateNowFlag = 8192,
  kNumFlag = 32768,
};

/// Collation ids used in ColumnDefinition41.character_set and the handshake.
enum Charset : uint16_t {
  kCharsetLatin1 = 8,    // latin1_swedish_ci
  kCharsetUtf8mb3 = 33,  // utf8mb3_general_ci
  kCharsetUtf8mb4 = 45,  // utf8mb4_general_ci (our server default)
  kCharsetBinary = 63,   // binary: numbers and BLOBs
  kCharsetUtf8mb4Unicode = 224,
};

}  // namespace minisql
