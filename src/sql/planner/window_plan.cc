// window_plan.cc — WindowPlan's description (plan_nodes.h), for EXPLAIN and planner
// tests: each function with its window, e.g.
//   ROW_NUMBER() OVER (PARTITION BY #1 ORDER BY #2 DESC RANGE UNBOUNDED PRECEDING..CURRENT ROW)
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

namespace {

std::string DescribeBound(const BoundFrameBound& bound) {
  using Kind = ast::WindowFrameBound::Kind;
  switch (bound.kind) {
    case Kind::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case Kind::kPreceding:
      return bound.offset.ToText() + " PRECEDING";
    case Kind::kCurrentRow:
      return "CURRENT ROW";
    case Kind::kFollowing:
      return bound.offset.ToText() + " FOLLOWING";
    case Kind::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return "?";
}

// The call itself with bound arguments: "SUM(#2)", "LAG(#1, 1)", "COUNT(*)".
std::string DescribeCall(const BoundWindowFunction& f) {
  static constexpr const char* kNames[] = {"ROW_NUMBER",   "RANK",      "DENSE_RANK",  "NTILE",
                                           "LAG",          "LEAD",      "FIRST_VALUE", "LAST_VALUE",
                                           "PERCENT_RANK", "CUME_DIST", "NTH_VALUE"};
  const bool aggregate = f.kind == WindowFunctionKind::kAggregate;
  std::string out = aggregate ? f.aggregate.name : kNames[static_cast<int>(f.kind)];
  out += "(";
  if (aggregate && f.aggregate.star) out += "*";
  if (f.argument) out += f.argument->ToString();
  if (f.kind == WindowFunctionKind::kNtile) out += std::to_string(f.count);
  if (f.kind == WindowFunctionKind::kNthValue) out += ", " + std::to_string(f.count);
  if (f.kind == WindowFunctionKind::kLag || f.kind == WindowFunctionKind::kLead) {
    out += ", " + std::to_string(f.count);
    if (f.default_value) out += ", " + f.default_value->ToString();
  }
  return out + ")";
}

}  // namespace

std::string WindowPlan::DescribeFunctions() const {
  std::string out;
  for (size_t i = 0; i < functions.size(); ++i) {
    const BoundWindowFunction& f = functions[i];
    if (i > 0) out += ", ";
    out += DescribeCall(f) + " OVER (";
    if (!f.partition_by.empty()) {
      out += "PARTITION BY ";
      for (size_t k = 0; k < f.partition_by.size(); ++k) {
        out += (k > 0 ? ", " : "") + f.partition_by[k]->ToString();
      }
      out += " ";
    }
    if (!f.order_by.empty()) {
      out += "ORDER BY ";
      for (size_t k = 0; k < f.order_by.size(); ++k) {
        out += (k > 0 ? ", " : "") + f.order_by[k].key->ToString() +
               (f.order_by[k].descending ? " DESC" : "");
      }
      out += " ";
    }
    out += std::string(f.range_frame ? "RANGE " : "ROWS ") + DescribeBound(f.frame_start) + ".." +
           DescribeBound(f.frame_end) + ")";
  }
  return out;
}

std::string WindowPlan::Describe() const {
  return "Window(" + DescribeFunctions() + ")";
}

}  // namespace minisql::sql
