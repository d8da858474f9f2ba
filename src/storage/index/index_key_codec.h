// index_key_codec.h — the keys of secondary index B+ trees.
//
// A secondary index is a B+ tree of its own (see index_maintenance.h). Its keys must
// be unique and memcmp-ordered like the index columns, so each key is the index
// columns' values followed by the row's clustered key, which tells apart rows that
// share the indexed values:
//
//   component            bytes
//   -------------------  -------------------------------------------------------
//   per index column     0x00 if NULL, else 0x01 + the key_codec.h encoding
//   clustered key        the row's primary key encoding or 8-byte hidden row id
//
// A DESC column's component (flag byte included) has every byte inverted: the
// components are prefix-free, so this exactly reverses their memcmp order (NULLs
// then sort last, as in MariaDB's descending indexes).
//
// The NULL flag byte makes NULL sort before every value, as in MySQL's ascending
// order, and keeps every component self-delimiting, so the encoding of the first k
// index columns is a byte prefix of every matching key: range scans and UNIQUE checks
// seek to that prefix. The value stored under an index key is the clustered key
// again, so a scan finds the row without parsing the key.
//
//   KEY (name) on a table clustered by INT id, row (id 7, name 'ab'):
//     key   = 01 41 42 00 00 | 80 00 00 00 00 00 00 07
//     value = 80 00 00 00 00 00 00 07
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

/// The encoding of the first values.size() columns of `index` (values may be NULL).
Result<std::string> EncodeIndexPrefix(const TableSchema& table, const IndexDef& index,
                                      const std::vector<Value>& values);

/// The index columns' values of `row`.
std::vector<Value> IndexValues(const IndexDef& index, const Row& row);

/// The full index key of `row`, whose clustered key is `clustered_key`.
Result<std::string> EncodeIndexKey(const TableSchema& table, const IndexDef& index, const Row& row,
                                   const std::string& clustered_key);

/// True if some index column of `row` is NULL (such a row never collides in a UNIQUE
/// index, as in MySQL).
bool HasNullIndexValue(const IndexDef& index, const Row& row);

/// "1-abc": the index values as MySQL prints them in ER_DUP_ENTRY.
std::string DescribeIndexValues(const IndexDef& index, const Row& row);

}  // namespace minisql::storage
