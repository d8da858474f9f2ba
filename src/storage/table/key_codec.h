// key_codec.h — memcomparable encoding of primary keys.
//
// A table's rows live in a B+ tree ordered by memcmp over byte-string keys. This file
// turns primary-key Values into bytes whose memcmp order is the SQL order, so the tree
// never needs to know about types or collations.
//
//   Value      encoding                                                  bytes
//   ---------  --------------------------------------------------------  -----------
//   Int        big-endian two's complement with the sign bit flipped      8
//   UNSIGNED   below INT64_MAX: as Int (so older keys stay valid);        8
//   integer    INT64_MAX and above: 8 x 0xFF, then v - INT64_MAX          16
//   column     big-endian (2^63 sorts above 2^63-1)
//   Double     IEEE bits big-endian; positive: sign bit flipped,          8
//              negative: all bits flipped (-0.0 is encoded as +0.0)
//   Decimal    rescaled to the column's scale, the unscaled 128-bit       16
//              integer big-endian with the sign bit flipped
//   String     weight string, escaped: each 0x00 byte -> 0x00 0xFF,       len + 2 (+escapes)
//              then the terminator 0x00 0x00
//   temporal   DATE/TIME/DATETIME/TIMESTAMP columns: the packed integer   8
//              of types/temporal.h, encoded like Int
//
// Strings follow MariaDB's default collation utf8mb4_general_ci as far as a byte
// transformation can: the weight string folds ASCII letters to upper case ('a' == 'A')
// and drops trailing spaces ('a ' == 'a'). Simplifications, documented on purpose:
// non-ASCII bytes are kept as they are (so 'é' != 'É'), and characters below the space
// (tab, newline) sort before the end of the string ("a\t" < "a"), where MariaDB's PAD
// SPACE rule would pad with spaces first.
//
// Because every component is self-delimiting (fixed width or terminated), the key of
// a composite primary key is the concatenation of its components, and a prefix of the
// key columns' values encodes to a byte prefix of every matching key (KeyRange uses
// this). NULL is not allowed in primary keys.
//
// Tables without a PRIMARY KEY are clustered on a hidden row id: 8 bytes big-endian
// (EncodeRowIdKey), taken from a per-table counter in the catalog.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/storage_engine.h"
#include "types/value.h"

namespace minisql::storage {

/// Appends one key component for `value`, stored in a column of type `type`.
/// Errors: NULL (programmer error), DECIMAL too wide, a kind that does not fit the type.
Status AppendKeyComponent(const ColumnType& type, const Value& value, std::string* key);

/// The clustered key of `row` in `table`: its primary key columns, encoded. (Tables
/// without a primary key use EncodeRowIdKey instead.)
Result<std::string> EncodePrimaryKey(const TableSchema& table, const Row& row);

/// The encoding of the first values.size() primary key columns (for range scans).
Result<std::string> EncodeKeyPrefix(const TableSchema& table, const std::vector<Value>& values);

/// The hidden clustered key of a table without a primary key.
std::string EncodeRowIdKey(uint64_t row_id);

/// The weight string of `s` under the simplified utf8mb4_general_ci described above.
std::string CollationWeight(const std::string& s);

/// "1-abc": the key values as MySQL prints them in ER_DUP_ENTRY.
std::string DescribePrimaryKey(const TableSchema& table, const Row& row);

}  // namespace minisql::storage
