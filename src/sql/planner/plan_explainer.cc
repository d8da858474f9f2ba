// plan_explainer.cc — see plan_explainer.h.
#include "sql/planner/plan_explainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sql/planner/index_range_extractor.h"

namespace minisql::sql {

namespace {

constexpr double kTableRowsGuess = 1000;  // as join_planner.cc guesses

std::string List(const std::vector<ExpressionPtr>& expressions) {
  std::string out;
  for (size_t i = 0; i < expressions.size(); ++i) {
    if (i > 0) out += ", ";
    out += expressions[i] ? expressions[i]->ToString() : "DEFAULT";
  }
  return out;
}

std::string TableName(const storage::TableSchema& table) {
  return table.database + "." + table.name;
}

std::string Scan(const storage::TableSchema& table, const storage::KeyRange& range) {
  if (!range.lower && !range.upper) return "Table scan on " + TableName(table);
  return "Primary key range scan on " + TableName(table) + " (" + DescribeKeyRange(table, range) +
         ")";
}

std::string Aggregates(const std::vector<BoundAggregate>& aggregates) {
  std::string out;
  for (size_t i = 0; i < aggregates.size(); ++i) {
    const BoundAggregate& a = aggregates[i];
    if (i > 0) out += ", ";
    out += a.spec.name + "(" + (a.spec.distinct ? "DISTINCT " : "") +
           (a.spec.star ? "*" : a.argument->ToString());
    // Further arguments, then GROUP_CONCAT's ORDER BY keys.
    for (size_t k = 0; k < a.extra_inputs.size(); ++k) {
      bool order_key = k + 1 >= a.spec.arg_count;
      out += (order_key && k + 1 == a.spec.arg_count ? " ORDER BY " : ", ") +
             a.extra_inputs[k]->ToString();
      if (order_key && a.spec.order_descending[k + 1 - a.spec.arg_count]) out += " DESC";
    }
    out += ")";
  }
  return out;
}

// One operator's line, without the figures.
std::string Describe(const PlanNode& node) {
  switch (node.type()) {
    case PlanType::kSeqScan: {
      const auto& scan = static_cast<const SeqScanPlan&>(node);
      return Scan(*scan.table, scan.range);
    }
    case PlanType::kValues:
      return "Values: " + std::to_string(static_cast<const ValuesPlan&>(node).rows.size()) +
             " row(s)";
    case PlanType::kFilter:
      return "Filter: " + static_cast<const FilterPlan&>(node).predicate->ToString();
    case PlanType::kProjection: {
      const auto& projection = static_cast<const ProjectionPlan&>(node);
      return "Projection: " + List(projection.expressions) +
             (projection.append_input ? " (+ input row)" : "");
    }
    case PlanType::kAggregation: {
      const auto& aggregation = static_cast<const AggregationPlan&>(node);
      if (aggregation.group_by.empty()) return "Aggregate: " + Aggregates(aggregation.aggregates);
      std::string out = "Group aggregate: " + List(aggregation.group_by);
      if (!aggregation.aggregates.empty()) out += "; " + Aggregates(aggregation.aggregates);
      return out;
    }
    case PlanType::kSort: {
      std::string out = "Sort: ";
      const auto& keys = static_cast<const SortPlan&>(node).keys;
      for (size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) out += ", ";
        out += keys[i].key->ToString() + (keys[i].descending ? " DESC" : "");
      }
      return out;
    }
    case PlanType::kLimit: {
      const auto& limit = static_cast<const LimitPlan&>(node);
      std::string out =
          "Limit: " + (limit.limit ? std::to_string(*limit.limit) : "all") + " row(s)";
      if (limit.offset > 0) out += ", offset " + std::to_string(limit.offset);
      return out;
    }
    case PlanType::kDistinct:
      return "Remove duplicates";
    case PlanType::kNestedLoopJoin: {
      const auto& join = static_cast<const NestedLoopJoinPlan&>(node);
      std::string out = join.left_outer ? "Nested loop left join" : "Nested loop inner join";
      if (join.condition) out += ": " + join.condition->ToString();
      return out;
    }
    case PlanType::kHashJoin: {
      const auto& join = static_cast<const HashJoinPlan&>(node);
      std::string out = join.left_outer ? "Left hash join: " : "Inner hash join: ";
      for (size_t i = 0; i < join.left_keys.size(); ++i) {
        if (i > 0) out += " AND ";
        out += join.left_keys[i]->ToString() + " = " + join.right_keys[i]->ToString();
      }
      if (join.residual) out += ", extra condition: " + join.residual->ToString();
      return out;
    }
    case PlanType::kWiden:
      return "Widen";  // not printed (see ExplainPlan)
    case PlanType::kDerivedTable:
    case PlanType::kSetOperation:
    case PlanType::kIndexScan:
    case PlanType::kRecursiveCte:
    case PlanType::kWorkingTableScan:
    case PlanType::kInformationSchemaScan:
      return node.Describe();
    case PlanType::kWindow:
      return "Window: " + static_cast<const WindowPlan&>(node).DescribeFunctions();
    case PlanType::kInsert: {
      const auto& insert = static_cast<const InsertPlan&>(node);
      return "Insert into " + TableName(*insert.table) + ": " + std::to_string(insert.rows.size()) +
             " row(s)";
    }
    case PlanType::kUpdate:
    case PlanType::kDelete: {
      const auto& modify = static_cast<const ModifyPlan&>(node);
      if (!modify.targets.empty()) {  // multi-table: each target and its assignments
        std::string out = node.type() == PlanType::kUpdate ? "Update " : "Delete from ";
        for (size_t t = 0; t < modify.targets.size(); ++t) {
          const ModifyTarget& target = modify.targets[t];
          out += (t == 0 ? "" : "; ") + TableName(*target.table);
          for (size_t i = 0; i < target.assignments.size(); ++i) {
            const BoundAssignment& a = target.assignments[i];
            out += (i == 0 ? ": set " : ", ") + target.table->columns[a.column].name + " = " +
                   (a.value ? a.value->ToString() : std::string("DEFAULT"));
          }
        }
        if (modify.limit) out += "; limit " + std::to_string(*modify.limit);
        return out;
      }
      std::string out = (node.type() == PlanType::kUpdate ? "Update " : "Delete from ") +
                        TableName(*modify.table);
      for (size_t i = 0; i < modify.assignments.size(); ++i) {
        const BoundAssignment& a = modify.assignments[i];
        out += (i == 0 ? ": set " : ", ") + modify.table->columns[a.column].name + " = " +
               (a.value ? a.value->ToString() : std::string("DEFAULT"));
      }
      if (modify.limit) out += ", limit " + std::to_string(*modify.limit);
      return out;
    }
  }
  return "?";
}

// The planner's estimate, or one derived from the children where it set none.
double EstimatedRows(const PlanNode& node) {
  if (node.estimated_rows > 0) return node.estimated_rows;
  double child = node.children().empty() ? kTableRowsGuess : EstimatedRows(node.child(0));
  switch (node.type()) {
    case PlanType::kValues:
      return static_cast<double>(static_cast<const ValuesPlan&>(node).rows.size());
    case PlanType::kSeqScan: {
      const auto& scan = static_cast<const SeqScanPlan&>(node);
      if (scan.range.lower && scan.range.upper) return 1;
      return scan.range.lower || scan.range.upper ? kTableRowsGuess / 2 : kTableRowsGuess;
    }
    case PlanType::kFilter:
      return child / 2;
    case PlanType::kAggregation:
      return static_cast<const AggregationPlan&>(node).group_by.empty() ? 1 : child / 10;
    case PlanType::kLimit: {
      const auto& limit = static_cast<const LimitPlan&>(node);
      return limit.limit ? std::min<double>(child, static_cast<double>(*limit.limit)) : child;
    }
    case PlanType::kInsert:
      return static_cast<double>(static_cast<const InsertPlan&>(node).rows.size());
    default:
      return child;
  }
}

std::string Figures(const PlanNode& node, const PlanStatistics* stats) {
  double estimate = std::max(1.0, std::round(EstimatedRows(node)));
  std::string out = "  (rows=" + std::to_string(static_cast<uint64_t>(estimate)) + ")";
  if (stats) {
    auto it = stats->find(&node);
    if (it == stats->end()) return out + " (never executed)";
    char time[32];
    std::snprintf(time, sizeof(time), "%.3f", it->second.milliseconds);
    out += " (actual rows=" + std::to_string(it->second.rows) +
           ", loops=" + std::to_string(it->second.loops) + ", time=" + time + " ms)";
  }
  return out;
}

void Print(const PlanNode& node, int depth, const PlanStatistics* stats,
           std::vector<std::string>* lines) {
  if (node.type() == PlanType::kWiden) {  // column placement only: show what it reads
    Print(node.child(0), depth, stats, lines);
    return;
  }
  std::string indent(static_cast<size_t>(depth) * 4, ' ');
  lines->push_back(indent + "-> " + Describe(node) + Figures(node, stats));
  // UPDATE and DELETE read their table themselves: show that as if it were a child.
  if ((node.type() == PlanType::kUpdate || node.type() == PlanType::kDelete) &&
      static_cast<const ModifyPlan&>(node).targets.empty()) {
    const auto& modify = static_cast<const ModifyPlan&>(node);
    std::string inner = indent + "    ";
    if (!modify.order_by.empty()) {
      std::string sort = inner + "-> Sort: ";
      for (size_t i = 0; i < modify.order_by.size(); ++i) {
        if (i > 0) sort += ", ";
        sort += modify.order_by[i].key->ToString() + (modify.order_by[i].descending ? " DESC" : "");
      }
      lines->push_back(sort);
      inner += "    ";
    }
    if (modify.predicate) {
      lines->push_back(inner + "-> Filter: " + modify.predicate->ToString());
      inner += "    ";
    }
    if (modify.use_index) {
      const storage::IndexDef& index = modify.table->indexes[modify.index];
      lines->push_back(inner + "-> Index range scan on " + TableName(*modify.table) + " using " +
                       index.name + " (" + DescribeIndexRange(*modify.table, index, modify.range) +
                       ")");
    } else {
      lines->push_back(inner + "-> " + Scan(*modify.table, modify.range));
    }
  }
  // A derived table, view or CTE runs its own plan: show it as the child.
  if (node.type() == PlanType::kDerivedTable) {
    const auto& derived = static_cast<const DerivedTablePlan&>(node);
    if (derived.query) Print(*derived.query, depth + 1, stats, lines);
  }
  for (const auto& child : node.children()) Print(*child, depth + 1, stats, lines);
}

}  // namespace

std::vector<std::string> ExplainPlan(const PlanNode& root, const PlanStatistics* stats) {
  std::vector<std::string> lines;
  Print(root, 0, stats, &lines);
  return lines;
}

}  // namespace minisql::sql
