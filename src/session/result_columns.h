// result_columns.h — ColumnDefinition41 metadata for the SQL layer's output columns.
//
// The SQL layer says what a result column is (sql::OutputColumn: a type, a table
// column it came from); this file decides how MariaDB describes that on the wire:
//
//   plain table column   org_name/table/org_table/schema filled; flags NOT_NULL,
//                        PRI_KEY|PART_KEY, AUTO_INCREMENT, NO_DEFAULT_VALUE, NUM,
//                        UNSIGNED, BLOB; strings have decimals 0
//   expression           flags NOT_NULL (if it cannot be NULL), NUM and BINARY for
//                        numbers; strings have decimals 39 (MariaDB's "not fixed")
//   DOUBLE               decimals 31; DECIMAL: its scale
//
// Lengths are in bytes of the connection character set (`charset`).
#pragma once

#include <vector>

#include "session/result_sink.h"
#include "sql/binder/bound_statement.h"

namespace minisql {

ResultColumn ToResultColumn(const sql::OutputColumn& column, uint16_t charset);
std::vector<ResultColumn> ToResultColumns(const std::vector<sql::OutputColumn>& columns,
                                          uint16_t charset);

}  // namespace minisql
