// planner.cc — see planner.h.
#include "sql/planner/planner.h"

#include "sql/expression/expression_binder.h"
#include "sql/expression/expression_nodes.h"
#include "sql/planner/access_path.h"
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

// Reads the one table of a single-table SELECT through the access path
// access_path.h chooses; sets *ordered when the rows come out in ORDER BY's order.
// Locking reads (FOR UPDATE / LOCK IN SHARE MODE) take the table scan, which locks.
PlanNodePtr PlanSingleTable(BoundSelect& select, bool* ordered) {
  const BoundTable& table = select.tables[0];
  if (table.derived_plan) return PlanDerivedTable(table);
  std::vector<uint32_t> wanted = OrderByColumns(select);
  AccessPath path = ChooseAccessPath(select.where_ast, *table.schema, table.alias, wanted);
  if (select.lock && path.use_index) {
    path.use_index = false;
    path.range = ExtractKeyRange(select.where_ast, *table.schema, table.alias);
  }
  *ordered = ProvidesOrder(path, wanted);
  if (!path.use_index) {
    auto scan = std::make_unique<SeqScanPlan>();
    scan->table = table.schema;
    scan->lock = select.lock;
    scan->range = std::move(path.range);
    return scan;
  }
  auto scan = std::make_unique<IndexScanPlan>();
  scan->table = table.schema;
  scan->index = path.index;
  scan->range = std::move(path.range);
  return scan;
}

PlanNodePtr PlanFrom(BoundSelect& select, bool* ordered) {
  *ordered = false;
  if (select.tables.empty()) {
    auto values = std::make_unique<ValuesPlan>();
    values->rows.emplace_back();  // one row with no columns
    return values;
  }
  return PlanSingleTable(select, ordered);  // several tables go through the join planner
}

}  // namespace

PlanNodePtr Planner::PlanSelect(BoundSelect select) {
  size_t input_width = 0;
  for (const BoundTable& table : select.tables) input_width += table.schema->columns.size();
  // Several tables (the binder allows up to 61): the join planner also applies
  // WHERE, part by part (join_planner.h).
  const bool joins = select.tables.size() > 1;
  bool ordered = false;  // the scan already yields ORDER BY's order
  PlanNodePtr plan = joins ? PlanJoins(select) : PlanFrom(select, &ordered);
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
  if (select.window_having) {  // HAVING before the window functions (bind_window.h)
    auto items = std::make_unique<ProjectionPlan>();
    items->expressions = std::move(select.pre_window_items);
    items->append_input = true;
    plan = Over(std::move(items), std::move(plan));
    auto filter = std::make_unique<FilterPlan>();
    filter->predicate = std::move(select.window_having);
    plan = Over(std::move(filter), std::move(plan));
  }
  if (!select.windows.empty()) {  // window functions: after grouping, before the items
    auto window = std::make_unique<WindowPlan>();
    window->functions = std::move(select.windows);
    plan = Over(std::move(window), std::move(plan));
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
  if (!select.order_by.empty() && !ordered) {
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
    limit->count_all_rows = select.calc_found_rows;
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
  plan->on_conflict = insert.on_conflict;
  plan->on_duplicate = std::move(insert.on_duplicate);
  plan->ignore = insert.ignore;
  return plan;
}

namespace {

// The multi-table forms: the join (a SELECT ... FOR UPDATE's FROM and WHERE) feeds the
// modify node, which changes the targets' rows (multi_modify_executor.h).
PlanNodePtr PlanMultiModify(PlanType type, BoundModify modify) {
  auto plan = std::make_unique<ModifyPlan>(type);
  BoundSelect& join = *modify.join;
  PlanNodePtr rows;
  if (join.tables.size() > 1) {
    rows = PlanJoins(join);
  } else {  // `DELETE t FROM t WHERE ...`: one locking scan
    auto scan = std::make_unique<SeqScanPlan>();
    scan->table = join.tables[0].schema;
    scan->lock = join.lock;
    rows = std::move(scan);
    if (join.where) {
      auto filter = std::make_unique<FilterPlan>();
      filter->predicate = std::move(join.where);
      rows = Over(std::move(filter), std::move(rows));
    }
  }
  plan->table = modify.targets[0].table;
  plan->targets = std::move(modify.targets);
  plan->order_by = std::move(modify.order_by);
  plan->limit = modify.limit;
  plan->ignore = modify.ignore;
  plan->AddChild(std::move(rows));
  return plan;
}

// UPDATE and DELETE find their rows through the same access path a SELECT of the
// table would take (access_path.h): `UPDATE t SET c = 1 WHERE id = 7` reads one key.
PlanNodePtr PlanModify(PlanType type, BoundModify modify) {
  if (!modify.targets.empty()) return PlanMultiModify(type, std::move(modify));
  auto plan = std::make_unique<ModifyPlan>(type);
  std::vector<uint32_t> wanted;  // ORDER BY as plain ascending columns, if it is that
  for (const BoundOrderItem& item : modify.order_by) {
    const auto* ref = dynamic_cast<const ColumnRefExpression*>(item.key.get());
    if (item.descending || ref == nullptr) {
      wanted.clear();
      break;
    }
    wanted.push_back(ref->index());
  }
  AccessPath path = ChooseAccessPath(modify.where_ast, *modify.table, modify.alias, wanted);
  plan->range = std::move(path.range);
  plan->use_index = path.use_index;
  plan->index = path.index;
  if (wanted.empty() || !ProvidesOrder(path, wanted)) plan->order_by = std::move(modify.order_by);
  plan->table = std::move(modify.table);
  plan->predicate = std::move(modify.where);
  plan->assignments = std::move(modify.assignments);
  plan->limit = modify.limit;
  plan->ignore = modify.ignore;
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
