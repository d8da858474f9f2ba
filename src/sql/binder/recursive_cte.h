// recursive_cte.h — the binder's helpers for WITH RECURSIVE (bind_recursive_cte.cc):
// checks on the definition's AST before binding it (recursive_cte_check.cc), and the
// binding of the CTE's name inside its recursive parts to the working table.
//
//   WITH RECURSIVE t AS ( SELECT 1            ← anchor: does not read t
//                         UNION ALL
//                         SELECT n + 1 FROM t ← recursive part: reads t
//                         WHERE n < 5 )
//
// A recursive part may read t only as a plain FROM table, not on the NULL-padded side
// of an outer join, not inside a subquery or derived table, and may not aggregate:
// each iteration must depend on the previous iteration's rows one at a time (MariaDB
// answers 4008 "Restrictions imposed on recursive definitions are violated").
// Inside a recursive part the name reads the working table: the rows the previous
// iteration produced (recursive_cte_plan.h).
#pragma once

#include <string>

#include "common/status.h"
#include "sql/binder/bound_statement.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

struct RecursiveCtePlan;

/// What the CTE's name means inside one of its recursive parts.
struct WorkingTableBinding {
  std::string name;
  std::shared_ptr<const storage::TableSchema> schema;  // the CTE's columns
  const RecursiveCtePlan* cte = nullptr;               // whose working table
};

/// A FROM reference `ref` to the working table (bind_recursive_cte.cc).
BoundTable WorkingTable(const WorkingTableBinding& binding, const ast::TableRef& ref);

/// True if `select`, or any query nested in it, names table `name` (unqualified).
bool ReadsTable(const ast::SelectStmt& select, const std::string& name);

/// 4008 unless recursive part `part` reads `name` only as MariaDB permits (above).
Status CheckRecursivePart(const ast::SelectStmt& part, const std::string& name);

}  // namespace minisql::sql
