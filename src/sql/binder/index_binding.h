// index_binding.h — checks one KEY / INDEX / UNIQUE definition against a table and
// turns it into a storage::IndexDef, the way MySQL names and validates keys.
//
// Used by CREATE TABLE (bind_create_table.cc), CREATE INDEX and ALTER TABLE ... ADD
// INDEX (index_ddl_executor.cc), so every path gives the same names and errors:
//
//   unknown column            1072 Key column 'x' doesn't exist in table
//   column listed twice       1060 Duplicate column name 'x'
//   TEXT column               1170 BLOB/TEXT column 'x' used in key specification ...
//   name PRIMARY              1280 Incorrect index name 'PRIMARY'
//   name already used         1061 Duplicate key name 'x'
//   no name                   the first column's name, else <name>_2, <name>_3, ...
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

/// MySQL's limit on keys per table (ER_TOO_MANY_KEYS).
inline constexpr size_t kMaxIndexesPerTable = 64;

/// `taken` holds the names of the table's keys declared so far (case-insensitive).
Result<storage::IndexDef> BindIndexDefinition(const storage::TableSchema& schema,
                                              const ast::IndexDefinition& definition,
                                              const std::vector<std::string>& taken);

/// The names of `schema`'s secondary indexes.
std::vector<std::string> IndexNames(const storage::TableSchema& schema);

}  // namespace minisql::sql
