// conjuncts.h — splits a WHERE or ON condition at its top-level ANDs and notes which
// FROM tables each part reads.
//
//   WHERE a1 = b2 AND b3 > 5 AND (c1 = 1 OR c3 = 2)
//
//   conjunct            tables     equality sides (for a hash join)
//   a1 = b2             {t1, t2}   a1 | b2
//   b3 > 5              {t3}       -
//   c1 = 1 OR c3 = 2    {t1, t3}   -
//
// The planner (planner/join_planner.h) uses the table sets to filter each table
// before joining it and to pick a join order; the equality sides become hash keys.
// A part whose tables cannot be known (a subquery inside it) claims every table, so
// it is applied only once all of them are joined.
#pragma once

#include <vector>

#include "common/status.h"
#include "sql/binder/bound_statement.h"
#include "sql/binder/name_scopes.h"

namespace minisql::sql {

/// Binds every AND-ed part of `condition` with `scope` (the FROM tables it may read).
Result<std::vector<BoundConjunct>> BindConjuncts(const ast::Expr& condition,
                                                 const TableScope& scope, size_t table_count);

}  // namespace minisql::sql
