// alter_table_plan.h — what an ALTER TABLE statement turns a table's definition into.
//
// ALTER TABLE t a1, a2, ... applies its actions in order to a copy of t's TableSchema,
// remembering for every resulting column which old column its values come from (or
// that it is new, and what it is filled with). alter_table_executor.cc then hands the
// new definition and a row converter to StorageEngine::RebuildTable, which rewrites
// the rows in one DDL transaction.
//
//   old columns   id  a  b  c          ALTER TABLE t DROP b, ADD d INT FIRST,
//   new columns   d   id a' c             MODIFY a BIGINT
//   source        -   0  1  3          (a' = old a converted to BIGINT)
//
// The errors are MariaDB 10.11's: 1054 unknown column, 1060 duplicate column, 1090 no
// columns left, 1091 unknown column or key to drop, 1072 dropping a column of a
// multi-column PRIMARY/UNIQUE key (MariaDB refuses to change what is unique), 1068 a
// second primary key, 1075 AUTO_INCREMENT not leading a key, 1176 unknown key to rename.
// Dropping a column removes it from non-unique keys and drops keys left empty.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"
#include "types/value.h"

namespace minisql::sql {

struct AlterPlan {
  storage::TableSchema schema;  // the new definition (database and name unchanged)
  /// Parallel to schema.columns: the old column the values come from, or nullopt for
  /// an added column, which is filled with `fill`.
  std::vector<std::optional<uint32_t>> source;
  std::vector<Value> fill;
  /// Whether the rows must be rewritten (anything but RENAME TABLE changed).
  bool rebuild = false;
  /// The table options given (ENGINE=, CHARSET=, COLLATE=, COMMENT=, AUTO_INCREMENT=), in
  /// order; already folded into schema.options.
  std::vector<ast::TableOption> table_options;
  /// AUTO_INCREMENT=N: the next value to generate, set after the rebuild.
  std::optional<int64_t> auto_increment;
  /// RENAME [TO] db.name: applied after the rebuild.
  std::optional<std::pair<std::string, std::string>> rename;
};

/// Applies the statement's actions, in order, to `table` (the current definition).
Result<AlterPlan> PlanAlterTable(const storage::TableSchema& table,
                                 const ast::AlterTableStmt& stmt);

}  // namespace minisql::sql
