// plan_nodes.cc — how plan nodes print themselves (for EXPLAIN and tests).
#include "sql/planner/plan_nodes.h"

#include "sql/planner/index_range_extractor.h"

namespace minisql::sql {

namespace {

std::string Join(const std::vector<ExpressionPtr>& expressions) {
  std::string out;
  for (size_t i = 0; i < expressions.size(); ++i) {
    if (i > 0) out += ", ";
    out += expressions[i] ? expressions[i]->ToString() : "DEFAULT";
  }
  return out;
}

std::string KeyText(const storage::TableSchema& table, const storage::KeyBound& bound) {
  std::string out;
  for (size_t i = 0; i < bound.values.size(); ++i) {
    if (i > 0) out += ",";
    out += bound.values[i].is_null() ? "NULL" : bound.values[i].ToText();
  }
  return out;
}

}  // namespace

std::string PlanNode::ToString() const {
  std::string out;
  Print(&out, 0);
  return out;
}

void PlanNode::Print(std::string* out, int depth) const {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(Describe());
  out->push_back('\n');
  for (const auto& child : children_) child->Print(out, depth + 1);
}

std::string DescribeKeyRange(const storage::TableSchema& table, const storage::KeyRange& range) {
  if (!range.lower && !range.upper) return "all";
  std::string key =
      table.primary_key.empty() ? "<row id>" : table.columns[table.primary_key[0]].name;
  if (range.lower && range.upper && range.lower->inclusive && range.upper->inclusive &&
      KeyText(table, *range.lower) == KeyText(table, *range.upper)) {
    return key + " = " + KeyText(table, *range.lower);
  }
  std::string out;
  if (range.lower) {
    out += key + (range.lower->inclusive ? " >= " : " > ") + KeyText(table, *range.lower);
  }
  if (range.upper) {
    if (!out.empty()) out += " AND ";
    out += key + (range.upper->inclusive ? " <= " : " < ") + KeyText(table, *range.upper);
  }
  return out;
}

std::string SeqScanPlan::Describe() const {
  return "SeqScan(" + table->database + "." + table->name +
         ", range: " + DescribeKeyRange(*table, range) + ")";
}

std::string ValuesPlan::Describe() const {
  std::string out = "Values(";
  for (size_t i = 0; i < rows.size(); ++i) out += (i > 0 ? ", (" : "(") + Join(rows[i]) + ")";
  return out + ")";
}

std::string FilterPlan::Describe() const {
  return "Filter(" + predicate->ToString() + ")";
}

std::string ProjectionPlan::Describe() const {
  return "Projection(" + Join(expressions) + (append_input ? ", input" : "") + ")";
}

std::string AggregationPlan::Describe() const {
  std::string out = "Aggregation(keys: [" + Join(group_by) + "], aggregates: [";
  for (size_t i = 0; i < aggregates.size(); ++i) {
    const BoundAggregate& a = aggregates[i];
    if (i > 0) out += ", ";
    out += a.spec.name + "(" + (a.spec.distinct ? "DISTINCT " : "") +
           (a.spec.star ? "*" : a.argument->ToString()) + ")";
  }
  return out + "])";
}

std::string SortPlan::Describe() const {
  std::string out = "Sort(";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ", ";
    out += keys[i].key->ToString() + (keys[i].descending ? " DESC" : " ASC");
  }
  return out + ")";
}

std::string LimitPlan::Describe() const {
  return "Limit(" + (limit ? std::to_string(*limit) : std::string("none")) + ", offset " +
         std::to_string(offset) + ")";
}

std::string DistinctPlan::Describe() const {
  return "Distinct";
}

std::string NestedLoopJoinPlan::Describe() const {
  return std::string(left_outer ? "NestedLoopLeftJoin(" : "NestedLoopJoin(") +
         (condition ? condition->ToString() : "true") + ")";
}

std::string HashJoinPlan::Describe() const {
  std::string out = left_outer ? "HashLeftJoin(" : "HashJoin(";
  for (size_t i = 0; i < left_keys.size(); ++i) {
    if (i > 0) out += " AND ";
    out += left_keys[i]->ToString() + " = " + right_keys[i]->ToString();
  }
  if (residual) out += ", residual: " + residual->ToString();
  return out + ")";
}

std::string WidenPlan::Describe() const {
  return "Widen(" + table + " at #" + std::to_string(offset) + " of " + std::to_string(width) + ")";
}

std::string InsertPlan::Describe() const {
  return "Insert(" + table->database + "." + table->name + ", " + std::to_string(rows.size()) +
         " rows)";
}

std::string ModifyPlan::Describe() const {
  std::string out = type() == PlanType::kUpdate ? "Update(" : "Delete(";
  if (!targets.empty()) {  // multi-table: the rows come from child(0)
    for (size_t t = 0; t < targets.size(); ++t) {
      out += (t == 0 ? "" : ", ") + targets[t].table->database + "." + targets[t].table->name;
      for (const BoundAssignment& a : targets[t].assignments) {
        out += " " + targets[t].table->columns[a.column].name + " = " +
               (a.value ? a.value->ToString() : std::string("DEFAULT"));
      }
    }
    for (const BoundOrderItem& item : order_by) {
      out += ", order by " + item.key->ToString() + (item.descending ? " DESC" : "");
    }
    if (limit) out += ", limit " + std::to_string(*limit);
    return out + ")";
  }
  out += table->database + "." + table->name;
  if (use_index) out += ", index: " + table->indexes[index].name;
  out += ", range: " + (use_index ? DescribeIndexRange(*table, table->indexes[index], range)
                                  : DescribeKeyRange(*table, range));
  if (predicate) out += ", where: " + predicate->ToString();
  for (const BoundAssignment& a : assignments) {
    out += ", " + table->columns[a.column].name + " = " +
           (a.value ? a.value->ToString() : std::string("DEFAULT"));
  }
  for (const BoundOrderItem& item : order_by) {
    out += ", order by " + item.key->ToString() + (item.descending ? " DESC" : "");
  }
  if (limit) out += ", limit " + std::to_string(*limit);
  return out + ")";
}

}  // namespace minisql::sql
