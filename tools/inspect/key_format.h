// key_format.h — turning stored bytes into text a student can read (minisql-inspect).
//
// Keys are memcomparable (docs/storage.md section 6). Given the table's schema the
// primary key is decoded column by column, e.g. 80 00 00 00 00 00 00 2A -> (42); a
// table without a primary key shows its hidden row id; catalog keys are shown as text
// with their 0x00 separators as '/'.
#pragma once

#include <string>
#include <string_view>

#include "storage/storage_engine.h"

namespace minisql::inspect {

/// Bytes as text: printable ASCII as is, everything else as \xNN. At most `max` bytes
/// are shown, then "...".
std::string Printable(std::string_view bytes, size_t max = 48);
/// Bytes as hex pairs "80 00 2A", at most `max` bytes, then "...".
std::string Hex(std::string_view bytes, size_t max = 16);
/// A B+ tree key decoded for its tree: `schema` null means the catalog.
std::string DescribeKey(const storage::TableSchema* schema, std::string_view key);

}  // namespace minisql::inspect
