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

class JoinPlanner {
 public:
  explicit JoinPlanner(BoundSelect& select) : select_(select) {
    for (const BoundTable& t : select.tables) width_ += t.schema->columns.size();
  }

  PlanNodePtr Plan() {
    pool_ = std::move(select_.where_conjuncts);
    select_.where.reset();
    for (size_t i = 1; i < select_.tables.size(); ++i) {
      BoundTable& table = select_.tables[i];
      if (table.join_type == ast::TableRef::JoinType::kLeft) continue;
      for (BoundConjunct& c : table.join_conjuncts) pool_.push_back(std::move(c));
      table.join_conjuncts.clear();
    }
    std::vector<Unit> units;
    for (size_t i = 0; i < select_.tables.size(); ++i) {
      if (i > 0 && select_.tables[i].join_type == ast::TableRef::JoinType::kLeft) {
        Unit left = CombineAll(std::move(units));
        units.clear();
        units.push_back(LeftJoin(std::move(left), i));
      } else {
        units.push_back(TableUnit(i, /*nullable=*/false, &pool_));
      }
    }
    Unit all = CombineAll(std::move(units));
    ApplyCovered(&all, /*everything=*/true);  // parts reading every table
    return std::move(all.plan);
  }

 private:
  // A table's scan, widened to the joined row, filtered by the parts of `parts`
  // that read only this table (or no table).
  Unit TableUnit(size_t index, bool nullable, std::vector<BoundConjunct>* parts) {
    const BoundTable& table = select_.tables[index];
    auto scan = std::make_unique<SeqScanPlan>();
    scan->table = table.schema;
    if (!nullable) scan->range = ExtractKeyRange(select_.where_ast, *table.schema, table.alias);
    scan->estimated_rows = kTableRowsGuess;
    auto widen = std::make_unique<WidenPlan>();
    widen->table = table.alias;
    widen->offset = table.offset;
    widen->width = width_;
    widen->estimated_rows = kTableRowsGuess;
    widen->AddChild(std::move(scan));
    Unit unit{std::move(widen), uint64_t{1} << index, kTableRowsGuess};
    std::vector<BoundConjunct> local;
    for (auto it = parts->begin(); it != parts->end();) {
      if (Within(it->tables, unit.tables)) {
        unit.rows *= Selectivity(*it);
        local.push_back(std::move(*it));
        it = parts->erase(it);
      } else {
        ++it;
      }
    }
    AddFilter(&unit, AndOf(&local));
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

  // Applies the pool parts that `unit` covers (or all of them) as a filter on top.
  void ApplyCovered(Unit* unit, bool everything) {
    std::vector<BoundConjunct> covered;
    for (auto it = pool_.begin(); it != pool_.end();) {
      if (everything || Within(it->tables, unit->tables)) {
        unit->rows *= Selectivity(*it);
        covered.push_back(std::move(*it));
        it = pool_.erase(it);
      } else {
        ++it;
      }
    }
    AddFilter(unit, AndOf(&covered));
  }

  // Joins the inner-joined `units` into one, in the order join_order.h picks.
  Unit CombineAll(std::vector<Unit> units) {
    std::vector<JoinInput> inputs;
    for (const Unit& u : units) inputs.push_back(JoinInput{u.rows, u.tables});
    std::vector<JoinPredicate> predicates;
    for (const BoundConjunct& c : pool_) predicates.push_back(Describe(c));
    std::vector<size_t> order = ChooseJoinOrder(inputs, predicates);
    Unit joined = std::move(units[order[0]]);
    for (size_t k = 1; k < order.size(); ++k) {
      Unit next = std::move(units[order[k]]);
      uint64_t both = joined.tables | next.tables;
      std::vector<BoundConjunct> conditions;
      for (auto it = pool_.begin(); it != pool_.end();) {
        if (Within(it->tables, both)) {
          conditions.push_back(std::move(*it));
          it = pool_.erase(it);
        } else {
          ++it;
        }
      }
      joined = Join(std::move(joined), std::move(next), std::move(conditions), false);
    }
    return joined;
  }

  // `left` LEFT JOIN table `index` ON its condition; then the pool parts it covers.
  Unit LeftJoin(Unit left, size_t index) {
    std::vector<BoundConjunct> on = std::move(select_.tables[index].join_conjuncts);
    select_.tables[index].join_conjuncts.clear();
    Unit right = TableUnit(index, /*nullable=*/true, &on);
    Unit joined = Join(std::move(left), std::move(right), std::move(on), true);
    ApplyCovered(&joined, /*everything=*/false);
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
  Unit Join(Unit left, Unit right, std::vector<BoundConjunct> conditions, bool left_outer) {
    // The right side is held in memory: for an inner join, make it the smaller one.
    if (!left_outer && right.rows > left.rows) std::swap(left, right);
    std::vector<ExpressionPtr> left_keys, right_keys;
    std::vector<CompareMode> modes;
    std::vector<BoundConjunct> residual;
    double rows = left.rows * right.rows;
    for (BoundConjunct& c : conditions) {
      CompareMode mode = c.is_equality ? CompareModeFor(c.eq_left->type(), c.eq_right->type())
                                       : CompareMode::kRuntime;
      JoinPredicate p = Describe(c);
      if (mode != CompareMode::kRuntime && IsJoinKey(p, left.tables, right.tables)) {
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
  std::vector<BoundConjunct> pool_;  // inner parts not applied yet
};

}  // namespace

PlanNodePtr PlanJoins(BoundSelect& select) {
  return JoinPlanner(select).Plan();
}

}  // namespace minisql::sql
