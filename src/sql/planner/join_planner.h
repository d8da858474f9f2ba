// join_planner.h — plans the FROM clause of a SELECT that reads several tables,
// together with its WHERE clause.
//
//   SELECT ... FROM t1, t2, t3 WHERE a1 = b2 AND b3 = c2 AND a1 > 5
//
//   HashJoin(`b3` = `c2`)                       (estimated rows: 1000)
//     HashJoin(`a1` = `b2`)
//       Filter((`a1` > 5))                      pushed down: reads t1 only
//         Widen(t1 at #0 of 18)
//           SeqScan(db.t1, range: all)
//       Widen(t2 at #6 of 18)
//         SeqScan(db.t2, range: all)
//     Widen(t3 at #12 of 18)
//       SeqScan(db.t3, range: all)
//
// Steps:
//   1. Every input row is widened to the full joined row (WidenPlan), so each WHERE/ON
//      part can be evaluated wherever its tables are present.
//   2. The WHERE parts and the ON parts of inner joins form one pool (for inner joins
//      they mean the same thing). A part is applied at the lowest point where all the
//      tables it reads are joined: on one table's scan, or at a join.
//   3. Inner-joined inputs are ordered greedily (join_order.h). Each join uses the
//      equality parts between its two sides as hash keys (hash_join_executor.h), or
//      is a nested loop when there is none.
//   4. A LEFT JOIN (RIGHT JOIN arrives mirrored, see BoundFromItem) is planned as one
//      input: its left side is planned (in the best order) with the pool, its right
//      side — a table or a nested join — only with its own ON parts that read nothing
//      else, and the two are joined with a hash join on the equality parts of its ON
//      (nested loop otherwise). WHERE parts never filter the NULL-padded side below the
//      join: they must see its NULL-padded rows.
//
// The result's rows are the joined rows the binder bound everything above against,
// with all of WHERE applied.
#pragma once

#include "sql/binder/bound_statement.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

/// `select.tables` has at least two tables. Consumes their join conditions and the
/// WHERE clause (select.where and select.where_conjuncts).
PlanNodePtr PlanJoins(BoundSelect& select);

}  // namespace minisql::sql
