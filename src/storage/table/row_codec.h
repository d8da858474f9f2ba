// row_codec.h — how a table row is stored as the value of its B+ tree entry.
//
// A row record (all integers little-endian or varint, see byte_coding.h):
//
//   offset  size                 field
//   ------  -------------------  -------------------------------------------------
//   0       varint               column count N (must match the schema)
//   ..      ceil(N/8) bytes      null bitmap: bit (i % 8) of byte (i / 8) set = NULL
//   ..      per non-NULL column  1 kind byte, then the value:
//                                  1 Int      zigzag varint
//                                  2 Double   fixed64 (the IEEE-754 bits)
//                                  3 Decimal  1 byte scale, fixed64 low, fixed64 high
//                                             (the unscaled 128-bit integer)
//                                  4 String   varint length, bytes
//                                  5 Temporal zigzag varint: the packed form of a
//                                             DATE/TIME/DATETIME/TIMESTAMP column's
//                                             value (types/temporal.h); read back as
//                                             its canonical text
//                                  6 UInt     varint: an UNSIGNED integer column's
//                                             value (records written before this kind
//                                             existed hold kind 1 there; DecodeRow
//                                             reads both as UInt)
//
// The kind byte makes every record self-describing, so a record can be checked on its
// own (a corrupt or truncated record is an error, never a crash). The primary key
// columns are stored in the record too, although the key holds them: the key is a
// collation weight (upper-cased, trailing spaces dropped) and cannot give back the
// original string.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/storage_engine.h"
#include "storage/table/byte_coding.h"
#include "types/value.h"

namespace minisql::storage {

/// Appends one Value (kind byte + payload, or nothing for NULL: NULL lives in the bitmap).
void AppendValue(const Value& value, std::string* out);

/// Serialises `row`, which must have one Value per column of `table`.
Result<std::string> EncodeRow(const TableSchema& table, const Row& row);

/// Parses a record written by EncodeRow; error 1877 (the table is corrupt) if it is
/// malformed or its column count does not match `table`.
Result<Row> DecodeRow(const TableSchema& table, std::string_view record);

/// Reads one non-NULL Value written by AppendValue; false if malformed.
bool ReadValue(ByteReader* reader, Value* value);

}  // namespace minisql::storage
