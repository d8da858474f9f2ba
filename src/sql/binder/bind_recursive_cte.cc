// bind_recursive_cte.cc — WITH RECURSIVE name [(columns)] AS (anchors UNION [ALL]
// recursive parts).
//
// The definition's top-level UNION operands are split into anchors (they do not read
// the CTE) and recursive parts (they do), in any order, as MariaDB allows. The CTE's
// columns are named by the column list (else by the first anchor) and typed by the
// anchors alone; the recursive parts are bound with the CTE's name meaning the working
// table. The result is one RecursiveCtePlan (recursive_cte_plan.h), which the FROM
// reference reads as a derived table.
//
// Refused as MariaDB refuses them: no anchor (4005); an aggregate or a reference from a
// subquery or an outer join's inner side in a recursive part (4008, recursive_cte.h);
// ORDER BY / LIMIT on the definition and a mix of UNION and UNION ALL (1235, with
// MariaDB's wording). Not supported: INTERSECT / EXCEPT around a recursive reference.
#include "sql/binder/binder.h"
#include "sql/binder/recursive_cte.h"
#include "sql/expression/result_types.h"
#include "sql/planner/planner.h"
#include "sql/planner/recursive_cte_plan.h"

namespace minisql::sql {

namespace {

// The operands of the top-level chain of UNION / UNION ALL, in text order. `ops`
// collects the operators met.
void FlattenUnion(ast::SelectStmt& query, bool top, std::vector<ast::SelectStmt*>* operands,
                  std::vector<ast::SetOperation>* ops) {
  const bool is_union =
      query.set_op == ast::SetOperation::kUnion || query.set_op == ast::SetOperation::kUnionAll;
  if (is_union && (top || (query.order_by.empty() && !query.limit && query.with.empty()))) {
    ops->push_back(query.set_op);
    FlattenUnion(*query.set_left, false, operands, ops);
    FlattenUnion(*query.set_right, false, operands, ops);
    return;
  }
  operands->push_back(&query);
}

}  // namespace

BoundTable WorkingTable(const WorkingTableBinding& binding, const ast::TableRef& ref) {
  auto scan = std::make_shared<WorkingTableScanPlan>();
  scan->cte = binding.cte;
  BoundTable table;
  table.schema = binding.schema;
  table.alias = ref.alias.empty() ? ref.name : ref.alias;
  table.derived_plan = std::move(scan);
  return table;
}

Result<BoundTable> Binder::BindRecursiveCte(const ast::CommonTableExpr& cte,
                                            const std::string& alias, const std::string& database,
                                            const CteScope* visible) {
  // The AST belongs to the statement; binding may rewrite it (aggregates), as for
  // every CTE reference.
  ast::SelectStmt& query = *cte.select;
  if (!query.order_by.empty() || query.limit) {
    return Status::Error(ErrorCode::kNotSupportedYet,
                         std::string("global ORDER_BY/LIMIT in recursive CTE spec"));
  }
  std::vector<ast::SelectStmt*> operands;
  std::vector<ast::SetOperation> ops;
  FlattenUnion(query, /*top=*/true, &operands, &ops);
  bool distinct = false;
  bool all = false;
  for (ast::SetOperation op : ops) (op == ast::SetOperation::kUnion ? distinct : all) = true;
  if (distinct && all) {
    return Status::Error(
        ErrorCode::kNotSupportedYet,
        std::string("mix of ALL and DISTINCT UNION operations in recursive CTE spec"));
  }
  std::vector<ast::SelectStmt*> anchors;
  std::vector<ast::SelectStmt*> recursive;
  for (ast::SelectStmt* operand : operands) {
    (ReadsTable(*operand, cte.name) ? recursive : anchors).push_back(operand);
  }
  if (anchors.empty()) return Status::Error(ErrorCode::kRecursiveWithoutAnchors, cte.name);
  for (const ast::SelectStmt* part : recursive) {
    if (part->set_op != ast::SetOperation::kNone || !part->order_by.empty() || part->limit) {
      return Status::Error(ErrorCode::kNotSupportedYet,
                           std::string("INTERSECT, EXCEPT, ORDER BY or LIMIT around a recursive "
                                       "reference in a recursive CTE"));
    }
    MINISQL_RETURN_IF_ERROR(CheckRecursivePart(*part, cte.name));
  }

  auto bind_operand = [&](ast::SelectStmt& operand,
                          const WorkingTableBinding* working) -> Result<BoundSelect> {
    Binder nested(storage_, txn_, database);
    nested.ctes_ = visible;
    nested.view_depth_ = view_depth_;
    nested.variables_ = variables_;
    nested.working_table_ = working;
    return nested.BindSelect(operand);
  };

  // --- anchors: the columns' names and types ---------------------------------------
  std::vector<BoundSelect> bound_anchors;
  for (ast::SelectStmt* anchor : anchors) {
    Result<BoundSelect> bound = bind_operand(*anchor, nullptr);
    if (!bound.ok()) return bound.status();
    if (!bound_anchors.empty() && bound->columns.size() != bound_anchors[0].columns.size()) {
      return Status::Error(ErrorCode::kWrongNumberOfColumnsInSelect);
    }
    bound_anchors.push_back(std::move(*bound));
  }
  // (Read before the anchors are moved into the plan below.)
  const std::vector<OutputColumn>& first = bound_anchors[0].columns;
  if (!cte.columns.empty() && cte.columns.size() != first.size()) {
    return Status::Error(ErrorCode::kWithColListWrongCount);
  }
  auto schema = std::make_shared<storage::TableSchema>();
  schema->name = alias;
  for (size_t c = 0; c < first.size(); ++c) {
    std::vector<ColumnType> types;
    for (const BoundSelect& anchor : bound_anchors) types.push_back(anchor.columns[c].type);
    storage::ColumnDef def;
    def.name = cte.columns.empty() ? first[c].name : cte.columns[c];
    def.type = types.size() == 1 ? types[0] : CommonResultType(types);
    if (def.type.id == TypeId::kNull) def.type = first[c].type;
    // As MariaDB makes the column: an integer of at most 9 digits (the literal 1) is an
    // INT, so the recursive values must fit 32 bits (1264 otherwise).
    if (def.type.id == TypeId::kBigInt && def.type.length > 0 && def.type.length <= 9) {
      def.type.id = TypeId::kInt;
    }
    def.nullable = true;  // a recursive part may produce NULL
    if (schema->FindColumn(def.name) >= 0) {
      return Status::Error(ErrorCode::kDupFieldname, def.name);
    }
    schema->columns.push_back(std::move(def));
  }

  auto plan = std::make_shared<RecursiveCtePlan>();
  plan->name = cte.name;
  plan->distinct = distinct;
  plan->schema = schema;
  plan->anchor_count = bound_anchors.size();
  for (BoundSelect& anchor : bound_anchors) plan->AddChild(Planner::PlanSelect(std::move(anchor)));

  // --- recursive parts: the CTE's name reads the working table ------------------------
  WorkingTableBinding working{cte.name, schema, plan.get()};
  for (ast::SelectStmt* part : recursive) {
    Result<BoundSelect> bound = bind_operand(*part, &working);
    if (!bound.ok()) return bound.status();
    if (bound->columns.size() != schema->columns.size()) {
      return Status::Error(ErrorCode::kWrongNumberOfColumnsInSelect);
    }
    plan->AddChild(Planner::PlanSelect(std::move(*bound)));
  }

  BoundTable table;
  table.schema = std::move(schema);
  table.alias = alias;
  table.derived_plan = std::move(plan);
  return table;
}

}  // namespace minisql::sql
