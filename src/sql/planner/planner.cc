// planner.cc — see planner.h.
#include "sql/planner/planner.h"

#include "sql/expression/expression_binder.h"
#include "sql/planner/join_planner.h"
#include "sql/planner/key_range_extractor.h"

namespace minisql::sql {

namespace {

template <typename Node>
PlanNodePtr Over(std::unique_ptr<Node> node, PlanNodePtr child) {
  node->AddChild(std::move(child));
  return node;
}

// A derived table, view or CTE: its rows come from its own plan (derived_table_plan.cc).
PlanNodePtr PlanDerivedTable(const BoundTable& table) {
  auto derived = std::make_unique<DerivedTablePlan>();
  derived->alias = table.alias;
  derived->query = table.derived_plan;
  return derived;
}

PlanNodePtr PlanFrom(BoundSelect& select) {
  if (select.tables.empty()) {
    auto values = std::make_unique<ValuesPlan>();
    values->rows.emplace_back();  // one row with no columns
    return values;
  }
  // One table (several go through the join planner).
  BoundTable& table = select.tables.front();
  if (table.derived_plan) return PlanDerivedTable(table);
  auto scan = std::make_unique<SeqScanPlan>();
  scan->table = table.schema;
  scan->lock = select.lock;
  scan->range = ExtractKeyRange(select.where_ast, *table.schema, table.alias);
  return scan;
}

}  // namespace

PlanNodePtr Planner::PlanSelect(BoundSelect select) {
  size_t input_width = 0;
  for (const BoundTable& table : select.tables) input_width += table.schema->columns.size();
  // Several tables (the binder allows up to 61): the join planner also applies
  // WHERE, part by part (join_planner.h).
  const bool joins = select.tables.size() > 1;
  PlanNodePtr plan = joins ? PlanJoins(select) : PlanFrom(select);
  if (select.where) {
    auto filter = std::make_unique<FilterPlan>();
    filter->predicate = std::move(select.where);
    plan = Over(std::move(filter), std::move(plan));
  }
  if (select.aggregate) {
    auto aggregation = std::make_unique<AggregationPlan>();
    aggregation->group_by = std::move(select.group_by);
    aggregation->aggregates = std::move(select.aggregates);
    aggregation->input_width = input_width;
    plan = Over(std::move(aggregation), std::move(plan));
  }
  const size_t visible = select.items.size();
  auto projection = std::make_unique<ProjectionPlan>();
  projection->expressions = std::move(select.items);
  projection->append_input = select.project_input;
  plan = Over(std::move(projection), std::move(plan));
  if (select.having) {
    auto filter = std::make_unique<FilterPlan>();
    filter->predicate = std::move(select.having);
    plan = Over(std::move(filter), std::move(plan));
  }
  if (!select.order_by.empty()) {
    auto sort = std::make_unique<SortPlan>();
    sort->keys = std::move(select.order_by);
    plan = Over(std::move(sort), std::move(plan));
  }
  if (select.project_input) {
    // Drop the input columns HAVING / ORDER BY needed.
    auto trim = std::make_unique<ProjectionPlan>();
    for (size_t i = 0; i < visible; ++i) {
      const OutputColumn& column = select.columns[i];
      trim->expressions.push_back(MakeColumnRef(
          BoundColumn{static_cast<uint32_t>(i), column.type, column.nullable, column.name}));
    }
    plan = Over(std::move(trim), std::move(plan));
  }
  if (select.distinct) plan = Over(std::make_unique<DistinctPlan>(), std::move(plan));
  if (select.limit || select.offset > 0) {
    auto limit = std::make_unique<LimitPlan>();
    limit->limit = select.limit;
    limit->offset = select.offset;
    plan = Over(std::move(limit), std::move(plan));
  }
  return plan;
}

PlanNodePtr Planner::PlanInsert(BoundInsert insert) {
  auto plan = std::make_unique<InsertPlan>();
  plan->table = std::move(insert.table);
  plan->value_index = std::move(insert.value_index);
  plan->rows = std::move(insert.rows);
  plan->select = std::move(insert.select_plan);
  return plan;
}

namespace {

PlanNodePtr PlanModify(PlanType type, BoundModify modify) {
  auto plan = std::make_unique<ModifyPlan>(type);
  plan->range = ExtractKeyRange(modify.where_ast, *modify.table, modify.alias);
  plan->table = std::move(modify.table);
  plan->predicate = std::move(modify.where);
  plan->assignments = std::move(modify.assignments);
  plan->limit = modify.limit;
  return plan;
}

}  // namespace

PlanNodePtr Planner::PlanUpdate(BoundModify update) {
  return PlanModify(PlanType::kUpdate, std::move(update));
}

PlanNodePtr Planner::PlanDelete(BoundModify remove) {
  return PlanModify(PlanType::kDelete, std::move(remove));
}

}  // namespace minisql::sql
