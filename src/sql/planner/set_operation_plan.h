// set_operation_plan.h — the plan node of UNION / INTERSECT / EXCEPT.
//
//   SELECT a FROM t1 UNION SELECT b FROM t2 ORDER BY 1
//
//   Projection(`a`)
//     Sort(`a` ASC)
//       Projection(`a`, input)
//         DerivedTable(<set>: SetOperation(UNION) ...)    the set operation's rows
//
// child(0) and child(1) are the two operands' complete plans. Their rows are brought
// to the unified column types (`types`) and combined; the binder wraps the node as a
// derived table so that ORDER BY and LIMIT on the whole result go through the
// ordinary SELECT machinery.
#pragma once

#include <vector>

#include "sql/parser/ast.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

struct SetOperationPlan : PlanNode {
  SetOperationPlan() : PlanNode(PlanType::kSetOperation) {}
  ast::SetOperation op = ast::SetOperation::kUnion;
  std::vector<ColumnType> types;  // the result's column types
  std::string Describe() const override;
};

}  // namespace minisql::sql
