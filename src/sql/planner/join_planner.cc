// join_planner.cc — see join_planner.h.
#include "sql/planner/join_planner.h"

#include <algorithm>

#include "sql/expression/expression_nodes.h"
#include "sql/planner/join_order.h"
#include "sql/planner/key_range_extractor.h"

namespace minisql::sql {

namespace {

// minisql keeps no table statistics yet, so every table is guessed at this size;
// filters and joins scale the guess (see the selectivities below).
constexpr double kTableRowsGuess = 1000;
constexpr double kEqualitySelectivity = 0.1;  // t.a = 5
constexpr double kOtherSelectivity = 0.5;     // t.a > 5, LIKE, ...

bool Within(uint64_t tables, uint64_t set) {
  return (tables & ~set) == 0;
}

// A planned piece of the FROM clause: its plan yields joined rows in which the
// columns of `tables` are filled in.
struct Unit {
  PlanNodePtr plan;
  uint64_t tables = 0;
  double rows = 0;
};

JoinPredicate Describe(const BoundConjunct& c) {
  return JoinPredicate{c.tables, c.is_equality, c.eq_left_tables, c.eq_right_tables};
}

double Selectivity(const BoundConjunct& c) {
  bool against_constant = c.eq_left_tables == 0 || c.eq_right_tables == 0;
  return c.is_equality && against_constant ? kEqualitySelectivity : kOtherSelectivity;
}

// The AND of `parts` (null when there are none).
ExpressionPtr AndOf(std::vector<BoundConjunct>* parts) {
  ExpressionPtr out;
  for (BoundConjunct& part : *parts) {
    out = out ? std::make_unique<LogicalExpression>(LogicalOp::kAnd, std::move(out),
                                                    std::move(part.predicate))
              : std::move(part.predicate);
  }
  parts->clear();
  return out;
}

using Pool = std::vector<BoundConjunct>;

// Moves the parts of `pool` that read only `tables` into `out`.
void TakeCovered(Pool* pool, uint64_t tables, Pool* out) {
  for (auto it = pool->begin(); it != pool->end();) {
    if (Within(it->tables, tables)) {
      out->push_back(std::move(*it));
      it = pool->erase(it);
    } else {
      ++it;
    }
  }
}

class JoinPlanner {
 public:
  explicit JoinPlanner(BoundSelect& select) : select_(select) {
    for (const BoundTable& t : select.tables) width_ += t.schema->columns.size();
  }

  PlanNodePtr Plan() {
    Pool pool = std::move(select_.where_conjuncts);
    select_.where.reset();
    for (auto& item : select_.from) MarkNullable(*item, false);
    std::vector<Unit> units;
    for (auto& item : select_.from) CollectUnits(*item, &units, &pool);
    Unit all = CombineAll(std::move(units), &pool);
    // What is left reads every table (a subquery, say): it goes on top.
    for (BoundConjunct& c : pool) all.rows *= Selectivity(c);
    AddFilter(&all, AndOf(&pool));
    return std::move(all.plan);
  }

 private:
  // The tables on the NULL-padded side of some LEFT JOIN: WHERE must not filter them
  // before that join, and their scans take no key range from WHERE.
  void MarkNullable(const BoundFromItem& item, bool nullable) {
    if (item.kind == BoundFromItem::Kind::kTable) {
      if (nullable) nullable_ |= uint64_t{1} << item.table;
      return;
    }
    MarkNullable(*item.left, nullable);
    MarkNullable(*item.right, nullable || item.kind == BoundFromItem::Kind::kLeftJoin);
  }

  uint64_t TablesOf(const BoundFromItem& item) const {
    if (item.kind == BoundFromItem::Kind::kTable) return uint64_t{1} << item.table;
    return TablesOf(*item.left) | TablesOf(*item.right);
  }

  // Splits an item into inputs that can be inner-joined in any order: tables, and
  // LEFT JOINs (each planned as one input). Inner ON parts join `pool`, where they
  // mean what WHERE parts mean.
  void CollectUnits(BoundFromItem& item, std::vector<Unit>* units, Pool* pool) {
    switch (item.kind) {
      case BoundFromItem::Kind::kTable:
        units->push_back(TableUnit(item.table, pool));
        return;
      case BoundFromItem::Kind::kInnerJoin:
        for (BoundConjunct& c : item.on) pool->push_back(std::move(c));
        item.on.clear();
        CollectUnits(*item.left, units, pool);
        CollectUnits(*item.right, units, pool);
        return;
      case BoundFromItem::Kind::kLeftJoin:
        units->push_back(LeftJoin(item, pool));
        return;
    }
  }

  Unit PlanItem(BoundFromItem& item, Pool* pool) {
    std::vector<Unit> units;
    CollectUnits(item, &units, pool);
    return CombineAll(std::move(units), pool);
  }

  // A table's scan, widened to the joined row, filtered by the parts of `pool` that
  // read only this table (or no table).
  Unit TableUnit(uint32_t index, Pool* pool) {
    const BoundTable& table = select_.tables[index];
    const uint64_t bit = uint64_t{1} << index;
    PlanNodePtr access;
    if (table.derived_plan) {
      // A derived table, view or CTE: its rows come from its own plan.
      auto derived = std::make_unique<DerivedTablePlan>();
      derived->alias = table.alias;
      derived->query = table.derived_plan;
      derived->estimated_rows = kTableRowsGuess;
      access = std::move(derived);
    } else {
      auto scan = std::make_unique<SeqScanPlan>();
      scan->table = table.schema;
      scan->lock = select_.lock;
      if ((nullable_ & bit) == 0) {
        scan->range = ExtractKeyRange(select_.where_ast, *table.schema, table.alias);
      }
      scan->estimated_rows = kTableRowsGuess;
      access = std::move(scan);
    }
    auto widen = std::make_unique<WidenPlan>();
    widen->table = table.alias;
    widen->offset = table.offset;
    widen->width = width_;
    widen->estimated_rows = kTableRowsGuess;
    widen->AddChild(std::move(access));
    Unit unit{std::move(widen), bit, kTableRowsGuess};
    ApplyCovered(&unit, pool);
    return unit;
  }

  void AddFilter(Unit* unit, ExpressionPtr predicate) {
    if (!predicate) return;
    auto filter = std::make_unique<FilterPlan>();
    filter->predicate = std::move(predicate);
    filter->estimated_rows = unit->rows;
    filter->AddChild(std::move(unit->plan));
    unit->plan = std::move(filter);
  }

  // Applies the parts of `pool` that `unit` covers as a filter on top of it.
  void ApplyCovered(Unit* unit, Pool* pool) {
    Pool covered;
    TakeCovered(pool, unit->tables, &covered);
    for (const BoundConjunct& c : covered) unit->rows *= Selectivity(c);
    AddFilter(unit, AndOf(&covered));
  }

  // Joins the inner-joined `units` into one, in the order join_order.h picks.
  Unit CombineAll(std::vector<Unit> units, Pool* pool) {
    std::vector<JoinInput> inputs;
    for (const Unit& u : units) inputs.push_back(JoinInput{u.rows, u.tables});
    std::vector<JoinPredicate> predicates;
    for (const BoundConjunct& c : *pool) predicates.push_back(Describe(c));
    std::vector<size_t> order = ChooseJoinOrder(inputs, predicates);
    Unit joined = std::move(units[order[0]]);
    for (size_t k = 1; k < order.size(); ++k) {
      Unit next = std::move(units[order[k]]);
      Pool conditions;
      TakeCovered(pool, joined.tables | next.tables, &conditions);
      joined = Join(std::move(joined), std::move(next), std::move(conditions), false);
    }
    return joined;
  }

  // left LEFT JOIN right ON ...: the ON parts that read only the right side filter it
  // before the join; the others are the join's keys and residual condition.
  Unit LeftJoin(BoundFromItem& item, Pool* pool) {
    Unit left = PlanItem(*item.left, pool);
    Pool right_pool;
    TakeCovered(&item.on, TablesOf(*item.right), &right_pool);
    Unit right = PlanItem(*item.right, &right_pool);
    ApplyCovered(&right, &right_pool);
    Unit joined = Join(std::move(left), std::move(right), std::move(item.on), true);
    item.on.clear();
    ApplyCovered(&joined, pool);
    return joined;
  }

  std::vector<ColumnSpan> Spans(uint64_t tables) const {
    std::vector<ColumnSpan> spans;
    for (size_t i = 0; i < select_.tables.size() && i < 64; ++i) {
      if ((tables >> i & 1) == 0) continue;
      const BoundTable& t = select_.tables[i];
      spans.push_back(ColumnSpan{t.offset, static_cast<uint32_t>(t.schema->columns.size())});
    }
    return spans;
  }

  // One join of two units on `conditions` (all reading only their tables).
  Unit Join(Unit left, Unit right, Pool conditions, bool left_outer) {
    // The right side is held in memory: for an inner join, make it the smaller one.
    if (!left_outer && right.rows > left.rows) std::swap(left, right);
    std::vector<ExpressionPtr> left_keys, right_keys;
    std::vector<CompareMode> modes;
    Pool residual;
    double rows = left.rows * right.rows;
    for (BoundConjunct& c : conditions) {
      CompareMode mode = c.is_equality ? CompareModeFor(c.eq_left->type(), c.eq_right->type())
                                       : CompareMode::kRuntime;
      if (mode != CompareMode::kRuntime && IsJoinKey(Describe(c), left.tables, right.tables)) {
        bool straight = Within(c.eq_left_tables, left.tables);
        left_keys.push_back(std::move(straight ? c.eq_left : c.eq_right));
        right_keys.push_back(std::move(straight ? c.eq_right : c.eq_left));
        modes.push_back(mode);
        rows = std::max(left.rows, right.rows);
      } else {
        rows *= Selectivity(c);
        residual.push_back(std::move(c));
      }
    }
    if (left_outer) rows = std::max(rows, left.rows);
    Unit out;
    out.tables = left.tables | right.tables;
    out.rows = rows;
    if (!left_keys.empty()) {
      auto join = std::make_unique<HashJoinPlan>();
      join->left_outer = left_outer;
      join->left_keys = std::move(left_keys);
      join->right_keys = std::move(right_keys);
      join->modes = std::move(modes);
      join->right_columns = Spans(right.tables);
      join->residual = AndOf(&residual);
      out.plan = std::move(join);
    } else {
      auto join = std::make_unique<NestedLoopJoinPlan>();
      join->left_outer = left_outer;
      join->right_columns = Spans(right.tables);
      join->condition = AndOf(&residual);
      out.plan = std::move(join);
    }
    out.plan->estimated_rows = rows;
    out.plan->AddChild(std::move(left.plan));
    out.plan->AddChild(std::move(right.plan));
    return out;
  }

  BoundSelect& select_;
  uint32_t width_ = 0;
  uint64_t nullable_ = 0;
};

}  // namespace

PlanNodePtr PlanJoins(BoundSelect& select) {
  return JoinPlanner(select).Plan();
}

}  // namespace minisql::sql
